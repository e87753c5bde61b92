import Foundation

/// The image a page's `image:` names, checked like a link: a path to an
/// image of `content/` (relative to the page, or from `content/` with a
/// leading `/`) or an `https:` URL. Anything else — `javascript:`, `data:`,
/// `vbscript:`, `http:`, a path leaving `content/`, a file that is not there
/// or not an image — is an error at the `image:` line and shows nothing.
/// It feeds the page's figure, Open Graph and Twitter card tags, and JSON-LD.
enum PageImage: Sendable, Hashable {
    /// A raster image of `content/`, in its widths and formats.
    case processed(LinkedImage)
    /// An SVG or GIF of `content/`, published as it is: its link and absolute URL.
    case file(href: String, permalink: String)
    /// An image elsewhere.
    case external(String)

    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "svg", "avif"]

    /// The image of the page at `contentPath` whose `image:` is `value`, or the error to report.
    static func resolve(_ value: String, at location: SourceLocation, page contentPath: String,
                        site: SiteReader) -> Result<PageImage, Diagnostic> {
        let hint = "write a path to an image in content/ (`../images/camp.jpg`, `/images/camp.jpg`) or an https:// URL"
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") {
            return .failure(.error(location, "'image' must not start with '//': '\(value)'", hint: hint))
        }
        if MarkdownLink.hasScheme(trimmed) {
            let scheme = trimmed.prefix { $0 != ":" }.lowercased()
            guard scheme == "https", let url = URLComponents(string: trimmed), let host = url.host, !host.isEmpty else {
                return .failure(.error(location, "'image' must be an image of this site or an https:// URL, not a \(scheme): URL",
                                       hint: hint))
            }
            return .success(.external(trimmed))
        }
        let fromRoot = trimmed.hasPrefix("/")
        guard let reference = MarkdownLink(fromRoot ? String(trimmed.drop { $0 == "/" }) : trimmed),
              let target = reference.contentPath(from: fromRoot ? "index.md" : contentPath) else {
            return .failure(.error(location, "'image' must be a path to an image inside content/: '\(value)'", hint: hint))
        }
        let fileExtension = target.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard imageExtensions.contains(fileExtension) else {
            return .failure(.error(location, "'image' must name an image (JPEG, PNG, WebP, GIF, SVG or AVIF): '\(value)'", hint: hint))
        }
        switch site.target(ofContentPath: target) {
        case .image(let image):
            return .success(.processed(image))
        case .published(let href):
            return .success(.file(href: href, permalink: Route.contentFile(target).permalink(site.config)))
        case .unpublished(let reason):
            return .failure(.error(location, "'image' names content/\(target), which is \(reason)", hint: hint))
        case .missing:
            let near = Suggestion.nearest(to: target, in: site.knownContentPaths)
            return .failure(.error(location, "'image' names content/\(target), which does not exist",
                                   hint: near.map { "did you mean content/\($0)?" } ?? hint))
        }
    }

    /// The absolute URL to share (Open Graph, JSON-LD), with its size when known.
    var shared: (url: String, width: Int?, height: Int?) {
        switch self {
        case .processed(let image): (image.fallbackPermalink, image.fallback.width, image.fallback.height)
        case .file(_, let permalink): (permalink, nil, nil)
        case .external(let url): (url, nil, nil)
        }
    }
}
