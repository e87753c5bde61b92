import Foundation
import Testing
@testable import TandemCore

/// The position of `text` in `html`, for checks on the order of a page's parts.
private func position(_ text: String, in html: String) -> String.Index? {
    html.range(of: text)?.lowerBound
}

@Suite struct FocalPointPagesTests {
    let files = [
        "content/focal-points/aline-kasongo.md": page("""
        name: Aline Bahati Kasongo
        agency: UNHCR
        title: Public Information Officer
        location: Goma
        country: CD
        level: field
        email: aline.kasongo@unhcr.example.org
        phone: "+243 81 555 0130"
        languages: [fr, sw, pt-BR]
        topics: [idps, refugees]
        countries: [CD]
        """, "Aline works in **Goma**."),
        "content/focal-points/patrick-kambale.md": page("""
        name: Patrick Kambale
        agency: IOM
        title: Communications Officer
        location: Goma
        country: CD
        level: field
        email: patrick.kambale@iom.example.org
        mobile: "+243 97 555 0181"
        topics: [idps]
        """),
        "content/news/2026/goma.md": page("""
        title: Joint registration in Goma
        date: 2026-03-05
        joint: true
        lead: IOM
        persons: [idps]
        countries: [CD]
        focal_points: [aline-kasongo]
        """),
        "content/news/2026/goma.fr.md": page("""
        title: Enregistrement conjoint à Goma
        date: 2026-03-05
        joint: true
        lead: IOM
        persons: [idps]
        countries: [CD]
        """),
        "tandem.yaml": "languages: [en, fr]",
    ].withFocalPoints

