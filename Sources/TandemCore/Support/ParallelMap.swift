import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores and keeps the order of the input.
    /// Stages use it for per-file work (read, parse, render, write).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(input[index])
            }
        }
        return results.map { $0! }
    }
}
