import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's memory allocator, asked to give back what a stage of a run
/// freed, and set up for the command line. Each function looks its
/// allocator's entry point up by name and does nothing where there is none:
/// Swift's Glibc module does not bring in `<malloc.h>`, and which allocator
/// serves the process is decided when it is linked.
///
/// The release build on Linux runs on gperftools' tcmalloc (`Package.swift`
/// links `libtcmalloc_minimal`): its per-thread caches make an allocation and
/// a free a few dozen instructions where glibc's took a few hundred with its
/// locks and bins. A cold 1,000-page build counted 3.3 % fewer instructions,
/// and cold 10,000-page builds took 4 to 7 % less time, for 2 to 4 MB more at
/// their peak with the thread caches held to 1 MiB (`configure`); jemalloc,
/// tried in its place, was no faster and peaked as high (2026-11-29, 2-core
/// VM, runs alternated). Debug builds, and so the tests, the address sanitizer among
/// them, keep glibc's allocator.
///
/// glibc (the debug build, and any build linked without tcmalloc) keeps freed
/// pages in the arena of the thread that freed them unless asked: a build's
/// threads free the parse stage's transient memory (YAML trees, libcmark's
/// arenas, the files' bytes) in arenas the later stages may not allocate from
/// again. Measured on the 10,000-page corpus (2026-11-28, alternating runs):
/// a cold build peaked at 237–242 MB in most runs, 208 MB in some; returning
/// freed pages after parsing and after rendering, the benchmark's five runs
/// peaked at 202–206 MB, at the same speed. For `tandem serve`'s process,
/// which keeps a whole site in memory for hours: two arenas instead of one per
/// thread took the peak during edits from 479 to 452 MB at the same speed, and
/// returning freed pages after the first build gives back 20 to 30 MB before
/// the first edit.
public enum Allocator {
    /// How much tcmalloc's threads may hold freed for their next allocations,
    /// together (its default is 32 MiB). A cold 10k build, whose peak is its
    /// end (the build state written while the model is still held), peaked at
    /// 210–211 MB with the default, 204–207 MB with 2 MiB and 201.7 MB with
    /// 1 MiB; glibc's allocator at 197–200 MB (2026-11-29).
    static let threadCacheBytes = 1 << 20

    /// Sets the allocator up for a command's process, as it starts: with
    /// tcmalloc, its threads' caches held to `threadCacheBytes`.
    public static func configure() {
        #if canImport(Glibc)
        typealias SetProperty = @convention(c) (UnsafePointer<CChar>, Int) -> Int32
        guard let symbol = entryPoint("MallocExtension_SetNumericProperty") else { return }
        _ = unsafeBitCast(symbol, to: SetProperty.self)("tcmalloc.max_total_thread_cache_bytes", threadCacheBytes)
        #endif
    }

    /// At most two arenas (`M_ARENA_MAX`; glibc allows eight per core).
    /// For the process of `tandem serve`, at its start, while only the main
    /// arena exists; a setting of the whole process, so not made by the
    /// server itself (tests run many servers in one process). Nothing with
    /// tcmalloc, whose arenas are its threads' caches.
    public static func limitArenas() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8 // M_ARENA_MAX in <malloc.h>
        guard let symbol = entryPoint("mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 2)
        #endif
    }

    /// Hands the pages freed since (the previous model, the files a rebuild
    /// replaced) back to the system: neither allocator does it unless asked.
    public static func returnFreedMemory() {
        #if canImport(Glibc)
        if let release = entryPoint("MallocExtension_ReleaseFreeMemory") {
            typealias Release = @convention(c) () -> Void
            unsafeBitCast(release, to: Release.self)()
            return
        }
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = entryPoint("malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    #if canImport(Glibc)
    /// The process's function named `name` (nil if no library loaded has it).
    private static func entryPoint(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }
    #endif
}
