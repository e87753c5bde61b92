import Foundation
import Testing
@testable import TandemCore

@Suite struct SearchIndexTests {
    @Test func wordsAreSplitAtUnicodeBoundariesAndFolded() {
        #expect(SearchTokenizer.terms("Réfugiés à GOMA, l'accord: naïve 2026!") == ["refugies", "goma", "accord", "naive", "2026"])
        // Arabic: words split at spaces and punctuation; harakat, the tatweel and a hamza above its seat removed.
        #expect(SearchTokenizer.terms("اللاجئون، المُهاجِرون والنـازحون") == ["اللاجيون", "المهاجرون", "والنازحون"])
        #expect(SearchTokenizer.terms("اللاجيون") == SearchTokenizer.terms("اللاجئون"))
        #expect(SearchTokenizer.fold("Éléphant") == "elephant")
        let markdown = "See [the plan](../docs/plan-zeta.pdf) and <span class=\"omega\">text</span>."
        #expect(SearchTokenizer.terms(markdown, markdown: true) == ["see", "the", "plan", "and", "text"])
    }

    /// What a reader does not see is left out up to its closing byte or the
    /// end of its line, whichever comes first: a tag or a link destination
    /// stops at a line end (the words after it count), and one never closed
    /// hides the rest of its line only.
    @Test func skippedStretchesEndAtTheirCloseOrTheLineEnd() {
        let html = "<p class=\"alpha\">Camp&nbsp;beta</p>\n<a href=\"/x\ngamma\">delta</a> <img alt=\"épsilon\" src=\"zeta.jpg\">eta"
        var collector = SearchTokenizer.Collector()
        collector.add(html, html: true)
        #expect(collector.list == ["camp", "beta", "gamma", "delta", "eta"])
        #expect(SearchTokenizer.terms("unclosed <span title=\"omega\nnext line", markdown: true) == ["unclosed", "next", "line"])
        #expect(SearchTokenizer.terms("a [link](dest theta\niota) kappa", markdown: true) == ["link", "iota", "kappa"])
        #expect(SearchTokenizer.terms("(not a link) and x](y z) wo", markdown: true) == ["not", "link", "and", "wo"])
    }

    /// A word is cut to its first 40 scalars, whichever scripts it mixes, and
    /// the rest of it is passed over (it does not start another term).
    @Test func aLongWordIsCutToItsFirstFortyScalars() {
        let latin = String(repeating: "Ab", count: 30)
        #expect(SearchTokenizer.terms("x1 \(latin) y2") == ["x1", String(repeating: "ab", count: 20), "y2"])
        let mixed = String(repeating: "é", count: 10) + String(repeating: "z", count: 45)
        #expect(SearchTokenizer.terms(mixed) == [String(repeating: "e", count: 10) + String(repeating: "z", count: 30)])
        let lateAccent = String(repeating: "q", count: 39) + "éÉtail"
        #expect(SearchTokenizer.terms(lateAccent + " end") == [String(repeating: "q", count: 39) + "e", "end"])
        #expect(SearchTokenizer.terms(String(repeating: "7", count: 40)) == [String(repeating: "7", count: 40)])
    }

    /// A page's texts gathered by one collector, which skips words it has
    /// met by their bytes, give the same terms as each text on its own.
    @Test func oneCollectorGivesTheTermsOfEachTextTogether() {
        // 3,000 distinct words (the table of seen words grows several times), each written twice.
        let many = (0..<3000).map { "w\($0) Réfugié\($0 % 7)" }.joined(separator: " ")
        let texts = ["Réfugiés et migrants", "REFUGIES, réfugiés; x " + many, many + " " + String(repeating: "é", count: 60)]
        var collector = SearchTokenizer.Collector()
        for text in texts { collector.add(text) }
        let separately = texts.reduce(into: Set<String>()) { $0.formUnion(SearchTokenizer.terms($1)) }
        #expect(collector.terms == separately)
        #expect(collector.terms.count == 3000 + 7 + 4)
        #expect(collector.list.count == collector.terms.count)
        // The hash the collector made of each term as it read it is the one the postings make of the term.
        #expect(collector.hashes == collector.list.map(TermPostings.hash))
    }

