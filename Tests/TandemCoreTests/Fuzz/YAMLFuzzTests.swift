import Foundation
import PropertyBased
import Testing
@testable import TandemCore

/// Mutated YAML (the sample `tandem.yaml`, the built-in strings, the sample
/// pages' front matter), alias bombs and huge repeats included: parsed, or an
/// error at a line of the document, within the time bound.
@Suite(.timeLimit(.minutes(5)), FuzzBounds.shrinking) struct YAMLFuzzTests {
    @Test func everyMutatedDocumentParsesOrHasAnErrorAtOneOfItsLines() async {
        await propertyCheck(count: FuzzBounds.count(50), input: Gen.int(in: 0...(FuzzSeeds.yaml.count - 1)), Mutation.list,
                            Gen.int(in: 1...20)) { seed, mutations, firstLine in
            let bytes = Mutation.mutate(FuzzSeeds.yaml[seed], mutations)
            let yaml = String(decoding: bytes, as: UTF8.self)
            let (result, seconds) = FuzzBounds.timed { YAMLDocument.parse(yaml, path: "templates/strings/en.yaml", firstLine: firstLine) }
            #expect(seconds < FuzzBounds.seconds, "\(mutations)")
            if case .failure(let diagnostic) = result {
                let lines = firstLine...(firstLine + FuzzBounds.lineCount(Array(yaml.utf8)) - 1)
                #expect(diagnostic.severity == .error)
                #expect(FuzzBounds.isLocated(diagnostic, path: "templates/strings/en.yaml", lines: lines), "\(diagnostic) \(mutations)")
            }
        }
    }
}
