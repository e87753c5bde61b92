import Foundation

/// Turns diagnostics into text for people (`path:line:column: error: message`
/// plus a hint line) or into a JSON array for tools.
public enum DiagnosticFormatter {
    public static func human(_ diagnostic: Diagnostic) -> String {
        var place = diagnostic.path
        if diagnostic.line > 0 {
            place += ":\(diagnostic.line):\(max(diagnostic.column, 1))"
        }
        var text = "\(place): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let hint = diagnostic.hint {
            text += "\n    hint: \(hint)"
        }
        return text
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
