/// A link written in Markdown to another Markdown file (`../2025/camp.md#figures`).
struct MarkdownLink {
    var path: String
    var fragment: String?

    /// Nil for anything that is not a relative link to a `.md` file
    /// (absolute URLs, `mailto:`, anchors, other files).
    init?(_ url: String) {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//"), !MarkdownLink.hasScheme(url) else { return nil }
        var path = Substring(url)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        guard decoded.hasSuffix(".md") else { return nil }
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

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
    }
}

import Foundation
