import Foundation
import Mustache
import Testing
@testable import TandemCore

/// A site in English, French, Spanish and Arabic, built end to end: every
/// word of a page in the page's language, Arabic right to left, translations
/// linked both ways with absolute URLs, and per-language feeds.
@Suite struct FourLanguageSiteTests {
    static let languages = ["en", "fr", "es", "ar"]

    static let config = """
    title: Joint information
    description: Joint news of two agencies.
    base_url: https://example.org/joint/
    language: en
    languages:
      en: {}
      fr: {title: Informations conjointes, description: Nouvelles communes de deux organisations.}
      es: {title: Información conjunta, description: Noticias comunes de dos organizaciones.}
      ar: {title: معلومات مشتركة, description: أخبار مشتركة لمنظمتين.}
    """

    static let matter = """
    date: 2026-06-04
    joint: true
    lead: UNHCR
    persons: [refugees, returnees]
    activities: [contingency-planning, capacity-building]
    countries: [TD, SD]
    """

    static func files() -> [String: String] {
        [
            "tandem.yaml": config,
            "content/news/camp.md": page("title: Families move before the rains\n" + matter, "Families move to a new site."),
            "content/news/camp.fr.md": page("title: Des familles partent avant les pluies\n" + matter, "Des familles rejoignent un nouveau site."),
            "content/news/camp.es.md": page("title: Familias se trasladan antes de las lluvias\n" + matter, "Familias se trasladan a un nuevo sitio."),
            "content/news/camp.ar.md": page("title: أسر تنتقل قبل موسم الأمطار\n" + matter,
                                            "تنتقل أسر إلى موقع جديد مع IOM. للتواصل: press@unhcr.example.org أو +41 22 555 0100."),
            "content/news/only-english.md": page("title: Only in English\ndate: 2026-05-01", "Not translated."),
            "content/news/seulement.fr.md": page("title: Seulement en français\ndate: 2026-05-02", "Pas traduit."),
        ].withFocalPoints
    }

    /// The site built once for all the tests of this suite.
    static let built: TestSite = {
        let site = TestSite(files())
        let report = site.build()
        #expect(report.published && report.diagnostics.isEmpty, "\(DiagnosticFormatter.human(report.diagnostics))")
        return site
    }()

    static func prefix(_ language: String) -> String { language == "en" ? "" : language + "/" }

    static func html(_ path: String) throws -> String {
        try #require(built.published(path), "\(path) is not published")
    }

