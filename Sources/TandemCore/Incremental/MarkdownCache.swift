import Foundation

/// Rendered Markdown of each page, kept between the preview's rebuilds with
/// the link look-ups it made: a page's HTML is reused while its body is the
/// same and every look-up still gives the same answer, so a template edit
/// does not run cmark over every page again. The look-ups are made again
/// through the output's reader, so they count as what the output read.
/// The HTML is kept gzip-compressed: a 10,000-page site's 59 MB of it take
/// about 20, and only a rebuild that makes the pages again decompresses it.
/// Safe to use from the render stage's threads.
final class MarkdownCache: @unchecked Sendable {
    private struct Memo {
        var body: PageBody
        var bodyFirstLine: Int
        var contentPath: String
        var rawHTML: Bool
        /// Whether the text's first image was the page's first (no `image:`): it then loads at once.
        var firstImageIsFirst: Bool
        var lookups: [(lookup: LinkLookup, answer: AnyHashable?)]
        /// The known paths, when a "did you mean" hint looked at them.
        var knownPaths: [String]?
        /// `RenderedMarkdown.html`, gzip-compressed.
        var html: Data
        var diagnostics: [Diagnostic]

        var result: RenderedMarkdown {
            guard let html = Gzip.decompress(html) else { preconditionFailure("a remembered page's HTML does not decompress") }
            return RenderedMarkdown(utf8: [UInt8](html), diagnostics: diagnostics)
        }
    }

    private let lock = NSLock()
    private var memos: [String: Memo] = [:]
    /// One copy of each look-up answer the memos hold: the pages that link to
    /// the same image or page share it (a 10,000-page site's 53,000 answers,
    /// each made afresh by its look-up, took 35 MB).
    private var answers: Set<AnyHashable> = []

    init() {}

    /// The rendered Markdown of `page`: remembered if still valid, else made
    /// by `render`, which must resolve links through `resolver`.
    func markdown(of page: Page, rawHTML: Bool, resolver: any LinkResolving,
                  render: (any LinkResolving) -> RenderedMarkdown) -> RenderedMarkdown {
        let source = page.source
        if let memo = lock.withLock({ memos[source.path] }),
           memo.body == source.body, memo.bodyFirstLine == source.bodyFirstLine,
           memo.contentPath == source.contentPath, memo.rawHTML == rawHTML,
           memo.firstImageIsFirst == (page.frontMatter.image == nil),
           memo.lookups.allSatisfy({ $0.lookup.answer(in: resolver) == $0.answer }),
           memo.knownPaths == nil || memo.knownPaths == resolver.knownContentPaths.sorted() {
            return memo.result
        }
        let recorder = LookupRecorder(resolver)
        let result = render(recorder)
        var memo = Memo(body: source.body, bodyFirstLine: source.bodyFirstLine, contentPath: source.contentPath,
                        rawHTML: rawHTML, firstImageIsFirst: page.frontMatter.image == nil, lookups: recorder.lookups,
                        knownPaths: recorder.usedKnownPaths ? resolver.knownContentPaths.sorted() : nil,
                        html: Gzip.compress(Data(result.utf8)), diagnostics: result.diagnostics)
        lock.withLock {
            memo.lookups = memo.lookups.map { ($0.lookup, $0.answer.map { answers.insert($0).memberAfterInsert }) }
            memos[source.path] = memo
        }
        return result
    }

    /// Drops the Markdown of pages that are gone, and the answers only they held.
    func keep(paths: Set<String>) {
        lock.withLock {
            memos = memos.filter { paths.contains($0.key) }
            answers = Set(memos.values.flatMap { $0.lookups.compactMap(\.answer) })
        }
    }
}

/// A link look-up the Markdown stage made.
private enum LinkLookup {
    case contentPath(String)
    case sitePath(String)
    case anchors(String)

    func answer(in resolver: any LinkResolving) -> AnyHashable? {
        switch self {
        case .contentPath(let path): resolver.target(ofContentPath: path)
        case .sitePath(let path): resolver.target(ofSitePath: path)
        case .anchors(let path): resolver.anchors(ofContentPath: path)
        }
    }
}

/// Passes link look-ups on and remembers them.
private final class LookupRecorder: LinkResolving, @unchecked Sendable {
    let resolver: any LinkResolving
    private(set) var lookups: [(lookup: LinkLookup, answer: AnyHashable?)] = []
    private(set) var usedKnownPaths = false

    init(_ resolver: any LinkResolving) { self.resolver = resolver }

    func target(ofContentPath contentPath: String) -> LinkTarget {
        let target = resolver.target(ofContentPath: contentPath)
        lookups.append((.contentPath(contentPath), target))
        return target
    }

    func target(ofSitePath path: String) -> LinkTarget {
        let target = resolver.target(ofSitePath: path)
        lookups.append((.sitePath(path), target))
        return target
    }

    func anchors(ofContentPath contentPath: String) -> [String]? {
        let anchors = resolver.anchors(ofContentPath: contentPath)
        lookups.append((.anchors(contentPath), anchors))
        return anchors
    }

    var knownContentPaths: [String] {
        usedKnownPaths = true
        return resolver.knownContentPaths
    }
}
