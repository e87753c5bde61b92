/// Where a page is published: `content/news/2026/camp.md` → `/news/2026/camp/`,
/// `about.fr.md` → `/fr/about/`, `index.md` → `/`, `news/_index.md` → `/news/`.
enum PageURL {
    static func path(for page: SourcePage, config: SiteConfig) -> String {
        let where_ = ContentPath(page.contentPath, languages: config.languages)
        var components = languagePrefix(page.language, config: config) + where_.folders
        if page.kind == .page || page.kind == .focalPoint {
            components.append(page.frontMatter.slug?.value ?? where_.stem)
        }
        return "/" + components.map { $0 + "/" }.joined()
    }

    static func languagePrefix(_ language: String, config: SiteConfig) -> [String] {
        language == config.defaultLanguage ? [] : [language]
    }

    /// The file that serves a URL path: `/news/` → `news/index.html`.
    static func outputPath(for url: String) -> String {
        String(url.dropFirst()) + "index.html"
    }

    /// `/persons/refugees/` → `/persons/`.
    static func parent(of url: String) -> String {
        let trimmed = url.dropLast()
        guard let slash = trimmed.lastIndex(of: "/") else { return "/" }
        return String(trimmed[...slash])
    }
}
