/// A page's body, as the parse stage leaves it for the render stage.
public enum PageBody: Sendable, Hashable, Codable {
    /// The Markdown as written: a page just read, before the parse stage prepared it.
    case markdown(String)
    /// Parsed once and written as HTML as far as it goes without the rest of the site.
    case prepared(PreparedMarkdown)
}

/// A body's HTML with what depends on the rest of the site left open: each
/// link and image is a hole (`MarkdownHole`) that the render stage fills once
/// it can resolve the link through the site (`MarkdownRenderer.fill`). The
/// parse stage already parses every body to check its prose; writing the
/// HTML from that same tree spares the render stage a second parse (about
/// 6 % of a full build's instructions).
public struct PreparedMarkdown: Sendable, Hashable, Codable {
    /// libcmark's HTML, without the holes, as UTF-8 (valid: libcmark
    /// repairs its input, and a String made of it would check every byte again).
    public var html: [UInt8]
    /// Every link and image of the body, in the order libcmark met them.
    public var holes: [MarkdownHole]
    /// Where each hole with a place in the HTML (`MarkdownHole.isPlaced`)
    /// goes, in the same order: a UTF-8 offset into `html`.
    public var holeOffsets: [Int32]
    /// Where each level-1 heading of the body is (a warning when rendered).
    public var levelOneHeadings: [BodyPlace]
}

/// A place in a body: its line (1 for the body's first) and column, in characters.
public struct BodyPlace: Sendable, Hashable, Codable {
    public var line: Int32
    public var column: Int32
}

/// A link or image of a prepared body, with what filling it needs.
public struct MarkdownHole: Sendable, Hashable, Codable {
    /// An image (`<img …>`, or the `<picture>` of an image of `content/`);
    /// else a link (`<a href="…">`, its text and closing tag follow in the HTML).
    public var isImage: Bool
    /// False for a link or image inside an image's text, which is written
    /// there as plain text: it has no place in the HTML, but is still checked.
    public var isPlaced: Bool
    /// The destination as written.
    public var url: String
    /// The title as written ("" for none).
    public var title: String
    /// An image's text as plain text (a `<picture>`'s `alt`).
    public var alt: String
    /// What libcmark writes of an `<img>` after its `src` value (`" alt="…" />`),
    /// when that is not what `alt` and `title` give ("" then).
    public var imageTail: String
    /// Where a diagnostic about the link points.
    public var place: BodyPlace
}
