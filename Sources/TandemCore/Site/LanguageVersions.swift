/// The language versions of a page — itself and its translations — in the
/// site's order of languages, then `x-default` (the default language's
/// version, else the first): what `hreflang` links and the sitemap's
/// alternates list, identically on every version. Empty for a page without
/// translations: none is invented.
enum LanguageVersions {
    static func alternates(language: String, url: Route, translations: [Page.Translation], config: SiteConfig) -> [Page.Translation] {
        guard !translations.isEmpty else { return [] }
        let order = config.languages
        let versions = ([Page.Translation(language: language, url: url)] + translations).sorted {
            (order.firstIndex(of: $0.language) ?? Int.max, $0.url) < (order.firstIndex(of: $1.language) ?? Int.max, $1.url)
        }
        let fallback = versions.first { $0.language == config.defaultLanguage } ?? versions[0]
        return versions + [Page.Translation(language: "x-default", url: fallback.url)]
    }
}
