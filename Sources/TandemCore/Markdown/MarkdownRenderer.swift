import CCmark
import Foundation

/// The lines of a body, split only when a diagnostic needs a column.
final class SourceLines {
    private let text: String
    private(set) lazy var all: [Substring] = TextLines.split(text)

    init(_ text: String) { self.text = text }

    /// Lines already split.
    init(lines: [Substring]) {
        self.text = ""
        self.all = lines
    }
}

/// The result of rendering one page's Markdown.
public struct RenderedMarkdown: Sendable {
    /// The HTML as UTF-8, which goes into the page as it is (`MustacheUTF8Text`):
    /// libcmark writes valid UTF-8, and a String made of it would check every byte again.
    public var utf8: [UInt8]
    /// Problems found in the body (broken links, a second h1), at lines of the file.
    public var diagnostics: [Diagnostic]

    /// The HTML as text.
    public var html: String { String(decoding: utf8, as: UTF8.self) }

    public init(utf8: [UInt8], diagnostics: [Diagnostic]) {
        self.utf8 = utf8
        self.diagnostics = diagnostics
    }

    public init(html: String, diagnostics: [Diagnostic]) {
        self.init(utf8: Array(html.utf8), diagnostics: diagnostics)
    }
}

/// The Markdown stage: CommonMark through libcmark's node API, with Tandem's
/// additions — heading ids, relative `.md` links rewritten to published URLs,
/// images of `content/` shown as `<picture>`, dangerous URL schemes dropped.
/// In two steps: `prepare` writes the HTML of a parsed body with each link
/// and image left as a hole (in the parse stage, from the tree the prose
/// checks read), `fill` resolves them through the site (in the render stage).
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders `markdown` without any link handling (used by the conformance tests).
    public func render(_ markdown: String) -> String {
        render(markdown, source: nil).html
    }

    /// Where a body comes from, so links resolve and errors point into its file.
    public struct Source: Sendable {
        public var path: String
        public var contentPath: String
        public var bodyFirstLine: Int
        public var resolver: any LinkResolving
        /// Whether the first image of the text is the first of the page (loaded at once; the others lazily).
        public var firstImageIsFirstOfPage: Bool

        public init(path: String, contentPath: String, bodyFirstLine: Int, resolver: any LinkResolving,
                    firstImageIsFirstOfPage: Bool = true) {
            self.path = path
            self.contentPath = contentPath
            self.bodyFirstLine = bodyFirstLine
            self.resolver = resolver
            self.firstImageIsFirstOfPage = firstImageIsFirstOfPage
        }
    }

    /// Parses and renders `markdown` in one go.
    public func render(_ markdown: String, source: Source?) -> RenderedMarkdown {
        fill(prepare(markdown), source: source)
    }

    /// Renders a page's body: fills a prepared one, or prepares it first.
    public func render(_ body: PageBody, source: Source?) -> RenderedMarkdown {
        switch body {
        case .markdown(let markdown): render(markdown, source: source)
        case .prepared(let prepared): fill(prepared, source: source)
        }
    }

    /// Parses `markdown` and writes its HTML as far as it goes without the site.
    func prepare(_ markdown: String) -> PreparedMarkdown {
        let lines = SourceLines(markdown)
        return CmarkArena.parse(markdown, options: options.cmarkOptions) { document in
            prepare(document: document, lines: lines, headingIDs: nil)
        }
    }

    /// Writes the HTML of `document` (parsed with `options.cmarkOptions`,
    /// which it changes) with each link and image as a hole, and heading ids;
    /// `headingIDs` are the ids of its headings in order, if already made from
    /// their text (nil: made here, the same way).
    /// `outline`: the document's headings and links if a walk already gathered them (nil: gathered here).
    func prepare(document: OpaquePointer, lines: SourceLines, headingIDs: [String]?, outline: MarkdownOutline? = nil) -> PreparedMarkdown {
        // Headings and links in document order (true: a heading), the order their markers are written in.
        let outline = outline ?? MarkdownOutline.of(document)
        let (headings, links, order) = (outline.headings, outline.links, outline.order)
        var ids = headingIDs ?? []
        if headingIDs == nil && options.headingIDs {
            var made = HeadingIDs()
            ids = headings.map { made.next(for: PlainText.of($0)) }
        }
        for link in links where cmark_node_get_type(link) == CMARK_NODE_IMAGE {
            markDecorative(link)
        }
        var holes: [MarkdownHole] = []
        holes.reserveCapacity(links.count)
        // The nodes that stand for placed holes: libcmark writes their text as it is.
        var standIns: [(node: OpaquePointer, isImage: Bool)] = []
        for link in links {
            let isImage = cmark_node_get_type(link) == CMARK_NODE_IMAGE
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            var hole = MarkdownHole(isImage: isImage, isPlaced: !Self.isInImageText(link), url: url,
                                    title: cmark_node_get_title(link).map { String(cString: $0) } ?? "",
                                    alt: "", imageTail: "", place: place(of: link, lines: lines, searching: url))
            if isImage && hole.isPlaced {
                hole.alt = PlainText.of(link)
                let tail = imageTail(of: link)
                // Kept only when it is not what the alt text and title give (an alt text holding HTML).
                hole.imageTail = tail == Self.imageTail(alt: hole.alt, title: hole.title) ? "" : tail
            }
            holes.append(hole)
            if hole.isPlaced { standIns.append((link, isImage)) }
        }
        let levelOne = headings.filter { cmark_node_get_heading_level($0) == 1 }.map { place(of: $0, lines: lines, searching: "#") }
        // Each placed hole becomes a custom node holding a marker byte.
        var holeMarkers: [OpaquePointer] = []
        for (node, isImage) in standIns {
            let inline = Self.markerNode()
            cmark_node_set_on_exit(inline, isImage ? "" : "</a>")
            if !isImage {
                while let child = cmark_node_first_child(node) {
                    cmark_node_unlink(child)
                    cmark_node_append_child(inline, child)
                }
            }
            // An image's own node, with its text, is left to the arena.
            cmark_node_replace(node, inline)
            holeMarkers.append(inline)
        }
        // Each heading to be given an id starts with a marker: it comes right
        // after its `<hN>`, and the id is written into that tag below.
        var headingMarkers: [OpaquePointer] = []
        var markedIDs: [String] = []
        if options.headingIDs {
            for (heading, id) in zip(headings, ids) {
                let inline = Self.markerNode()
                cmark_node_prepend_child(heading, inline)
                headingMarkers.append(inline)
                markedIDs.append(id)
            }
        }
        // All markers in the order they are written: whether each is a heading's, and its node.
        var markers: [(isHeading: Bool, node: OpaquePointer)] = []
        markers.reserveCapacity(holeMarkers.count + headingMarkers.count)
        var (nextHole, nextHeading, nextLink) = (0, 0, 0)
        for isHeading in order {
            if isHeading {
                if nextHeading < headingMarkers.count { markers.append((true, headingMarkers[nextHeading])) }
                nextHeading += 1
            } else {
                if holes[nextLink].isPlaced {
                    markers.append((false, holeMarkers[nextHole]))
                    nextHole += 1
                }
                nextLink += 1
            }
        }
        /// The document's HTML with `marker` for each marker node (in the arena, gone with the tree);
        /// the markers hold 0x01 until another is asked for.
        func render(marker: UInt8) -> UnsafeBufferPointer<UInt8> {
            if marker != 0x01 {
                let text = String(UnicodeScalar(marker))
                for (_, inline) in markers { cmark_node_set_on_enter(inline, text) }
            }
            let rendered = cmark_render_html(document, options.cmarkOptions)!
            return UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        }
        let bytes = render(marker: 0x01)
        var positions = Self.positions(of: 0x01, in: bytes)
        if positions.count != markers.count {
            // The text itself holds the byte: the markers are where a second
            // rendering differs (the first stays in the arena until the tree goes).
            let second = render(marker: 0x02)
            positions = positions.filter { bytes[$0] != second[$0] }
        }
        // The id attributes to write into the headings' tags, in order.
        let idAttributes = markedIDs.map { Array(" id=\"\(MarkupEscaping.escape($0))\"".utf8) }
        var offsets: [Int32] = []
        offsets.reserveCapacity(holeMarkers.count)
        let html = [UInt8](unsafeUninitializedCapacity: bytes.count + idAttributes.reduce(0) { $0 + $1.count }) { buffer, count in
            var written = 0, runStart = 0, heading = 0
            func copy(upTo end: Int) {
                guard end > runStart else { return }
                memcpy(buffer.baseAddress! + written, bytes.baseAddress! + runStart, end - runStart)
                written += end - runStart
            }
            for (position, marker) in zip(positions, markers) {
                if marker.isHeading {
                    // Right after the heading's `<hN>`: the id goes before its `>`.
                    if position > 0 && bytes[position - 1] == UInt8(ascii: ">") {
                        copy(upTo: position - 1)
                        let attribute = idAttributes[heading]
                        _ = attribute.withUnsafeBufferPointer { memcpy(buffer.baseAddress! + written, $0.baseAddress!, $0.count) }
                        written += attribute.count
                        runStart = position - 1
                    }
                    heading += 1
                    copy(upTo: position)
                } else {
                    copy(upTo: position)
                    offsets.append(Int32(written))
                }
                runStart = position + 1
            }
            copy(upTo: bytes.count)
            count = written
        }
        return PreparedMarkdown(html: html, holes: holes, holeOffsets: offsets, levelOneHeadings: levelOne)
    }

    /// Fills the holes of a prepared body, resolving its links through `source`
    /// (without one, links are left as written).
    func fill(_ prepared: PreparedMarkdown, source: Source?) -> RenderedMarkdown {
        var diagnostics: [Diagnostic] = []
        var html: [UInt8] = []
        html.reserveCapacity(prepared.html.count + 600 * prepared.holeOffsets.count)
        var shownImages = 0
        var placed = 0
        var runStart = 0
        let utf8 = prepared.html
        for hole in prepared.holes {
            var url = hole.url
            var picture: String?
            if !options.rawHTML && URLSafety.isDangerous(url, isImage: hole.isImage) {
                url = ""
            } else if let source {
                switch rewrite(hole, source: source, diagnostics: &diagnostics) {
                case .unchanged: break
                case .url(let rewritten): url = rewritten
                case .picture(let image):
                    picture = ImageMarkup.html(image, alt: hole.alt, title: hole.title,
                                               eager: shownImages == 0 && source.firstImageIsFirstOfPage)
                    shownImages += 1
                }
            }
            guard hole.isPlaced, placed < prepared.holeOffsets.count else { continue }
            // Offsets are ascending and inside the HTML; a stored body that says otherwise is not trusted past it.
            let end = min(max(Int(prepared.holeOffsets[placed]), runStart), utf8.count)
            html += utf8[runStart..<end]
            runStart = end
            placed += 1
            if let picture {
                html += picture.utf8
            } else if hole.isImage {
                html += "<img src=\"".utf8
                html += CmarkEscaping.href(url).utf8
                html += (hole.imageTail.isEmpty ? Self.imageTail(alt: hole.alt, title: hole.title) : hole.imageTail).utf8
            } else {
                html += "<a href=\"".utf8
                html += CmarkEscaping.href(url).utf8
                html += (hole.title.isEmpty ? "\">" : "\" title=\"" + CmarkEscaping.attribute(hole.title) + "\">").utf8
            }
        }
        html += utf8[runStart...]
        if let source {
            for place in prepared.levelOneHeadings {
                diagnostics.append(.warning(location(place, in: source),
                                            "a level-1 heading in the text makes a second title on the page",
                                            hint: "the page title is the only level-1 heading; start sections with `##`"))
            }
        }
        return RenderedMarkdown(utf8: html, diagnostics: diagnostics)
    }

    /// The offsets of `byte` in `bytes`.
    private static func positions(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        var positions: [Int] = []
        var offset = 0
        while offset < bytes.count, let hit = memchr(base + offset, Int32(byte), bytes.count - offset) {
            let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            positions.append(position)
            offset = position + 1
        }
        return positions
    }

    /// Whether a link or image sits in an image's text.
    private static func isInImageText(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// What libcmark writes after an image's `src` value for this alt text (as plain text) and title.
    private static func imageTail(alt: String, title: String) -> String {
        "\" alt=\"" + CmarkEscaping.attribute(alt) + (title.isEmpty ? "" : "\" title=\"" + CmarkEscaping.attribute(title)) + "\" />"
    }

    /// What libcmark writes of an image after its `src` value: `" alt="…"` (its text as plain text), its title, ` />`.
    private func imageTail(of image: OpaquePointer) -> String {
        let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
        cmark_node_set_url(image, "")
        defer { cmark_node_set_url(image, url) }
        let rendered = html(of: image)
        let start = "<img src=\""
        guard rendered.hasPrefix(start) else { preconditionFailure("libcmark wrote an image as \(rendered)") }
        return String(rendered.dropFirst(start.count))
    }

    /// An image titled "decorative" (`![](line.svg "decorative")`, see
    /// `ContentChecks`) is published with `alt=""` and no title, so screen readers skip it.
    private func markDecorative(_ image: OpaquePointer) {
        guard let title = cmark_node_get_title(image), String(cString: title) == ContentChecks.decorativeTitle else { return }
        cmark_node_set_title(image, "")
        while let child = cmark_node_first_child(image) {
            cmark_node_unlink(child)
        }
    }

    /// cmark's HTML for a node and its children (its C string is in the arena, gone with the tree).
    private func html(of node: OpaquePointer) -> String {
        String(cString: cmark_render_html(node, options.cmarkOptions)!)
    }

    /// A node that libcmark writes as the marker byte 0x01 (and nothing after
    /// it): where a hole or a heading's id goes in the prepared HTML.
    private static func markerNode() -> OpaquePointer {
        let inline = CmarkArena.newNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(inline, "\u{1}")
        cmark_node_set_on_exit(inline, "")
        return inline
    }

    /// What a link becomes once resolved.
    private enum Rewrite {
        case unchanged
        case url(String)
        /// An image of `content/`, shown as its `<picture>`.
        case picture(LinkedImage)
    }

    /// What a link or image of `content/` (or of the site) becomes: its published URL, its picture, or as written.
    private func rewrite(_ hole: MarkdownHole, source: Source, diagnostics: inout [Diagnostic]) -> Rewrite {
        let url = hole.url
        if url.hasPrefix("#") {
            checkAnchor(String(url.dropFirst()), of: source.contentPath, hole: hole, source: source, diagnostics: &diagnostics)
            return .unchanged
        }
        if let sitePath = MarkdownLink.sitePath(url) {
            // An image written as a path of the site (`/images/camp.jpg`) is the file of content/ published there.
            if hole.isImage, ImageFormat(fileName: sitePath.path) != nil,
               case .image(let image) = source.resolver.target(ofContentPath: String(sitePath.path.dropFirst())) {
                return .picture(image)
            }
            return rewriteSitePath(sitePath, hole: hole, source: source, diagnostics: &diagnostics)
        }
        guard let reference = MarkdownLink(url), let target = reference.contentPath(from: source.contentPath) else {
            return .unchanged
        }
        switch source.resolver.target(ofContentPath: target) {
        case .published(let path):
            if let fragment = reference.fragment {
                checkAnchor(fragment, of: target, hole: hole, source: source, diagnostics: &diagnostics)
            }
            return .url(path + (reference.fragment.map { "#" + $0 } ?? ""))
        case .image(let image):
            guard hole.isImage else { return .url(image.href + (reference.fragment.map { "#" + $0 } ?? "")) }
            return .picture(image)
        case .unpublished(let reason):
            diagnostics.append(.error(location(hole.place, in: source), "this links to '\(url)', which is \(reason)",
                                      hint: "the link would be broken on the published site: remove it until that page is published"))
            return .url("")
        case .missing:
            let near = Suggestion.nearest(to: target, in: source.resolver.knownContentPaths)
            diagnostics.append(.error(location(hole.place, in: source), "this links to '\(url)', but there is no content/\(target)",
                                      hint: near.map { "did you mean content/\($0)?" } ?? "check the file name; links are relative to this file's folder"))
            return .unchanged
        }
    }

    /// A `#fragment` must name a heading or an id of the page it links to
    /// (pages only: the ids of other files are not known).
    private func checkAnchor(_ fragment: String, of contentPath: String, hole: MarkdownHole, source: Source,
                             diagnostics: inout [Diagnostic]) {
        guard !fragment.isEmpty, let anchors = source.resolver.anchors(ofContentPath: contentPath) else { return }
        let id = MarkdownLink.percentDecoded(fragment) ?? fragment
        guard !HeadingIDs.pageIDs.contains(id), !anchors.contains(id) else { return }
        let which = contentPath == source.contentPath ? "this page" : "content/\(contentPath)"
        let hint = Suggestion.nearest(to: id, in: anchors).map { "did you mean '#\($0)'?" }
            ?? (anchors.isEmpty ? "\(which) has no headings: link to the page without '#\(fragment)'"
                : "its headings give: " + anchors.prefix(6).map { "#" + $0 }.joined(separator: ", "))
        diagnostics.append(.error(location(hole.place, in: source),
                                  "this links to '\(hole.url)', but \(which) has no heading or anchor '\(id)'", hint: hint))
    }

    /// A link to a path of the site (`/news/2026/camp/`): it must reach something
    /// the site publishes; it is written with the site's base path.
    private func rewriteSitePath(_ sitePath: MarkdownLink.SitePath, hole: MarkdownHole, source: Source,
                                 diagnostics: inout [Diagnostic]) -> Rewrite {
        switch source.resolver.target(ofSitePath: sitePath.path) {
        case .published(let href):
            return .url(href + sitePath.suffix)
        case .image(let image):
            return .url(image.href + sitePath.suffix)
        case .unpublished(let reason):
            diagnostics.append(.error(location(hole.place, in: source), "this links to '\(hole.url)', which is \(reason)",
                                      hint: "the link would publish the address of an unpublished page: remove it until that page is published"))
            return .url("")
        case .missing:
            diagnostics.append(.error(location(hole.place, in: source), "this links to '\(hole.url)', but the site publishes nothing there",
                                      hint: "link to the page's file instead (such as ../news/camp.md), so the link follows the page when it moves"))
            return .unchanged
        }
    }

    /// A place in the body, in its file.
    private func location(_ place: BodyPlace, in source: Source) -> SourceLocation {
        SourceLocation(path: source.path, line: source.bodyFirstLine + Int(place.line) - 1, column: Int(place.column))
    }

    /// The line (in the body) and column of a node: where `text` first is in
    /// its block's source lines, else where the block starts.
    private func place(of node: OpaquePointer, lines: SourceLines, searching text: String) -> BodyPlace {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
        let start = block.map { Int(cmark_node_get_start_line($0)) } ?? 1
        let end = block.map { Int(cmark_node_get_end_line($0)) } ?? start
        for lineIndex in max(start, 1)...max(end, start, 1) where lineIndex <= lines.all.count {
            let line = lines.all[lineIndex - 1]
            if let column = Self.column(of: text, in: line) {
                return BodyPlace(line: Int32(lineIndex), column: Int32(column))
            }
        }
        let column = block.map { Int(cmark_node_get_start_column($0)) } ?? 1
        return BodyPlace(line: Int32(start), column: Int32(max(column, 1)))
    }

    /// The column (1-based, in Unicode scalars) where `text` first occurs in `line`, compared byte for byte.
    private static func column(of text: String, in line: Substring) -> Int? {
        var text = text
        return text.withUTF8 { needle -> Int? in
            guard let first = needle.first else { return 1 }
            let found = line.utf8.withContiguousStorageIfAvailable { haystack -> Int? in
                guard let base = haystack.baseAddress else { return nil }
                var offset = 0
                while haystack.count - offset >= needle.count,
                      let hit = memchr(base + offset, Int32(first), haystack.count - offset - needle.count + 1) {
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0 {
                        // Characters counted as Unicode scalars, as the prose's places are (`ProseOrigins`).
                        var scalars = 0
                        for index in 0 ..< at where haystack[index] & 0xC0 != 0x80 { scalars += 1 }
                        return scalars + 1
                    }
                    offset = at + 1
                }
                return nil
            }
            return found ?? nil
        }
    }
}
