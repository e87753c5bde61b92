import Foundation

/// The render stage: for every file of the render plan, in parallel,
/// Markdown → template → notice check → file in the output. A page's HTML is
/// written as soon as it is rendered, so memory does not grow with the site.
struct SiteRenderer {
    let graph: SiteGraph
    let templates: TemplateSet
    let output: any OutputSink
    /// For the preview: reuse what did not change since the last render.
    var cache: RenderCache? = nil

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

    var context: PageContext { PageContext(graph: graph, templates: templates) }

    func renderAll() -> Result {
        let plan = RenderPlan(graph: graph, pageSize: graph.config.pageSize)
        cache?.begin(templates, graph: graph)
        let results = plan.entries.parallelMap { entry in
            cache?.result(for: entry) { render(entry.job, outputPath: entry.outputPath) } ?? render(entry.job, outputPath: entry.outputPath)
        }
        var result = Result(diagnostics: plan.diagnostics)
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
        let data = SiteDataFiles(graph: graph, templates: templates, context: context)
        let (files, kept) = cache?.dataFiles(data) ?? (data.files(), [])
        result.outputPaths.formUnion(kept)
        for (path, text) in files {
            do {
                try output.write(Data(text.utf8), to: path)
                result.outputPaths.insert(path)
            } catch {
                result.diagnostics.append(.error(SourceLocation(path: path), "cannot write \(path): \(error.localizedDescription)"))
            }
        }
        return result
    }

    private func render(_ job: RenderPlan.Job, outputPath: String) -> JobResult {
        switch job {
        case .page(let index): renderPage(graph.pages[index], outputPath: outputPath)
        case .listingPage(let index, let pagination): renderListingPage(index, pagination, outputPath: outputPath)
        case .taxonomyIndex(let index): renderTaxonomyIndex(graph.taxonomyIndexes[index], outputPath: outputPath)
        case .generatedHome(let language): renderGeneratedHome(language, outputPath: outputPath)
        case .alias(let page, let path): renderAlias(graph.pages[page], path, outputPath: outputPath)
        case .notFound: renderNotFound(outputPath: outputPath)
        case .search(let language): renderSearch(language, outputPath: outputPath)
        case .focalPoints(let file): renderFocalPointFile(file, outputPath: outputPath)
        }
    }

    private func renderPage(_ page: Page, outputPath: String) -> JobResult {
        guard let layout = templates.layoutName(for: page.source) else { return JobResult() }
        var values = context.common(language: page.source.language, url: page.url)
        let markdown = renderMarkdown(page)
        values["page"] = context.page(page, content: markdown.html)
        values["json_ld"] = context.structuredData(page)
        if page.source.kind == .home { addHomeListings(&values, language: page.source.language) }
        return finish(values, page: page, layout: layout, outputPath: outputPath, extra: markdown.diagnostics)
    }

    func renderMarkdown(_ page: Page) -> RenderedMarkdown {
        let renderer = MarkdownRenderer(options: MarkdownOptions(rawHTML: graph.config.rawHTML))
        func render(_ resolver: any LinkResolving) -> RenderedMarkdown {
            let source = MarkdownRenderer.Source(path: page.source.path, contentPath: page.source.contentPath,
                                                 bodyFirstLine: page.source.bodyFirstLine, resolver: resolver)
            return renderer.render(page.source.body, source: source)
        }
        return cache?.markdown.markdown(of: page, graph: graph, render: render) ?? render(graph)
    }

    /// The layout `name` if the templates have it, else `fallback`.
    func layout(_ name: String, else fallback: String) -> String {
        templates.layouts[name] == nil ? fallback : name
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
        if graph.mode.preview, let page {
            values["preview_banner"] = PreviewBanner.notices(for: page.frontMatter, now: graph.mode.now,
                                                             language: page.source.language, strings: templates.strings)
        }
        let layoutFile = templates.layouts[layout]?.displayPath ?? layout
        let fingerprint = cache?.fingerprint(values, layout: layout, pagePath: pagePath, isJoint: isJoint)
        if let fingerprint, let reused = cache?.reuse(outputPath, fingerprint, extra: result.diagnostics) { return reused }
        let noticeHTML = isJoint ? templates.renderPartial(values, partial: JointNotice.partialName) : ""
        let check = NoticeCheck(noticeHTML: noticeHTML, layoutFile: layoutFile, pagePath: pagePath)
        var outcome = check.enforce(templates.render(values, layout: layout), isJoint: isJoint)
        result.diagnostics += outcome.diagnostics
        if outcome.inserted { result.insertedNoticeFor = layoutFile }
        if values["preview_banner"] != nil {
            outcome.html = PreviewBanner.insert(templates.renderPartial(values, partial: PreviewBanner.partialName), into: outcome.html)
        }
        do {
            try output.write(Data(outcome.html.utf8), to: outputPath)
            if let fingerprint { cache?.record(outputPath, fingerprint, result, noticeDiagnostics: outcome.diagnostics) }
        } catch {
            result.diagnostics.append(.error(SourceLocation(path: pagePath), "cannot write \(outputPath): \(error.localizedDescription)"))
        }
        return result
    }
}
