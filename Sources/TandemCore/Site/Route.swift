import Foundation

/// A URL of the site, and the one place that knows how to write it: the
/// language prefix (`/fr/`), the path of the base URL (`/joint/` for
/// `base_url: https://example.org/joint/`), percent-encoding, and the file
/// in the output folder that serves it. Nothing else builds a URL by
/// concatenating strings.
///
/// `path` is the route from the site's root, not encoded: `/fr/news/camp/`,
/// `/feed.xml`. A route ending in `/` is served by that folder's `index.html`.
public struct Route: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let path: String

    /// A route from its path inside the site (starting with `/`).
    public init(path: String) {
        self.path = path.hasPrefix("/") ? path : "/" + path
    }

    /// The home page of a language: `/` for the default language, `/fr/` for the others.
    public static func home(_ language: String, config: SiteConfig) -> Route {
        Route(path: "/" + languagePrefix(language, config: config).map { $0 + "/" }.joined())
    }

    /// A folder under a language's home: `["news", "2026", "camp"]` → `/fr/news/2026/camp/`.
    public static func folder(_ components: [String], language: String, config: SiteConfig) -> Route {
        home(language, config: config).appending(folders: components)
    }

    /// A file of `content/` published as it is, at the same path.
    public static func contentFile(_ contentPath: String) -> Route {
        Route(path: "/" + contentPath)
    }

    /// A width or format made from an image of `content/`, beside it:
    /// `images/camp.jpg` at 960 pixels in WebP is `/images/camp-960w.webp`.
    public static func imageVariant(_ contentPath: String, width: Int, fileExtension: String) -> Route {
        // The path up to the file name's last dot, found by bytes (`/`, `.` are ASCII).
        let utf8 = contentPath.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let stemEnd = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return Route(path: "/" + contentPath[..<stemEnd] + "-\(width)w." + fileExtension)
    }

    /// A file of the templates' assets, under `/assets/`.
    public static func asset(_ assetPath: String) -> Route {
        Route(path: "/" + assetPath)
    }

    /// The route an alias names: `/news/old/` → the folder `/news/old/`,
    /// `/old.html` stays a file; nil for paths that leave the site or that no
    /// link could reach (`?`, `#`, `%`, `\\`, line ends).
    public static func alias(_ alias: String) -> Route? {
        guard alias.hasPrefix("/"), alias.count > 1 else { return nil }
        let parts = alias.split(separator: "/")
        guard !parts.contains(".."), !parts.contains("."),
              !alias.contains(where: { "\\%?#".contains($0) || $0.isNewline || $0 == "\0" }) else { return nil }
        let path = "/" + parts.joined(separator: "/")
        return Route(path: path.hasSuffix(".html") ? path : path + "/")
    }

    /// The folder holding the templates' assets.
    public static let assets = Route(path: "/assets/")

    /// The path segments that say which language a page is in: none for the default language.
    static func languagePrefix(_ language: String, config: SiteConfig) -> [String] {
        language == config.defaultLanguage ? [] : [language]
    }

    /// This folder with folders below it: `/news/` + `["2026"]` → `/news/2026/`.
    public func appending(folders components: [String]) -> Route {
        // Built in one string, sized once: a site's every page route is made this way.
        var path = folderPath
        path.reserveCapacity(components.reduce(path.utf8.count) { $0 + $1.utf8.count + 1 })
        for component in components {
            path += component
            path += "/"
        }
        return Route(path: path)
    }

    /// A file in this folder: `/news/` + `feed.xml` → `/news/feed.xml`.
    public func appending(file name: String) -> Route {
        Route(path: folderPath + name)
    }

    /// Page `number` of a listing at this route: page 1 is the listing itself, page N at `page/N/`.
    public func page(_ number: Int) -> Route {
        number == 1 ? self : appending(folders: ["page", String(number)])
    }

    /// The folder above: `/persons/refugees/` → `/persons/`.
    public var parent: Route {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return Route(path: "/") }
        return Route(path: String(trimmed[...slash]))
    }

    /// A file route next to this folder route: `/focal-points/jdoe/` → `/focal-points/jdoe.vcf`.
    public func sibling(withExtension fileExtension: String) -> Route {
        Route(path: String(path.dropLast()) + "." + fileExtension)
    }

    /// What identifies the URL: `/news/` and `/news` are one (a server redirects one to the other).
    public var urlKey: String {
        let bytes = path.utf8
        return bytes.count > 1 && bytes.last == UInt8(ascii: "/") ? String(Substring(bytes.dropLast())) : path
    }

    /// Whether the route is a folder (served by its `index.html`).
    public var isFolder: Bool { path.hasSuffix("/") }

    /// The file in the output folder that serves this route: `/news/` → `news/index.html`, `/feed.xml` → `feed.xml`.
    public var outputPath: String {
        let relative = String(path.dropFirst())
        return isFolder ? relative + "index.html" : relative
    }

    /// The route a file of the output folder serves: `news/index.html` → `/news/`.
    public static func serving(outputPath: String) -> Route {
        if outputPath == "index.html" { return Route(path: "/") }
        if outputPath.hasSuffix("/index.html") { return Route(path: "/" + outputPath.dropLast("index.html".count)) }
        return Route(path: "/" + outputPath)
    }

    /// What links in HTML, feeds and search indexes use: the base URL's path and
    /// the percent-encoded route, e.g. `/joint/fr/news/caf%C3%A9/`.
    public func href(_ config: SiteConfig) -> String {
        // A site at the root of its domain (most): the href is the path itself
        // when the path needs no encoding, and no new string is made.
        if config.basePath == "/", path.utf8.first == UInt8(ascii: "/"), Route.needsNoEncoding(path) { return path }
        return config.basePath + Route.encode(String(Substring(path.utf8.dropFirst())))
    }

    /// The absolute URL: `https://example.org/joint/fr/news/camp/`.
    public func permalink(_ config: SiteConfig) -> String {
        config.siteOrigin + href(config)
    }

    public var description: String { path }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }

    private var folderPath: String { isFolder ? path : path + "/" }

    /// Characters a path segment keeps as they are (RFC 3986 unreserved and
    /// sub-delimiters); `%`, `?`, `#`, spaces and non-ASCII letters are encoded.
    private static let kept = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/")

    /// Percent-encodes a path (its `/` stay). Most paths need nothing, and are seen to by their bytes.
    static func encode(_ path: String) -> String {
        if needsNoEncoding(path) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: kept) ?? path
    }

    /// Whether every byte of `path` stays as it is (`encode` gives it back unchanged).
    private static func needsNoEncoding(_ path: String) -> Bool {
        var text = path
        return keptBytes.withUnsafeBufferPointer { kept in
            text.withUTF8 { utf8 in
                for byte in utf8 where !kept[Int(byte)] { return false }
                return true
            }
        }
    }

    /// For each byte, whether it stays as it is in a path (the bytes of `kept`): a
    /// table, since every link of every page is checked byte by byte.
    private static let keptBytes: [Bool] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"): true
        default: false
        }
    }
}

extension SiteConfig {
    /// `https://example.org/joint/` → (`/joint/`, `https://example.org`).
    static func split(_ baseURL: String) -> (path: String, origin: String) {
        guard var components = URLComponents(string: baseURL) else { return ("/", baseURL) }
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        components.path = ""
        components.query = nil
        components.fragment = nil
        return (path, components.string ?? baseURL)
    }
}

extension Route {
    /// Where a page is published: `content/news/2026/camp.md` → `/news/2026/camp/`,
    /// `réunion.fr.md` → `/fr/reunion/` (`Slug`),
    /// `about.fr.md` → `/fr/about/`, `index.md` → `/`, `news/_index.md` → `/news/`.
    static func page(_ page: SourcePage, config: SiteConfig) -> Route {
        self.page(page, at: ContentPath(page.contentPath, languages: config.languages), config: config)
    }

    /// The same, for a caller that has already parsed the page's content path.
    static func page(_ page: SourcePage, at where_: ContentPath, config: SiteConfig) -> Route {
        var components = where_.folders
        if page.kind == .page || page.kind == .focalPoint {
            components.append(page.frontMatter.slug?.value ?? Slug.fromFileName(where_.stem))
        }
        return .folder(components, language: page.language, config: config)
    }
}
