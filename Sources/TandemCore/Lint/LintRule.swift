import Foundation

/// One terminology rule, read from a file in the subset of Vale's rule format
/// that Tandem understands (see `RuleFile`), its patterns compiled once.
public struct LintRule: Sendable {
    /// How a rule finds its matches.
    public enum Kind: String, Sendable {
        /// Vale's `existence`: any of `tokens` is a problem; `%s` in the message is the match.
        case existence
        /// Vale's `substitution`: each key of `swap` is a problem, its value the wording to use;
        /// the first `%s` in the message is that wording, the second the match.
        case substitution
        /// Vale's `conditional`, as Tandem reads it: `first` is a problem when
        /// `second` (say, the spelled-out name) has not been written before it on the page.
        case conditional
    }

    /// What a rule does with a match inside quoted speech (a blockquote or quotation marks).
    public enum QuotedSpeech: String, Sendable {
        /// Reported as `info`, whatever the rule's level: quoting someone is not writing it.
        case info
        /// Not reported at all (Tandem's key `quoted: skip`).
        case skip
    }

    /// The file name without `.yaml`: `illegal-migrant`.
    public var id: String
    public var kind: Kind
    public var message: String
    public var level: Severity
    /// Vale's `description`: shown as the hint when there is no replacement to suggest.
    public var description: String?
    /// Languages the rule applies to (`fr`); empty for every language.
    public var languages: [String]
    public var quoted: QuotedSpeech
    /// Tandem's key `persons_only`: the rule applies only on pages whose
    /// `persons` are all among these (and not empty).
    public var personsOnly: Set<PersonsCategory>
    /// Where the rule comes from: `built-in` or `lint/ID.yaml`.
    public var origin: String

    /// Each pattern with the wording to use instead (substitution) or nil.
    let patterns: [Pattern]
    /// For `conditional`: what makes `first` acceptable once written.
    let definition: Pattern?

    struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable and safe to use from several threads.
        let regex: NSRegularExpression
        let replacement: String?
        /// Whether a match must start at a word boundary (`\b`, checked here).
        let wholeWords: Bool
        let anchors: PatternAnchors

        /// `source`: the pattern as the rule writes it (the tokens joined with `|`), for its anchors.
        init(regex: NSRegularExpression, source: String, replacement: String?, wholeWords: Bool) {
            self.init(regex: regex, anchors: PatternAnchors(source), replacement: replacement, wholeWords: wholeWords)
        }

        init(regex: NSRegularExpression, anchors: PatternAnchors, replacement: String?, wholeWords: Bool) {
            self.regex = regex
            self.replacement = replacement
            self.wholeWords = wholeWords
            self.anchors = anchors
        }

        /// The matches in the page's prose, as byte ranges of its text. ICU
        /// looks only at the lines that hold one of the pattern's anchors
        /// (`found` in the page by the `AnchorScan` of the pattern's set).
        func matches(in prose: Prose, found: AnchorScan.Found) -> [Range<Int>] {
            anchors.lines(lineEnds: prose.lineEnds, count: prose.text.count, found: found).flatMap { line in
                let text = prose.lineText(line)
                return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).compactMap { match -> Range<Int>? in
                    guard match.range.length > 0, let range = Range(match.range, in: text) else { return nil }
                    let utf8 = text.utf8
                    return (line.lowerBound + utf8.distance(from: utf8.startIndex, to: range.lowerBound))
                        ..< (line.lowerBound + utf8.distance(from: utf8.startIndex, to: range.upperBound))
                }
            }.filter {
                !wholeWords || Self.isBoundary(before: $0.lowerBound, in: prose.text)
            }
        }

        /// `\b` as ICU reads it: a word character on one side only.
        static func isBoundary(before offset: Int, in text: [UInt8]) -> Bool {
            var before = offset - 1
            while before > 0, text[before] & 0xC0 == 0x80 { before -= 1 }
            return isWord(at: before, in: text) != isWord(at: offset, in: text)
        }

        /// Whether the character starting at byte `offset` is a letter, a digit, `_` or a combining mark.
        private static func isWord(at offset: Int, in text: [UInt8]) -> Bool {
            guard offset >= 0, offset < text.count,
                  let scalar = String(decoding: text[offset..<min(offset + 4, text.count)], as: UTF8.self).unicodeScalars.first,
                  scalar != "\u{FFFD}" else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
                || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// Whether the rule at `rule` looks at a page in `language`. Read in place,
    /// through the pointer: a method called through `pointee` copied the whole
    /// rule for every page (`RuleMatcher`).
    static func applies(_ rule: UnsafePointer<LintRule>, toLanguage language: String) -> Bool {
        rule.pointee.languages.isEmpty || rule.pointee.languages.contains { language == $0 || isRegion(language, of: $0) }
    }

    /// Whether `language` is a regional form of `base` (`fr-CA` of `fr`), told without making `base + "-"`.
    private static func isRegion(_ language: String, of base: String) -> Bool {
        let (utf8, baseUTF8) = (language.utf8, base.utf8)
        guard utf8.count > baseUTF8.count, utf8.starts(with: baseUTF8) else { return false }
        return utf8[utf8.index(utf8.startIndex, offsetBy: baseUTF8.count)] == UInt8(ascii: "-")
    }

    /// Whether the rule at `rule` looks at a page about `persons`, read in place.
    static func applies(_ rule: UnsafePointer<LintRule>, toPersons persons: [PersonsCategory]) -> Bool {
        rule.pointee.personsOnly.isEmpty || (!persons.isEmpty && persons.allSatisfy { rule.pointee.personsOnly.contains($0) })
    }

    /// The message for one match, `%s` filled in as Vale does.
    func message(match: String, replacement: String?) -> String {
        var fills = kind == .substitution ? [replacement ?? "", match] : [match]
        var result = ""
        var rest = Substring(message)
        while let range = rest.range(of: "%s") {
            result += rest[..<range.lowerBound]
            result += fills.isEmpty ? match : fills.removeFirst()
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
