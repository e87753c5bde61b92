/// Focal points are people, not translations: each is written once, in
/// `content/focal-points/`, and appears in every language of the site — its
/// page, the directory, the topic listings and the contact blocks — with the
/// labels of that language. The page of a focal point in another language is
/// the same source under the content path it would have as a translation
/// (`focal-points/jdoe.fr.md`), so it is published at `/fr/focal-points/jdoe/`
/// and linked to the others like a translation.
enum FocalPointLanguages {
    /// The focal-point pages of the default language in each other language
    /// of the site, unless a file already holds that content path.
    static func copies(of pages: [Page], config: SiteConfig, existing: Set<String>) -> [SourcePage] {
        var copies: [SourcePage] = []
        for index in pages.indices where pages[index].source.focalPoint != nil && pages[index].source.language == config.defaultLanguage {
            let source = pages[index].source
            for language in config.languages where language != config.defaultLanguage {
                let path = contentPath(of: source.contentPath, in: language)
                guard !existing.contains(path) else { continue }
                var copy = source
                copy.language = language
                copy.contentPath = path
                copies.append(copy)
            }
        }
        return copies
    }

    /// `focal-points/jdoe.md` in `fr` → `focal-points/jdoe.fr.md`.
    static func contentPath(of contentPath: String, in language: String) -> String {
        let stem = contentPath.hasSuffix(".md") ? String(contentPath.dropLast(3)) : contentPath
        return stem + "." + language + ".md"
    }
}
