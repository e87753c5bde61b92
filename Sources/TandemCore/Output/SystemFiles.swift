import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files and folders of the output with the system's own calls, so that
/// a failure says what the system said (`Permission denied`, `File name too
/// long`, `No space left on device`) instead of Foundation's "The operation
/// could not be completed".
enum SystemFiles {
    /// A file or folder that could not be made, and the system's reason.
    struct Failure: Error, LocalizedError, CustomStringConvertible, Equatable {
        /// The path the system refused.
        var path: String
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
        /// Only the reason: callers already say which file they were writing.
        var errorDescription: String? { reason }
        /// `/x/y: Permission denied`.
        var description: String { "\(path): \(reason)" }
    }

    /// Opens a new file at `path` for writing. A file already there is
    /// unlinked first, never truncated: it may be a hard link of a published
    /// file (a kept file, or one of the spare folder's), whose bytes must stay.
    private static func openNew(_ path: String) throws(Failure) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        var descriptor = open(path, flags, 0o666)
        if descriptor < 0 && errno == EEXIST && unlink(path) == 0 { descriptor = open(path, flags, 0o666) }
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        return descriptor
    }

    /// Writes `data` in a new file at `path`, replacing any file there (`openNew`).
    static func write(_ data: Data, to path: String) throws(Failure) {
        var failure: Failure?
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            do throws(Failure) { try write(bytes, to: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes `bytes` in a new file at `path`, as `write(_:to:)` does a `Data`, without a copy of them.
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        var failure: Failure?
        bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            do throws(Failure) { try write(buffer, to: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes `bytes` to a new file at `path`, as `write(_:to:)` does a `Data`.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(Failure) {
        let descriptor = try openNew(path)
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, code: errno)
            }
            offset += count
        }
    }

    /// Copies the file at `source` to a new file at `destination`, replacing any file there (`openNew`);
    /// a failure names the side the system refused. The kernel copies
    /// (`sendfile`), so the bytes do not pass through a buffer of Tandem's
    /// (3,000 images of a 10k build came from the image cache through a
    /// zeroed 256 KB buffer each); where it cannot, the copy goes in pieces.
    static func copy(_ source: String, to destination: String) throws(Failure) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure(path: source, code: errno) }
        defer { close(input) }
        let output = try openNew(destination)
        defer { close(output) }
        if try copyInKernel(input, output, source: source, destination: destination) { return }
        let size = 256 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Foundation.read(input, buffer, size)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: source, code: errno)
            }
            if count == 0 { return }
            var offset = 0
            while offset < count {
                let written = Foundation.write(output, buffer + offset, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: destination, code: errno)
                }
                offset += written
            }
        }
    }

    /// Copies all of `input` into `output` with `sendfile`; false if the
    /// system cannot for these two files before anything was copied.
    private static func copyInKernel(_ input: Int32, _ output: Int32, source: String, destination: String) throws(Failure) -> Bool {
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var copied = 0
        while copied < Int(info.st_size) {
            let count = sendfile(output, input, nil, Int(info.st_size) - copied)
            if count < 0 {
                if errno == EINTR { continue }
                if copied == 0 && (errno == EINVAL || errno == ENOSYS) { return false }
                throw Failure(path: destination, code: errno)
            }
            if count == 0 { break }
            copied += count
        }
        return true
    }

    /// Creates the folder at `path` and any missing folders above it.
    static func makeFolders(_ path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure(path: path, code: ENOTDIR) }
            return
        }
        let parent = parentFolder(of: path)
        if !parent.isEmpty, parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw Failure(path: path, code: errno) }
    }

    /// The folder that holds `path`: what is before its last `/` (`/` for a
    /// file at the root, "" for a bare name), as NSString's
    /// `deletingLastPathComponent` says for the paths Tandem makes, without
    /// bridging to it (every page of a build is a file in a folder of its own).
    /// Read in place, as bytes: a build asks it for every folder of every file it keeps.
    static func parentFolder(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        var path = path
        return path.withUTF8 { bytes in
            var end = bytes.count
            while end > 1, bytes[end - 1] == slash { end -= 1 }
            guard let last = bytes[..<end].lastIndex(of: slash) else { return "" }
            var cut = last
            while cut > 0, bytes[cut - 1] == slash { cut -= 1 }
            return cut == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
        }
    }

    /// Creates one new folder; it must not exist yet.
    static func makeFolder(_ path: String) throws(Failure) {
        guard mkdir(path, 0o777) == 0 else { throw Failure(path: path, code: errno) }
    }

    /// Whether the regular file at `path` holds exactly `data`.
    static func holds(_ path: String, exactly data: Data) -> Bool {
        data.withUnsafeBytes { holds(path, exactly: $0) }
    }

    /// Whether the regular file at `path` holds exactly `expected`.
    static func holds(_ path: String, exactly expected: UnsafeRawBufferPointer) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == expected.count,
              case .success(let bytes) = FileTree.read(path) else { return false }
        return bytes.withUnsafeBytes { held in
            held.count == expected.count && (held.isEmpty || memcmp(held.baseAddress!, expected.baseAddress!, held.count) == 0)
        }
    }

    /// Whether the regular files at `path` and `other` hold the same bytes.
    /// Sizes are compared first, so a file with no published copy (a first
    /// build) or of another size is not read at all.
    static func sameBytes(_ path: String, _ other: String) -> Bool {
        var info = stat(), otherInfo = stat()
        guard stat(path, &info) == 0, stat(other, &otherInfo) == 0,
              (info.st_mode & S_IFMT) == S_IFREG, (otherInfo.st_mode & S_IFMT) == S_IFREG,
              info.st_size == otherInfo.st_size,
              case .success(let bytes) = FileTree.read(other) else { return false }
        return holds(path, exactly: bytes)
    }

    /// Makes `link` a second name of the file at `path` (same file system): same bytes, same modification time.
    static func hardLink(_ path: String, as link: String) throws(Failure) {
        guard Foundation.link(path, link) == 0 else { throw Failure(path: link, code: errno) }
    }

    /// Removes the file or folder at `path` and everything in it, without
    /// following links. A folder's names are read first, then removed
    /// relative to the open folder (`unlinkat`): no path is looked up from
    /// the root again and no file is looked at, since the folder's listing
    /// says which names are folders. Foundation's `removeItem` looked at each.
    static func removeTree(_ path: String) {
        guard unlink(path) != 0 else { return }
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        removeEntries(of: folder)
        rmdir(path)
    }

    /// Removes what the open folder `folder` holds, then closes it.
    private static func removeEntries(of folder: Int32) {
        guard let listing = fdopendir(folder) else { close(folder); return }
        defer { closedir(listing) }
        var names: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            names.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        for (name, isFolder) in names {
            // A listing that does not say (DT_UNKNOWN) leaves a folder to fail as a file first.
            if !isFolder, unlinkat(folder, name, 0) == 0 || errno != EISDIR { continue }
            let inner = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if inner >= 0 { removeEntries(of: inner) }
            unlinkat(folder, name, AT_REMOVEDIR)
        }
    }

    /// Replaces the file at `path` with one that `write` writes under a
    /// temporary name beside it, then renamed: a reader sees the old file or
    /// the whole new one, never a part (Tandem's cache files).
    static func replace(_ path: String, writing write: (String) throws -> Void) throws {
        let temporary = parentFolder(of: path) + "/.\(path.split(separator: "/").last ?? "file").\(getpid()).\(UInt32.random(in: 0 ... .max))"
        do {
            try write(temporary)
            try rename(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Renames `source` to `destination` (same file system).
    static func rename(_ source: String, to destination: String) throws(Failure) {
        guard Foundation.rename(source, destination) == 0 else { throw Failure(path: destination, code: errno) }
    }

    /// The bytes of `path`, or the system's reason why not.
    static func read(_ path: String) throws(Failure) -> Data {
        switch FileTree.read(path) {
        case .success(let data): return data
        case .failure(let failure): throw Failure(path: path, code: failure.code)
        }
    }
}