    /// A term is listed once whether its folded spelling or the plain one
    /// comes first, and a word that is already its own term is listed.
    @Test func eachTermIsListedOnceWhicheverSpellingComesFirst() {
        for text in ["Été ete ÉTÉ été", "ete été Été", "اللاجئون اللاجيون اللاجيون", "اللاجيون اللاجئون", "naïve naive NAÏVE réfugié"] {
            var collector = SearchTokenizer.Collector()
            collector.add(text)
            #expect(collector.list.count == Set(collector.list).count, "\(text)")
        }
        var collector = SearchTokenizer.Collector()
        collector.add("Été ete naïve naive اللاجيون اللاجئون")
        #expect(collector.list == ["ete", "naive", "اللاجيون"])
        #expect(collector.hashes == collector.list.map(TermPostings.hash))
    }

    @Test func aTermsBucketIsTheFNVHashOfItsFirstThreeScalars() {
        // The same as search.js computes: FNV-1a of the UTF-8 bytes of "ref" / "réf", modulo 1024.
        #expect(SearchBuckets.bucket(of: "refugees", count: 1024) == SearchBuckets.bucket(of: "ref", count: 1024))
        #expect(SearchBuckets.bucket(of: "ref", count: 1024) == Int(fnv(Array("ref".utf8)) & 1023))
        #expect(SearchBuckets.bucket(of: "réfugiés", count: 1024) == Int(fnv(Array("réf".utf8)) & 1023))
        #expect(SearchBuckets.bucket(of: "اللاجئون", count: 64) == Int(fnv(Array("الل".utf8)) & 63))
    }

    private func fnv(_ bytes: [UInt8]) -> UInt32 {
        bytes.reduce(2_166_136_261 as UInt32) { ($0 ^ UInt32($1)) &* 16_777_619 }
    }

    @Test func postingsRoundTripInBothForms() {
        let sparse = [0, 3, 40, 1_000, 33_000]
        #expect(!PostingsCode.encode(sparse).hasPrefix("~") && PostingsCode.decode(PostingsCode.encode(sparse)) == sparse)
        // Gaps 1, 3, 37 (1·32 + 5: `X` marks a digit 1 followed by more) and 960 (30·32 + 0), as `search.js` reads them.
        #expect(PostingsCode.encode([0, 3, 40, 1_000]) == "13X5-0")
        let dense = Array(stride(from: 0, to: 600, by: 2))
        #expect(PostingsCode.encode(dense).hasPrefix("~") && PostingsCode.decode(PostingsCode.encode(dense)) == dense)
        #expect(PostingsCode.encode(dense).count <= 101, "a bitmap: 6 pages a character")
    }

    static let files = [
        "tandem.yaml": "base_url: https://joint.example.org/\nlanguages: [en, fr]\n",
        "content/news/2026/goma.md": page("title: Goma & partners\ndate: 2026-03-05\npersons: [idps]\ncountries: [CD]\njoint: true\nlead: IOM\nsummary: Families registered.",
                                          "Tents for displaced families near **Nyiragongo**. See [the plan](https://example.org/quokka)."),
        "content/news/2026/solo.md": page("title: Solo\ndate: 2026-03-06\npersons: [refugees]\ncountries: [TD]", "Refugees in Adré receive water."),
        "content/news/2026/solo.fr.md": page("title: Seul\ndate: 2026-03-06", "Les réfugiés reçoivent de l'eau à Adré."),
        "content/news/2026/secret.md": page("title: Hidden draft\ndate: 2026-03-07\ndraft: true\npersons: [idps]", "Xylophonist draftword."),
        "content/news/2026/later.md": page("title: Embargoed\ndate: 2026-03-08\nembargo: 2099-01-01T00:00:00Z\npersons: [idps]", "Embargoword text."),
    ].withFocalPoints

