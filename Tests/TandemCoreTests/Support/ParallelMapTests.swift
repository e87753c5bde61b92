import Foundation
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

/// `concurrently` and `Background` run their work at the same time as other
/// work: each test's two parts wait for each other, which only work done at
/// the same time can (the waits time out instead of hanging).
@Suite struct ConcurrentWorkTests {
    @Test func bothPartsRunAtTheSameTimeAndBothResultsComeBack() {
        let first = DispatchSemaphore(value: 0), second = DispatchSemaphore(value: 0)
        let (a, b) = concurrently({ () -> Bool in
            first.signal()
            return second.wait(timeout: .now() + 10) == .success
        }, { () -> String in
            second.signal()
            return first.wait(timeout: .now() + 10) == .success ? "met" : "alone"
        })
        #expect(a && b == "met")
    }

    @Test func backgroundWorkRunsWhileTheCallerGoesOnAndGivesItsValueOnce() {
        let started = DispatchSemaphore(value: 0), released = DispatchSemaphore(value: 0)
        let count = Counter()
        let work = Background { () -> Int in
            started.signal()
            _ = released.wait(timeout: .now() + 10)
            return count.increment()
        }
        #expect(started.wait(timeout: .now() + 10) == .success, "the work started before its value was asked for")
        released.signal()
        #expect(work.value == 1 && work.value == 1)
    }

    /// The model's search index is read by the search files on every core
    /// while it may still be in the making: each reader waits, none for ever.
    @Test func manyThreadsWaitForTheSameBackgroundValue() {
        let released = DispatchSemaphore(value: 0)
        let count = Counter()
        let work = Background { () -> Int in
            _ = released.wait(timeout: .now() + 10)
            return count.increment()
        }
        let readers = DispatchGroup()
        let seen = Counter()
        for _ in 0..<8 {
            DispatchQueue.global().async(group: readers) { if work.value == 1 { _ = seen.increment() } }
        }
        released.signal()
        #expect(readers.wait(timeout: .now() + 10) == .success, "every reader got the value")
        #expect(seen.increment() == 9, "all eight readers saw the one value made")
        #expect(Background.ready(7).value == 7)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int { lock.withLock { value += 1; return value } }
    }
}
