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

    static func == (first: QuickKey, second: QuickKey) -> Bool {
        first.text == second.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(QuickHash.hash(text, into: 0))
    }

    func _rawHashValue(seed: Int) -> Int {
        QuickHash.tableHash(QuickHash.hash(text, into: 0), seed: seed)
    }
}
