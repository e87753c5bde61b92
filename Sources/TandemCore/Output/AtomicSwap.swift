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
    /// content ends up in `staging`'s place and is removed, or, if
    /// `keepingReplaced`, becomes the spare folder at `spare` (`SpareFolder`),
    /// while `meanwhile` runs on the other core with the spare's identity
    /// (nil: none kept). A folder already at `spare` is one no build adopted:
    /// it is removed. Removing a site is the kernel's work, not the CPU's.
    static func replace(_ destination: URL, with staging: URL, spare: String, keepingReplaced: Bool = false,
                        meanwhile: (_ spareIdentity: String?) -> Void = { _ in }) throws {
        var removals: [String] = []
        let files = FileManager.default
        if files.fileExists(atPath: spare) {
            // Put aside under a staging folder's name, which the next build removes if this one cannot.
            let aside = staging.path + ".stale-spare"
            if (try? SystemFiles.rename(spare, to: aside)) != nil { removals.append(aside) } else { SystemFiles.removeTree(spare) }
        }
        guard files.fileExists(atPath: destination.path) else {
            try SystemFiles.rename(staging.path, to: destination.path)
            removeTrees(removals) { meanwhile(nil) }
            return
        }
        let old: String
        if exchange(staging, destination) {
            old = staging.path
        } else {
            old = staging.path + ".old"
            try SystemFiles.rename(destination.path, to: old)
            do {
                try SystemFiles.rename(staging.path, to: destination.path)
            } catch {
                try? SystemFiles.rename(old, to: destination.path)
                throw error
            }
        }
        var spareIdentity: String?
        if keepingReplaced, (try? SystemFiles.makeFolders(SystemFiles.parentFolder(of: spare))) != nil,
           (try? SystemFiles.rename(old, to: spare)) != nil {
            spareIdentity = SpareFolder.identity(of: spare)
        } else {
            removals.append(old)
        }
        removeTrees(removals) { meanwhile(spareIdentity) }
    }

    /// Removes the folders at `paths` on a thread of their own while `meanwhile`
    /// runs. Not with `concurrently`: a parallel map started on one of its two
    /// threads runs on that thread alone, and the removal was then the last
    /// thing a rebuild waited for, on one core.
    private static func removeTrees(_ paths: [String], meanwhile: () -> Void) {
        guard !paths.isEmpty else { return meanwhile() }
        let removal = Background { for path in paths { removeTree(path) } }
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
