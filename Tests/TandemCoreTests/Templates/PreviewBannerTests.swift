import Foundation
import Testing
@testable import TandemCore

@Suite struct PreviewBannerTests {
    let files = [
        "tandem.yaml": "languages: [en, fr]",
        "content/news/2026/public.md": page("title: Public\ndate: 2026-01-01"),
        "content/news/2026/quiet.md": page("title: Quiet\ndate: 2026-01-02\ndraft: true"),
        "content/news/2026/pledges.md": page("title: Pledges\ndate: 2026-01-03\nembargo: 2026-12-01T10:00:00+01:00"),
        "content/news/2026/pledges.fr.md": page("title: Promesses\ndate: 2026-01-03\nembargo: 2026-12-01T10:00:00+01:00"),
    ]
    static let now = try! PageDate.parse("2026-11-30T12:00:00Z").instant

    func preview(_ site: TestSite) -> [String: String] {
        let (_, made) = Pipeline(root: site.root, mode: BuildMode(includeDrafts: true, preview: true), incremental: true, clock: { Self.now }).runInMemory()
        return made.mapValues { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func draftsAndEmbargoedPagesCarryABannerInThePreview() throws {
        let site = TestSite(files)
        defer { site.cleanUp() }
        let pages = preview(site)
        let draft = try #require(pages["news/2026/quiet/index.html"])
        #expect(draft.contains("data-preview-banner=\"draft\""))
        #expect(draft.contains(">Draft — not published</div>"))
        let embargoed = try #require(pages["news/2026/pledges/index.html"])
        #expect(embargoed.contains(">Embargoed until 09:00 GMT, Tuesday 1 December 2026</div>"))
        #expect(embargoed.range(of: "<body>\n<div class=\"preview-banner\"") != nil, "the banner comes first in the body")
        let french = try #require(pages["fr/news/2026/pledges/index.html"])
        #expect(french.contains(">Sous embargo jusqu&#39;au mardi 1 décembre 2026, 09:00 GMT</div>"))
        #expect(try #require(pages["news/2026/public/index.html"]).contains("data-preview-banner") == false)
        #expect(try #require(pages["news/index.html"]).contains("Pledges"), "embargoed pages are listed in the preview")
    }

    @Test func noBannerEverReachesTandemBuild() {
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build(drafts: true, at: "2026-11-30T12:00:00Z")
        #expect(report.published)
        #expect(site.published("news/2026/quiet/index.html") != nil)
        for path in site.publishedFiles() {
            let text = site.published(path) ?? ""
            #expect(!text.contains("preview-banner") && !text.contains("not published") && !text.contains("Embargoed until"), "\(path)")
        }
    }

    @Test func aSiteCanRewordAndRestyleTheBanner() throws {
        var files = self.files
        files["templates/partials/preview-banner.mustache"] = "{{#preview_banner}}<p class=\"mine\">{{text}}</p>{{/preview_banner}}"
        files["templates/strings/en.yaml"] = "preview:\n  draft: Not yet approved\n"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let draft = try #require(preview(site)["news/2026/quiet/index.html"])
        #expect(draft.contains("<p class=\"mine\">Not yet approved</p>"))
    }
}
