#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What `lstat` says about a file: enough to tell that it changed since it
/// was read (an editor's save changes the modification time, the size, or the
/// inode when it renames a new file over the old one).
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    /// The stamp of a regular file (links are not followed); nil for anything else.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = info.st_mtimespec
        changed = info.st_ctimespec
        #else
        modified = info.st_mtim
        changed = info.st_ctim
        #endif
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        (a.device, a.inode, a.size) == (b.device, b.inode, b.size)
            && (a.modified.tv_sec, a.modified.tv_nsec, a.changed.tv_sec, a.changed.tv_nsec)
            == (b.modified.tv_sec, b.modified.tv_nsec, b.changed.tv_sec, b.changed.tv_nsec)
    }

    /// The stamp as text, for keys that name the settings something was made with.
    var text: String {
        "\(device):\(inode):\(size):\(modified.tv_sec).\(modified.tv_nsec):\(changed.tv_sec).\(changed.tv_nsec)"
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(inode)
        hasher.combine(size)
        hasher.combine(modified.tv_nsec)
    }

    /// The bytes of a regular file, refusing a link put in its place since it was listed.
    static func readRegularFile(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return try handle.readToEnd() ?? Data()
    }
}

extension FileStamp {
    /// A stamp from its fields (a store's reader).
    init(device: UInt64, inode: UInt64, size: Int64, modified: timespec, changed: timespec) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }
}

/// Stored in `SourceStore`: the stamp of each file as it was parsed.
extension FileStamp: Codable {
    init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        device = try fields.decode(UInt64.self)
        inode = try fields.decode(UInt64.self)
        size = try fields.decode(Int64.self)
        modified = timespec(tv_sec: try fields.decode(Int.self), tv_nsec: try fields.decode(Int.self))
        changed = timespec(tv_sec: try fields.decode(Int.self), tv_nsec: try fields.decode(Int.self))
    }

    func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(device)
        try fields.encode(inode)
        try fields.encode(size)
        try fields.encode(Int(modified.tv_sec))
        try fields.encode(Int(modified.tv_nsec))
        try fields.encode(Int(changed.tv_sec))
        try fields.encode(Int(changed.tv_nsec))
    }
}
