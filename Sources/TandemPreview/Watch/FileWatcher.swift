#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches a site's `content/`, `templates/`, `lint/` and `tandem.yaml` with inotify
/// and reports the paths that changed (relative to the root) in batches:
///
/// - one watch per folder; a folder that appears (created, or moved in) is
///   watched in turn and reported whole, so the files already in it count;
///   a folder that goes away takes its watches with it;
/// - the root is watched for `tandem.yaml` and for `content/` or
///   `templates/` appearing later; an editor that saves by writing a
///   temporary file and renaming it over the original shows up as a
///   `moved to` event for the original's name;
/// - events are gathered until none has come for `quietPeriod` (at most
///   `maximumDelay` after the first), so a burst makes one batch; when the
///   last event is a file's save (closed after writing, or moved into
///   place), only for `quietAfterSave`, so a saved edit is not kept waiting
///   (events that follow later make one more batch, read as they are then);
/// - if the kernel's queue overflowed, everything is reported.
///
/// It reads on a thread of its own; `stop()` ends it within one poll interval.
final class FileWatcher: @unchecked Sendable {
    static let watchedFolders = ["content", "templates", "lint"]
    static let configFile = "tandem.yaml"

    private let root: String
    private let quietPeriod: Duration
    private let quietAfterSave: Duration
    private let maximumDelay: Duration
    private let onChange: @Sendable (Set<String>) -> Void
    private let descriptor: Int32
    /// Watch descriptor → folder relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?

    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    /// Fails if inotify is not available (then nothing would ever rebuild).
    init(root: URL, quietPeriod: Duration = .milliseconds(20), quietAfterSave: Duration = .milliseconds(3),
         maximumDelay: Duration = .milliseconds(250),
         onChange: @escaping @Sendable (Set<String>) -> Void) throws {
        self.root = root.path
        self.quietPeriod = quietPeriod
        self.quietAfterSave = quietAfterSave
        self.maximumDelay = maximumDelay
        self.onChange = onChange
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(message: "cannot watch files: inotify_init1 failed (\(String(cString: strerror(errno))))") }
        guard addWatch("") else {
            close(descriptor)
            throw WatchError(message: "cannot watch \(root.path): \(String(cString: strerror(errno)))")
        }
        for folder in Self.watchedFolders { addTree(folder) }
    }

    struct WatchError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Starts reading events on a thread of its own.
    func start() {
        let thread = Thread { [self] in readLoop() }
        thread.name = "tandem file watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops reading; the thread ends within one poll interval and closes the descriptor.
    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    @discardableResult
    private func addWatch(_ folder: String) -> Bool {
        let path = folder.isEmpty ? root : root + "/" + folder
        let watch = inotify_add_watch(descriptor, path, Self.folderEvents)
        guard watch >= 0 else { return false }
        lock.withLock { folders[watch] = folder }
        return true
    }

    /// Watches `folder` and every folder beneath it (not following links).
    private func addTree(_ folder: String) {
        guard addWatch(folder) else { return }
        let path = root + "/" + folder
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in entries where !name.hasPrefix(".") {
            var info = stat()
            if lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                addTree(folder + "/" + name)
            }
        }
    }

    /// Forgets the watches of `folder` and everything beneath it.
    private func removeTree(_ folder: String) {
        let gone = lock.withLock { folders.filter { $0.value == folder || $0.value.hasPrefix(folder + "/") }.map(\.key) }
        for watch in gone {
            inotify_rm_watch(descriptor, watch)
            _ = lock.withLock { folders.removeValue(forKey: watch) }
        }
    }

    private func readLoop() {
        var pending: Set<String> = []
        var firstPending: ContinuousClock.Instant?
        var saved = false
        let clock = ContinuousClock()
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            close(descriptor)
        }
        while !isStopped {
            let wait = pending.isEmpty ? 200 : Int32((saved ? quietAfterSave : quietPeriod).milliseconds)
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, wait)
            if ready > 0 {
                let count = read(descriptor, buffer, 64 * 1024)
                if count > 0 {
                    let events = parse(buffer, count: count)
                    pending.formUnion(events.paths)
                    saved = events.endWithSave
                    if firstPending == nil && !pending.isEmpty { firstPending = clock.now }
                }
                if let first = firstPending, clock.now - first < maximumDelay { continue }
            }
            if !pending.isEmpty {
                onChange(pending)
                pending = []
                firstPending = nil
            }
        }
    }

    /// The paths named by the events in `buffer`, after updating the watches,
    /// and whether the last event is a file's save.
    private func parse(_ buffer: UnsafeMutableRawPointer, count: Int) -> (paths: Set<String>, endWithSave: Bool) {
        var changed: Set<String> = []
        var endWithSave = false
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameLength = Int(event.len)
            var name = ""
            if nameLength > 0 {
                let start = buffer.advanced(by: offset + headerSize).assumingMemoryBound(to: CChar.self)
                name = String(cString: start)
            }
            offset += headerSize + nameLength
            changed.formUnion(handle(event, name: name))
            endWithSave = event.mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 && event.mask & UInt32(IN_ISDIR) == 0
        }
        return (changed, endWithSave)
    }

    private func handle(_ event: inotify_event, name: String) -> Set<String> {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            for folder in Self.watchedFolders { addTree(folder) }
            return Set(Self.watchedFolders + [Self.configFile])
        }
        guard let folder = lock.withLock({ folders[event.wd] }) else { return [] }
        if mask & UInt32(IN_IGNORED) != 0 {
            _ = lock.withLock { folders.removeValue(forKey: event.wd) }
            return []
        }
        if name.isEmpty {
            // The folder itself was deleted or moved: its parent reports it too.
            return mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 && !folder.isEmpty ? [folder] : []
        }
        // Hidden files are never part of the site (editors' swap files, for one).
        if name.hasPrefix(".") { return [] }
        let path = folder.isEmpty ? name : folder + "/" + name
        if folder.isEmpty && name != Self.configFile && !Self.watchedFolders.contains(name) { return [] }
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
            if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { removeTree(path) }
        }
        return [path]
    }
}

private extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
