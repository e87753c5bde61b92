import Foundation

/// The one pipeline of `tandem build`, `tandem check` and `tandem serve`:
/// load and parse (`SourceCache`) → assemble the site graph → plan every
/// file the site publishes (`SitePlan`) → make each file through a
/// `SiteReader` (`SiteRenderer`), in parallel → write to the output.
///
/// The commands differ only in where the output goes (a staging folder,
/// nowhere, memory) and in what is kept between runs: an incremental
/// pipeline (the preview's) keeps what it read and, for each file, what
/// making it read (`OutputRecords`), so a run makes again only the files
/// that read something that changed. Not for concurrent use: one run at a time.
public final class Pipeline: @unchecked Sendable {
    public let root: URL
    public let mode: BuildMode
    /// The instant each run is made as of (embargoes compare with it).
    private let clock: @Sendable () -> Date
    private let sources: SourceCache
    /// Nil for a one-shot pipeline (`tandem build`, `tandem check`).
    private let records: OutputRecords?
    private let markdown: MarkdownCache?
    private var hasAccepted = false
    /// The graph, plan and model of the last run, for the next run to patch.
    private var last: Assembly?

    /// `incremental`: keep what each run read and made, for the next run (the preview).
    /// `persistsSources`: start from, and keep, what runs parsed in `.tandem-cache/sources` (`SourceStore`).
    public init(root: URL, mode: BuildMode, incremental: Bool = false, persistsSources: Bool = true,
                clock: (@Sendable () -> Date)? = nil) {
        self.root = root
        self.mode = mode
        let fixed = mode.now
        if let clock {
            self.clock = clock
        } else if incremental {
            self.clock = { Date() }
        } else {
            self.clock = { fixed }
        }
        sources = SourceCache(root: root, persists: persistsSources)
        records = incremental ? OutputRecords() : nil
        markdown = incremental ? MarkdownCache() : nil
    }

    /// Runs every stage and writes the files to make into `output`.
    /// `changed`: paths relative to the root (files or folders) to read again
    /// even if their stamps look the same (the watcher's report).
    public func run(into output: any OutputSink, changed: Set<String> = []) -> PipelineRun {
        let started = Date()
        let refresh = sources.refresh(hinted: changed)
        let templates = sources.templates!
        let now = clock()
        let previous = last
        let patched = previous.flatMap { Assembly.patch($0, with: refresh, now: now, fileStamps: sources.fileStamps,
                                                                 images: sources.images) }
        let assembly = patched ?? assemble(templates, now: now, last: previous?.model, makesSearch: output.keepsFiles)
        last = assembly
        let (graph, plan, model) = (assembly.graph, assembly.plan, assembly.model)
        var diagnostics = sources.diagnostics + assembly.diagnostics

        // When the last run was taken and only page texts or file bytes changed,
        // only what those pages and files are can have changed.
        let candidates = patched != nil && previous?.model === records?.model ? assembly.candidates : nil
        let toMake = records?.outdated(plan, in: model, candidates: candidates)
        var entries = toMake.map { paths in paths.compactMap { assembly.entryIndex[$0] }.sorted().map { plan.entries[$0] } }
            ?? plan.entries
        if !output.keepsFiles { entries = entries.filter(\.canReport) }
        let recording = records != nil
        let (root, markdown) = (self.root, self.markdown)
        let made = entries.parallelMap { entry -> (String, OutputRecords.Record) in
            let reader = SiteReader(model: model, records: recording)
            let renderer = SiteRenderer(site: reader, output: output, root: root, markdownCache: markdown)
            let made = renderer.make(entry)
            return (entry.outputPath, OutputRecords.Record(maker: entry.claim.description, dependencies: reader.recorded ?? [], made: made))
        }
        let madeByPath = Dictionary(made, uniquingKeysWith: { first, _ in first })
        var insertions: [String: Int] = [:]
        var reports = madeByPath.mapValues(\.made)
        for (path, made) in records?.reporting ?? [:] where reports[path] == nil && assembly.outputPaths.contains(path) {
            reports[path] = made
        }
        for result in reports.values {
            diagnostics += result.diagnostics
            if let layout = result.insertedNoticeFor { insertions[layout, default: 0] += 1 }
        }
        for (layout, count) in insertions {
            diagnostics.append(.warning(SourceLocation(path: layout),
                                        "this layout does not show the joint notice; Tandem inserted it after <main> on \(count) joint page\(count == 1 ? "" : "s")",
                                        hint: "add `{{> joint-notice}}` inside <main> where the notice should appear"))
        }
        diagnostics = Array(Set(diagnostics)).sorted()

        let outputPaths = assembly.outputPaths
        let accepted = !diagnostics.hasErrors || (records != nil && !hasAccepted)
        if accepted {
            hasAccepted = true
            records?.commit(madeByPath, keeping: outputPaths, model: model)
            if patched == nil {
                markdown?.keep(paths: Set(graph.pages.map(\.source.path)))
            }
        }
        return PipelineRun(accepted: accepted, outputPaths: outputPaths, madePaths: Set(madeByPath.keys),
                           diagnostics: diagnostics, graph: graph, seconds: Date().timeIntervalSince(started),
                           copiedFiles: assembly.copiedFiles, parsedFiles: refresh.parsedFiles)
    }
}

extension Pipeline {
    /// Assembles the graph, plans the site and makes the model, from every source
    /// (the search index is made from `last`'s, the last run's model, where pages did not change;
    /// none when the run makes no search files).
    private func assemble(_ templates: TemplateSet, now: Date, last: SiteModel?, makesSearch: Bool) -> Assembly {
        let pages = sources.pages
        var mode = self.mode
        mode.now = now
        var (graph, diagnostics) = SiteAssembler.assemble(pages, config: sources.config, mode: mode)
        graph.staticFiles = Set(sources.staticFiles.keys)
        graph.images = sources.images
        diagnostics += templates.checkLayoutChoices(pages)
        let plan = SitePlan(graph: graph, templates: templates)
        diagnostics += plan.diagnostics
        var sitePaths = SitePaths()
        for entry in plan.entries { sitePaths.published[entry.url.urlKey] = entry.url }
        for page in pages {
            guard let reason = graph.hiddenByContentPath[page.contentPath] else { continue }
            sitePaths.unpublished[Route.page(page, config: graph.config).urlKey] = reason
        }
        let model = SiteModel(graph: graph, templates: templates, fileStamps: sources.fileStamps, sitePaths: sitePaths,
                              search: makesSearch ? SearchIndex(graph: graph, reusing: records == nil ? nil : last) : SearchIndex())
        var entryIndex: [String: Int] = [:]
        for (index, entry) in plan.entries.enumerated() where entryIndex[entry.outputPath] == nil { entryIndex[entry.outputPath] = index }
        return Assembly(graph: graph, diagnostics: diagnostics, plan: plan, outputPaths: Set(plan.entries.map(\.outputPath)),
                        entryIndex: entryIndex, copiedFiles: plan.entries.filter(\.isCopy).count, model: model, madeAt: now,
                        reviewsChangeAt: FocalPointReview.nextChange(graph.focalPoints.values, now: now,
                                                                     days: graph.config.focalPointReviewDays))
    }

    /// A run in memory: what the preview serves (the files compressed, see ``MemoryFile``).
    public func runInMemory(changed: Set<String> = []) -> (PipelineRun, made: [String: MemoryFile]) {
        let output = MemoryOutput()
        let run = run(into: output, changed: changed)
        return (run, output.files)
    }
}

extension SearchIndex {
    /// An index of no pages, for a run that makes no search files (`tandem check`).
    init() {}
}
