import Mustache
import Foundation

/// The render stage: makes one file of the site plan — Markdown → template →
/// notice check, a data file, or a copy — and writes it to the output. It
/// reads the site only through its `SiteReader`, so what each file read is
/// known once it is made.
struct SiteRenderer {
    let site: SiteReader
    let output: any OutputSink
    /// The site's folder, for files copied as they are: its path, made once
    /// for a run (a renderer is made for each file, and `URL.path` costs about
    /// 2,700 instructions a call).
    let rootPath: String
    /// For the preview: Markdown of pages whose body and links did not change.
    var markdownCache: MarkdownCache? = nil

    /// What making one file gave.
    struct Made: Sendable {
        var diagnostics: [Diagnostic] = []
        /// Layout file whose missing notice was inserted.
        var insertedNoticeFor: String?

        /// Whether making the file reported anything.
        var reports: Bool { !diagnostics.isEmpty || insertedNoticeFor != nil }
    }

    /// A context for this output's values (it notes that the output reads the configuration).
    var context: PageContext { PageContext(site: site) }

    func make(_ entry: SitePlan.Entry) -> Made {
        let outputPath = entry.outputPath
        switch entry.job {
        case .page(let index): return renderPage(site.page(index), outputPath: outputPath)
        case .listingPage(let index, let pagination): return renderListingPage(index, pagination, outputPath: outputPath)
        case .taxonomyIndex(let index): return renderTaxonomyIndex(site.taxonomyIndex(index), outputPath: outputPath)
        case .generatedHome(let language): return renderGeneratedHome(language, outputPath: outputPath)
        case .alias(let page, let path): return renderAlias(site.page(page), path, url: entry.url, outputPath: outputPath)
        case .notFound(let language): return renderNotFound(language, url: entry.url, outputPath: outputPath)
        case .search(let language): return renderSearch(language, url: entry.url, outputPath: outputPath)
        case .focalPoints(let file): return renderFocalPointFile(file, outputPath: outputPath)
        case .feed, .sitemap, .robots, .nextChange:
            return write(utf8: DataFiles(site: site).utf8(of: entry.job), to: outputPath, origin: outputPath)
        case .searchTerms, .searchPages, .searchFacet:
            return write(SearchFiles(site: site).text(of: entry.job), to: outputPath, origin: outputPath)
        case .copy(let path):
            site.readFile(path)
            do {
                try output.copy(rootPath + "/" + path, to: outputPath)
                return Made()
            } catch {
                return Made(diagnostics: [.error(SourceLocation(path: path), "cannot copy this file: \(error.localizedDescription)")])
            }
        case .image(let variant):
            return makeImage(variant, outputPath: outputPath)
        case .builtInAsset(let path):
            let bytes = BuiltInTemplates.files.first { $0.path == path }?.bytes ?? []
            return write(Data(bytes), to: outputPath, origin: "(built-in) " + path)
        }
    }

    /// A variant of an image, from the image cache (made into it first if it is not there).
    private func makeImage(_ variant: ImageVariant, outputPath: String) -> Made {
        let path = "content/" + variant.contentPath
        guard let info = site.image(variant.contentPath) else { return Made() }
        let settings = site.config.images
        do {
            let cached = try ImageCache(rootPath: rootPath).file(for: variant, source: rootPath + "/" + path, digest: info.digest,
                                                         quality: settings.quality, keepMetadata: settings.keepsMetadata(of: variant.contentPath))
            try output.copy(cached, to: outputPath)
            return Made()
        } catch {
            return Made(diagnostics: [.error(SourceLocation(path: path), "cannot make \(outputPath) from this image: \(error)",
                                             hint: "check that the file is a whole JPEG, PNG or WebP image; open and save it again")])
        }
    }

    private func renderPage(_ page: Page, outputPath: String) -> Made {
        guard let layout = site.layoutName(for: page.source) else { return Made() }
        var values = context.common(language: page.source.language, url: page.url)
        var markdown = renderMarkdown(page)
        if case .failure(let problem)? = context.image(of: page) { markdown.diagnostics.append(problem) }
        values["page"] = context.page(page, content: markdown.utf8)
        values["json_ld"] = context.structuredData(page)
        if page.source.kind == .home { addHomeListings(&values, language: page.source.language) }
        return finish(values, page: page, layout: layout, outputPath: outputPath, extra: markdown.diagnostics)
    }

