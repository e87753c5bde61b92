import CCmark
import CCmarkArena
#if canImport(Glibc)
import Glibc
#endif

/// libcmark trees made in the thread's arena (`Sources/CCmarkArena/arena.c`): their
/// nodes and strings are not freed one by one but all at once when `parse`
/// returns. Allocating and freeing a page's nodes one by one cost about as
/// much as parsing it.
enum CmarkArena {
    /// Parses `markdown` (within `ListDepth`'s bound) and gives its document
    /// to `body`; the tree, the nodes made with `newNode` and any text
    /// libcmark renders from it are gone once `body` returns.
    static func parse<Result>(_ markdown: String, options: Int32, _ body: (OpaquePointer) -> Result) -> Result {
        tandem_arena_begin()
        defer { tandem_arena_end() }
        // The text's UTF-8 in place, with its length: libcmark reads `length` bytes, so
        // neither a copy ending in NUL nor `strlen` over the page is needed.
        var text = ListDepth.bounded(markdown)
        let document = text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return tandem_arena_parse("", 0, options)! }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { tandem_arena_parse($0, bytes.count, options)! }
        }
        return body(document)
    }

    /// A node for a tree made by `parse`, in the same arena.
    static func newNode(_ type: cmark_node_type) -> OpaquePointer {
        cmark_node_new_with_mem(type, tandem_arena_mem())!
    }
}
