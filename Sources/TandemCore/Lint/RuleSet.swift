import Foundation

/// The terminology rules a site's pages are checked against: the built-in
/// ones, each replaced by the site's `lint/ID.yaml` of the same id, plus the
/// site's own, less those `tandem.yaml` turns off (`lint: {disable: [ID]}`).
/// Loaded once per change of those files; patterns are compiled here, not per page.
public struct RuleSet: Sendable {
    /// The rules in force, by id.
    public private(set) var rules: [LintRule]
    /// Every id a page may name in `lint_allow` or `tandem.yaml` in `disable`:
    /// the rules (in force or not) and the checks written in Swift.
    public var knownIDs: Set<String>
    /// Ids turned off in `tandem.yaml`.
    public var disabled: Set<String>
    /// The anchors of every pattern of `rules` and of the cooperation
    /// policy's joint wordings, found in a page in one pass.
    let anchorScan: AnchorScan

    public init(rules: [LintRule], disabled: Set<String> = []) {
        self.rules = rules.filter { !disabled.contains($0.id) }.sorted { $0.id < $1.id }
        let patterns = self.rules.flatMap { $0.patterns + ($0.definition.map { [$0] } ?? []) } + [CooperationPolicy.joint]
        self.anchorScan = AnchorScan(patterns.map(\.anchors))
        self.knownIDs = Set(rules.map(\.id)).union(ContentChecks.ids).union(CooperationPolicy.ids)
        self.disabled = disabled
    }

    /// Whether a check written in Swift (policy, accessibility) is in force.
    public func isEnabled(_ id: String) -> Bool { !disabled.contains(id) }

    /// The built-in rules and the site's `lint/` folder, with `config`'s `disable` list applied.
    public static func load(root: URL, config: SiteConfig) -> (RuleSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var rules: [String: LintRule] = [:]
        var ids: Set<String> = []
        for (id, bytes) in BuiltInRules.files {
            let (rule, problems) = RuleFile.parse(String(decoding: bytes, as: UTF8.self), id: id,
                                                  path: "built-in lint/\(id).yaml", origin: "built-in")
            diagnostics += problems
            rules[id] = rule
            ids.insert(id)
        }
        let folder = root.appendingPathComponent("lint")
        let listing = FileTree.listing(under: folder.path)
        diagnostics += listing.diagnostics(in: "lint")
        for name in listing.files {
            let path = "lint/" + name
            guard name.hasSuffix(".yaml"), !name.contains("/") else {
                diagnostics.append(.warning(SourceLocation(path: path), "this file is not used",
                                            hint: "a rule is a file lint/ID.yaml directly in lint/, in Vale's rule format"))
                continue
            }
            let id = String(name.dropLast(".yaml".count))
            ids.insert(id)
            rules[id] = nil
            let text: String
            switch FileTree.read(folder.appendingPathComponent(name).path) {
            case .success(let data):
                switch SourceText.decode(data, path: path) {
                case .success(let decoded): text = decoded
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    continue
                }
            case .failure(let failure):
                diagnostics.append(failure.fileDiagnostic(path))
                continue
            }
            let (rule, problems) = RuleFile.parse(text, id: id, path: path, origin: path)
            diagnostics += problems
            rules[id] = rule
        }
        var disabled: Set<String> = []
        let known = ids.union(ContentChecks.ids).union(CooperationPolicy.ids)
        for id in config.lintDisable {
            if known.contains(id.value) {
                disabled.insert(id.value)
            } else {
                diagnostics.append(.error(id.location, "there is no content rule '\(id.value)' to disable",
                                          hint: Suggestion.hint(for: id.value, in: known.sorted())))
            }
        }
        var set = RuleSet(rules: Array(rules.values), disabled: disabled)
        set.knownIDs = known
        return (set, diagnostics)
    }
}