    /// A page's body as HTML; in a right-to-left language, with its Latin-script runs isolated.
    func renderMarkdown(_ page: Page) -> RenderedMarkdown {
        var markdown = renderMarkdownAsWritten(page)
        if site.text("direction", page.source.language) == "rtl" {
            markdown = RenderedMarkdown(html: BidiIsolation.isolate(markdown.html), diagnostics: markdown.diagnostics)
        }
        return markdown
    }

    private func renderMarkdownAsWritten(_ page: Page) -> RenderedMarkdown {
        let renderer = MarkdownRenderer(options: MarkdownOptions(rawHTML: site.config.rawHTML))
        func render(_ resolver: any LinkResolving) -> RenderedMarkdown {
            let source = MarkdownRenderer.Source(path: page.source.path, contentPath: page.source.contentPath,
                                                 bodyFirstLine: page.source.bodyFirstLine, resolver: resolver,
                                                 firstImageIsFirstOfPage: page.frontMatter.image == nil)
            return renderer.render(page.source.body, source: source)
        }
        guard let markdownCache else { return render(site) }
        return markdownCache.markdown(of: page, rawHTML: site.config.rawHTML, resolver: site, render: render)
    }

    /// Adds the notice, renders the layout, enforces the notice guarantee and writes the file.
    func finish(_ values: MustacheValues, page: Page?, layout: String, outputPath: String,
                extra: [Diagnostic]) -> Made {
        var values = values
        var made = Made(diagnostics: extra)
        let isJoint = page?.isJoint ?? false
        let pagePath = page?.source.path ?? "content/" + outputPath
        if isJoint, let page, let lead = page.frontMatter.lead?.value {
            let language = page.source.language
            guard let wording = JointNotice.wording(for: lead, language: language, strings: site.strings(for: language)) else {
                made.diagnostics.append(.error(SourceLocation(path: page.source.path),
                                               "there is no joint-notice wording for lead \(lead.rawValue) in language '\(language)'",
                                               hint: "add `joint_notice: { \(lead.stringKey): ... }` to templates/strings/\(language).yaml"))
                return made
            }
            values["joint_notice"] = ["text": wording, "lead": lead.rawValue] as MustacheValues
        }
        if site.isPreview, let page {
            let language = page.source.language
            values["preview_banner"] = PreviewBanner.notices(for: page.frontMatter, isEmbargoed: site.isEmbargoed(page),
                                                             language: language, strings: site.strings(for: language))
        }
        let layoutFile = site.layoutFile(layout)
        let noticeHTML = isJoint ? site.renderPartial(values, partial: JointNotice.partialName) : ""
        let check = NoticeCheck(noticeHTML: noticeHTML, layoutFile: layoutFile, pagePath: pagePath)
        var outcome = check.enforce(site.render(values, layout: layout), isJoint: isJoint)
        made.diagnostics += outcome.diagnostics
        if outcome.inserted { made.insertedNoticeFor = layoutFile }
        if values["preview_banner"] != nil {
            outcome.html = PreviewBanner.insert(site.renderPartial(values, partial: PreviewBanner.partialName), into: outcome.html)
        }
        do {
            try output.write(utf8: outcome.html, to: outputPath)
        } catch {
            made.diagnostics.append(.error(SourceLocation(path: pagePath), "cannot write \(outputPath): \(error.localizedDescription)"))
        }
        return made
    }

    func write(_ text: String, to path: String, origin: String) -> Made {
        writing(path, origin: origin) { try output.write(text: text, to: path) }
    }

    func write(utf8: [UInt8], to path: String, origin: String) -> Made {
        writing(path, origin: origin) { try output.write(utf8: utf8, to: path) }
    }

    func write(_ data: Data, to path: String, origin: String) -> Made {
        writing(path, origin: origin) { try output.write(data, to: path) }
    }

    /// Runs `write`; a failure is an error at `origin` naming the file.
    private func writing(_ path: String, origin: String, _ write: () throws -> Void) -> Made {
        do {
            try write()
            return Made()
        } catch {
            return Made(diagnostics: [.error(SourceLocation(path: origin), "cannot write \(path): \(error.localizedDescription)")])
        }
    }
}
