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
        var text = contentPath
        let parts = text.withUTF8 { Self.parts(ofPrintableASCII: $0, languages: languages) }
            ?? Self.parts(of: contentPath, languages: languages)
        (folders, stem, languageSuffix) = (parts.folders, parts.stem, parts.languageSuffix)
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

    /// A path's folders, and its file's name without `.md` (the stem) and without the language suffix.
    private typealias Parts = (folders: [String], stem: String, languageSuffix: String?)

    /// The parts of a path of printable ASCII (every path Tandem makes, and
    /// nearly every one written), read from its bytes in one pass: where each
    /// byte is one Character, this finds what splitting Characters finds, at
    /// a tenth of the cost (a site assembles every page's path, a rebuild
    /// twice). Nil for any other path.
    private static func parts(ofPrintableASCII bytes: UnsafeBufferPointer<UInt8>, languages: [String]) -> Parts? {
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var folders: [String] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
            if index > start { folders.append(text(start ..< index)) }
            start = index + 1
        }
        let name = start ..< max(start, bytes.count - 3) // without ".md"
        if let dot = name.last(where: { bytes[$0] == UInt8(ascii: ".") }) {
            let last = text(dot + 1 ..< name.upperBound)
            if languages.contains(last) || looksLikeLanguage(last) { return (folders, text(name.lowerBound ..< dot), last) }
        }
        return (folders, text(name), nil)
    }

    /// The parts of any other path, by its Characters (where a combining mark
    /// may join a `/` or a `.` into another Character, which then separates nothing).
    private static func parts(of contentPath: String, languages: [String]) -> Parts {
        let slash = contentPath.lastIndex(of: "/")
        let folders = slash.map { contentPath[..<$0].split(separator: "/").map(String.init) } ?? []
        let name = contentPath[(slash.map { contentPath.index(after: $0) } ?? contentPath.startIndex)...].dropLast(3) // ".md"
        if let dot = name.lastIndex(of: "."), case let last = String(name[name.index(after: dot)...]),
           languages.contains(last) || looksLikeLanguage(last) {
            return (folders, String(name[..<dot]), last)
        }
        return (folders, String(name), nil)
    }

    /// Two lower-case letters, the shape of an ISO 639-1 code: a suffix of that
    /// shape that the site does not publish in is reported, not taken as a name.
    static func looksLikeLanguage(_ text: String) -> Bool {
        text.count == 2 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }
}
