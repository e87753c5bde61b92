import CCmark
import Foundation

/// Gathers a page's prose (`Prose`) from its front matter and from libcmark's
/// tree of its body. Code spans and blocks, URLs and HTML are not prose; text
/// in a blockquote is quoted speech. The body is parsed without smart
/// punctuation, so each text node's characters can be matched one by one with
/// the source line they come from (escapes and entities included).
enum ProseExtractor {
    /// Stands for a code span in the text: no word pattern matches across it.
    static let codePlaceholder: Unicode.Scalar = "\u{FFFC}"

    static func extract(_ page: SourcePage) -> Prose {
        var prose = Prose()
        prose.bodyFirstLine = page.bodyFirstLine
        addFrontMatterText(page.frontMatter.title, start: page.frontMatter.titleStart, to: &prose)
        if let summary = page.frontMatter.summary {
            addFrontMatterText(summary, start: page.frontMatter.summaryStart, to: &prose)
        }
        var walker = BodyWalker(page: page)
        walker.walk(into: &prose)
        prose.folded = PatternAnchors.fold(units: prose.units)
        return prose
    }

    /// A title or summary: one character after the other from where its text starts.
    private static func addFrontMatterText(_ text: String, start: SourceLocation?, to prose: inout Prose) {
        var run = Prose.Run(isQuoted: false)
        run.append(text, from: .consecutive(start.map { Prose.Place(line: Int32($0.line), column: Int32($0.column)) } ?? .none))
        prose.add(run)
    }
}

/// One walk over the body's tree.
private struct BodyWalker {
    let page: SourcePage
    let lines: [Substring]
    private var runs: [Prose.Run] = []
    private var quoteDepth = 0
    private var linkStarts: [(offset: Int, node: OpaquePointer)] = []
    private var headingIDs = HeadingIDs()

    init(page: SourcePage) {
        self.page = page
        self.lines = TextLines.split(page.body)
    }

    mutating func walk(into prose: inout Prose) {
        prose.bodyLines = lines
        let document = page.body.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT)! }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type, into: &prose)
            } else {
                exit(node, type, into: &prose)
            }
        }
    }

    private mutating func enter(_ node: OpaquePointer, _ type: cmark_node_type, into prose: inout Prose) {
        switch type {
        case CMARK_NODE_PARAGRAPH:
            runs.append(Prose.Run(isQuoted: quoteDepth > 0))
        case CMARK_NODE_HEADING:
            runs.append(Prose.Run(isQuoted: quoteDepth > 0))
            prose.headings.append((Int(cmark_node_get_heading_level(node)), location(of: node)))
            prose.anchors.append(headingIDs.next(for: PlainText.of(node)))
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_TEXT:
            appendText(of: node)
        case CMARK_NODE_CODE:
            guard !runs.isEmpty else { break }
            let place = self.place(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
            runs[runs.count - 1].append(String(ProseExtractor.codePlaceholder), from: .at(place))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            runs.indices.last.map { runs[$0].append(" ", from: .previous) }
        case CMARK_NODE_LINK:
            linkStarts.append((runs.last?.utf16Count ?? 0, node))
        case CMARK_NODE_IMAGE:
            runs.append(Prose.Run(isQuoted: quoteDepth > 0))
        case CMARK_NODE_HTML_BLOCK:
            let html = cmark_node_get_literal(node).map { String(cString: $0).lowercased() } ?? ""
            if html.contains("<table"), !html.contains("<th") {
                prose.tablesWithoutHeader.append(location(of: node))
            }
            prose.anchors += HTMLAnchors.ids(in: cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
        case CMARK_NODE_HTML_INLINE:
            prose.anchors += HTMLAnchors.ids(in: cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
        default:
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer, _ type: cmark_node_type, into prose: inout Prose) {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            if let run = runs.popLast() { prose.add(run) }
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_LINK:
            guard let start = linkStarts.popLast(), let run = runs.last else { break }
            let text = String(decoding: run.units[min(start.offset, run.units.count)...], as: UTF16.self)
            let line = Int(cmark_node_get_start_line(node)), endLine = Int(cmark_node_get_end_line(node))
            let length = line == endLine ? Int(cmark_node_get_end_column(node) - cmark_node_get_start_column(node)) + 1 : 1
            prose.links.append(Prose.Link(text: text, location: location(of: node), length: length))
        case CMARK_NODE_IMAGE:
            guard let run = runs.popLast() else { break }
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            prose.images.append(Prose.Image(alt: run.text, title: title, location: location(of: node)))
            prose.add(run)
        default:
            break
        }
    }

    /// A text node's characters, with where they start: each one's place is
    /// worked out only if a diagnostic needs it (`ProseOrigins`).
    private mutating func appendText(of node: OpaquePointer) {
        guard !runs.isEmpty, let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { return }
        let line = Int(cmark_node_get_start_line(node))
        let source: ProseOrigins.Source = line > 0 && line <= lines.count
            ? .textNode(line: line, byteColumn: Int(cmark_node_get_start_column(node))) : .at(.none)
        runs[runs.count - 1].append(literal, from: source)
    }

    private func place(line: Int, byteColumn: Int) -> Prose.Place {
        guard line > 0, line <= lines.count else { return .none }
        return Prose.Place(line: Int32(page.bodyFirstLine + line - 1),
                           column: Int32(ProseOrigins.scalarIndex(in: lines[line - 1], byteColumn: byteColumn) + 1))
    }

    /// Where a node starts in the file; a node without a position takes its block's.
    private func location(of node: OpaquePointer) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current, cmark_node_get_start_line(candidate) == 0 { current = cmark_node_parent(candidate) }
        let start = current.map { place(line: Int(cmark_node_get_start_line($0)), byteColumn: Int(cmark_node_get_start_column($0))) } ?? .none
        return SourceLocation(path: page.path, line: Int(start.line), column: Int(start.column))
    }
}
