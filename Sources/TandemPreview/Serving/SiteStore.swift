import Foundation
import TandemCore

/// The site the preview serves: the files of the last published build, kept
/// in memory (never read from the file system on a request), compressed
/// where that helps (``MemoryFile``: a 10,000-page site's 160 MB take about
/// 50), and the state of the latest build, published or not, for the error
/// overlay and `/_review`.
final class SiteStore: @unchecked Sendable {
    /// What the latest build said about the site.
    struct State: Sendable {
        var diagnostics: [Diagnostic] = []
        var graph: SiteGraph?
        /// Counts up with every change of the served files or of the diagnostics.
        var version = 0
    }

    private let lock = NSLock()
    private var files: [String: MemoryFile] = [:]
    /// The output paths of the last accepted run: the paths of `files`.
    private var paths: Set<String> = []
    private var current = State()

    /// The file at `path` inside the site.
    func file(_ path: String) -> MemoryFile? {
        lock.withLock { files[path] }
    }

    var state: State {
        lock.withLock { current }
    }

    /// A file and the state it belongs to, read together, so a page never
    /// claims a newer version than its content.
    func read(_ path: String) -> (file: MemoryFile?, state: State) {
        lock.withLock { (files[path], current) }
    }

    /// Takes a run of the pipeline and the files it made: the files if the run
    /// was accepted, its diagnostics and graph in any case. Returns the paths
    /// whose bytes changed (added, replaced or removed), whether the
    /// diagnostics changed, and the state replaced, for the caller to let go
    /// of once the pages are told (freeing a site's graph takes a while).
    func apply(_ run: PipelineRun, made: [String: MemoryFile]) -> (changed: Set<String>, problemsChanged: Bool, replaced: State) {
        lock.withLock {
            var changed: Set<String> = []
            if run.accepted {
                for (path, file) in made where files[path] != file {
                    files[path] = file
                    changed.insert(path)
                }
                // Most runs keep the plan: then no file is gone (and comparing the same set is immediate).
                if run.outputPaths != paths {
                    for path in paths.subtracting(run.outputPaths) where files.removeValue(forKey: path) != nil {
                        changed.insert(path)
                    }
                    paths = run.outputPaths
                }
            }
            let replaced = current
            let problemsChanged = run.diagnostics != current.diagnostics
            current.diagnostics = run.diagnostics
            current.graph = run.graph
            if !changed.isEmpty || problemsChanged { current.version += 1 }
            return (changed, problemsChanged, replaced)
        }
    }
}
