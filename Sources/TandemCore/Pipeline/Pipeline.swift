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
/// that read something that changed. `tandem build` keeps the same on disk
/// for the next build (`BuildState`, `SourceStore`), which makes again only
/// the outdated files and keeps the others as they are; `tandem check`
/// reports from it. Not for concurrent use: one run at a time.
public final class Pipeline: @unchecked Sendable {
    public let root: URL
    public let mode: BuildMode
    /// The instant each run is made as of (embargoes compare with it).
    private let clock: @Sendable () -> Date
    private let sources: SourceCache
    /// Nil for a one-shot pipeline with nothing kept; a one-shot one that keeps
    /// its state (`keepsState`) records what each file read.
    private var records: OutputRecords?
    private let incremental: Bool
    /// Whether the run starts from, and can leave, the state on disk (`BuildState`, `SourceStore`).
    private let keepsState: Bool
    private let markdown: MarkdownCache?
    private var hasAccepted = false
    /// The graph, plan and model of the last run, for the next run to patch.
    private var last: Assembly?
    /// Whether what a run no longer needs is left for the process's exit instead
    /// of being freed (`ProcessLifetime`): for a command that exits after one run.
    public var keepsMemoryUntilExit = false
    /// Where the site the last accepted build replaced differs from the one it
    /// published (`SpareFolder.differs`); nil if the replaced site's files are not known.
    private var spareDiffers: [String]?
    /// What the records of an accepted one-shot build describe, for `persist`.
    private var recordedInputs: (now: Date, fileStamps: [String: FileStamp], search: SearchIndex)?

    /// `incremental`: keep what each run read and made, for the next run (the preview).
    /// `keepsState`: start from what the last published build left in `.tandem-cache/`
    /// (the preview reads its parsed sources only), and record what a build leaves (`persist`).
    public init(root: URL, mode: BuildMode, incremental: Bool = false, keepsState: Bool = true,
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
        sources = SourceCache(root: root, readsStore: keepsState)
        self.incremental = incremental
        self.keepsState = keepsState && !incremental
        records = incremental || self.keepsState ? OutputRecords() : nil
        markdown = incremental ? MarkdownCache() : nil
    }

