/// A link written in Markdown to another file of `content/`: a page
/// (`../2025/camp.md#figures`) or a file published as it is (`../images/camp.jpg`).
struct MarkdownLink {
    var path: String
    var fragment: String?

    /// Whether it points at a Markdown page (else at a file such as an image or PDF).
    var isMarkdown: Bool { path.hasSuffix(".md") }

    /// Nil for anything that is not a link to a file of `content/`: URLs with a
    /// scheme, `mailto:`, anchors, and paths without a file extension (folders).
    init?(_ url: String) {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//"), !MarkdownLink.hasScheme(url) else { return nil }
        var path = Substring(url)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let decoded = MarkdownLink.percentDecoded(String(path)) ?? String(path)
        let name = decoded.split(separator: "/").last ?? ""
        guard decoded.hasSuffix(".md") || (!decoded.hasPrefix("/") && name.contains(".") && !name.hasPrefix(".")) else { return nil }
        self.path = decoded
        self.fragment = fragment.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The target's path inside `content/`, resolved against the linking page's
    /// folder (or `content/` itself for a path starting with `/`); nil if it climbs out.
    func contentPath(from linkingContentPath: String) -> String? {
        var components = path.hasPrefix("/") ? [] : linkingContentPath.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        if components.first == "content" && path.hasPrefix("/") { components.removeFirst() }
        return components.joined(separator: "/")
    }

    /// A link to a path of the site, as a reader's browser would follow it.
    struct SitePath {
        /// Decoded, from the site's root: `/news/camp/`.
        var path: String
        /// The query and fragment as written (`#figures`).
        var suffix: String
    }

    /// A link written as a path from the site's root (`/news/`, `/feed.xml`),
    /// other than to a `.md` file of `content/` (which `init` handles); nil for anything else.
    static func sitePath(_ url: String) -> SitePath? {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
        // The query or fragment starts at the first `?` or `#`, found in the bytes in place.
        var bytes = url
        let offset = bytes.withUTF8 { $0.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } }
        let end = offset.map { url.utf8.index(url.utf8.startIndex, offsetBy: $0) } ?? url.endIndex
        let path = String(url[..<end])
        guard let decoded = percentDecoded(path), !decoded.hasSuffix(".md") else { return nil }
        return SitePath(path: decoded, suffix: String(url[end...]))
    }

    /// `text` with its `%XX` escapes decoded, nil if they are not UTF-8.
    /// Text without a `%` is returned as it is, without the trip through
    /// Foundation's NSString (most links of a site have none).
    static func percentDecoded(_ text: String) -> String? {
        text.containsByte(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
    }
}

import Foundation
