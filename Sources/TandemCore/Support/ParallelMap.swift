import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores and keeps the order of the input.
    /// Stages use it for per-file work (read, parse, render, write).
    /// Each result is made in its place in the returned array: nothing is
    /// copied or left behind (an earlier version kept a copy of every result
    /// in a buffer it freed without releasing them).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { results, initializedCount in
            nonisolated(unsafe) let slots = results.baseAddress!
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (slots + index).initialize(to: transform(input[index]))
                }
            }
            initializedCount = count
        }
    }
}

/// Runs `first` and `second` at the same time, on two cores, and returns
/// both results: for two independent stages that are each on one core
/// (assembling the last published site and the new one).
func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    nonisolated(unsafe) var firstResult: A?
    nonisolated(unsafe) var secondResult: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let (first, second) = (first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { firstResult = first() } else { secondResult = second() }
            }
        }
    }
    return (firstResult!, secondResult!)
}
