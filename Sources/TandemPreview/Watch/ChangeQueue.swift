import Foundation

/// Changed paths waiting for a rebuild. The watcher adds to it from its
/// thread; the rebuild loop takes everything gathered so far at once, so
/// changes that arrive during a rebuild make one more rebuild, not many.
final class ChangeQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: Set<String> = []
    private let continuation: AsyncStream<Void>.Continuation
    /// Yields when there is something to take (several additions may yield once).
    let signals: AsyncStream<Void>

    init() {
        (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Paths relative to the site's root, files or folders.
    func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        lock.withLock { pending.formUnion(paths) }
        continuation.yield()
    }

    /// Everything added since the last call.
    func take() -> Set<String> {
        lock.withLock {
            defer { pending = [] }
            return pending
        }
    }

    func finish() {
        continuation.finish()
    }
}
