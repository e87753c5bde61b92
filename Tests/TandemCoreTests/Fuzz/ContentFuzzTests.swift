import Foundation
import PropertyBased
import Testing
@testable import TandemCore

/// Mutated pages of the sample site: the front-matter splitter and the whole
/// reading of a page (encoding, control characters, front matter, YAML,
/// typed keys) either succeed or give an error at a line of the file, fast.
@Suite(.timeLimit(.minutes(5)), FuzzBounds.shrinking) struct ContentFuzzTests {
    static let config = ConfigLoader.load(root: FuzzSeeds.repository).0

    @Test func theSplitterKeepsEveryLineOrSaysWhereTheFrontMatterIsBroken() async {
        await propertyCheck(count: FuzzBounds.count(50), input: Gen.int(in: 0...(FuzzSeeds.pages.count - 1)), Mutation.list) { seed, mutations in
            let bytes = Mutation.mutate(FuzzSeeds.pages[seed].bytes, mutations)
            // The splitter reads what `SourceText` passes on: UTF-8 with plain line ends, no control characters.
            guard case .success(let text) = SourceText.decode(Data(bytes), path: "content/x.md") else { return }
            let (result, seconds) = FuzzBounds.timed { FrontMatterSplitter.split(text, path: "content/x.md") }
            #expect(seconds < FuzzBounds.seconds, "\(mutations)")
            switch result {
            case .success(let parts):
                #expect(text.hasSuffix(parts.body), "the body is the end of the file: \(mutations)")
                let before = text.utf8.count - parts.body.utf8.count
                let linesBefore = text.utf8.prefix(before).filter { $0 == UInt8(ascii: "\n") }.count
                if !parts.body.isEmpty {
                    #expect(parts.bodyFirstLine == linesBefore + 1, "the body's first line is where it is: \(mutations)")
                }
                #expect(text.hasPrefix("---\n" + parts.yaml), "the YAML follows the first line: \(mutations)")
            case .failure(let diagnostic):
                #expect(diagnostic.severity == .error && diagnostic.path == "content/x.md" && diagnostic.line == 1)
            }
        }
    }

    @Test func everyMutatedPageIsReadOrHasAnErrorAtALineOfIt() async {
        await propertyCheck(count: FuzzBounds.count(50), input: Gen.int(in: 0...(FuzzSeeds.pages.count - 1)), Mutation.list) { seed, mutations in
            let seedPage = FuzzSeeds.pages[seed]
            let bytes = Mutation.mutate(seedPage.bytes, mutations)
            let path = "content/" + seedPage.path
            let ((page, diagnostics), seconds) = FuzzBounds.timed {
                ContentLoader.parse(Data(bytes), contentPath: seedPage.path, config: Self.config)
            }
            #expect(seconds < FuzzBounds.seconds, "\(seedPage.path) \(mutations)")
            let lines = 1...FuzzBounds.lineCount(bytes)
            for diagnostic in diagnostics {
                #expect(FuzzBounds.isLocated(diagnostic, path: path, lines: lines), "\(diagnostic) \(seedPage.path) \(mutations)")
            }
            if page == nil {
                #expect(diagnostics.contains { $0.severity == .error && $0.line >= 1 },
                        "a page that is not read has an error at a line: \(diagnostics) \(seedPage.path) \(mutations)")
            }
        }
    }
}
