import Foundation

/// How serious a problem is: errors stop a publish; warnings and info
/// (suggestions, such as a preferred wording) print and publish.
public enum Severity: String, Sendable, Codable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
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
    /// The id of the content rule that found the problem (`illegal-migrant`), nil for other problems.
    public var rule: String?
    /// The source line the problem is on, for people: shown under the message with the match underlined.
    /// Not part of the JSON form.
    public var excerpt: String?
    /// How many characters from `column` the match covers in `excerpt`.
    public var length = 0

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil,
                rule: String? = nil) {
        self.severity = severity
        self.path = location.path
        self.line = location.line
        self.column = location.column
        self.message = message
        self.hint = hint
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey {
        case severity, path, line, column, message, hint, rule
    }

    /// Every key is written, `rule` and `hint` as null when absent, so tools see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
        try container.encode(rule, forKey: .rule)
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil, rule: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint, rule: rule)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil, rule: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint, rule: rule)
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
    public var infoCount: Int { filter { $0.severity == .info }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
