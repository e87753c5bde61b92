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
        var references: [Reference] = []
        var open = Array("{{"), close = Array("}}")
        let characters = Array(text)
        var index = 0, line = 1, lineStart = 0
        while index < characters.count {
            if characters[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(characters, at: index, open) else { index += 1; continue }
            let tagStart = index
            var end = index + open.count
            while end < characters.count, !matches(characters, at: end, close) { end += 1 }
            guard end < characters.count else { break }
            var body = String(characters[(tagStart + open.count)..<end])
            var tagEnd = end + close.count
            if body.hasPrefix("{"), tagEnd < characters.count, characters[tagEnd] == "}" { tagEnd += 1 }
            body = body.trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("="), body.hasSuffix("="), body.count > 2 {
                let delimiters = body.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 {
                    open = Array(delimiters[0])
                    close = Array(delimiters[1])
                }
            } else if let sigil = body.first, sigil == ">" || sigil == "<" {
                var name = body.dropFirst().trimmingCharacters(in: .whitespaces)
                let isDynamic = name.hasPrefix("*")
                if isDynamic { name = name.dropFirst().trimmingCharacters(in: .whitespaces) }
                if !name.isEmpty {
                    references.append(Reference(kind: sigil == ">" ? .partial : .parent, name: name,
                                                line: line, column: tagStart - lineStart + 1, isDynamic: isDynamic))
                }
            }
            for position in tagStart..<min(tagEnd, characters.count) where characters[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            index = tagEnd
        }
        return references
    }

    private static func matches(_ characters: [Character], at index: Int, _ pattern: [Character]) -> Bool {
        guard index + pattern.count <= characters.count else { return false }
        for offset in pattern.indices where characters[index + offset] != pattern[offset] { return false }
        return true
    }
}

import Foundation
