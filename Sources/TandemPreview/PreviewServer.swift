import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TandemCore

/// What `tandem serve` was asked to do.
public struct PreviewOptions: Sendable {
    /// The site folder (holding `content/`, and optionally `templates/` and `tandem.yaml`).
    public var root: URL
    /// The address to listen on; anything but loopback exposes unpublished pages.
    public var host: String
    /// The port; 0 takes any free one.
    public var port: Int
    public var includeDrafts: Bool
    /// How often idle event streams get a keepalive line.
    public var keepalive: Duration
    /// Print nothing but diagnostics.
    public var quiet: Bool

    public init(root: URL, host: String = "127.0.0.1", port: Int = 4000, includeDrafts: Bool = true,
                keepalive: Duration = .seconds(15), quiet: Bool = false) {
        self.root = root
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.keepalive = keepalive
        self.quiet = quiet
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }
}

/// The preview server of `tandem serve`: builds the site in memory (drafts
/// and embargoed pages included, under banners), serves it with live reload
/// and a review page at `/_review`, and rebuilds what a change touches as
/// files are saved.
public final class PreviewServer: Sendable {
    public let options: PreviewOptions

    public init(options: PreviewOptions) {
        self.options = options
    }

    /// Builds the site, starts watching and serves until the task is
    /// cancelled or, with `stopOnSignals`, until SIGINT (Ctrl-C) or SIGTERM.
    /// `onRunning` gets the URL once the server listens.
    public func run(stopOnSignals: Bool = true,
                    onRunning: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let log = PreviewLog(quiet: options.quiet)
        let mode = BuildMode(includeDrafts: options.includeDrafts, preview: true)
        let pipeline = Pipeline(root: options.root, mode: mode, incremental: true)
        let store = SiteStore()
        let changes = ChangeQueue()
        let watcher = try FileWatcher(root: options.root) { changes.add($0) }
        watcher.start()
        defer {
            watcher.stop()
            changes.finish()
        }

        let (first, made) = pipeline.runInMemory()
        _ = store.apply(first, made: made)
        Allocator.returnFreedMemory()
        log.built(first)
        let hub = LiveReloadHub(version: store.state.version, overlay: ErrorOverlay.html(first.diagnostics))
        let rebuilder = Rebuilder(pipeline: pipeline, store: store, hub: hub, changes: changes, log: log)

        var logger = Logger(label: "tandem.serve")
        logger.logLevel = .critical
        let host = options.host
        let app = Application(
            responder: PreviewResponder(store: store, hub: hub, hosts: HostCheck(host: host)),
            server: .preview,
            configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
            services: [rebuilder, KeepAlive(hub: hub, interval: options.keepalive)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                await onRunning(URL(string: "http://\(shown):\(port)/")!)
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [],
                                                      cancellationSignals: [], logger: logger))
        try await group.run()
    }
}