    /// Runs every stage and writes the files to make into `output`.
    /// `changed`: paths relative to the root (files or folders) to read again
    /// even if their stamps look the same (the watcher's report).
    public func run(into output: any OutputSink, changed: Set<String> = []) -> PipelineRun {
        let started = Date()
        let root = self.root
        // The last build's state, with its dependencies numbered, is read while the sources load.
        let lastState = keepsState ? Background { BuildState.load(root: root).map { KeptState(state: $0, table: DependencyTable($0.dependencies)) } } : nil
        let refresh = sources.refresh(hinted: changed)
        // What parsing freed goes back to the system before the site is assembled (`Allocator`).
        if !incremental { Allocator.returnFreedMemory() }
        // A build writes what it parsed beside the assembly, on the core that assembling
        // (mostly on one) leaves free, and waits for it before it renders, so that the
        // store's buffers and the rendering are not in memory at once. If the build fails,
        // the stored sources no longer match the state of the published build, and the
        // next build makes everything: slower, never wrong.
        let storeWritten = keepsState && output.keepsFiles ? Background(sources.storeWriting()) : nil
        let templates = sources.templates!
        let now = clock()
        let previous = last
        let patched = previous.flatMap { Assembly.patch($0, with: refresh, now: now, fileStamps: sources.fileStamps,
                                                                 images: sources.images) }
        // The site the last published build saw is assembled beside this one, on the other core;
        // its search index is where this one's starts. When there is no such site, the index
        // this one starts from is known now, and is made beside the plan.
        let lastKnown: SiteModel?? = !keepsState ? .some(previous?.model) : !BuildState.exists(root: root) ? .some(records?.model) : nil
        let earlySearch: SearchSource = output.keepsFiles ? lastKnown.map { .made(reusing: $0) } ?? .none : .none
        // A build after edits to the texts of pages only (the common edit) puts them into the
        // site as the last published build saw it (`Assembly.patch`), as the preview does,
        // instead of assembling and planning the site a second time. Otherwise, or when that
        // site cannot be patched, this one is planned beside it.
        var kept: KeptSite?
        var planned: Planned?
        var patchedPublished: Assembly?
        // Every file the last published build made, linked into the output (`OutputSink.keep`)
        // on the other core while that site is planned on this one; taken back below if outdated.
        var keptAhead: Background<[String: Bool]>?
        if keepsState, output.keepsFiles, patched == nil, let lastState, sources.editsOnlyPageTexts(refresh) {
            if let state = lastState.value, describes(state, for: output) {
                let paths = Array(state.state.records.keys)
                let spare = state.state.spare
                keptAhead = Background { Dictionary(uniqueKeysWithValues: zip(paths, output.keep(paths, startingFrom: spare))) }
                kept = keptSite(state, templates: templates, withAssembly: true)
            }
            patchedPublished = kept?.assembly.flatMap { published in
                let filesCameOrWent = published.model.fileStamps.keys != sources.fileStamps.keys
                return Assembly.patch(published, with: refresh.asEditsOfPages(filesCameOrWent: filesCameOrWent),
                                      now: now, fileStamps: sources.fileStamps, images: sources.images)
            }
            if patchedPublished == nil { planned = planSite(templates, pages: sources.pages, now: now, search: earlySearch) }
        } else {
            (kept, planned) = concurrently(
                { lastState?.value.flatMap { describes($0, for: output) ? keptSite($0, templates: templates) : nil } },
                { patched == nil ? planSite(templates, pages: sources.pages, now: now, search: earlySearch) : nil })
        }
        if let kept { records = kept.records }
        // The files of the site this build replaces, when the last published build's records describe them.
        let replacedPaths = kept.map { Array($0.records.records.keys) }
        let spare = kept != nil ? lastState?.value?.state.spare : nil
        let lastModel = keepsState ? records?.model : previous?.model
        let assembly = patched ?? patchedPublished
            ?? assemble(planned!, templates: templates, fileStamps: sources.fileStamps, now: now,
                        search: output.keepsFiles ? .made(reusing: lastModel) : .none)
        last = assembly
        _ = storeWritten?.value
        let (graph, plan, model) = (assembly.graph, assembly.plan, assembly.model)
        var diagnostics = sources.diagnostics + assembly.diagnostics

        // When the last run was taken and only page texts or file bytes changed,
        // only what those pages and files are can have changed.
        let candidates = patched != nil && previous?.model === records?.model || patchedPublished != nil ? assembly.candidates : nil
        // With records of no model (nothing made yet, or a build with nothing kept), every file is to be made.
        let makesEverything = records.map { $0.model == nil } ?? true
        let toMake = records?.outdated(plan, in: model, candidates: candidates)
        // A build compares the last published site with this one once; the old model can go before rendering.
        if keepsState {
            if keepsMemoryUntilExit, let old = records?.model { ProcessLifetime.keep(old) }
            records?.forgetModel()
        }
        var entries = makesEverything ? plan.entries
            : toMake.map { paths in paths.compactMap { assembly.entryIndex[$0] }.sorted().map { plan.entries[$0] } } ?? plan.entries
        if !output.keepsFiles { entries = entries.filter(\.canReport) }
        if let toMake, !incremental {
            // Files the last published build made that are still up to date are kept; any that cannot be is made.
            // By place in the plan: a copy of each of the site's entries cost more than their links.
            let upToDate = plan.entries.indices.filter { !toMake.contains(plan.entries[$0].outputPath) }
            if keptAhead == nil, output.keepsFiles, let spare, let replacedPaths {
                // The spare folder holds every file of the replaced site: those not up to date are taken back below.
                keptAhead = .ready(Dictionary(uniqueKeysWithValues: zip(replacedPaths, output.keep(replacedPaths, startingFrom: spare))))
            }
            let isKept: [Bool]
            if let linked = keptAhead?.value {
                // Files kept ahead that are to be made again, or are no longer published, are taken
                // back first: no file is ever written into a published one.
                let stuck = output.unkeep(linked.compactMap { path, isLinked in
                    isLinked && (toMake.contains(path) || !assembly.outputPaths.contains(path)) ? path : nil
                })
                if !stuck.isEmpty {
                    entries.removeAll { stuck[$0.outputPath] != nil }
                    diagnostics += stuck.map { path, reason in
                        .error(SourceLocation(path: path), "cannot replace this file in the staging folder: \(reason)",
                               hint: "make the folder beside the output writable for the user who runs tandem, then build again")
                    }
                }
                isKept = upToDate.map { linked[plan.entries[$0].outputPath] == true }
            } else {
                isKept = output.keep(upToDate.map { plan.entries[$0].outputPath })
            }
            let lost = zip(upToDate, isKept).filter { !$0.1 }.map { plan.entries[$0.0] }
            entries += output.keepsFiles ? lost : lost.filter(\.canReport)
        }
        if output.keepsFiles { output.prepare(entries.map(\.outputPath)) }
        let recording = records != nil && output.keepsFiles
        let (markdown, makesOnce, table, rootPath) = (self.markdown, !incremental, records?.table, root.path)
        // The cores take the files long ones first and the search files last (the index may
        // still be in the making); the results are put back in the plan's order, where the
        // first of two entries with one path (a conflict, reported) is the one kept.
        let scheduled = entries
        let order = scheduled.indices.filter { scheduled[$0].isLong && !scheduled[$0].readsSearchIndex }
            + scheduled.indices.filter { !scheduled[$0].isLong && !scheduled[$0].readsSearchIndex }
            + scheduled.indices.filter { scheduled[$0].readsSearchIndex }
        let madeInOrder = order.parallelMap { index -> (String, OutputRecords.Record) in
            let entry = scheduled[index]
            let reader = SiteReader(model: model, records: recording, makesOnce: makesOnce)
            let renderer = SiteRenderer(site: reader, output: output, rootPath: rootPath, markdownCache: markdown)
            let made = renderer.make(entry)
            return (entry.outputPath, OutputRecords.Record(maker: entry.claim.description,
                                                                       dependencies: reader.recorded.map { table?.numbers(of: $0) ?? [] } ?? [],
                                                                       made: made))
        }
        // By path; of two entries with one path, the first in the plan's order (the later ones are written over).
        var positionInOrder = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { positionInOrder[index] = position }
        var madeByPath: [String: OutputRecords.Record] = [:]
        madeByPath.reserveCapacity(order.count)
        for position in positionInOrder.reversed() { madeByPath[madeInOrder[position].0] = madeInOrder[position].1 }
        // What the files made report, and what the records of the files kept do.
        var insertions: [String: Int] = [:]
        var reports = madeByPath.values.compactMap { $0.made.reports ? $0.made : nil }
        for (path, made) in records?.reporting ?? [:] where madeByPath[path] == nil && assembly.outputPaths.contains(path) {
            reports.append(made)
        }
        for result in reports {
            diagnostics += result.diagnostics
            if let layout = result.insertedNoticeFor { insertions[layout, default: 0] += 1 }
        }
        for (layout, count) in insertions {
            diagnostics.append(.warning(SourceLocation(path: layout),
                                        "this layout does not show the joint notice; Tandem inserted it after <main> on \(count) joint page\(count == 1 ? "" : "s")",
                                        hint: "add `{{> joint-notice}}` inside <main> where the notice should appear"))
        }
        diagnostics = Array(Set(diagnostics)).sorted()
        // And what rendering freed, before the records are kept and the state is written.
        if !incremental { Allocator.returnFreedMemory() }

        let outputPaths = assembly.outputPaths
        let madePaths = Set(madeByPath.keys)
        let accepted = !diagnostics.hasErrors || (incremental && !hasAccepted)
        if accepted {
            hasAccepted = true
            if recording || incremental { records?.commit(madeByPath, keeping: outputPaths, model: model) }
            // What the replaced site, if it becomes the spare folder, differs from this one in.
            spareDiffers = replacedPaths.flatMap { replaced in
                SpareFolder.differences(made: madePaths, replaced: replaced, published: outputPaths)
            }
            if keepsState && recording {
                // Only the records are left to write: the model, its search index and memos can go.
                recordedInputs = (model.graph.mode.now, model.fileStamps, model.search)
                records?.forgetModel()
                records?.table.forgetLookups()
                last = nil
            }
            if patched == nil {
                markdown?.keep(paths: Set(graph.pages.map(\.source.path)))
            }
        }
        if keepsMemoryUntilExit {
            // Left for the process's exit: freeing them one object at a time was the last thing a build waited for.
            ProcessLifetime.keep(assembly, madeInOrder, madeByPath, entries, previous as Any, kept as Any, planned as Any)
        }
        return PipelineRun(accepted: accepted, outputPaths: outputPaths, madePaths: madePaths,
                           diagnostics: diagnostics, graph: graph, seconds: Date().timeIntervalSince(started),
                           copiedFiles: assembly.copiedFiles, parsedFiles: refresh.parsedFiles,
                           patchedAssembly: patched != nil || patchedPublished != nil)
    }
}

