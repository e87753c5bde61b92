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
        let ascii = contentPath.utf8.allSatisfy { $0 < 0x80 }
        let slash = ContentPath.lastIndex(of: "/", in: contentPath[...], ascii: ascii)
        folders = slash.map { ContentPath.components(of: contentPath[..<$0], ascii: ascii) } ?? []
        let name = contentPath[(slash.map { contentPath.index(after: $0) } ?? contentPath.startIndex)...].dropLast(3) // ".md"
        if let dot = ContentPath.lastIndex(of: ".", in: name, ascii: ascii), case let last = String(name[name.index(after: dot)...]),
           languages.contains(last) || ContentPath.looksLikeLanguage(last) {
            languageSuffix = last
            stem = String(name[..<dot])
        } else {
            languageSuffix = nil
            stem = String(name)
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

    /// The last `separator` (an ASCII character) in `text`. ASCII text is searched
    /// through its UTF-8 bytes, which finds the same index as walking its Characters
    /// backwards, much faster; other text (where a combining mark may join the
    /// separator into another Character) is searched by Character.
    private static func lastIndex(of separator: Character, in text: Substring, ascii: Bool) -> String.Index? {
        ascii ? text.utf8.lastIndex(of: separator.asciiValue!) : text.lastIndex(of: separator)
    }

    /// The non-empty parts of `text` between `/`, as `split(separator: "/")` gives them;
    /// ASCII text is split through its UTF-8 bytes, for the same reason as `lastIndex`.
    private static func components(of text: Substring, ascii: Bool) -> [String] {
        guard ascii else { return text.split(separator: "/").map(String.init) }
        return text.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Two lower-case letters, the shape of an ISO 639-1 code: a suffix of that
    /// shape that the site does not publish in is reported, not taken as a name.
    static func looksLikeLanguage(_ text: String) -> Bool {
        text.count == 2 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }
}
