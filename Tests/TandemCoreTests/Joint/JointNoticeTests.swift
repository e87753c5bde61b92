import Testing
@testable import TandemCore

@Suite struct JointNoticeTests {
    let pages = [
        "content/news/2026/unhcr.md": page("title: U\ndate: 2026-01-01\njoint: true\nlead: UNHCR"),
        "content/news/2026/iom.md": page("title: I\ndate: 2026-01-02\njoint: true\nlead: IOM"),
        "content/news/2026/co.md": page("title: C\ndate: 2026-01-03\njoint: true\nlead: co-led"),
        "content/news/2026/solo.md": page("title: S\ndate: 2026-01-04"),
    ].withFocalPoints

    @Test func countsEveryMarkedElementAndNothingElse() {
        let marker = JointNotice.marker
        #expect(JointNotice.count(in: "") == 0)
        #expect(JointNotice.count(in: String(marker.dropLast())) == 0)
        #expect(JointNotice.count(in: marker) == 1)
        #expect(JointNotice.count(in: "<p \(marker)>a</p><div d=\"d\" \(marker)>b</div>\(marker)") == 3)
        #expect(JointNotice.count(in: "réfugiés \(marker)\(marker) لاجئون") == 2)
    }

    @Test func everyJointPageHasExactlyOneNoticeWordedForItsLead() throws {
        let site = TestSite(pages)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let unhcr = try #require(site.published("news/2026/unhcr/index.html"))
        #expect(JointNotice.count(in: unhcr) == 1)
        #expect(unhcr.contains("This activity is led by UNHCR, the UN Refugee Agency, in cooperation with the International Organization for Migration (IOM)."))
        #expect(site.published("news/2026/iom/index.html")?.contains("This activity is led by the International Organization for Migration (IOM) in cooperation with UNHCR") == true)
        #expect(site.published("news/2026/co/index.html")?.contains("This activity is co-led by UNHCR") == true)
        for path in site.publishedFiles() where path.hasSuffix(".html") && !path.hasPrefix("news/2026/") {
            #expect(JointNotice.count(in: site.published(path)!) == 0, "\(path) is not a joint page")
        }
        #expect(JointNotice.count(in: site.published("news/2026/solo/index.html")!) == 0)
    }

    @Test func aLayoutWithoutTheNoticeGetsItInsertedAfterMainAndAWarning() throws {
        var files = pages
        files["templates/layouts/page.mustache"] = "<!DOCTYPE html><html lang=\"en\"><body><main class=\"x\"><h1>{{page.title}}</h1></main></body></html>"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published)
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.path == "templates/layouts/page.mustache")
        #expect(warnings.first?.message.contains("inserted it after <main> on 3 joint pages") == true)
        let html = try #require(site.published("news/2026/iom/index.html"))
        #expect(JointNotice.count(in: html) == 1)
        #expect(html.contains("<main class=\"x\">\n<aside class=\"joint-notice\" data-joint-notice"))
        #expect(JointNotice.count(in: site.published("news/2026/solo/index.html")!) == 0)
    }

    @Test func aLayoutShowingTheNoticeTwiceIsAnError() {
        var files = pages
        files["templates/layouts/page.mustache"] = "<main>{{> joint-notice}}{{> joint-notice}}</main>"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.filter { $0.message.contains("appears 2 times") }.count == 3)
    }

    @Test func aLayoutWithoutMainCannotTakeTheNotice() {
        var files = pages
        files["templates/layouts/page.mustache"] = "<div>{{page.title}}</div>"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.message.contains("has no <main> element") })
    }

    @Test func aNoticeOnAPageThatIsNotJointIsAnError() {
        var files = pages
        files["templates/layouts/page.mustache"] = "<main><aside data-joint-notice>Joint</aside></main>"
        let site = TestSite(files)
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.diagnostics.about("content/news/2026/solo.md").map(\.severity) == [.error])
    }

    @Test func frenchJointPagesUseTheFrenchWording() throws {
        let site = TestSite([
            "tandem.yaml": "languages: [en, fr]",
            "content/news/2026/goma.fr.md": page("title: Goma\ndate: 2026-01-01\njoint: true\nlead: UNHCR"),
        ].withFocalPoints)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let html = try #require(site.published("fr/news/2026/goma/index.html"))
        #expect(html.contains("Cette activité est menée par le HCR"))
        #expect(html.contains("<html lang=\"fr\""))
    }
}
