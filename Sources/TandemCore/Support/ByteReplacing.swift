/// The one mechanism behind Tandem's own escapers (`MarkupEscaping`,
/// `JSONValue`): walks a text's UTF-8 bytes and copies the runs between the
/// places a rule replaces whole, so a text with nothing to replace costs one
/// pass and no copy. Each escaper keeps its own rule.
enum ByteReplacing {
    /// What replaces the bytes at an index, and how many bytes it replaces.
    typealias Replacement = (text: String, length: Int)

    /// `text` with every match of `rule` replaced; nil if nothing matched.
    /// `rule` gets the bytes and an index, and answers nil where nothing is replaced.
    static func replacing(in text: String, _ rule: (UnsafeBufferPointer<UInt8>, Int) -> Replacement?) -> String? {
        var source = text
        return source.withUTF8 { bytes -> String? in
            var result: String?
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard let replacement = rule(bytes, index) else {
                    index += 1
                    continue
                }
                if result == nil { result = ""; result!.reserveCapacity(bytes.count + 16) }
                result! += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                result! += replacement.text
                index += replacement.length
                runStart = index
            }
            guard result != nil else { return nil }
            result! += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)
            return result
        }
    }
}
