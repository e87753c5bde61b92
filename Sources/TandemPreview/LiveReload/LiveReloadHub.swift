import Foundation

/// Tells the open pages what changed. Each open event stream subscribes and
/// receives every message as Server-Sent Events text:
///
/// - `change`: the site's new version and the paths whose files changed (none
///   when only the diagnostics did); a page reloads if its own file is among
///   them, and swaps a changed stylesheet;
/// - `problems`: the error overlay's markup ("" once the build is fixed);
/// - `reload`: the page cannot tell what changed (the server restarted, or it
///   connected too late for the history): it reloads;
/// - a comment line every so often, to keep the connection open.
///
/// A short history lets a page that connects after a change (it was served at
/// version N, the site is at N+2) still learn what changed since it was served.
final class LiveReloadHub: @unchecked Sendable {
    /// Identifies this run of the server: a page served by an earlier run reloads.
    let session: String
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    private var history: [(version: Int, paths: Set<String>)] = []
    private var version: Int
    private var overlay: String
    private var finished = false
    private static let historyLength = 200

    init(version: Int, overlay: String) {
        session = UUID().uuidString.lowercased()
        self.version = version
        self.overlay = overlay
    }

    /// A new stream for a page served at version `since` by server `session`.
    func subscribe(session: String?, since: Int?) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .unbounded)
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        let open = lock.withLock { () -> Bool in
            guard !finished else { return false }
            continuation.yield("retry: 1000\n\n")
            if let session, session != self.session {
                continuation.yield(Self.message("reload", ["reason": "the preview server restarted"]))
            } else if let since, since < version {
                if let oldest = history.first?.version, oldest <= since + 1 {
                    let paths = history.filter { $0.version > since }.reduce(into: Set<String>()) { $0.formUnion($1.paths) }
                    continuation.yield(Self.message("change", ["version": version, "paths": paths.sorted()]))
                } else {
                    continuation.yield(Self.message("reload", ["reason": "the site changed since this page was served"]))
                }
            }
            continuation.yield(Self.message("problems", ["html": overlay]))
            subscribers[id] = continuation
            return true
        }
        if !open { continuation.finish() }
        return stream
    }

    /// Tells every page that the site is now at `version`, with the files at
    /// `changed` changed, and (if not nil) a new error overlay.
    func publish(version: Int, changed: Set<String>, overlay: String?) {
        lock.withLock {
            self.version = version
            history.append((version, changed))
            if history.count > Self.historyLength { history.removeFirst(history.count - Self.historyLength) }
            broadcast(Self.message("change", ["version": version, "paths": changed.sorted()]))
            if let overlay {
                self.overlay = overlay
                broadcast(Self.message("problems", ["html": overlay]))
            }
        }
    }

    /// A comment line to every stream, so idle connections stay open and dead ones are noticed.
    func ping() {
        lock.withLock { broadcast(": ping\n\n") }
    }

    /// Ends every stream (on shutdown); later subscribers get a stream that ends at once.
    func finish() {
        let ending = lock.withLock {
            finished = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in ending { continuation.finish() }
    }

    private func broadcast(_ text: String) {
        for continuation in subscribers.values { continuation.yield(text) }
    }

    /// One event: `event: NAME` and its data as one line of JSON.
    static func message(_ event: String, _ data: [String: Any]) -> String {
        let json = (try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])) ?? Data("{}".utf8)
        return "event: \(event)\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
    }
}
