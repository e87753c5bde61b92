import Foundation
import ServiceLifecycle
import TandemCore

/// Keeps the served site up to date: waits for changes from the watcher,
/// rebuilds (only what they touch), hands the new files to the store, tells
/// the open pages, and prints what happened. Bad content never stops it: a
/// build with errors leaves the previous pages served and shows the errors.
final class Rebuilder: Service, @unchecked Sendable {
    private let pipeline: Pipeline
    private let store: SiteStore
    private let hub: LiveReloadHub
    private let changes: ChangeQueue
    private let log: PreviewLog
    /// Rebuilds run here, off the threads that answer requests.
    private let queue = DispatchQueue(label: "tandem.rebuild")

    init(pipeline: Pipeline, store: SiteStore, hub: LiveReloadHub, changes: ChangeQueue, log: PreviewLog) {
        self.pipeline = pipeline
        self.store = store
        self.hub = hub
        self.changes = changes
        self.log = log
    }

    func run() async throws {
        for await _ in changes.signals.cancelOnGracefulShutdown() {
            let changed = changes.take()
            guard !changed.isEmpty else { continue }
            await rebuild(changed)
        }
    }

    /// Rebuilds for `changed` (paths relative to the root) and publishes the
    /// result. What the rebuild replaced is freed after the pages are told.
    func rebuild(_ changed: Set<String>) async {
        let (update, made) = await withCheckedContinuation { continuation in
            queue.async { [pipeline] in
                continuation.resume(returning: pipeline.runInMemory(changed: changed))
            }
        }
        let (paths, problemsChanged, replaced) = store.apply(update, made: made)
        if !paths.isEmpty || problemsChanged {
            hub.publish(version: store.state.version, changed: paths,
                        overlay: problemsChanged ? ErrorOverlay.html(update.diagnostics) : nil)
        }
        log.rebuilt(update, changedFiles: paths.count, previousDiagnostics: replaced.diagnostics)
        queue.async {
            withExtendedLifetime(replaced) {}
            // A rebuild frees much of what it made, and the preview runs for hours.
            Allocator.returnFreedMemory()
        }
    }
}
