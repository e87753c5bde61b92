/// How Markdown becomes HTML. Tandem's defaults are the safe ones; the
/// CommonMark conformance test turns each feature off to compare with the spec.
public struct MarkdownOptions: Sendable, Hashable {
    /// Publish raw HTML and every URL scheme (a site opts in with `raw_html: true`).
    public var rawHTML = false
    /// Curly quotes, dashes and ellipses.
    public var smartPunctuation = true
    /// An `id` on every heading, unique within the page.
    public var headingIDs = true

    public init(rawHTML: Bool = false, smartPunctuation: Bool = true, headingIDs: Bool = true) {
        self.rawHTML = rawHTML
        self.smartPunctuation = smartPunctuation
        self.headingIDs = headingIDs
    }

    var cmarkOptions: Int32 {
        var options = CMARK_OPT_DEFAULT
        if rawHTML { options |= CMARK_OPT_UNSAFE }
        if smartPunctuation { options |= CMARK_OPT_SMART }
        return options
    }
}

import CCmark
