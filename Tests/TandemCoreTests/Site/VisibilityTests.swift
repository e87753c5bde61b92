import Foundation
import Testing
@testable import TandemCore

@Suite struct VisibilityTests {
    let files = [
        "content/news/2026/public.md": page("title: Public item\ndate: 2026-01-01"),
        "content/news/2026/secret-draft.md": page("title: Quiet draft title\ndate: 2026-01-02\ndraft: true", "Draft body."),
        "content/news/2026/pledges.md": page("title: Pledges under embargo\ndate: 2026-01-03\nembargo: 2026-12-01T09:00:00Z", "Embargoed body."),
    ]

    /// Every published file's text, joined, to search for what must not leak.
    func everything(_ site: TestSite) -> String {
        site.publishedFiles().compactMap { site.published($0) }.joined(separator: "\n")
    }

    @Test func draftsAndEmbargoedPagesArePublishedNowhere() {
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build(at: "2026-11-30T12:00:00Z")
        #expect(report.published && report.diagnostics.isEmpty)
        let all = everything(site)
        for leak in ["Quiet draft title", "secret-draft", "Pledges under embargo", "pledges", "Draft body", "Embargoed body"] {
            #expect(!all.contains(leak), "\(leak) leaked")
        }
        #expect(all.contains("Public item"))
    }

    @Test func draftsFlagIncludesDrafts() {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build(drafts: true, at: "2026-11-30T12:00:00Z")
        #expect(site.published("news/2026/secret-draft/index.html") != nil)
        #expect(site.published("news/2026/pledges/index.html") == nil)
    }

    @Test func anEmbargoLiftsAtItsInstant() {
        let site = TestSite(files)
        defer { site.cleanUp() }
        site.build(at: "2026-12-01T08:59:59Z")
        #expect(site.published("news/2026/pledges/index.html") == nil)
        site.build(at: "2026-12-01T09:00:00Z")
        #expect(site.published("news/2026/pledges/index.html") != nil)
        #expect(site.published("news/index.html")?.contains("Pledges under embargo") == true)
    }

    @Test func anEmbargoInAnotherZoneIsTheSameInstant() {
        let site = TestSite(["content/a.md": page("title: A\nembargo: 2026-12-01T10:00:00+01:00")])
        defer { site.cleanUp() }
        site.build(at: "2026-12-01T08:30:00Z")
        #expect(site.published("a/index.html") == nil)
        site.build(at: "2026-12-01T09:00:00Z")
        #expect(site.published("a/index.html") != nil)
    }

    @Test func aLinkToADraftIsAnErrorSoItsURLCannotLeak() {
        var withLink = files
        withLink["content/news/2026/public.md"] = page("title: Public item\ndate: 2026-01-01", "See [this](secret-draft.md).")
        let site = TestSite(withLink)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.map(\.message) == ["this links to 'secret-draft.md', which is a draft"])
    }
}

@Suite struct NothingLeaksTests {
    @Test func draftsAndEmbargoedPagesReachNoListingFeedSitemapSearchIndexAliasOrStructuredData() {
        let tags = "persons: [refugees, idps]\nactivities: [resettlement]\ncountries: [SD]\njoint: true\nlead: UNHCR"
        let site = TestSite([
            "tandem.yaml": "languages: [en, fr]\n",
            "content/news/2026/visible.md": page("title: Visible item\ndate: 2026-01-01\n\(tags)"),
            "content/news/2026/hush-draft-slug.md": page("title: Hush draft headline\ndate: 2026-01-02\ndraft: true\naliases: [/old/hush-draft-alias/]\n\(tags)", "Draft words."),
            "content/statements/2026/pledge-embargo-slug.md": page("title: Pledge embargo headline\ndate: 2026-01-03\nembargo: 2026-12-01T09:00:00Z\naliases: [/old/pledge-alias/]\nsummary: Embargoed summary words.\n\(tags)"),
            "content/news/2026/hush-draft-slug.fr.md": page("title: Brouillon discret\ndate: 2026-01-02\ndraft: true\n\(tags)"),
        ].withFocalPoints)
        defer { site.cleanUp() }
        let report = site.build(at: "2026-11-30T00:00:00Z")
        #expect(report.published && report.diagnostics.isEmpty, "\(report.diagnostics)")
        var all = ""
        for path in site.publishedFiles() {
            all += path + "\n" + (site.published(path) ?? "") + "\n"
        }
        for secret in ["Hush draft headline", "hush-draft-slug", "hush-draft-alias", "Draft words", "Brouillon discret",
                       "Pledge embargo headline", "pledge-embargo-slug", "pledge-alias", "Embargoed summary words"] {
            #expect(!all.contains(secret), "\(secret) leaked")
        }
        #expect(site.publishedFiles().contains("persons/refugees/index.html"))
        #expect(!site.publishedFiles().contains { $0.hasPrefix("statements/") })
        #expect(!site.publishedFiles().contains { $0.hasPrefix("fr/news/") })
    }
}