    /// The page numbers a built site's term files give `term` (exact match) in the language under `prefix`.
    static func pages(with term: String, in site: TestSite, prefix: String = "") throws -> [Int] {
        let buckets = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent(prefix + "search/terms").path).count
        let bucket = SearchBuckets.bucket(of: term, count: buckets)
        let text = try #require(site.published(prefix + "search/terms/\(bucket).txt"))
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(term + " ") }) else { return [] }
        return PostingsCode.decode(String(line.dropFirst(term.count + 1)))
    }

    static func results(_ site: TestSite, prefix: String = "") throws -> [[String: Any]] {
        let data = Data(try #require(site.published(prefix + "search/pages/0.json")).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func aQueryFindsBodyWordsAndTheResultFileShowsThePage() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        #expect(!site.build().diagnostics.hasErrors)
        let results = try Self.results(site)
        #expect(results.map { $0["title"] as? String } == ["Solo", "Goma & partners"], "newest first, no draft, no embargoed page")
        let goma = results[1]
        #expect(goma["url"] as? String == "/news/2026/goma/" && goma["section"] as? String == "News")
        #expect(goma["summary"] as? String == "Families registered." && goma["date"] as? String == "5 March 2026")
        #expect((goma["notice"] as? String)?.hasPrefix("This activity is led by the International Organization for Migration") == true)
        #expect(try Self.pages(with: "nyiragongo", in: site) == [1], "a word of the body")
        #expect(try Self.pages(with: "registered", in: site) == [1], "a word of the summary")
        #expect(try Self.pages(with: "partners", in: site) == [1], "a word of the title")
        #expect(try Self.pages(with: "adre", in: site) == [0], "accents folded")
        #expect(try Self.pages(with: "quokka", in: site) == [], "link destinations are not text")
        let page = try #require(site.published("search/index.html"))
        #expect(page.contains("<noscript>") && page.contains("href=\"/persons/\""), "without JavaScript, the taxonomy listings")
    }

    @Test func filtersListThePagesOfATerm() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build()
        #expect(site.published("search/facets/persons/idps.txt").map { PostingsCode.decode($0.trimmingCharacters(in: .newlines)) } == [1])
        #expect(site.published("search/facets/countries/td.txt").map { PostingsCode.decode($0.trimmingCharacters(in: .newlines)) } == [0])
        #expect(site.published("search/facets/lead/iom.txt").map { PostingsCode.decode($0.trimmingCharacters(in: .newlines)) } == [1])
        let page = try #require(site.published("search/index.html"))
        #expect(page.contains("<select name=\"persons\">") && page.contains("data-url=\"/search/facets/countries/cd.txt\""))
    }

    @Test func draftsAndEmbargoedPagesReachNoSearchFile() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        #expect(!site.build().diagnostics.hasErrors)
        let searchFiles = site.publishedFiles().filter { $0.contains("search/") }
        #expect(searchFiles.count > 5)
        for path in searchFiles {
            let text = try #require(site.published(path)).lowercased()
            for secret in ["xylophonist", "draftword", "hidden draft", "embargoword", "embargoed", "secret", "later"] {
                #expect(!text.contains(secret), "\(path) mentions \(secret)")
            }
        }
        #expect(site.published("search/facets/persons/idps.txt").map { PostingsCode.decode($0.trimmingCharacters(in: .newlines)) } == [1])
    }

    @Test func eachLanguageHasItsOwnIndex() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        site.build()
        #expect(try Self.results(site, prefix: "fr/").map { $0["title"] as? String } == ["Seul"])
        #expect(try Self.pages(with: "refugies", in: site, prefix: "fr/") == [0])
        #expect(try Self.pages(with: "nyiragongo", in: site, prefix: "fr/") == [])
        #expect(try Self.pages(with: "refugies", in: site) == [])
        #expect(try #require(site.published("fr/search/index.html")).contains("data-terms=\"/fr/search/terms/\""))
    }

    @Test func aBodyEditInThePreviewMakesAgainOnlyTheTermFilesOfItsWords() throws {
        let site = TestSite(Self.files)
        defer { site.cleanUp() }
        let preview = IncrementalPipelineTests.Preview(site)
        preview.run()
        let path = "content/news/2026/solo.md"
        site.write(path, page("title: Solo\ndate: 2026-03-06\npersons: [refugees]\ncountries: [TD]", "Refugees in Adré receive water.\n\nBlankets arrived."))
        let run = preview.run()
        let counts = SearchBuckets.count(pages: 2)
        let expected = Set(["news/2026/solo/index.html", "search/terms/\(SearchBuckets.bucket(of: "blankets", count: counts)).txt"])
        #expect(run.madePaths == expected)
        #expect(String(decoding: preview.served[Array(expected.subtracting(["news/2026/solo/index.html"]))[0]]!, as: UTF8.self).contains("blankets "))
        #expect(IncrementalPipelineTests.differences(preview.served, IncrementalPipelineTests.clean(site)) == [])
    }
}
