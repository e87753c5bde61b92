import Foundation

/// What the pipeline makes of the sources before rendering: the site graph,
/// the plan of every output, the model outputs read, and the diagnostics of
/// assembling and planning.
///
/// The shortcut for the most common edits, the text and the summary of
/// pages: the last assembly (the preview's last run, or for `tandem build`
/// the site of the last published build, assembled again from the stored
/// sources) is kept and the changed pages' sources are put into it, instead
/// of assembling again. It holds because
/// assembly reads nothing of a page's body (nor the line it starts on), and
/// its summary and first paragraph only to make `Page.summary`
/// (`IncrementalPipelineTests.assemblyReadsNoPageBodyAndCopiesTheSummary`):
/// the shortcut is taken only when every page read again is the same in all
/// but these, no file came or went, the configuration and templates did not
/// change (a file's own diagnostics are reported from the sources, not from
/// the assembly, so they may change). Assembly also depends on the
/// time (pages under embargo, focal-point reviews that are due): the
/// shortcut is not taken once an embargo of the graph has lifted, nor once
/// a review warning would say something else (`reviewsChangeAt`).
struct Assembly {
    var graph: SiteGraph
    var diagnostics: [Diagnostic]
    var plan: SitePlan
    var outputPaths: Set<String>
    /// The place of each output path in `plan.entries`, to find the few a run makes again.
    var entryIndex: [String: Int]
    /// How many entries of the plan are files copied as they are.
    var copiedFiles: Int
    var model: SiteModel
    /// When the graph was assembled in full.
    var madeAt: Date
    /// When the warnings about focal-point reviews change (`FocalPointReview.nextChange`).
    var reviewsChangeAt: Date?
    /// After a patch: the only dependencies whose values can differ from the last model's.
    var candidates: [Dependency] = []

    /// `last` with the pages read again put in, or nil if the site must be assembled again.
    static func patch(_ last: Assembly, with refresh: SourceCache.Refresh, now: Date,
                      fileStamps: [String: FileStamp], images: [String: ImageInfo]) -> Assembly? {
        guard !refresh.configChanged, !refresh.templatesChanged, !refresh.filesCameOrWent,
              now >= last.madeAt, last.reviewsChangeAt.map({ now < $0 }) ?? true,
              last.graph.nextChange.map({ $0.instant > now }) ?? true else { return nil }
        var graph = last.graph
        // An image that changed size or format changes the plan (its widths) and the pages showing it.
        guard images.count == last.graph.images.count, images.allSatisfy({ path, info in
            last.graph.images[path].map { ($0.width, $0.height, $0.format) == (info.width, info.height, info.format) } ?? false
        }) else { return nil }
        graph.images = images
        var candidates: [Dependency] = []
        var edited: [(before: Page, after: Page)] = []
        for change in refresh.pageChanges {
            guard let before = change.before, let after = change.after, isTextEdit(from: before, to: after) else { return nil }
            guard let index = last.model.pageIndex(of: after.contentPath) else { continue }
            let page = graph.pages[index]
            graph.pages[index].source = after
            graph.pages[index].summary = SiteAssembler.summary(of: after)
            edited.append((page, graph.pages[index]))
            candidates += [.page(after.contentPath), .card(after.contentPath), .address(after.contentPath),
                           .anchors(after.contentPath)]
        }
        graph.mode.now = now
        for index in graph.pages.indices where graph.pages[index].source.frontMatter.embargo != nil {
            candidates.append(.embargoed(graph.pages[index].source.contentPath))
        }
        for (path, stamp) in fileStamps where last.model.fileStamps[path] != stamp {
            candidates.append(.file(path))
        }
        var search = last.model.search
        let touched = search.update(edited)
        candidates += touched.map { .searchBucket($0.language, $0.bucket) }
        let model = SiteModel(graph: graph, sameShapeAs: last.model, fileStamps: fileStamps, search: search)
        return Assembly(graph: graph, diagnostics: last.diagnostics, plan: last.plan, outputPaths: last.outputPaths,
                        entryIndex: last.entryIndex, copiedFiles: last.copiedFiles, model: model, madeAt: last.madeAt,
                        reviewsChangeAt: last.reviewsChangeAt, candidates: candidates)
    }

    /// Whether `after` differs from `before` at most in what assembly does not
    /// read of a page (its body and where it starts, its anchors) and in its
    /// summary, and is not a focal point's record: an edit a patch can take.
    static func isTextEdit(from before: SourcePage, to after: SourcePage) -> Bool {
        guard after.kind != .focalPoint else { return false }
        var unchanged = before
        unchanged.body = after.body
        unchanged.firstParagraph = after.firstParagraph
        unchanged.anchors = after.anchors
        unchanged.bodyFirstLine = after.bodyFirstLine
        unchanged.frontMatter.summary = after.frontMatter.summary
        unchanged.frontMatter.summaryStart = after.frontMatter.summaryStart
        return unchanged == after
    }
}
