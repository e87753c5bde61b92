/// A content rule silenced on one page, and why: an entry of front matter
/// `lint_allow: [{rule: ID, reason: "..."}]`. Whether the id names a rule is
/// decided by the Lint stage, which knows the site's rules.
public struct LintAllowance: Sendable, Hashable, Codable {
    public var rule: Located<String>
    public var reason: String

    public init(rule: Located<String>, reason: String) {
        self.rule = rule
        self.reason = reason
    }
}
