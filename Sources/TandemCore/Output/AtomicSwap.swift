import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a finished folder in place of another in one step, so readers of the
/// destination see either the old site or the new one, never a mix.
enum AtomicSwap {
    /// Exchanges `staging` and `destination` (both must exist) with Linux's
    /// `renameat2(RENAME_EXCHANGE)`; returns false where that is not available.
    static func exchange(_ staging: URL, _ destination: URL) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 2 // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, staging.path, AT_FDCWD, destination.path, exchangeFlag) == 0
        #else
        return false
        #endif
    }

    /// Moves `staging` to `destination`, replacing what was there; the old
    /// content ends up in `staging`'s place and is removed, while `meanwhile`
    /// runs on the other core (removing a site is the kernel's work, not the CPU's).
    static func replace(_ destination: URL, with staging: URL, meanwhile: () -> Void = {}) throws {
        let files = FileManager.default
        guard files.fileExists(atPath: destination.path) else {
            try SystemFiles.rename(staging.path, to: destination.path)
            meanwhile()
            return
        }
        if exchange(staging, destination) {
            removeTree(staging.path, meanwhile: meanwhile)
            return
        }
        let old = staging.deletingLastPathComponent()
            .appendingPathComponent(staging.lastPathComponent + ".old")
        try SystemFiles.rename(destination.path, to: old.path)
        do {
            try SystemFiles.rename(staging.path, to: destination.path)
        } catch {
            try? SystemFiles.rename(old.path, to: destination.path)
            throw error
        }
        removeTree(old.path, meanwhile: meanwhile)
    }

    /// Removes the folder at `path` on a thread of its own while `meanwhile`
    /// runs. Not with `concurrently`: a parallel map started on one of its two
    /// threads runs on that thread alone, and the removal was then the last
    /// thing a rebuild waited for, on one core.
    private static func removeTree(_ path: String, meanwhile: () -> Void) {
        let removal = Background { removeTree(path) }
        meanwhile()
        _ = removal.value
    }

    /// Removes the folder at `path` and all it holds, on every core: a
    /// rebuild that kept most of a 10k site removes some 19,000 names of the
    /// replaced one. The entries two levels down are shared out (a site's
    /// sections are few, and one of them may hold most of its pages), then
    /// the folders above them go.
    static func removeTree(_ path: String) {
        let files = FileManager.default
        let top = ((try? files.contentsOfDirectory(atPath: path)) ?? []).map { path + "/" + $0 }
        let below = top.flatMap { folder in ((try? files.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 } }
        _ = below.parallelMap { entry in SystemFiles.removeTree(entry) }
        _ = top.parallelMap { entry in SystemFiles.removeTree(entry) }
        SystemFiles.removeTree(path)
    }
}
