import CCmark
import Foundation

/// The default summary of a page: the plain text of its first paragraph.
enum MarkdownSummary {
    static func firstParagraph(of markdown: String) -> String {
        CmarkArena.parse(markdown, options: CMARK_OPT_SMART) { document in
            var child = cmark_node_first_child(document)
            while let node = child {
                if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                    return PlainText.of(node)
                }
                child = cmark_node_next(node)
            }
            return ""
        }
    }
}
