import Foundation

/// An Atom 1.0 feed (RFC 4287): the values it needs, and its XML.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        /// A stable id: the page's absolute URL.
        public var id: String
        public var title: String
        public var link: String
        public var updated: Date
        public var summary: String
        /// Organisations credited, lead first (empty: the feed's author stands).
        public var authors: [String]
        public var categories: [String]
        public var language: String
    }

    /// The feed's own absolute URL, used as its id and `self` link.
    public var id: String
    public var title: String
    /// The absolute URL of the listing the feed follows.
    public var alternate: String
    public var author: String
    public var language: String
    public var entries: [Entry]
    /// Used when there are no entries, so the output stays deterministic.
    public var fallbackUpdated: Date

    /// The newest entry's instant: the feed changes only when its content does.
    public var updated: Date { entries.map(\.updated).max() ?? fallbackUpdated }

    public var xml: String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(MarkupEscaping.escape(language))\">",
            "  <id>\(MarkupEscaping.escape(id))</id>",
            "  <title>\(MarkupEscaping.escape(title))</title>",
            "  <updated>\(Self.timestamp(updated))</updated>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(MarkupEscaping.escape(id))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(MarkupEscaping.escape(alternate))\"/>",
            "  <author><name>\(MarkupEscaping.escape(author))</name></author>",
            "  <generator>Tandem</generator>",
        ]
        for entry in entries {
            lines.append("  <entry xml:lang=\"\(MarkupEscaping.escape(entry.language))\">")
            lines.append("    <id>\(MarkupEscaping.escape(entry.id))</id>")
            lines.append("    <title>\(MarkupEscaping.escape(entry.title))</title>")
            lines.append("    <link rel=\"alternate\" type=\"text/html\" href=\"\(MarkupEscaping.escape(entry.link))\"/>")
            lines.append("    <updated>\(Self.timestamp(entry.updated))</updated>")
            for author in entry.authors {
                lines.append("    <author><name>\(MarkupEscaping.escape(author))</name></author>")
            }
            for category in entry.categories {
                lines.append("    <category term=\"\(MarkupEscaping.escape(category))\"/>")
            }
            lines.append("    <summary type=\"text\">\(MarkupEscaping.escape(entry.summary))</summary>")
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
