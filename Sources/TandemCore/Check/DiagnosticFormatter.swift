import Foundation

/// Turns diagnostics into text for people (`path:line:column: error: message`,
/// `[rule-id]` after the severity when a content rule found it, the source
/// line with the match underlined when known, then a hint line) or into a
/// JSON array for tools.
///
/// In text for people, control characters that a value or a file name may
/// carry are escaped (`\n`, `\u{1B}`), so that one diagnostic stays one line
/// (and one hint line) and nothing written in a file can steer the terminal.
public enum DiagnosticFormatter {
    public static func human(_ diagnostic: Diagnostic) -> String {
        var place = escaped(diagnostic.path)
        if diagnostic.line > 0 {
            place += ":\(diagnostic.line):\(max(diagnostic.column, 1))"
        }
        let rule = diagnostic.rule.map { " [\(escaped($0))]" } ?? ""
        var text = "\(place): \(diagnostic.severity.rawValue)\(rule): \(escaped(diagnostic.message))"
        if let excerpt = diagnostic.excerpt {
            text += "\n" + underlined(excerpt, column: diagnostic.column, length: diagnostic.length)
        }
        if let hint = diagnostic.hint {
            text += "\n    hint: \(escaped(hint))"
        }
        return text
    }

    /// The line, indented, and under it `^~~~` from `column` over `length` characters
    /// (the line is escaped like any value, and the marks follow the escaped width).
    static func underlined(_ line: String, column: Int, length: Int) -> String {
        let before = escaped(String(line.prefix(max(column - 1, 0)))).count
        let covered = escaped(String(line.dropFirst(max(column - 1, 0)).prefix(max(length, 1)))).count
        let marks = "^" + String(repeating: "~", count: max(covered - 1, 0))
        return "    " + escaped(line) + "\n    " + String(repeating: " ", count: before) + marks
    }

    /// `text` with line ends, tabs and other control characters (C0, DEL, C1,
    /// the Unicode line and paragraph separators) written as escapes.
    static func escaped(_ text: String) -> String {
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
        }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func human(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { human($0) + "\n" }.joined()
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