    /// What a reader sees: the text of `<body>`, without scripts and tags, entities decoded.
    static func visibleText(_ html: String) -> String {
        var body = html.components(separatedBy: "<body>").last ?? html
        while let start = body.range(of: "<script"), let end = body.range(of: "</script>", range: start.upperBound..<body.endIndex) {
            body.removeSubrange(start.lowerBound..<end.upperBound)
        }
        var text = ""
        var inTag = false
        for character in body {
            if character == "<" { inTag = true; text.append(" ") } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        for (entity, character) in [("&amp;", "&"), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return " " + text.split(whereSeparator: \.isWhitespace).joined(separator: " ") + " "
    }

    @Test(arguments: languages)
    func theHTMLElementCarriesTheLanguageAndItsDirection(_ language: String) throws {
        let page = try Self.html(Self.prefix(language) + "news/camp/index.html")
        let direction = language == "ar" ? "rtl" : "ltr"
        #expect(page.contains("<html lang=\"\(language)\" dir=\"\(direction)\">"))
        for path in ["index.html", "news/index.html", "persons/refugees/index.html", "countries/index.html", "404.html"] {
            #expect(try Self.html(Self.prefix(language) + path).contains("<html lang=\"\(language)\" dir=\"\(direction)\">"), "\(path)")
        }
    }

    @Test(arguments: zip(languages, [
        ("4 June 2026", "Chad", "Sudan", "This activity is led by UNHCR, the UN Refugee Agency, in cooperation with the International Organization for Migration (IOM).", "Joint information"),
        ("4 juin 2026", "Tchad", "Soudan", "Cette activité est menée par le HCR, l&#39;Agence des Nations Unies pour les réfugiés, en coopération avec l&#39;Organisation internationale pour les migrations (OIM).", "Informations conjointes"),
        ("4 de junio de 2026", "Chad", "Sudán", "Esta actividad está liderada por ACNUR, la Agencia de la ONU para los Refugiados, en cooperación con la Organización Internacional para las Migraciones (OIM).", "Información conjunta"),
        ("4 يونيو، 2026", "تشاد", "السودان", "تقود المفوضية السامية للأمم المتحدة لشؤون اللاجئين هذا النشاط بالتعاون مع المنظمة الدولية للهجرة.", "معلومات مشتركة"),
    ]))
    func datesCountriesTheNoticeAndTheTitleAreInThePagesLanguage(_ language: String, _ expected: (String, String, String, String, String)) throws {
        let page = try Self.html(Self.prefix(language) + "news/camp/index.html")
        let (date, chad, sudan, notice, title) = expected
        #expect(page.contains("<time datetime=\"2026-06-04\">\(date)</time>"))
        #expect(page.contains(">\(chad)</a>") && page.contains(">\(sudan)</a>"))
        #expect(page.contains("<p>\(notice)</p>"))
        #expect(page.contains("<title>") && page.contains(" · \(title)</title>"))
        #expect(page.contains("\"inLanguage\":\"\(language)\""))
        let countries = try Self.html(Self.prefix(language) + "countries/index.html")
        #expect(countries.contains(">\(chad)</a>"))
    }

    /// Every English label of the built-in strings that the language words differently.
    static func englishLabels(differingIn language: String) -> [String] {
        let (strings, _) = Strings.load([:], config: ConfigLoader.parse(config).0)
        var labels: [String] = []
        func walk(_ table: MustacheValues, _ prefix: String) {
            for (key, value) in table where key != "language_names" && key != "language_name" {
                let key = key.text
                if let inner = value as? MustacheValues { walk(inner, prefix + key + ".") ; continue }
                let texts = (value as? [String]) ?? [(value as? String) ?? ""]
                let own = strings.list(prefix + key, language: language) + [strings.text(prefix + key, language: language) ?? ""]
                for text in texts {
                    let fixed = String(text.split(separator: "{").first ?? "").trimmingCharacters(in: .whitespaces)
                    if fixed.count >= 4, !own.contains(text), !own.contains(where: { $0.hasPrefix(fixed) }) { labels.append(fixed) }
                }
            }
        }
        walk(strings.table(for: "en"), "")
        let countries = CountryCodes.all.compactMap { code -> String? in
            let english = CountryNames.name(code, language: "en", strings: strings)
            return english.count >= 4 && english != CountryNames.name(code, language: language, strings: strings) ? english : nil
        }
        return labels + countries
    }

    @Test(arguments: ["fr", "es", "ar"])
    func noEnglishLabelIsLeftOnAPageInAnotherLanguage(_ language: String) throws {
        let labels = Self.englishLabels(differingIn: language) + ["Joint information", "Joint news of two agencies."]
        #expect(labels.count > 150, "the scan must cover the strings and country names: \(labels.count)")
        let pages = Self.built.publishedFiles().filter { $0.hasPrefix(language + "/") && $0.hasSuffix(".html") }
        #expect(pages.count >= 15)
        for path in pages {
            let text = Self.visibleText(try Self.html(path))
            for label in labels where text.contains(" \(label) ") || text.contains(" \(label):") || text.contains(" \(label),") || text.contains(">\(label)<") {
                Issue.record("\(path) shows the English '\(label)'")
            }
        }
    }

    @Test func theScanFindsAnEnglishLabel() {
        // The scan above must be able to fail: an English label in the text is found.
        let text = Self.visibleText("<body><dt>Persons</dt><dd>Refugees</dd></body>")
        let found = Self.englishLabels(differingIn: "fr").filter { text.contains(" \($0) ") }
        #expect(found.contains("Persons") && found.contains("Refugees"))
    }

    @Test func arabicPagesIsolateLatinRunsAndContactDetails() throws {
        let page = try Self.html("ar/news/camp/index.html")
        #expect(page.contains("<bdi>IOM</bdi>"))
        #expect(page.contains("<bdi>press@unhcr.example.org</bdi>"))
        #expect(page.contains("<bdi>+41 22 555 0100</bdi>"))
        #expect(page.contains("dir=\"ltr\">press@unhcr.example.org</a>"))
        #expect(page.contains("<bdi>Ana Press</bdi>"))
        // The English page is left as written.
        #expect(!(try Self.html("news/camp/index.html")).contains("<bdi>Families"))
    }

    @Test(arguments: languages)
    func translationsLinkEachOtherWithAbsoluteURLsAndAnXDefault(_ language: String) throws {
        let page = try Self.html(Self.prefix(language) + "news/camp/index.html")
        for other in Self.languages {
            let url = "https://example.org/joint/\(Self.prefix(other))news/camp/"
            #expect(page.contains("<link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(url)\">"))
        }
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/joint/news/camp/\">"))
        #expect(!page.contains("hreflang=\"\(language)\" href=\"/"), "no relative hreflang")
        // "Also available in", each language in its own name.
        for (other, name) in zip(Self.languages, ["English", "Français", "Español", "العربية"]) where other != language {
            #expect(page.contains("hreflang=\"\(other)\" lang=\"\(other)\">\(name)</a>"))
        }
    }

