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

    /// The feed's XML.
    public var xml: String { String(decoding: utf8, as: UTF8.self) }

    /// The feed's XML as UTF-8, written into one buffer (a feed of each
    /// listing, each with the summaries of its newest pages): literal parts
    /// and escaped values appended in turn, with no String made per line.
    public var utf8: [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(1_024 + 700 * entries.count)
        func text(_ literal: StaticString) { literal.withUTF8Buffer { xml.append(contentsOf: $0) } }
        func value(_ value: String) { MarkupEscaping.append(value, to: &xml) }
        text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        value(language)
        text("\">\n  <id>"); value(id)
        text("</id>\n  <title>"); value(title)
        text("</title>\n  <updated>"); value(Self.timestamp(updated))
        text("</updated>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\""); value(id)
        text("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\""); value(alternate)
        text("\"/>\n  <author><name>"); value(author)
        text("</name></author>\n  <generator>Tandem</generator>\n")
        for entry in entries {
            text("  <entry xml:lang=\""); value(entry.language)
            text("\">\n    <id>"); value(entry.id)
            text("</id>\n    <title>"); value(entry.title)
            text("</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\""); value(entry.link)
            text("\"/>\n    <updated>"); value(Self.timestamp(entry.updated))
            text("</updated>\n")
            for author in entry.authors {
                text("    <author><name>"); value(author); text("</name></author>\n")
            }
            for category in entry.categories {
                text("    <category term=\""); value(category); text("\"/>\n")
            }
            text("    <summary type=\"text\">"); value(entry.summary)
            text("</summary>\n  </entry>\n")
        }
        text("</feed>\n")
        return xml
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
