import Testing
@testable import TandemCore

@Suite struct ParallelMapTests {
    final class Token: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func resultsAreInTheOrderOfTheInput() {
        let input = Array(0..<10_000)
        #expect(input.parallelMap { $0 * 2 } == input.map { $0 * 2 })
        #expect([7].parallelMap { $0 + 1 } == [8])
        #expect([Int]().parallelMap { $0 } == [])
    }

    /// Once the results are dropped, nothing holds them: a map over the pages
    /// of a site must not keep a copy of every page's result for the process's life.
    @Test func resultsAreFreedWithTheArray() {
        weak var first: Token?
        weak var last: Token?
        do {
            let tokens = Array(0..<64).parallelMap { Token($0) }
            first = tokens.first
            last = tokens.last
            #expect(first?.value == 0 && last?.value == 63)
        }
        #expect(first == nil)
        #expect(last == nil)
    }
}
