import CCmark
import Foundation

/// Gathers a page's prose (`Prose`) from its front matter and from libcmark's
/// tree of its body. Code spans and blocks, URLs and HTML are not prose; text
/// in a blockquote is quoted speech. The body is parsed with smart
/// punctuation, as its HTML shows it, and the text of each node is put back as
/// written (`SmartPunctuation`), so its characters can be matched one by one
/// with the source line they come from (escapes and entities included).
enum ProseExtractor {
    /// Stands for a code span in the text: no word pattern matches across it.
    static let codePlaceholder: Unicode.Scalar = "\u{FFFC}"

    static func extract(_ page: SourcePage) -> Prose {
        extract(page, preparing: nil).prose
    }

    /// The page's prose and, with a `renderer`, its body prepared
    /// (`MarkdownRenderer.prepare`) from the same tree: each body is parsed
    /// once. A body already prepared has no Markdown left: only the front
    /// matter's prose is read.
    static func extract(_ page: SourcePage, preparing renderer: MarkdownRenderer?) -> (prose: Prose, body: PreparedMarkdown?) {
        var prose = Prose()
        prose.bodyFirstLine = page.bodyFirstLine
        addFrontMatterText(page.frontMatter.title, start: page.frontMatter.titleStart, to: &prose)
        if let summary = page.frontMatter.summary {
            addFrontMatterText(summary, start: page.frontMatter.summaryStart, to: &prose)
        }
        guard case .markdown(let markdown) = page.body else { return (prose, nil) }
        prose.reserveRoom(forBodyBytes: markdown.utf8.count)
        var walker = BodyWalker(markdown: markdown)
        let prepared = walker.walk(into: &prose, preparing: renderer)
        return (prose, prepared)
    }

    /// A title or summary: one character after the other from where its text starts.
    private static func addFrontMatterText(_ text: String, start: SourceLocation?, to prose: inout Prose) {
        var run = Prose.Run(isQuoted: false)
        run.append(text, from: .consecutive(start.map { Prose.Place(line: Int32($0.line), column: Int32($0.column)) } ?? .none))
        prose.add(run)
    }
}

/// One walk over the body's tree. A paragraph's or heading's text goes
/// straight into the prose; an image's alt text, which stands inside one, is
/// gathered apart and added after it.
private struct BodyWalker {
    let markdown: String
    let lines: [Substring]
    /// The paragraph or heading being read: where its text starts in the
    /// prose (nil before its first text) and the alt texts read inside it.
    private struct Block {
        var start: Int?
        var isQuoted: Bool
        var images: [Prose.Run] = []
    }
    private var blocks: [Block] = []
    /// Alt texts being read, the innermost last.
    private var altTexts: [Prose.Run] = []
    private var quoteDepth = 0
    /// Where each open link's text starts: in the prose, or in the innermost alt text.
    private var linkStarts: [(offset: Int, inAltText: Bool, node: OpaquePointer)] = []
    private var headingIDs = HeadingIDs()
    /// The id of each heading, in order: its anchor, and its `id` in the HTML.
    private var headingIDList: [String] = []
    /// The headings and links met on the way, for the HTML to be prepared from the same walk.
    private var outline = MarkdownOutline()

    init(markdown: String) {
        self.markdown = markdown
        self.lines = TextLines.split(markdown)
    }

    /// Reads the prose, then (with a `renderer`) prepares the body's HTML from the same tree.
    mutating func walk(into prose: inout Prose, preparing renderer: MarkdownRenderer?) -> PreparedMarkdown? {
        prose.bodyLines = lines
        let options = renderer?.options.cmarkOptions ?? (CMARK_OPT_DEFAULT | CMARK_OPT_SMART)
        return CmarkArena.parse(markdown, options: options) { document in
            walk(document, into: &prose)
            return renderer?.prepare(document: document, lines: SourceLines(lines: lines), headingIDs: headingIDList, outline: outline)
        }
    }

