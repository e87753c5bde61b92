import Foundation

/// Every field of a diagnostic (its own `Codable` form is the JSON of `--format json`, without the excerpt).
struct StoredDiagnostic: Codable {
    var severity: Severity
    var path: String
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    var rule: String?
    var excerpt: String?
    var length: Int

    init(_ diagnostic: Diagnostic) {
        (severity, path, line, column) = (diagnostic.severity, diagnostic.path, diagnostic.line, diagnostic.column)
        (message, hint, rule) = (diagnostic.message, diagnostic.hint, diagnostic.rule)
        (excerpt, length) = (diagnostic.excerpt, diagnostic.length)
    }

    var diagnostic: Diagnostic {
        var diagnostic = Diagnostic(severity, SourceLocation(path: path, line: line, column: column), message, hint: hint, rule: rule)
        diagnostic.excerpt = excerpt
        diagnostic.length = length
        return diagnostic
    }
}
