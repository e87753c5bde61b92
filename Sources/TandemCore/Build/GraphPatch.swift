import Foundation

/// The preview's shortcut for the most common edit, a change to the text of
/// pages: the site graph of the last assembly is kept and only the changed
/// pages' sources are put into it, instead of assembling the graph again.
///
/// It holds because assembly reads nothing of a page's text but its first
/// paragraph (the default summary): the shortcut is taken only when every
/// changed file still has a page, with the same front matter (the same text
/// before the body, so the same lines too), the same first paragraph and
/// the same diagnostics, is not a focal point (whose text is part of its
/// record), and no file came or went. A test checks the first claim
/// (`IncrementalBuilderTests.assemblyReadsNoPageTextButTheFirstParagraph`).
///
/// Assembly also depends on the time: pages under embargo, and focal-point
/// reviews that are due. The shortcut is not taken once an embargo of the
/// graph has lifted, nor more than `maximumAge` after the last assembly, so
/// a diagnostic that depends on the day comes at most that late.
struct GraphPatch {
    /// A full assembly, and when it was made.
    struct Assembly {
        var graph: SiteGraph
        var diagnostics: [Diagnostic]
        var madeAt: Date
    }

    /// A Markdown file read again: before and after.
    struct Change {
        var before: SourcePage?
        var beforeHead: Int?
        var beforeDiagnostics: [Diagnostic]
        var after: SourcePage?
        var afterHead: Int?
        var afterDiagnostics: [Diagnostic]
    }

    static let maximumAge: TimeInterval = 60

    /// The last assembly with the changed pages' sources put in, or nil if
    /// the graph has to be assembled again.
    static func apply(_ changes: [Change], to assembly: Assembly, now: Date) -> Assembly? {
        guard now.timeIntervalSince(assembly.madeAt) < maximumAge, now >= assembly.madeAt,
              assembly.graph.nextChange.map({ $0.instant > now }) ?? true else { return nil }
        var graph = assembly.graph
        var indexByPath: [String: Int] = [:]
        for (index, page) in graph.pages.enumerated() { indexByPath[page.source.path] = index }
        for change in changes {
            guard let before = change.before, let after = change.after, before.path == after.path,
                  let head = change.afterHead, change.beforeHead == head,
                  before.firstParagraph == after.firstParagraph, after.kind != .focalPoint,
                  change.beforeDiagnostics == change.afterDiagnostics else { return nil }
            if let index = indexByPath[after.path] { graph.pages[index].source = after }
        }
        graph.mode.now = now
        return Assembly(graph: graph, diagnostics: assembly.diagnostics, madeAt: assembly.madeAt)
    }

    /// A digest of the text of a file before its body: its front matter and the lines around it.
    static func head(of text: String, body: String) -> Int {
        var hasher = Hasher()
        hasher.combine(String(text.utf8.dropLast(body.utf8.count)))
        return hasher.finalize()
    }
}