    private mutating func walk(_ document: OpaquePointer, into prose: inout Prose) {
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                outline.enter(node, type)
                enter(node, type, into: &prose)
            } else {
                exit(node, type, into: &prose)
            }
        }
    }

    private mutating func enter(_ node: OpaquePointer, _ type: cmark_node_type, into prose: inout Prose) {
        switch type {
        case CMARK_NODE_PARAGRAPH:
            blocks.append(Block(isQuoted: quoteDepth > 0))
        case CMARK_NODE_HEADING:
            blocks.append(Block(isQuoted: quoteDepth > 0))
            prose.headings.append((Int(cmark_node_get_heading_level(node)), start(of: node)))
            let id = headingIDs.next(for: PlainText.of(node))
            headingIDList.append(id)
            prose.anchors.append(id)
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_TEXT:
            appendText(of: node, into: &prose)
        case CMARK_NODE_CODE:
            append(String(ProseExtractor.codePlaceholder), from: .node(start(of: node)), into: &prose)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            append(" ", from: .previous, into: &prose)
        case CMARK_NODE_LINK:
            if let altText = altTexts.last {
                linkStarts.append((altText.utf8Count, true, node))
            } else if !blocks.isEmpty {
                startBlock(into: &prose)
                linkStarts.append((prose.text.count, false, node))
            }
        case CMARK_NODE_IMAGE:
            altTexts.append(Prose.Run(isQuoted: quoteDepth > 0))
        case CMARK_NODE_HTML_BLOCK:
            let html = cmark_node_get_literal(node).map { String(cString: $0).lowercased() } ?? ""
            if html.contains("<table"), !html.contains("<th") {
                prose.tablesWithoutHeader.append(start(of: node))
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
            guard let block = blocks.popLast() else { break }
            if let start = block.start { prose.endRun(from: start, isQuoted: block.isQuoted) }
            for image in block.images { prose.add(image) }
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_LINK:
            guard let open = linkStarts.popLast() else { break }
            let bytes = open.inAltText ? Array((altTexts.last?.text ?? "").utf8)[...] : prose.text[...]
            let text = String(decoding: bytes[min(open.offset, bytes.count)...], as: UTF8.self)
            let line = Int(cmark_node_get_start_line(node)), endLine = Int(cmark_node_get_end_line(node))
            let length = line == endLine ? Int(cmark_node_get_end_column(node) - cmark_node_get_start_column(node)) + 1 : 1
            prose.links.append(Prose.Link(text: text, start: start(of: node), length: length))
        case CMARK_NODE_IMAGE:
            guard let run = altTexts.popLast() else { break }
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            prose.images.append(Prose.Image(alt: run.text, title: title, start: start(of: node)))
            if blocks.isEmpty { prose.add(run) } else { blocks[blocks.count - 1].images.append(run) }
        default:
            break
        }
    }

    /// A text node's characters, with where they start: each one's place is
    /// worked out only if a diagnostic needs it (`ProseOrigins`).
    private mutating func appendText(of node: OpaquePointer, into prose: inout Prose) {
        guard !blocks.isEmpty || !altTexts.isEmpty, let literal = cmark_node_get_literal(node) else { return }
        let line = Int(cmark_node_get_start_line(node))
        let source: ProseOrigins.Source = line > 0 && line <= lines.count
            ? .textNode(line: line, byteColumn: Int(cmark_node_get_start_column(node))) : .at(.none)
        let bytes = UnsafeRawBufferPointer(start: literal, count: strlen(literal))
        if SmartPunctuation.mayHold(bytes), line > 0, line <= lines.count {
            let written = SmartPunctuation.undone(String(decoding: bytes, as: UTF8.self), line: lines[line - 1],
                                                  byteColumn: Int(cmark_node_get_start_column(node)))
            append(written, from: source, into: &prose)
        } else if altTexts.isEmpty {
            // A block's text goes in as libcmark's bytes (UTF-8, as the body it comes from), without a String.
            startBlock(into: &prose)
            prose.append(bytes, from: source)
        } else {
            append(String(decoding: bytes, as: UTF8.self), from: source, into: &prose)
        }
    }

    /// Text of the innermost alt text, or of the block being read; text outside both is not prose.
    private mutating func append(_ text: String, from source: ProseOrigins.Source, into prose: inout Prose) {
        if !altTexts.isEmpty {
            altTexts[altTexts.count - 1].append(text, from: source)
        } else if !blocks.isEmpty {
            startBlock(into: &prose)
            prose.append(text, from: source)
        }
    }

    /// Starts the run of the block being read, at its first text.
    private mutating func startBlock(into prose: inout Prose) {
        if blocks[blocks.count - 1].start == nil { blocks[blocks.count - 1].start = prose.startRun() }
    }

    /// Where a node starts in the body, as libcmark gives it; a node without a
    /// position takes its block's. Made into a line and column only when a
    /// diagnostic needs it (`Prose.location`).
    private func start(of node: OpaquePointer) -> Prose.NodeStart {
        var current: OpaquePointer? = node
        while let candidate = current, cmark_node_get_start_line(candidate) == 0 { current = cmark_node_parent(candidate) }
        guard let current else { return Prose.NodeStart(line: 0, byteColumn: 0) }
        return Prose.NodeStart(line: cmark_node_get_start_line(current), byteColumn: cmark_node_get_start_column(current))
    }
}
