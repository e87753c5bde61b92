import Foundation
import Testing
@testable import TandemCore

/// `image:` is checked like a link and feeds the figure, Open Graph and JSON-LD.
@Suite struct PageImageTests {
    static func site(image: String) -> TestSite {
        let site = TestSite(["content/projects/camp.md": "---\ntitle: Camp\nimage_alt: A family\nimage: \(image)\n---\nText.\n"])
        site.write("content/images/wide.jpg", ImageFixtures.data("wide.jpg"))
        site.write("content/images/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        site.write("content/docs/plan.pdf", "%PDF-1.4")
        return site
    }

    @Test(arguments: [
        "'javascript:alert(1)'", "'data:image/png;base64,iVBORw0KGgo='", "'vbscript:msgbox(1)'", "'JavaScript:alert(1)'",
        "http://example.org/a.jpg", "//evil.example/a.jpg", "../../../etc/passwd.jpg", "/images/nope.jpg", "../images/wdie.jpg",
        "../docs/plan.pdf", "https://",
    ])
    func aBadImageIsAnErrorAtItsLineAndNothingIsPublished(_ value: String) throws {
        let site = Self.site(image: value)
        defer { site.cleanUp() }
        let report = site.build()
        let errors = report.diagnostics.about("content/projects/camp.md").filter { $0.severity == .error }
        #expect(errors.count == 1, "\(DiagnosticFormatter.human(report.diagnostics))")
        #expect(errors.first?.line == 4 && errors.first?.column == 8)
        #expect(errors.first?.hint?.isEmpty == false)
        #expect(!report.published)
        // Not even `tandem check`'s model lets it reach a page.
        let (_, made) = Pipeline(root: site.root, mode: BuildMode(), incremental: true).runInMemory()
        let html = String(decoding: made["projects/camp/index.html"]?.bytes ?? Data(), as: UTF8.self)
        let unquoted = value.replacingOccurrences(of: "'", with: "")
        #expect(!html.contains("og:image") && !html.contains("\"image\":"))
        #expect(value == "https://" || !html.contains(unquoted))
    }

    @Test func aMissingImageNamesTheNearestFile() {
        let site = Self.site(image: "../images/wdie.jpg")
        defer { site.cleanUp() }
        let error = site.build().diagnostics.first { $0.path == "content/projects/camp.md" }
        #expect(error?.hint == "did you mean content/images/wide.jpg?")
    }

    @Test func anImageOfContentFeedsTheFigureOpenGraphTheCardAndJSONLD() throws {
        for value in ["../images/wide.jpg", "/images/wide.jpg"] {
            let site = Self.site(image: value)
            defer { site.cleanUp() }
            #expect(!site.build().diagnostics.hasErrors)
            let html = try #require(site.published("projects/camp/index.html"))
            #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/images/wide.jpg\">"))
            #expect(html.contains("<meta property=\"og:image:width\" content=\"700\">\n<meta property=\"og:image:height\" content=\"400\">"))
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
            #expect(html.contains("\"image\":\"https://example.org/images/wide.jpg\""))
            #expect(html.contains("""
                <figure class="page-image"><picture><source type="image/avif" srcset="/images/wide-480w.avif 480w, /images/wide-700w.avif 700w" \
                sizes="(max-width: 46rem) 100vw, 44rem"><source type="image/webp" srcset="/images/wide-480w.webp 480w, /images/wide-700w.webp 700w" \
                sizes="(max-width: 46rem) 100vw, 44rem"><img src="/images/wide.jpg" srcset="/images/wide-480w.jpg 480w, /images/wide.jpg 700w" \
                sizes="(max-width: 46rem) 100vw, 44rem" width="700" height="400" alt="A family" decoding="async"></picture></figure>
                """))
        }
    }

    @Test func anSVGOrAnHTTPSImageIsSharedAsItIs() throws {
        for (value, shared) in [("../images/chart.svg", "https://example.org/images/chart.svg"),
                                ("https://cdn.example.org/a.jpg", "https://cdn.example.org/a.jpg")] {
            let site = Self.site(image: value)
            defer { site.cleanUp() }
            #expect(!site.build().diagnostics.hasErrors)
            let html = try #require(site.published("projects/camp/index.html"))
            #expect(html.contains("<meta property=\"og:image\" content=\"\(shared)\">"))
            #expect(!html.contains("og:image:width"))
            #expect(html.contains("\"image\":\"\(shared.replacingOccurrences(of: "/", with: "\\/"))\"") || html.contains("\"image\":\"\(shared)\""))
        }
    }

    @Test func withAnImageFieldEveryImageOfTheTextLoadsLazily() throws {
        let site = Self.site(image: "../images/chart.svg")
        defer { site.cleanUp() }
        site.write("content/projects/camp.md", "---\ntitle: Camp\nimage_alt: A chart\nimage: ../images/chart.svg\n---\n![Road](../images/wide.jpg)\n")
        site.build()
        let html = try #require(site.published("projects/camp/index.html"))
        #expect(html.contains("alt=\"Road\" loading=\"lazy\" decoding=\"async\""))
    }
}
