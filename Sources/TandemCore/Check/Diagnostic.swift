import Foundation

/// How serious a problem is: errors stop a publish, warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in content, configuration or templates, with the place
/// a person has to go to fix it and, where it helps, what to write instead.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    /// Path relative to the site root, e.g. `content/news/2026/camp.md`.
    public var path: String
    /// 1-based line; 0 when the problem concerns the file as a whole.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.path = location.path
        self.line = location.line
        self.column = location.column
        self.message = message
        self.hint = hint
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    public var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }
}

extension Diagnostic: Comparable {
    /// Sorted by file, then line and column, so a reader can work top to bottom.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
