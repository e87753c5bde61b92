import CCmark
import Foundation

/// The default summary of a page: the plain text of its first paragraph.
enum MarkdownSummary {
    static func firstParagraph(of markdown: String) -> String {
        let document = markdown.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_SMART)! }
        defer { cmark_node_free(document) }
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
