/// The `id` and `name` attributes written in a piece of HTML of a page's body:
/// places a link's `#fragment` can reach besides the headings.
enum HTMLAnchors {
    static func ids(in html: String) -> [String] {
        guard html.contains("id=") || html.contains("name=") else { return [] }
        var ids: [String] = []
        for match in html.matches(of: pattern) {
            let value = match.output.1 ?? match.output.2 ?? ""
            if !value.isEmpty { ids.append(String(value)) }
        }
        return ids
    }

    nonisolated(unsafe) private static let pattern = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/
        .ignoresCase()
}
