import Testing
@testable import TandemCore

/// `ContentPath` as it was first written, splitting Characters: the parser
/// that scans ASCII paths as bytes must read every path the same way.
private func reference(_ contentPath: String, languages: [String]) -> (folders: [String], stem: String, suffix: String?, key: String, kind: PageKind) {
    var components = contentPath.split(separator: "/").map(String.init)
    var name = components.removeLast()
    name.removeLast(3)
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var stem = name, suffix: String?
    if parts.count > 1, let last = parts.last, languages.contains(last) || ContentPath.looksLikeLanguage(last) {
        suffix = last
        stem = parts.dropLast().joined(separator: ".")
    }
    let isIndex = stem == "_index" || (stem == "index" && components.isEmpty)
    let kind: PageKind = isIndex ? (components.isEmpty ? .home : .section)
        : (components == [ContentPath.focalPointsFolder] ? .focalPoint : .page)
    let key = isIndex ? components.joined(separator: "/") : (components + [stem]).joined(separator: "/")
    return (components, stem, suffix, key, kind)
}

@Suite struct ContentPathTests {
    @Test(arguments: ["index.md", "index.fr.md", "about.md", "about.fr.md", "about.xx.md", "v1.2.md", "a.b.fr.md",
                      "news/_index.md", "news/_index.fr.md", "news/2026/camp.md", "news/2026/camp.pt-BR.md",
                      "focal-points/jdoe.md", "news//camp.md", "/about.md", ".md", "news/.fr.md",
                      "news/café/crème.fr.md", "nouvelles/été.md", "news/x\u{301}.fr.md", "news/\u{301}/camp.md",
                      "news/a\tb.fr.md", "news/x\r\n/camp.fr.md", "~/.md", "news/2026/.md", "a/b/c/d.e.f.es.md"])
    func parsesLikeTheCharacterSplit(_ path: String) {
        let parsed = ContentPath(path, languages: ["en", "fr", "pt-BR"])
        let expected = reference(path, languages: ["en", "fr", "pt-BR"])
        #expect(parsed.folders == expected.folders)
        #expect(parsed.stem == expected.stem)
        #expect(parsed.languageSuffix == expected.suffix)
        #expect(parsed.translationKey == expected.key)
        #expect(parsed.kind == expected.kind)
        #expect(parsed.section == expected.folders.first)
    }
}
