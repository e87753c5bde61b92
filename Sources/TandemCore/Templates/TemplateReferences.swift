/// Finds the partials (`{{> name}}`) and parents (`{{< name}}`) a Mustache
/// template refers to, with their lines, so that a reference to a template
/// that does not exist is an error (swift-mustache would render it as nothing)
/// and a template that reaches itself is found before it is ever rendered.
enum TemplateReferences {
    struct Reference: Equatable {
        enum Kind: String { case partial, parent }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        /// `{{>*name}}`: the template is named by a value of the context at render time.
        var isDynamic = false

        /// The tag as written, for messages: `{{> site-footer}}`, `{{< base}}`.
        var tag: String { "{{" + (kind == .partial ? "> " : "< ") + (isDynamic ? "*" : "") + name + "}}" }
    }

    static func scan(_ text: String) -> [Reference] {
        tags(text).compactMap { tag in
            guard let sigil = tag.body.first, sigil == ">" || sigil == "<" else { return nil }
            var name = trimmed(tag.body.dropFirst())
            let isDynamic = name.hasPrefix("*")
            if isDynamic { name = trimmed(name.dropFirst()) }
            guard !name.isEmpty else { return nil }
            return Reference(kind: sigil == ">" ? .partial : .parent, name: name,
                             line: tag.line, column: tag.column, isDynamic: isDynamic)
        }
    }

    /// One tag of a template: what is between its delimiters (trimmed), and where it starts.
    struct Tag: Equatable {
        var body: String
        var line: Int
        var column: Int
    }

    /// Every tag of `text` in order, following delimiter changes (`{{=<% %>=}}`).
    /// Read as UTF-8 bytes: a delimiter is found by its bytes (it starts on a
    /// scalar's first byte, as UTF-8 is made), a line ends at each `\n`, and a
    /// column counts the Characters before the tag on its line.
    static func tags(_ text: String) -> [Tag] {
        var text = text
        return text.withUTF8 { tags(in: $0) }
    }

    private static func tags(in bytes: UnsafeBufferPointer<UInt8>) -> [Tag] {
        var tags: [Tag] = []
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var index = 0, line = 1, lineStart = 0
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(bytes, at: index, open) else { index += 1; continue }
            let tagStart = index
            var end = index + open.count
            while end < bytes.count, !matches(bytes, at: end, close) { end += 1 }
            guard end < bytes.count else { break }
            var body = string((tagStart + open.count)..<end)
            var tagEnd = end + close.count
            if body.hasPrefix("{"), tagEnd < bytes.count, bytes[tagEnd] == UInt8(ascii: "}") { tagEnd += 1 }
            body = trimmed(Substring(body))
            tags.append(Tag(body: body, line: line, column: string(lineStart..<tagStart).count + 1))
            if body.hasPrefix("="), body.hasSuffix("="), body.count > 2 {
                let delimiters = body.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 {
                    open = Array(delimiters[0].utf8)
                    close = Array(delimiters[1].utf8)
                }
            }
            for position in tagStart..<min(tagEnd, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            index = tagEnd
        }
        return tags
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// `text` without the whitespace (`CharacterSet.whitespaces`) at either end.
    /// Most tags have none: that is told from the first and last bytes, without
    /// Foundation's trimming (about 11,000 instructions a tag, through `NSString`).
    private static func trimmed(_ text: Substring) -> String {
        let bytes = text.utf8
        func mayBeWhitespace(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte >= 0x80
        }
        guard mayBeWhitespace(bytes.first) || mayBeWhitespace(bytes.last) else { return String(text) }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
