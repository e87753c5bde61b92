import Mustache

/// A 64-bit digest of a template context (the dictionary a layout renders),
/// in a canonical order: two contexts with the same fingerprint render to the
/// same HTML with the same templates. The preview compares fingerprints to
/// re-render only the files whose context changed.
///
/// Texts are hashed by their UTF-8 bytes (faster than `String`'s own hashing,
/// which normalizes; texts that differ only in normalization count as changed).
/// Swift's `Hasher` is seeded once per process, so fingerprints are compared
/// only within one run, never stored.
struct ContextFingerprint: Hashable, Sendable {
    private var digest: Int

    /// The digest of `context` and of the texts in `extra` (layout name, paths).
    /// Every `strings` key is left out (the top level's, and the one a focal
    /// point's values carry): it is the strings table of the context's `lang`,
    /// so the language and the template set decide it, and callers put their
    /// digests in `extra`.
    init(_ context: MustacheValues, extra: [String]) {
        var hasher = Hasher()
        for text in extra { Self.feed(text, into: &hasher) }
        Self.feed(context, into: &hasher, skippingKey: "strings")
        digest = hasher.finalize()
    }

    private static func feed(_ value: Any, into hasher: inout Hasher, skippingKey skipped: String? = nil) {
        switch value {
        case let text as String:
            hasher.combine(1 as UInt8)
            feed(text, into: &hasher)
        case let flag as Bool:
            hasher.combine(2 as UInt8)
            hasher.combine(flag)
        case let number as Int:
            hasher.combine(3 as UInt8)
            hasher.combine(number)
        case let table as MustacheValues:
            feed(table: table.map { ($0.key.text, $0.value) }, into: &hasher, skippingKey: skipped)
        case let table as [String: Any]:
            feed(table: table.map { ($0.key, $0.value) }, into: &hasher, skippingKey: skipped)
        case let list as [Any]:
            hasher.combine(5 as UInt8)
            hasher.combine(list.count)
            for item in list { feed(item, into: &hasher, skippingKey: skipped) }
        case let number as Double:
            hasher.combine(6 as UInt8)
            hasher.combine(number)
        default:
            hasher.combine(7 as UInt8)
            feed(String(describing: type(of: value)) + ":" + String(describing: value), into: &hasher)
        }
    }

    /// A dictionary, keyed by texts or by `MustacheKey`s alike: its size, then its entries in the order of their keys.
    private static func feed(table entries: [(key: String, value: Any)], into hasher: inout Hasher, skippingKey skipped: String?) {
        hasher.combine(4 as UInt8)
        hasher.combine(entries.count)
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) where key != skipped {
            feed(key, into: &hasher)
            feed(value, into: &hasher, skippingKey: skipped)
        }
    }

    private static func feed(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}
