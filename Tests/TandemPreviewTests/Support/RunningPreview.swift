import Foundation
import TandemPreview

/// A preview server started in this process on a free loopback port, for one test.
final class RunningPreview: @unchecked Sendable {
    let url: URL
    let port: Int
    private let task: Task<Void, any Error>

    private init(url: URL, task: Task<Void, any Error>) {
        self.url = url
        self.port = url.port!
        self.task = task
    }

    static func start(_ site: SiteFolder, host: String = "127.0.0.1", includeDrafts: Bool = true,
                      keepalive: Duration = .seconds(15)) async throws -> RunningPreview {
        let options = PreviewOptions(root: site.root, host: host, port: 0, includeDrafts: includeDrafts, keepalive: keepalive, quiet: true)
        let (urls, continuation) = AsyncStream.makeStream(of: URL.self)
        let task = Task {
            defer { continuation.finish() }
            try await PreviewServer(options: options).run(stopOnSignals: false) { continuation.yield($0) }
        }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next() else {
            try await task.value
            throw CancellationError()
        }
        return RunningPreview(url: url, task: task)
    }

    /// Stops the server and waits until it has stopped; returns how long that took.
    @discardableResult
    func stop() async -> Duration {
        let clock = ContinuousClock()
        let started = clock.now
        task.cancel()
        _ = try? await task.value
        return clock.now - started
    }
}
