import CCmark
import Foundation

/// The lines of a body, split only when a diagnostic needs a column.
final class SourceLines {
    private let text: String
    private(set) lazy var all: [Substring] = TextLines.split(text)

    init(_ text: String) { self.text = text }
}

/// The result of rendering one page's Markdown.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// Problems found in the body (broken links, a second h1), at lines of the file.
    public var diagnostics: [Diagnostic]
}

/// The Markdown stage: CommonMark through libcmark's node API, with Tandem's
/// additions applied to the tree before rendering — heading ids, relative
/// `.md` links rewritten to published URLs, dangerous URL schemes dropped.
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

    public func render(_ markdown: String, source: Source?) -> RenderedMarkdown {
        CmarkArena.parse(markdown, options: options.cmarkOptions) { render(document: $0, markdown: markdown, source: source) }
    }

    /// Applies Tandem's additions to a parsed `document` and writes its HTML.
    private func render(document: OpaquePointer, markdown: String, source: Source?) -> RenderedMarkdown {
        var diagnostics: [Diagnostic] = []
        let lines = SourceLines(markdown)
        var headings: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            default: break
            }
        }
        for link in links where cmark_node_get_type(link) == CMARK_NODE_IMAGE {
            markDecorative(link)
        }
        // Images replaced by their <picture> (unlinked, left to the arena: a link may sit in an image's text).
        var shownImages: [OpaquePointer] = []
        for link in links {
            guard let url = cmark_node_get_url(link).map({ String(cString: $0) }) else { continue }
            if !options.rawHTML && URLSafety.isDangerous(url, isImage: cmark_node_get_type(link) == CMARK_NODE_IMAGE) {
                cmark_node_set_url(link, "")
                continue
            }
            if let source, let rewritten = rewrite(url, node: link, source: source, lines: lines,
                                                           shownImages: &shownImages, diagnostics: &diagnostics) {
                cmark_node_set_url(link, rewritten)
            }
        }
        if let source {
            for heading in headings where cmark_node_get_heading_level(heading) == 1 {
                diagnostics.append(.warning(place(of: heading, in: source, lines: lines, searching: "#"),
                                            "a level-1 heading in the text makes a second title on the page",
                                            hint: "the page title is the only level-1 heading; start sections with `##`"))
            }
        }
        if options.headingIDs {
            var ids = HeadingIDs()
            for heading in headings {
                replaceWithIdentifiedHeading(heading, id: ids.next(for: PlainText.of(heading)))
            }
        }
        return RenderedMarkdown(html: html(of: document), diagnostics: diagnostics)
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

    /// Swaps an image of `content/` for its `<picture>` (`ImageMarkup`), which cmark writes as it is.
    private func showImage(_ node: OpaquePointer, _ image: LinkedImage, eager: Bool) {
        let title = cmark_node_get_title(node).map { String(cString: $0) }
        let html = ImageMarkup.html(image, alt: PlainText.of(node), title: title, eager: eager)
        let inline = CmarkArena.newNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(inline, html)
        cmark_node_set_on_exit(inline, "")
        cmark_node_replace(node, inline)
    }

    /// cmark's HTML for a node and its children (its C string is in the arena, gone with the tree).
    private func html(of node: OpaquePointer) -> String {
        String(cString: cmark_render_html(node, options.cmarkOptions)!)
    }

    /// Swaps a heading for a custom block holding the same HTML with an `id`.
    /// cmark writes custom-block text as it is, so the id is escaped here.
    private func replaceWithIdentifiedHeading(_ heading: OpaquePointer, id: String) {
        let level = cmark_node_get_heading_level(heading)
        let rendered = html(of: heading)
        let openTag = "<h\(level)>"
        guard rendered.hasPrefix(openTag) else { return }
        let html = "<h\(level) id=\"\(MarkupEscaping.escape(id))\">" + rendered.dropFirst(openTag.count)
        let block = CmarkArena.newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(heading, block)
    }

    /// The published URL for a relative link to a page or file of `content/`, or nil to leave the link alone.
    private func rewrite(_ url: String, node: OpaquePointer, source: Source, lines: SourceLines,
                         shownImages: inout [OpaquePointer], diagnostics: inout [Diagnostic]) -> String? {
        if url.hasPrefix("#") {
            checkAnchor(String(url.dropFirst()), of: source.contentPath, url: url, node: node, source: source,
                        lines: lines, diagnostics: &diagnostics)
            return nil
        }
        if let sitePath = MarkdownLink.sitePath(url) {
            // An image written as a path of the site (`/images/camp.jpg`) is the file of content/ published there.
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE, ImageFormat(fileName: sitePath.path) != nil,
               case .image(let image) = source.resolver.target(ofContentPath: String(sitePath.path.dropFirst())) {
                showImage(node, image, eager: shownImages.isEmpty && source.firstImageIsFirstOfPage)
                shownImages.append(node)
                return nil
            }
            return rewriteSitePath(url, sitePath, node: node, source: source, lines: lines, diagnostics: &diagnostics)
        }
        guard let reference = MarkdownLink(url), let target = reference.contentPath(from: source.contentPath) else {
            return nil
        }
        switch source.resolver.target(ofContentPath: target) {
        case .published(let path):
            if let fragment = reference.fragment {
                checkAnchor(fragment, of: target, url: url, node: node, source: source, lines: lines, diagnostics: &diagnostics)
            }
            return path + (reference.fragment.map { "#" + $0 } ?? "")
        case .image(let image):
            guard cmark_node_get_type(node) == CMARK_NODE_IMAGE else { return image.href + (reference.fragment.map { "#" + $0 } ?? "") }
            showImage(node, image, eager: shownImages.isEmpty && source.firstImageIsFirstOfPage)
            shownImages.append(node)
            return nil
        case .unpublished(let reason):
            defer { cmark_node_set_url(node, "") }
            diagnostics.append(.error(place(of: node, in: source, lines: lines, searching: url),
                                      "this links to '\(url)', which is \(reason)",
                                      hint: "the link would be broken on the published site: remove it until that page is published"))
        case .missing:
            let near = Suggestion.nearest(to: target, in: source.resolver.knownContentPaths)
            diagnostics.append(.error(place(of: node, in: source, lines: lines, searching: url),
                                      "this links to '\(url)', but there is no content/\(target)",
                                      hint: near.map { "did you mean content/\($0)?" } ?? "check the file name; links are relative to this file's folder"))
        }
        return nil
    }

    /// A `#fragment` must name a heading or an id of the page it links to
    /// (pages only: the ids of other files are not known).
    private func checkAnchor(_ fragment: String, of contentPath: String, url: String, node: OpaquePointer,
                             source: Source, lines: SourceLines, diagnostics: inout [Diagnostic]) {
        guard !fragment.isEmpty, let anchors = source.resolver.anchors(ofContentPath: contentPath) else { return }
        let id = MarkdownLink.percentDecoded(fragment) ?? fragment
        guard !HeadingIDs.pageIDs.contains(id), !anchors.contains(id) else { return }
        let which = contentPath == source.contentPath ? "this page" : "content/\(contentPath)"
        let hint = Suggestion.nearest(to: id, in: anchors).map { "did you mean '#\($0)'?" }
            ?? (anchors.isEmpty ? "\(which) has no headings: link to the page without '#\(fragment)'"
                : "its headings give: " + anchors.prefix(6).map { "#" + $0 }.joined(separator: ", "))
        diagnostics.append(.error(place(of: node, in: source, lines: lines, searching: url),
                                  "this links to '\(url)', but \(which) has no heading or anchor '\(id)'", hint: hint))
    }

    /// A link to a path of the site (`/news/2026/camp/`): it must reach something
    /// the site publishes; it is written with the site's base path.
    private func rewriteSitePath(_ url: String, _ sitePath: MarkdownLink.SitePath, node: OpaquePointer, source: Source,
                                 lines: SourceLines, diagnostics: inout [Diagnostic]) -> String? {
        switch source.resolver.target(ofSitePath: sitePath.path) {
        case .published(let href):
            return href + sitePath.suffix
        case .image(let image):
            return image.href + sitePath.suffix
        case .unpublished(let reason):
            defer { cmark_node_set_url(node, "") }
            diagnostics.append(.error(place(of: node, in: source, lines: lines, searching: url),
                                      "this links to '\(url)', which is \(reason)",
                                      hint: "the link would publish the address of an unpublished page: remove it until that page is published"))
        case .missing:
            diagnostics.append(.error(place(of: node, in: source, lines: lines, searching: url),
                                      "this links to '\(url)', but the site publishes nothing there",
                                      hint: "link to the page's file instead (such as ../news/camp.md), so the link follows the page when it moves"))
        }
        return nil
    }

    /// The line (in the file) and column of a node, found by searching its
    /// block's source lines for `text`.
    private func place(of node: OpaquePointer, in source: Source, lines: SourceLines, searching text: String) -> SourceLocation {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
        let start = block.map { Int(cmark_node_get_start_line($0)) } ?? 1
        let end = block.map { Int(cmark_node_get_end_line($0)) } ?? start
        for lineIndex in max(start, 1)...max(end, start, 1) where lineIndex <= lines.all.count {
            let line = lines.all[lineIndex - 1]
            if let range = line.range(of: text) {
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                return SourceLocation(path: source.path, line: source.bodyFirstLine + lineIndex - 1, column: column)
            }
        }
        let column = block.map { Int(cmark_node_get_start_column($0)) } ?? 1
        return SourceLocation(path: source.path, line: source.bodyFirstLine + start - 1, column: max(column, 1))
    }
}
