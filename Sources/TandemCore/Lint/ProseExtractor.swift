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
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let place = start.map { Prose.Place(line: Int32($0.line), column: Int32($0.column + index)) } ?? .none
            run.append(scalar, at: place)
        }
        prose.add(run)
    }
}

/// One walk over the body's tree.
private struct BodyWalker {
    let page: SourcePage
    let lines: [Substring]
    /// Each line's characters, and whether it is ASCII (then bytes and characters are counted alike).
    private var scalarLines: [Int: (scalars: [Unicode.Scalar], isASCII: Bool)] = [:]
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
            let place = self.place(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
            runs.indices.last.map { runs[$0].append(ProseExtractor.codePlaceholder, at: place) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            runs.indices.last.map { runs[$0].append(" ", at: runs[$0].places.last ?? .none) }
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

    /// A text node's characters, each at its place: the source line is read
    /// from the node's start, stepping over backslash escapes and entities.
    private mutating func appendText(of node: OpaquePointer) {
        guard !runs.isEmpty, let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { return }
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0, line <= lines.count else {
            for scalar in literal.unicodeScalars { runs[runs.count - 1].append(scalar, at: .none) }
            return
        }
        let source = scalars(ofLine: line).scalars
        var index = scalarIndex(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
        let fileLine = Int32(page.bodyFirstLine + line - 1)
        for scalar in literal.unicodeScalars {
            var at = index
            if index < source.count, source[index] != scalar {
                if source[index] == "\\", index + 1 < source.count, source[index + 1] == scalar {
                    at = index + 1
                    index += 1
                } else if source[index] == "&", let end = source[index...].prefix(40).firstIndex(of: ";") {
                    index = end
                }
            }
            index += 1
            runs[runs.count - 1].append(scalar, at: Prose.Place(line: fileLine, column: Int32(min(at, source.count) + 1)))
        }
    }

    private mutating func scalars(ofLine line: Int) -> (scalars: [Unicode.Scalar], isASCII: Bool) {
        if let cached = scalarLines[line] { return cached }
        let scalars = Array(lines[line - 1].unicodeScalars)
        let entry = (scalars, scalars.count == lines[line - 1].utf8.count)
        scalarLines[line] = entry
        return entry
    }

    /// cmark counts columns in bytes; Tandem's diagnostics count characters.
    private mutating func scalarIndex(line: Int, byteColumn: Int) -> Int {
        if scalars(ofLine: line).isASCII { return min(max(byteColumn - 1, 0), lines[line - 1].utf8.count) }
        let text = lines[line - 1]
        let utf8 = text.utf8
        guard let index = utf8.index(utf8.startIndex, offsetBy: max(byteColumn - 1, 0), limitedBy: utf8.endIndex) else {
            return text.unicodeScalars.count
        }
        return text.unicodeScalars.distance(from: text.startIndex, to: index)
    }

    private mutating func place(line: Int, byteColumn: Int) -> Prose.Place {
        guard line > 0, line <= lines.count else { return .none }
        return Prose.Place(line: Int32(page.bodyFirstLine + line - 1), column: Int32(scalarIndex(line: line, byteColumn: byteColumn) + 1))
    }

    /// Where a node starts in the file; a node without a position takes its block's.
    private mutating func location(of node: OpaquePointer) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current, cmark_node_get_start_line(candidate) == 0 { current = cmark_node_parent(candidate) }
        let start = current.map { place(line: Int(cmark_node_get_start_line($0)), byteColumn: Int(cmark_node_get_start_column($0))) } ?? .none
        return SourceLocation(path: page.path, line: Int(start.line), column: Int(start.column))
    }
}
