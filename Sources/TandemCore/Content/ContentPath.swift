/// What a path inside `content/` says about a page: its kind, section,
/// language suffix and the key that links its translations.
struct ContentPath {
    var kind: PageKind
    var section: String?
    /// Folders between `content/` and the file, e.g. ["news", "2026"].
    var folders: [String]
    /// File name without `.md` and without the language suffix.
    var stem: String
    /// The language suffix (`about.fr.md` → "fr"), if any.
    var languageSuffix: String?
    /// `news/2026/camp` for `news/2026/camp.fr.md`.
    var translationKey: String

    static let focalPointsFolder = "focal-points"

    init(_ contentPath: String, languages: [String]) {
        var components = contentPath.split(separator: "/").map(String.init)
        var name = components.removeLast()
        name.removeLast(3) // ".md"
        folders = components
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, let last = parts.last, languages.contains(last) || ContentPath.looksLikeLanguage(last) {
            languageSuffix = last
            stem = parts.dropLast().joined(separator: ".")
        } else {
            languageSuffix = nil
            stem = name
        }
        section = folders.first
        let isIndex = stem == "_index" || (stem == "index" && folders.isEmpty)
        if isIndex {
            kind = folders.isEmpty ? .home : .section
            translationKey = folders.isEmpty ? "" : folders.joined(separator: "/")
        } else {
            kind = folders == [ContentPath.focalPointsFolder] ? .focalPoint : .page
            translationKey = (folders + [stem]).joined(separator: "/")
        }
    }

    /// Two lower-case letters, the shape of an ISO 639-1 code: a suffix of that
    /// shape that the site does not publish in is reported, not taken as a name.
    static func looksLikeLanguage(_ text: String) -> Bool {
        text.count == 2 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }
}
