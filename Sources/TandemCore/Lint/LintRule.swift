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

        /// The matches in the page's prose, in UTF-16 ranges of its text. ICU
        /// looks only at the lines that hold one of the pattern's anchors
        /// (`found` in the page by the `AnchorScan` of the pattern's set).
        func matches(in prose: Prose, found: AnchorScan.Found) -> [NSRange] {
            anchors.lines(of: prose.folded, found: found, unitCount: prose.units.count).flatMap { line in
                let text = prose.lineText(line)
                return regex.matches(in: text, range: NSRange(location: 0, length: line.length)).map {
                    NSRange(location: $0.range.location + line.location, length: $0.range.length)
                }
            }.filter {
                $0.length > 0 && (!wholeWords || Self.isBoundary(before: $0.location, in: prose.units))
            }
        }

        /// `\b` as ICU reads it: a word character on one side only.
        static func isBoundary(before offset: Int, in units: [UInt16]) -> Bool {
            func isWord(_ index: Int) -> Bool {
                guard index >= 0, index < units.count, let scalar = Unicode.Scalar(units[index]) else {
                    return false
                }
                return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
                    || scalar.properties.generalCategory == .nonspacingMark
            }
            return isWord(offset - 1) != isWord(offset)
        }
    }

    /// Whether the rule looks at a page in `language`.
    func applies(toLanguage language: String) -> Bool {
        languages.isEmpty || languages.contains { language == $0 || language.hasPrefix($0 + "-") }
    }

    /// Whether the rule looks at a page about `persons`.
    func applies(toPersons persons: [PersonsCategory]) -> Bool {
        personsOnly.isEmpty || (!persons.isEmpty && persons.allSatisfy(personsOnly.contains))
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
