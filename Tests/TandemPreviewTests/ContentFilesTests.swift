import Foundation
import Testing
@testable import TandemPreview

/// Pages that link PDFs and show images from `content/` preview, edit and
/// reload like any other (the preview runs the same pipeline as `tandem build`).
@Suite struct ContentFilesTests {
    static let files = [
        "content/index.md": page("title: Home"),
        "content/news/2026/plan.md": page("title: The plan\ndate: 2026-03-05",
                                          "See [the plan](../../docs/plan.pdf).\n\n![A family](../../images/pic.svg)"),
        "content/docs/plan.pdf": "%PDF-1.4 first",
        "content/images/pic.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    @Test func aPageLinkingFilesOfContentPreviewsAndItsEditsAreServed() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let planPage = try await fetch(server.url, "/news/2026/plan/")
        #expect(planPage.status == 200)
        #expect(!planPage.text.contains("tandem-problems"), "the site builds without errors in the preview")
        #expect(planPage.text.contains("href=\"/docs/plan.pdf\"") && planPage.text.contains("src=\"/images/pic.svg\""))
        #expect(try await fetch(server.url, "/docs/plan.pdf").text == "%PDF-1.4 first")

        site.write("content/docs/plan.pdf", "%PDF-1.4 second")
        #expect(await eventually(within: 10) { (try? await fetch(server.url, "/docs/plan.pdf").text) == "%PDF-1.4 second" })
        site.write("content/news/2026/plan.md", page("title: The plan\ndate: 2026-03-05", "Edited. See [the plan](../../docs/plan.pdf)."))
        #expect(await eventually(within: 10) { (try? await fetch(server.url, "/news/2026/plan/").text.contains("Edited.")) == true })
        #expect(!(try await fetch(server.url, "/news/2026/plan/").text.contains("tandem-problems")))
    }

    @Test func aSiteWithABasePathIsServedUnderIt() async throws {
        var files = Self.files
        files["tandem.yaml"] = "base_url: https://example.org/joint/\n"
        let site = SiteFolder(files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let planPage = try await fetch(server.url, "/joint/news/2026/plan/")
        #expect(planPage.status == 200)
        #expect(planPage.text.contains("href=\"/joint/docs/plan.pdf\"") && planPage.text.contains("href=\"/joint/assets/style.css\""))
        #expect(try await fetch(server.url, "/joint/docs/plan.pdf").text == "%PDF-1.4 first")
        let root = try await RawHTTP.get(port: server.port, "/")
        #expect(root.status == 302 && root.headers["location"] == "/joint/", "the root redirects to the base path")
        #expect(try await fetch(server.url, "/joint/").text.contains("The plan"))
        #expect(try await RawHTTP.get(port: server.port, "/joint/news").headers["location"] == "/joint/news/")
        #expect(try await fetch(server.url, "/news/2026/plan/").status == 404)
    }
}