extension Pipeline {
    /// Where the search index of an assembly comes from.
    private enum SearchSource {
        /// None: the run makes no search files (`tandem check`).
        case none
        /// Made from the graph; where pages did not change, from the index of
        /// the given model of the last run, or of the last published build.
        case made(reusing: SiteModel?)
    }

    /// The site graph and the plan of every file it publishes, with what
    /// assembling and planning reported: an assembly without its model.
    private struct Planned {
        var graph: SiteGraph
        var diagnostics: [Diagnostic]
        var plan: SitePlan
        var sitePaths: SitePaths
        /// The search index, being made beside the plan (nil: made after it).
        var search: Background<SearchIndex>?
    }

    /// Assembles the graph of `pages` and the other sources as of `now`, and plans the site;
    /// the search index `search` says is made on the other core meanwhile (it needs only the graph).
    /// `isPublished`: the site of the last published build, whose checks all passed then.
    private func planSite(_ templates: TemplateSet, pages: [SourcePage], now: Date, search: SearchSource = .none,
                          isPublished: Bool = false) -> Planned {
        var mode = self.mode
        mode.now = now
        var (graph, diagnostics) = SiteAssembler.assemble(pages, config: sources.config, mode: mode)
        graph.staticFiles = Set(sources.staticFiles.keys)
        graph.images = sources.images
        let searchIndex: Background<SearchIndex>? = switch search {
        case .none: nil
        case .made(let last): { [graph] in Background { SearchIndex(graph: graph, reusing: last) } }()
        }
        if !isPublished { diagnostics += templates.checkLayoutChoices(pages) }
        let plan = SitePlan(graph: graph, templates: templates, findsConflicts: !isPublished)
        diagnostics += plan.diagnostics
        var sitePaths = SitePaths()
        // Tables as large as they will be, made once: growing one step by step hashes every key again at each step.
        sitePaths.published.reserveCapacity(plan.entries.count)
        for entry in plan.entries { sitePaths.published[QuickKey(entry.url.urlKey)] = entry.url }
        for page in pages {
            guard let reason = graph.hiddenByContentPath[page.contentPath] else { continue }
            sitePaths.unpublished[QuickKey(Route.page(page, config: graph.config).urlKey)] = reason
        }
        return Planned(graph: graph, diagnostics: diagnostics, plan: plan, sitePaths: sitePaths, search: searchIndex)
    }

