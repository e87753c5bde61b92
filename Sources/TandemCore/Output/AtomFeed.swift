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

    /// The feed's XML, written into one string (a feed of each listing, each
    /// with the summaries of its newest pages: no array of lines to join).
    public var xml: String {
        var xml = ""
        xml.reserveCapacity(1_024 + 700 * entries.count)
        func line(_ text: String) {
            xml += text
            xml += "\n"
        }
        line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        line("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(MarkupEscaping.escape(language))\">")
        line("  <id>\(MarkupEscaping.escape(id))</id>")
        line("  <title>\(MarkupEscaping.escape(title))</title>")
        line("  <updated>\(Self.timestamp(updated))</updated>")
        line("  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(MarkupEscaping.escape(id))\"/>")
        line("  <link rel=\"alternate\" type=\"text/html\" href=\"\(MarkupEscaping.escape(alternate))\"/>")
        line("  <author><name>\(MarkupEscaping.escape(author))</name></author>")
        line("  <generator>Tandem</generator>")
        for entry in entries {
            line("  <entry xml:lang=\"\(MarkupEscaping.escape(entry.language))\">")
            line("    <id>\(MarkupEscaping.escape(entry.id))</id>")
            line("    <title>\(MarkupEscaping.escape(entry.title))</title>")
            line("    <link rel=\"alternate\" type=\"text/html\" href=\"\(MarkupEscaping.escape(entry.link))\"/>")
            line("    <updated>\(Self.timestamp(entry.updated))</updated>")
            for author in entry.authors {
                line("    <author><name>\(MarkupEscaping.escape(author))</name></author>")
            }
            for category in entry.categories {
                line("    <category term=\"\(MarkupEscaping.escape(category))\"/>")
            }
            line("    <summary type=\"text\">\(MarkupEscaping.escape(entry.summary))</summary>")
            line("  </entry>")
        }
        line("</feed>")
        return xml
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