    @Test func aJointPagesHTMLContainsBothOrganisationsContacts() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFormatter.human(report.diagnostics))")
        let html = try #require(site.published("news/2026/goma/index.html"))
        #expect(html.components(separatedBy: "data-contacts").count == 2)
        for text in ["<h2>Media contacts</h2>", "<p>For more information, please contact:</p>",
                     "<h3>International Organization for Migration (IOM)</h3>", "<h3>UNHCR, the UN Refugee Agency</h3>",
                     "<p class=\"contacts-city\">In Goma:</p>",
                     "<a href=\"/focal-points/aline-kasongo/\"><bdi>Aline Bahati Kasongo</bdi></a>, <bdi lang=\"en\">Public Information Officer</bdi>",
                     "Tel.: <a href=\"tel:+243815550130\" dir=\"ltr\">+243 81 555 0130</a>",
                     "E-mail: <a href=\"mailto:aline.kasongo@unhcr.example.org\" dir=\"ltr\">aline.kasongo@unhcr.example.org</a>",
                     "<a href=\"/focal-points/patrick-kambale/\"><bdi>Patrick Kambale</bdi></a>",
                     "Mobile: <a href=\"tel:+243975550181\" dir=\"ltr\">+243 97 555 0181</a>"] {
            #expect(html.contains(text), "missing: \(text)")
        }
        let iom = try #require(position("data-agency=\"IOM\"", in: html))
        let unhcr = try #require(position("data-agency=\"UNHCR\"", in: html))
        #expect(iom < unhcr, "the lead organisation comes first")
        #expect(!html.contains("Ivo Media") && !html.contains("Ana Press"), "headquarters only when nothing closer fits")
    }

    @Test func theContactBlockSpeaksThePagesLanguage() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("fr/news/2026/goma/index.html"))
        #expect(html.contains("<h2>Contacts presse</h2>"))
        #expect(html.contains("<p class=\"contacts-city\">À Goma\u{a0}:</p>"))
        #expect(html.contains("<h3>Organisation internationale pour les migrations (OIM)</h3>"))
        #expect(html.contains("Courriel\u{a0}: <a href=\"mailto:"))
    }

    @Test func pagesThatAreNotJointHaveNoContactBlockUnlessTheyNameSomeone() throws {
        var files = files
        files["content/news/2026/plain.md"] = page("title: Plain\ndate: 2026-01-01\ncountries: [CD]")
        files["content/news/2026/named.md"] = page("title: Named\ndate: 2026-01-01\nfocal_points: [patrick-kambale]")
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        #expect(site.published("news/2026/plain/index.html")?.contains("data-contacts") == false)
        let named = try #require(site.published("news/2026/named/index.html"))
        #expect(named.contains("data-contacts") && named.contains("Patrick Kambale") && !named.contains("Aline"))
    }

    @Test func aFocalPointsPageShowsItsDetailsAndLinksToItsCard() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("focal-points/aline-kasongo/index.html"))
        for text in ["<h1><bdi>Aline Bahati Kasongo</bdi></h1>", "<p class=\"role\" lang=\"en\">Public Information Officer</p>",
                     "<dd>UNHCR, the UN Refugee Agency</dd>", "<dd>Goma, Democratic Republic of the Congo</dd>", "<dd>Field</dd>",
                     "<span class=\"term\">French</span> <span class=\"term\">Swahili</span> <span class=\"term\">Portuguese (BR)</span>",
                     "<li><a href=\"/focal-points/topics/refugees/\">Refugees</a></li>",
                     "<a href=\"mailto:aline.kasongo@unhcr.example.org\" dir=\"ltr\">", "<a href=\"tel:+243815550130\" dir=\"ltr\">+243 81 555 0130</a>",
                     "<address class=\"contact-details\">", "<p>Aline works in <strong>Goma</strong>.</p>",
                     "<a href=\"/focal-points/aline-kasongo.vcf\" type=\"text/vcard\" download>"] {
            #expect(html.contains(text), "missing: \(text)")
        }
        let card = try #require(site.published("focal-points/aline-kasongo.vcf"))
        #expect(card.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Aline Bahati Kasongo\r\n"))
        #expect(card.contains("URL:https://example.org/focal-points/aline-kasongo/\r\n"))
        #expect(card.contains("ADR;TYPE=work:;;;Goma;;;Democratic Republic of the Congo\r\n"))
    }

    @Test func allVcfHoldsEveryCardInTheDirectorysOrder() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let all = try #require(site.published("focal-points/all.vcf"))
        let names = all.components(separatedBy: "\r\n").filter { $0.hasPrefix("FN:") }
        #expect(names == ["FN:Ana Press", "FN:Aline Bahati Kasongo", "FN:Ivo Media", "FN:Patrick Kambale"])
        #expect(all.components(separatedBy: "END:VCARD\r\n").count == 5)
    }

    @Test func theDirectoryListsByAgencyLevelAndStationAndLinksEachFocalPoint() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("focal-points/index.html"))
        let order = ["<h2>UNHCR, the UN Refugee Agency</h2>", "<h3>Headquarters</h3>", "<h4>Geneva, Switzerland</h4>",
                     "href=\"/focal-points/unhcr-press/\"", "<h3>Field</h3>", "<h4>Goma, Democratic Republic of the Congo</h4>",
                     "href=\"/focal-points/aline-kasongo/\"", "<h2>International Organization for Migration (IOM)</h2>",
                     "href=\"/focal-points/iom-press/\"", "href=\"/focal-points/patrick-kambale/\"",
                     "href=\"/focal-points/all.vcf\""].map { position($0, in: html) }
        #expect(!order.contains(nil), "\(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func eachTopicSomeoneCoversHasItsOwnListing() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build()
        let idps = try #require(site.published("focal-points/topics/idps/index.html"))
        #expect(idps.contains("<h1>Focal points: Internally displaced persons</h1>"))
        #expect(idps.contains("Aline Bahati Kasongo") && idps.contains("Patrick Kambale") && !idps.contains("Ana Press"))
        #expect(idps.contains("href=\"/focal-points/topics/idps/\" aria-current=\"page\""))
        let refugees = try #require(site.published("focal-points/topics/refugees/index.html"))
        #expect(refugees.contains("Aline Bahati Kasongo") && !refugees.contains("Patrick Kambale"))
        #expect(site.published("focal-points/topics/migrants/index.html") == nil)
        let sitemap = try #require(site.published("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/focal-points/topics/idps/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/focal-points/</loc>"))
    }

    @Test func aSitesOwnLayoutsAndPartialReplaceTheBuiltInOnes() throws {
        var files = files
        files["templates/layouts/focal-points/list.mustache"] = "<main>{{#focal_points.directory}}[{{code}}]{{/focal_points.directory}}</main>"
        files["templates/partials/focal-points.mustache"] = "{{#page.contacts.agencies}}<p class=\"ours\">{{code}}</p>{{/page.contacts.agencies}}"
        let site = TestSite(files)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        #expect(site.published("focal-points/index.html") == "<main>[UNHCR][IOM]</main>")
        let html = try #require(site.published("news/2026/goma/index.html"))
        #expect(html.contains("<p class=\"ours\">IOM</p><p class=\"ours\">UNHCR</p>"))
    }

    @Test func aFocalPointCalledAllIsAnError() {
        var files = files
        files["content/focal-points/all.md"] = page("name: All\nagency: IOM\nemail: all@iom.example.org")
        let site = TestSite(files)
        defer { site.cleanUp() }
        let diagnostics = site.build().diagnostics.about("content/focal-points/all.md")
        #expect(diagnostics.map(\.message) == ["this page and the vCards of all focal points would both be published at /focal-points/all.vcf"])
    }
}