    @Test func untranslatedPagesGetNoInventedTranslation() throws {
        let english = try Self.html("news/only-english/index.html")
        #expect(!english.contains("hreflang="))
        for language in ["fr", "es", "ar"] { #expect(Self.built.published("\(language)/news/only-english/index.html") == nil) }
        #expect(Self.built.published("news/seulement/index.html") == nil)
    }

    @Test func theSitemapCarriesTheSameAlternates() throws {
        let sitemap = try Self.html("sitemap.xml")
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        for language in Self.languages {
            let loc = "<loc>https://example.org/joint/\(Self.prefix(language))news/camp/</loc>"
            let line = try #require(sitemap.split(separator: "\n").first { $0.contains(loc) })
            for other in Self.languages {
                #expect(line.contains("<xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"https://example.org/joint/\(Self.prefix(other))news/camp/\"/>"))
            }
            #expect(line.contains("hreflang=\"x-default\" href=\"https://example.org/joint/news/camp/\""))
        }
        let lonely = try #require(sitemap.split(separator: "\n").first { $0.contains("news/only-english/</loc>") })
        #expect(!lonely.contains("xhtml:link"))
    }

    @Test(arguments: languages)
    func eachLanguageHasItsOwnFeedWithOnlyItsPages(_ language: String) throws {
        let feed = try Self.html(Self.prefix(language) + "feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language)\">"))
        let entries = feed.components(separatedBy: "<entry").dropFirst()
        #expect(entries.count == (language == "en" || language == "fr" ? 2 : 1))
        for entry in entries {
            #expect(entry.hasPrefix(" xml:lang=\"\(language)\">"))
            #expect(entry.contains("type=\"text/html\" href=\"https://example.org/joint/\(Self.prefix(language))news/"), "\(entry)")
            if language == "en" { #expect(!entry.contains("/joint/fr/") && !entry.contains("/joint/es/") && !entry.contains("/joint/ar/")) }
        }
        #expect(feed.contains("only-english") == (language == "en"))
        #expect(feed.contains("seulement") == (language == "fr"))
    }

    @Test(arguments: zip(languages, ["Media contacts", "Contacts presse", "Contactos de prensa", "جهات الاتصال الإعلامية"]))
    func focalPointsAppearInEveryLanguageWithItsLabels(_ language: String, _ heading: String) throws {
        let prefix = Self.prefix(language)
        let page = try Self.html(prefix + "news/camp/index.html")
        #expect(page.contains("<h2>\(heading)</h2>"))
        #expect(page.contains("<a href=\"/joint/\(prefix)focal-points/unhcr-press/\"><bdi>Ana Press</bdi></a>"))
        let directory = try Self.html(prefix + "focal-points/index.html")
        #expect(directory.contains("<html lang=\"\(language)\""))
        #expect(directory.contains("href=\"/joint/\(prefix)focal-points/iom-press/\""))
        #expect(directory.contains("href=\"/joint/focal-points/all.vcf\""), "one address book for all languages")
        let person = try Self.html(prefix + "focal-points/unhcr-press/index.html")
        #expect(person.contains("href=\"/joint/focal-points/unhcr-press.vcf\""))
        #expect(language == "en" || Self.built.published(prefix + "focal-points/unhcr-press.vcf") == nil, "a person has one card")
    }

    @Test func anUnknownLanguageCodeIsAnErrorWithAHint() {
        let (_, list) = ConfigLoader.parse("languages: [en, fre, xx]\n")
        #expect(list.count == 2)
        #expect(list.allSatisfy { $0.severity == .error && $0.line == 1 && $0.message.contains("unknown language code") })
        #expect(list.first { $0.message.contains("'fre'") }?.hint?.contains("fr") == true)
        let (config, mapping) = ConfigLoader.parse("languages:\n  en: {}\n  EN-gb: {title: X}\n  ar:\n    titel: Y\n")
        #expect(mapping.contains { $0.line == 3 && $0.hint == "did you mean 'en-GB'?" })
        #expect(mapping.contains { $0.line == 5 && $0.message.contains("unknown key 'titel'") })
        #expect(config.languages == ["en", "ar"])
    }

    @Test func aMissingStringFallsBackWithOneWarningPerKeyNotPerPage() {
        let site = TestSite([
            "tandem.yaml": "languages: [en, de]\n",
            "templates/strings/de.yaml": "language_name: Deutsch\nskip_link: Zum Inhalt\n",
            "content/a.de.md": page("title: Eins"), "content/b.de.md": page("title: Zwei"), "content/c.de.md": page("title: Drei"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        let footer = report.diagnostics.filter { $0.message.contains("'footer'") }
        #expect(footer.count == 1)
        #expect(footer.first?.path == "templates/strings/de.yaml" && footer.first?.severity == .warning)
        #expect(!report.diagnostics.contains { $0.message.contains("'skip_link'") })
        #expect(site.published("de/a/index.html")?.contains("Zum Inhalt") == true)
        #expect(site.published("de/a/index.html")?.contains(">Search<") == true, "the English word stands in")
    }
}

/// Search results name a section in the result's language, like the pages do,
/// also when the section has no `_index` page in that language.
@Suite struct FourLanguageSearchTests {
    @Test(arguments: [("fr", "Actualités"), ("ar", "الأخبار")])
    func searchResultsNameTheSectionInTheirLanguage(_ language: String, _ title: String) throws {
        let site = FourLanguageSiteTests.built
        let folder = site.output.appendingPathComponent(language + "/search/pages")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let records = files.compactMap { site.published(language + "/search/pages/" + $0) }.joined()
        #expect(records.contains("\"section\":\"\(title)\""), "\(records.prefix(300))")
        #expect(!records.contains("\"section\":\"News\""))
    }
}
