import Foundation
import Mustache

/// The Templates stage's setup: every layout and partial parsed once, checked
/// for references to templates that do not exist, and registered in one
/// Mustache library; plus the strings of each language and the assets.
public struct TemplateSet: Sendable {
    public private(set) var library = MustacheLibrary()
    /// Layout name (`page`, `news/page`) to its file.
    public private(set) var layouts: [String: TemplateFile] = [:]
    public private(set) var partials: [String: TemplateFile] = [:]
    public private(set) var strings: Strings
    /// Files to publish under `/assets/`: path inside `assets/` to the site's file.
    public private(set) var siteAssets: [String: URL] = [:]

    public static func load(root: URL, config: SiteConfig) -> (TemplateSet, [Diagnostic]) {
        let (files, assets, collectDiagnostics) = TemplateSources.collect(root: root)
        var diagnostics = collectDiagnostics
        let (strings, stringDiagnostics) = Strings.load(files, config: config)
        diagnostics += stringDiagnostics
        var set = TemplateSet(strings: strings)
        set.siteAssets = assets
        for (path, file) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            if name.hasPrefix("layouts/") {
                set.layouts[String(name.dropFirst("layouts/".count))] = file
            } else if name.hasPrefix("partials/") {
                set.partials[String(name.dropFirst("partials/".count))] = file
            } else {
                diagnostics.append(.warning(SourceLocation(path: file.displayPath), "this template is not used",
                                            hint: "put layouts in templates/layouts/ and partials in templates/partials/"))
            }
        }
        for name in Set(set.layouts.keys).intersection(set.partials.keys).sorted() {
            diagnostics.append(.error(SourceLocation(path: set.partials[name]!.displayPath),
                                      "a partial and a layout are both named '\(name)'",
                                      hint: "rename one of them: partials and layouts share one set of names"))
        }
        for (name, file) in set.layouts.merging(set.partials, uniquingKeysWith: { layout, _ in layout }) {
            do {
                set.library.register(try MustacheTemplate(string: file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(TemplateErrors.diagnostic(for: error, in: file))
            } catch {
                diagnostics.append(.error(SourceLocation(path: file.displayPath), "cannot read this template: \(error)"))
            }
        }
        diagnostics += set.checkReferences()
        return (set, diagnostics)
    }

    /// Every `{{> partial}}` and `{{< parent}}` must name a template of the set.
    private func checkReferences() -> [Diagnostic] {
        let names = Set(layouts.keys).union(partials.keys)
        var diagnostics: [Diagnostic] = []
        for file in (Array(layouts.values) + Array(partials.values)) {
            for reference in TemplateReferences.scan(file.text) where !names.contains(reference.name) {
                let what = reference.kind == .partial ? "partial" : "parent layout"
                let folder = reference.kind == .partial ? "partials" : "layouts"
                let hint = Suggestion.nearest(to: reference.name, in: names).map { "did you mean '\($0)'?" }
                    ?? "create templates/\(folder)/\(reference.name).mustache, or correct the name"
                diagnostics.append(.error(SourceLocation(path: file.displayPath, line: reference.line, column: reference.column),
                                          "this template uses the \(what) '\(reference.name)', which does not exist",
                                          hint: hint))
            }
        }
        return diagnostics
    }

    /// The layout for a page: the one its front matter names, else the first
    /// that exists of `SECTION/KIND` and `KIND` (home falls back to list,
    /// focal-point to page).
    public func layoutName(for page: SourcePage) -> String? {
        layoutCandidates(for: page).first { layouts[$0] != nil }
    }

    /// The layouts `layoutName(for:)` tries, in order.
    func layoutCandidates(for page: SourcePage) -> [String] {
        if let chosen = page.frontMatter.layout?.value { return [chosen] }
        let kinds: [String]
        switch page.kind {
        case .home: kinds = ["home", "list"]
        case .section: kinds = ["list"]
        case .page: kinds = ["page"]
        case .focalPoint: kinds = ["focal-point", "page"]
        }
        var candidates: [String] = []
        for kind in kinds {
            if let section = page.section { candidates.append(section + "/" + kind) }
            candidates.append(kind)
        }
        return candidates
    }

    /// Reports `layout:` values that name no layout.
    public func checkLayoutChoices(_ pages: [SourcePage]) -> [Diagnostic] {
        pages.compactMap { page in
            guard let chosen = page.frontMatter.layout, layouts[chosen.value] == nil else { return nil }
            let hint = Suggestion.nearest(to: chosen.value, in: layouts.keys).map { "did you mean '\($0)'?" }
                ?? "create templates/layouts/\(chosen.value).mustache, or use one of: " + layouts.keys.sorted().joined(separator: ", ")
            return .error(chosen.location, "there is no layout '\(chosen.value)'", hint: hint)
        }
    }

    public func render(_ context: [String: Any], layout: String) -> String {
        library.render(context, withTemplate: layout) ?? ""
    }

    public func renderPartial(_ context: [String: Any], partial: String) -> String {
        library.render(context, withTemplate: partial) ?? ""
    }
}
