import Foundation

/// The render stage: for every published page and listing, in parallel,
/// Markdown → template → notice check → file in the staging folder. A page's
/// HTML is written as soon as it is rendered, so memory does not grow with the site.
struct SiteRenderer {
    let graph: SiteGraph
    let templates: TemplateSet
    let output: any OutputSink

    /// One file to produce.
    enum Job: Sendable {
        case page(Int)
        case section(Int)
        /// A home page for a language whose `content/` has no `index.md`.
        case generatedHome(language: String)
    }

    struct Result {
        var diagnostics: [Diagnostic] = []
        var outputPaths: Set<String> = []
    }

    struct JobResult: Sendable {
        var outputPath: String?
        var diagnostics: [Diagnostic] = []
        /// Layout file whose missing notice was inserted.
        var insertedNoticeFor: String?
    }

    func renderAll() -> Result {
        var jobs: [Job] = graph.pages.indices.filter { graph.pages[$0].source.kind != .section }.map { .page($0) }
        jobs += graph.sections.indices.filter { !graph.sections[$0].isFocalPointDirectory }.map { .section($0) }
        let languagesWithHome = Set(graph.pages.filter { $0.source.kind == .home }.map(\.source.language))
        jobs += graph.config.languages.filter { !languagesWithHome.contains($0) }.map { .generatedHome(language: $0) }
        let results = jobs.parallelMap { render($0) } + renderFocalPointFiles()

        var result = Result()
        var insertions: [String: Int] = [:]
        for job in results {
            result.diagnostics += job.diagnostics
            if let path = job.outputPath { result.outputPaths.insert(path) }
            if let layout = job.insertedNoticeFor { insertions[layout, default: 0] += 1 }
        }
        for (layout, count) in insertions {
            result.diagnostics.append(.warning(SourceLocation(path: layout),
                                               "this layout does not show the joint notice; Tandem inserted it after <main> on \(count) joint page\(count == 1 ? "" : "s")",
                                               hint: "add `{{> joint-notice}}` inside <main> where the notice should appear"))
        }
        return result
    }

    private func render(_ job: Job) -> JobResult {
        let context = PageContext(graph: graph, templates: templates)
        switch job {
        case .page(let index):
            let page = graph.pages[index]
            guard let layout = templates.layoutName(for: page.source) else { return JobResult() }
            var values = context.common(language: page.source.language, url: page.url)
            let markdown = renderMarkdown(page)
            values["page"] = context.page(page, content: markdown.html)
            if page.source.kind == .home { addHomeListings(&values, language: page.source.language, context: context) }
            return finish(values, page: page, layout: layout, outputPath: page.outputPath, extra: markdown.diagnostics)
        case .section(let index):
            let section = graph.sections[index]
            var values = context.common(language: section.language, url: section.url)
            var diagnostics: [Diagnostic] = []
            var layout = templates.layouts["\(section.folder.split(separator: "/")[0])/list"] == nil ? "list" : "\(section.folder.split(separator: "/")[0])/list"
            if let indexPage = section.indexPage.map({ graph.pages[$0] }) {
                let markdown = renderMarkdown(indexPage)
                diagnostics = markdown.diagnostics
                values["page"] = context.page(indexPage, content: markdown.html)
                layout = templates.layoutName(for: indexPage.source) ?? layout
            } else {
                values["page"] = ["title": section.title, "url": section.url, "permalink": context.permalink(section.url), "kind": "section"]
            }
            values["items"] = section.members.map { context.item(graph.pages[$0]) }
            return finish(values, page: section.indexPage.map { graph.pages[$0] }, layout: layout,
                          outputPath: section.outputPath, extra: diagnostics)
        case .generatedHome(let language):
            let url = "/" + PageURL.languagePrefix(language, config: graph.config).map { $0 + "/" }.joined()
            var values = context.common(language: language, url: url)
            values["page"] = ["title": graph.config.title, "url": url, "permalink": context.permalink(url),
                              "summary": graph.config.description, "kind": "home"]
            addHomeListings(&values, language: language, context: context)
            let layout = templates.layouts["home"] == nil ? "list" : "home"
            return finish(values, page: nil, layout: layout, outputPath: PageURL.outputPath(for: url), extra: [])
        }
    }

    func renderMarkdown(_ page: Page) -> RenderedMarkdown {
        let renderer = MarkdownRenderer(options: MarkdownOptions(rawHTML: graph.config.rawHTML))
        let source = MarkdownRenderer.Source(path: page.source.path, contentPath: page.source.contentPath,
                                             bodyFirstLine: page.source.bodyFirstLine, resolver: graph)
        return renderer.render(page.source.body, source: source)
    }

    /// The home page lists the latest items of each section and the latest joint activities.
    private func addHomeListings(_ values: inout [String: Any], language: String, context: PageContext) {
        let count = 5
        values["sections"] = graph.sections
            .filter { $0.language == language && !$0.folder.contains("/") && $0.folder != ContentPath.focalPointsFolder }
            .map { section -> [String: Any] in
                ["title": section.title, "url": section.url,
                 "items": section.members.prefix(count).map { context.item(graph.pages[$0]) }]
            }
        let joint = graph.pages.filter { $0.isJoint && $0.source.language == language && $0.source.kind == .page }
            .sorted(by: SiteAssembler.listingOrder)
        values["latest_joint"] = joint.prefix(count).map { context.item($0) }
    }

    /// Adds the notice, renders the layout, enforces the notice guarantee and writes the file.
    func finish(_ values: [String: Any], page: Page?, layout: String, outputPath: String,
                extra: [Diagnostic]) -> JobResult {
        var values = values
        var result = JobResult(outputPath: outputPath, diagnostics: extra)
        let isJoint = page?.isJoint ?? false
        let pagePath = page?.source.path ?? "content/" + outputPath
        if isJoint, let page, let lead = page.frontMatter.lead?.value {
            let language = page.source.language
            guard let wording = JointNotice.wording(for: lead, language: language, strings: templates.strings) else {
                result.diagnostics.append(.error(SourceLocation(path: page.source.path),
                                                 "there is no joint-notice wording for lead \(lead.rawValue) in language '\(language)'",
                                                 hint: "add `joint_notice: { \(lead.stringKey): ... }` to templates/strings/\(language).yaml"))
                return result
            }
            values["joint_notice"] = ["text": wording, "lead": lead.rawValue]
        }
        let layoutFile = templates.layouts[layout]?.displayPath ?? layout
        let noticeHTML = isJoint ? templates.renderPartial(values, partial: JointNotice.partialName) : ""
        let check = NoticeCheck(noticeHTML: noticeHTML, layoutFile: layoutFile, pagePath: pagePath)
        let outcome = check.enforce(templates.render(values, layout: layout), isJoint: isJoint)
        result.diagnostics += outcome.diagnostics
        if outcome.inserted { result.insertedNoticeFor = layoutFile }
        do {
            try output.write(Data(outcome.html.utf8), to: outputPath)
        } catch {
            result.diagnostics.append(.error(SourceLocation(path: pagePath), "cannot write \(outputPath): \(error.localizedDescription)"))
        }
        return result
    }
}
