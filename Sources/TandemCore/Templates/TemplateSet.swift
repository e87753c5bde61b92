import Foundation
import Mustache

/// The Templates stage's setup: every layout and partial parsed once, checked
/// for references to templates that do not exist and for templates that reach
/// themselves, and registered in one Mustache library; plus the strings of
/// each language and the assets.
///
/// A template that cannot be rendered safely (an error was reported for it,
/// or it uses one that has) is never registered: a site's file falls back to
/// the built-in template of the same name, and pages whose layout is gone use
/// their next layout. So one mistake gives one error, never a crash or a
/// second error about what follows from it.
public struct TemplateSet: Sendable {
    public private(set) var library = MustacheLibrary()
    /// Copies of `library` that share no storage with it or each other
    /// (`copiedApart()`), one per rendering thread (`ThreadSlot`): two cores
    /// that render with the same templates would otherwise change the same
    /// reference counts (a template's tokens and names) at every tag, taking
    /// the cache line from each other. Memos are shared by all copies.
    private var threadLibraries: [MustacheLibrary] = []
    /// Layout name (`page`, `news/page`) to its file.
    public private(set) var layouts: [String: TemplateFile] = [:]
    public private(set) var partials: [String: TemplateFile] = [:]
    public private(set) var strings: Strings
    /// Files to publish under `/assets/`: path inside `assets/` to the site's file.
    public private(set) var siteAssets: [String: URL] = [:]
    /// Layouts of the site left out because of an error already reported.
    private(set) var unusableLayouts: Set<String> = []
    /// `responsibleFile(forLayout:)` of each layout, found once when the templates load.
    private var responsibleFiles: [String: String] = [:]

