import Foundation
import PropertyBased
import Testing
@testable import TandemCore

/// Mutated bodies of the sample pages through the Markdown stage (libcmark,
/// link resolution, heading ids, summaries): HTML within the time bound, and
/// each problem at a line of the body.
@Suite(.timeLimit(.minutes(5)), FuzzBounds.shrinking) struct MarkdownFuzzTests {
    /// Resolves links against the sample site's files, as the site graph would.
    struct SampleLinks: LinkResolving {
        let knownContentPaths = FuzzSeeds.pages.map(\.path)
        func target(ofContentPath contentPath: String) -> LinkTarget {
            knownContentPaths.contains(contentPath) ? .published("/" + contentPath) : .missing
        }

        /// Site paths: those of the sample's folders are published.
        func target(ofSitePath path: String) -> LinkTarget {
            knownContentPaths.contains { ("/" + $0).hasPrefix(path) } ? .published(path) : .missing
        }
    }

    @Test func everyMutatedBodyRendersWithProblemsAtItsLines() async {
        let renderer = MarkdownRenderer()
        await propertyCheck(count: FuzzBounds.count(50), input: Gen.int(in: 0...(FuzzSeeds.bodies.count - 1)), Mutation.list) { seed, mutations in
            let bytes = Mutation.mutate(FuzzSeeds.bodies[seed], mutations)
            let body = String(decoding: bytes, as: UTF8.self)
            let source = MarkdownRenderer.Source(path: "content/news/x.md", contentPath: "news/x.md", bodyFirstLine: 7, resolver: SampleLinks())
            let (rendered, seconds) = FuzzBounds.timed { renderer.render(body, source: source) }
            #expect(seconds < FuzzBounds.seconds, "\(mutations)")
            let lines = 7...(7 + FuzzBounds.lineCount(Array(body.utf8)) - 1)
            for diagnostic in rendered.diagnostics {
                #expect(FuzzBounds.isLocated(diagnostic, path: "content/news/x.md", lines: lines), "\(diagnostic) \(mutations)")
            }
            #expect(!rendered.html.contains("<script"), "raw HTML stays off: \(mutations)")
        }
    }
}
