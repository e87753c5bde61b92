import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, asked to give back what a stage of a run freed. glibc
/// keeps freed pages in the arena of the thread that freed them unless asked:
/// a build's threads free the parse stage's transient memory (YAML trees,
/// libcmark's arenas, the files' bytes) in arenas the later stages may not
/// allocate from again. Measured on the 10,000-page corpus (2026-11-28,
/// alternating runs): a cold build peaked at 237–242 MB in most runs, 208 MB
/// in some; returning freed pages after parsing and after rendering, the
/// benchmark's five runs peaked at 202–206 MB, at the same speed.
/// For `tandem serve`'s process, which keeps a whole site in memory for hours:
/// two arenas instead of one per thread took the peak during edits from 479
/// to 452 MB at the same speed, and returning freed pages after the first
/// build gives back 20 to 30 MB before the first edit.
/// Does nothing where the C library is not glibc. The functions are looked
/// up by name: Swift's Glibc module does not bring in `<malloc.h>`.
public enum GlibcMalloc {
    /// At most two arenas (`M_ARENA_MAX`; glibc allows eight per core).
    /// For the process of `tandem serve`, at its start, while only the main
    /// arena exists; a setting of the whole process, so not made by the
    /// server itself (tests run many servers in one process).
    public static func limitArenas() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8 // M_ARENA_MAX in <malloc.h>
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 2)
        #endif
    }

    /// Hands the pages freed since (the previous model, the files a rebuild
    /// replaced) back to the system: glibc keeps them in its arenas unless asked.
    public static func returnFreedMemory() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