    public static func load(root: URL, config: SiteConfig) -> (TemplateSet, [Diagnostic]) {
        let (files, assets, collectDiagnostics) = TemplateSources.collect(root: root)
        var diagnostics = collectDiagnostics
        let (strings, stringDiagnostics) = Strings.load(files, config: config)
        diagnostics += stringDiagnostics
        var set = TemplateSet(strings: strings)
        set.siteAssets = assets
        let builtIns = Dictionary(uniqueKeysWithValues: BuiltInTemplates.files.map {
            ($0.path, TemplateFile(relativePath: $0.path, text: String(decoding: $0.bytes, as: UTF8.self), isBuiltIn: true))
        })
        var layoutFiles: [String: TemplateFile] = [:], partialFiles: [String: TemplateFile] = [:]
        for (path, found) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            var file = found
            if let outsized = TemplateLimits.check(file) {
                diagnostics.append(outsized)
                guard let builtIn = builtIns[path] else {
                    if name.hasPrefix("layouts/") { set.unusableLayouts.insert(String(name.dropFirst("layouts/".count))) }
                    continue
                }
                file = builtIn
            }
            if name.hasPrefix("layouts/") {
                layoutFiles[String(name.dropFirst("layouts/".count))] = file
            } else if name.hasPrefix("partials/") {
                partialFiles[String(name.dropFirst("partials/".count))] = file
            } else {
                diagnostics.append(.warning(SourceLocation(path: file.displayPath), "this template is not used",
                                            hint: "put layouts in templates/layouts/ and partials in templates/partials/"))
            }
        }
        for name in Set(layoutFiles.keys).intersection(partialFiles.keys).sorted() {
            diagnostics.append(.error(SourceLocation(path: partialFiles[name]!.displayPath),
                                      "a partial and a layout are both named '\(name)'",
                                      hint: "rename one of them: partials and layouts share one set of names"))
        }
        var chosen = layoutFiles.merging(partialFiles, uniquingKeysWith: { layout, _ in layout })
        var parsed: [String: MustacheTemplate] = [:]
        var broken: Set<String> = []
        for (name, file) in chosen.sorted(by: { $0.key < $1.key }) {
            switch parse(file) {
            case .success(let template): parsed[name] = template
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                broken.insert(name)
            }
        }
        diagnostics += checkReferences(chosen)
        var graph = TemplateGraph(texts: chosen.mapValues(\.text))
        diagnostics += graph.cycles().map { cycleDiagnostic($0, files: chosen, layouts: Set(layoutFiles.keys)) }
        if let notice = chosen[JointNotice.partialName], !notice.isBuiltIn, !notice.text.contains(JointNotice.marker) {
            diagnostics.append(.error(SourceLocation(path: notice.displayPath, line: 1, column: 1),
                                      "the joint-notice partial has no element marked \(JointNotice.marker)",
                                      hint: "keep the attribute on the element that holds the notice, e.g. `<aside class=\"joint-notice\" data-joint-notice>`"))
            broken.insert(JointNotice.partialName)
        }
        var unusable = graph.unusable(broken: broken)
        while true {
            let replaced = unusable.compactMap { name -> (String, TemplateFile, MustacheTemplate)? in
                guard let file = chosen[name], !file.isBuiltIn, let builtIn = builtIns[file.relativePath],
                      case .success(let template) = parse(builtIn) else { return nil }
                return (name, builtIn, template)
            }
            guard !replaced.isEmpty else { break }
            for (name, builtIn, template) in replaced {
                chosen[name] = builtIn
                parsed[name] = template
                broken.remove(name)
            }
            graph = TemplateGraph(texts: chosen.mapValues(\.text))
            unusable = graph.unusable(broken: broken)
        }
        for (name, file) in chosen {
            let isLayout = layoutFiles[name] != nil
            guard !unusable.contains(name), let template = parsed[name] else {
                if isLayout { set.unusableLayouts.insert(name) }
                continue
            }
            set.library.register(template, named: name)
            if isLayout { set.layouts[name] = file } else { set.partials[name] = file }
        }
        for name in set.layouts.keys { set.responsibleFiles[name] = set.findResponsibleFile(forLayout: name) }
        set.threadLibraries = (0..<threadCopies).map { _ in set.library.copiedApart() }
        return (set, diagnostics)
    }

    private static func parse(_ file: TemplateFile) -> Result<MustacheTemplate, Diagnostic> {
        do {
            return .success(try MustacheTemplate(string: file.text))
        } catch let error as MustacheTemplate.ParserError {
            return .failure(TemplateErrors.diagnostic(for: error, in: file))
        } catch {
            return .failure(.error(SourceLocation(path: file.displayPath), "cannot read this template: \(error)"))
        }
    }

    /// Every `{{> partial}}` and `{{< parent}}` must name a template of the set, by its name.
    private static func checkReferences(_ files: [String: TemplateFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, file) in files.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateReferences.scan(file.text) {
                let location = SourceLocation(path: file.displayPath, line: reference.line, column: reference.column)
                let what = reference.kind == .partial ? "partial" : "parent layout"
                if reference.isDynamic {
                    var named = reference
                    named.isDynamic = false
                    diagnostics.append(.error(location, "this template chooses a \(what) by a value (`\(reference.tag)`), which Tandem does not support",
                                              hint: "name the \(what) itself, e.g. `\(named.tag)`, and choose between several with sections"))
                    continue
                }
                guard files[reference.name] == nil else { continue }
                let folder = reference.kind == .partial ? "partials" : "layouts"
                let hint = Suggestion.nearest(to: reference.name, in: files.keys).map { "did you mean '\($0)'?" }
                    ?? "create templates/\(folder)/\(reference.name).mustache, or correct the name"
                diagnostics.append(.error(location, "this template uses the \(what) '\(reference.name)', which does not exist",
                                          hint: hint))
            }
        }
        return diagnostics
    }

    /// `the partial includes itself: a → b → a`, at the first reference of the cycle.
    private static func cycleDiagnostic(_ cycle: [TemplateGraph.Step], files: [String: TemplateFile],
                                        layouts: Set<String>) -> Diagnostic {
        let first = cycle[0]
        let file = files[first.from]!
        let noun = layouts.contains(first.from) ? "layout" : "partial"
        let verb = cycle.allSatisfy { $0.reference.kind == .parent } ? "is its own parent" : "includes itself"
        let way = ([first.from] + cycle.map(\.reference.name)).joined(separator: " → ")
        let places = cycle.map { step in
            step.from == first.from ? "`\(step.reference.tag)` here" : "`\(step.reference.tag)` in \(files[step.from]!.displayPath)"
        }
        let hint = (cycle.count == 1 ? "remove \(places[0])" : "remove one of " + places.joined(separator: ", "))
            + ": a template that reaches itself would be rendered without end"
        return .error(SourceLocation(path: file.displayPath, line: first.reference.line, column: first.reference.column),
                      "the \(noun) \(verb): \(way)", hint: hint)
    }

    /// The layout for a page: the one its front matter names, else the first
    /// that exists of `SECTION/KIND` and `KIND` (home falls back to list,
    /// focal-point to page). A chosen layout left out for an error is passed
    /// over without a second error.
    public func layoutName(for page: SourcePage) -> String? {
        layoutCandidates(for: page).first { layouts[$0] != nil }
    }

    /// The layouts `layoutName(for:)` tries, in order: the one `layout:` names
    /// (unless it is broken: then the page falls back to the usual ones).
    func layoutCandidates(for page: SourcePage) -> [String] {
        if let chosen = page.frontMatter.layout?.value, !unusableLayouts.contains(chosen) { return [chosen] }
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

    /// The file to name when a layout's page lacks something: the layout,
    /// or, for a built-in layout, the first of the site's own templates it
    /// reaches (parents before partials) — the built-in ones have what they
    /// need, so a site template that replaced one of them is the cause.
    func responsibleFile(forLayout name: String) -> String {
        responsibleFiles[name] ?? name
    }

    private func findResponsibleFile(forLayout name: String) -> String {
        guard let layout = layouts[name] else { return name }
        guard layout.isBuiltIn else { return layout.displayPath }
        var queue = [name], seen: Set<String> = [name]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard let file = layouts[current] ?? partials[current] else { continue }
            if !file.isBuiltIn { return file.displayPath }
            let references = TemplateReferences.scan(file.text).sorted { ($0.kind == .parent ? 0 : 1) < ($1.kind == .parent ? 0 : 1) }
            for reference in references where seen.insert(reference.name).inserted { queue.append(reference.name) }
        }
        return layout.displayPath
    }

    /// Reports `layout:` values that name no layout.
    public func checkLayoutChoices(_ pages: [SourcePage]) -> [Diagnostic] {
        pages.compactMap { page in
            guard let chosen = page.frontMatter.layout, layouts[chosen.value] == nil,
                  !unusableLayouts.contains(chosen.value) else { return nil }
            let hint = Suggestion.nearest(to: chosen.value, in: layouts.keys).map { "did you mean '\($0)'?" }
                ?? "create templates/layouts/\(chosen.value).mustache, or use one of: " + layouts.keys.sorted().joined(separator: ", ")
            return .error(chosen.location, "there is no layout '\(chosen.value)'", hint: hint)
        }
    }

    /// The page `layout` makes of `context`, as UTF-8 (`RenderedHTML`).
    public func render(_ context: MustacheValues, layout: String) -> [UInt8] {
        threadLibrary.renderUTF8(context, withTemplate: layout) ?? []
    }

    public func renderPartial(_ context: MustacheValues, partial: String) -> String {
        threadLibrary.render(context, withTemplate: partial) ?? ""
    }

    /// How many copies of the library are made: one for each core and the main thread.
    private static let threadCopies = ProcessInfo.processInfo.activeProcessorCount + 1

    /// The calling thread's copy of the library.
    private var threadLibrary: MustacheLibrary {
        threadLibraries.isEmpty ? library : threadLibraries[ThreadSlot.current % threadLibraries.count]
    }
}