    /// The assembly of a planned site: its model, with the search index `search` says.
    private func assemble(_ planned: Planned, templates: TemplateSet, fileStamps: [String: FileStamp], now: Date,
                          search: SearchSource) -> Assembly {
        let graph = planned.graph
        let index = planned.search ?? .ready({
            switch search {
            case .none: SearchIndex()
            case .made(let last): SearchIndex(graph: graph, reusing: last)
            }
        }())
        let model = SiteModel(graph: graph, templates: templates, fileStamps: fileStamps, sitePaths: planned.sitePaths, search: index)
        return assembly(of: planned, model: model, now: now)
    }

    /// The assembly of a planned site with its model, made as of `now`.
    private func assembly(of planned: Planned, model: SiteModel, now: Date) -> Assembly {
        let (graph, plan) = (planned.graph, planned.plan)
        var entryIndex: [String: Int] = [:]
        entryIndex.reserveCapacity(plan.entries.count)
        for (index, entry) in plan.entries.enumerated() where entryIndex[entry.outputPath] == nil { entryIndex[entry.outputPath] = index }
        return Assembly(graph: graph, diagnostics: planned.diagnostics, plan: plan, outputPaths: Set(plan.entries.map(\.outputPath)),
                        entryIndex: entryIndex, copiedFiles: plan.entries.count(where: \.isCopy), model: model, madeAt: now,
                        reviewsChangeAt: FocalPointReview.nextChange(graph.focalPoints.values, now: now,
                                                                     days: graph.config.focalPointReviewDays))
    }

