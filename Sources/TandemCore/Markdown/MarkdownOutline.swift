import CCmark

/// The headings and the links and images of a parsed body, in document
/// order: where `MarkdownRenderer.prepare` writes its markers. Gathered by
/// whoever walks the tree first (the prose extractor, as it reads the prose)
/// so that the tree is walked once, not twice.
struct MarkdownOutline {
    var headings: [OpaquePointer] = []
    /// Links and images.
    var links: [OpaquePointer] = []
    /// Headings and links in document order (true: a heading).
    var order: [Bool] = []

    /// Notes a node the walk enters.
    mutating func enter(_ node: OpaquePointer, _ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_HEADING: headings.append(node); order.append(true)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node); order.append(false)
        default: break
        }
    }

    /// The outline of `document`, by a walk of its own.
    static func of(_ document: OpaquePointer) -> MarkdownOutline {
        var outline = MarkdownOutline()
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            outline.enter(node, cmark_node_get_type(node))
        }
        return outline
    }
}
