import Foundation
import Testing
@testable import TandemCore

/// One example of the CommonMark 0.30 specification.
struct SpecExample: Decodable, Sendable, CustomTestStringConvertible {
    var markdown: String
    var html: String
    var example: Int
    var section: String

    var testDescription: String { "example \(example) (\(section))" }

    static let all: [SpecExample] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/commonmark-spec-0.30.json")
        return try! JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: url))
    }()
}

@Suite struct CommonMarkConformanceTests {
    static let plain = MarkdownRenderer(options: MarkdownOptions(rawHTML: true, smartPunctuation: false, headingIDs: false))

    @Test func thereAre652Examples() {
        #expect(SpecExample.all.count == 652)
    }

    @Test(arguments: SpecExample.all)
    func matchesTheSpecWithTandemsAdditionsOff(_ example: SpecExample) {
        #expect(Self.plain.render(example.markdown) == example.html)
    }

    /// With Tandem's defaults (raw HTML and dangerous URLs dropped, smart
    /// punctuation, heading ids) some examples differ. Each difference must be
    /// explained by one of those features: turning that one feature off (with
    /// the others still on) changes the output back towards the spec, and
    /// turning all three off gives the spec's HTML exactly.
    @Test func everyDifferenceUnderTheDefaultsHasAKnownCause() {
        let defaults = MarkdownRenderer()
        var causes: [String: [Int]] = [:]
        for example in SpecExample.all {
            let rendered = defaults.render(example.markdown)
            guard rendered != example.html else { continue }
            var explained: [String] = []
            let variants: [(String, MarkdownOptions)] = [
                ("raw HTML and unsafe URLs dropped", MarkdownOptions(rawHTML: true, smartPunctuation: true, headingIDs: true)),
                ("smart punctuation", MarkdownOptions(rawHTML: false, smartPunctuation: false, headingIDs: true)),
                ("heading ids", MarkdownOptions(rawHTML: false, smartPunctuation: true, headingIDs: false)),
            ]
            for (cause, options) in variants where MarkdownRenderer(options: options).render(example.markdown) != rendered {
                explained.append(cause)
            }
            #expect(!explained.isEmpty, "example \(example.example) differs for no known reason")
            for cause in explained { causes[cause, default: []].append(example.example) }
        }
        // The counts document how far Tandem's defaults stray from plain CommonMark.
        #expect(causes["raw HTML and unsafe URLs dropped"]?.count == 71)
        #expect(causes["smart punctuation"]?.count == 26)
        #expect(causes["heading ids"]?.count == 40)
    }
}