    /// The records the last published build kept (`BuildState`), with the
    /// model of the site as that build saw it, assembled again from the
    /// sources it parsed (`SourceStore`), with the search index it kept; for
    /// a state that `describes` this run only.
    /// `withAssembly`: with that site's assembly too, for this run to patch,
    /// when the search index kept is that site's (the patch updates it).
    private func keptSite(_ kept: KeptState, templates: TemplateSet, withAssembly: Bool = false) -> KeptSite {
        let state = kept.state
        let planned = planSite(templates, pages: sources.storedPages, now: state.now, isPublished: true)
        let search = state.search.flatMap { $0.isIndex(of: planned.graph) ? $0 : nil }
        let old = SiteModel(graph: planned.graph, templates: templates, fileStamps: state.fileStamps, sitePaths: planned.sitePaths,
                            search: search ?? SearchIndex())
        return KeptSite(records: OutputRecords(kept: state.records, table: kept.table, model: old),
                        assembly: withAssembly && search != nil ? assembly(of: planned, model: old, now: state.now) : nil)
    }

    /// Whether the last published build's state can describe this run: not
    /// for another Tandem, mode or settings, another output folder, sources
    /// parsed since by another run, or images that changed (they shape the plan).
    private func describes(_ kept: KeptState, for output: any OutputSink) -> Bool {
        let state = kept.state
        guard state.key == BuildState.key(mode: mode, settings: sources.settings),
              output.canKeep(filesOf: state.output) else { return false }
        guard sources.storeHolds(state.sources) else { return false }
        let fileStamps = sources.fileStamps
        for path in Set(state.fileStamps.keys).union(fileStamps.keys) where ImageFormat(fileName: path) != nil {
            guard state.fileStamps[path] == fileStamps[path] else { return false }
        }
        return true
    }

    /// What a build keeps of the last published one: its records, which
    /// describe the model of its site, and, when asked for, its assembly.
    private struct KeptSite {
        var records: OutputRecords
        var assembly: Assembly?
    }

    /// A build's state as read back, with the table of its dependencies.
    private struct KeptState: @unchecked Sendable {
        let state: BuildState
        let table: DependencyTable
    }

    /// Before a build is published: the state of the last one no longer describes the output folder.
    public func forgetState() {
        guard keepsState else { return }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(BuildState.fileName))
    }

    /// Whether publishing the last accepted build should keep the site it
    /// replaces as the spare folder: only when that site's files are known.
    public var keepsReplacedSite: Bool { keepsState && spareDiffers != nil }

    /// After a build was published into `folder`: leaves what made each file
    /// for the next build (`BuildState`; what it parsed is stored as it starts),
    /// and the identity of the spare folder publishing kept, if any.
    public func persist(publishedInto folder: URL, spare spareIdentity: String? = nil) {
        guard keepsState, let records, let inputs = recordedInputs,
              let identity = BuildState.identity(ofFolder: folder.standardizedFileURL.path) else { return }
        var spare: SpareFolder?
        if let spareIdentity, let spareDiffers { spare = SpareFolder(identity: spareIdentity, differs: spareDiffers) }
        BuildState(key: BuildState.key(mode: mode, settings: sources.settings), output: identity, now: inputs.now,
                   sources: sources.sourceStamps, fileStamps: inputs.fileStamps, dependencies: records.table.all,
                   records: records.records, search: inputs.search, spare: spare).save(root: root)
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
