/// A text as the key of a `Dictionary` or `Set`, hashed by `QuickHash`
/// (eight bytes at a time) instead of the standard library's SipHash, which
/// costs about 400 instructions for a site path. For tables a build looks up
/// by the hundred thousand, such as the site paths every link is checked
/// against (`SitePaths`). Equal texts are equal keys; a table's seed is
/// still mixed in (`QuickHash.tableHash`).
struct QuickKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    private var quickHash: UInt64 { QuickHash.hash(text, into: 0) }

    func hash(into hasher: inout Hasher) {
        hasher.combine(quickHash)
    }

    func _rawHashValue(seed: Int) -> Int {
        QuickHash.tableHash(quickHash, seed: seed)
    }
}
