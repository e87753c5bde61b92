import Foundation
import Testing
@testable import TandemPreview

/// The preview serves the in-memory site over real HTTP on 127.0.0.1.
@Suite struct ServingTests {
    static let files = [
        "content/index.md": page("title: Home"),
        "content/news/_index.md": page("title: News"),
        "content/news/2026/camp.md": page("title: Camp opens\ndate: 2026-03-05\njoint: true\nlead: IOM", "The camp **opened**."),
        "content/news/2026/quiet.md": page("title: Quiet draft\ndate: 2026-03-06\ndraft: true"),
        "content/news/2026/pledges.md": page("title: Pledges\ndate: 2026-03-07\nembargo: 2099-12-01T09:00:00Z"),
        "content/files/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/files/font.woff2": "WOFF2", "content/files/card.vcf": "BEGIN:VCARD", "content/files/data.json": "{}",
        "content/focal-points/ana-press.md": page("name: Ana Press\nagency: UNHCR\nlocation: Geneva\ncountry: CH\nlevel: headquarters\nemail: press@unhcr.example.org"),
        "content/focal-points/ivo-media.md": page("name: Ivo Media\nagency: IOM\nlocation: Geneva\ncountry: CH\nlevel: headquarters\nemail: media@iom.example.org"),
    ]

    /// Real images (libvips reads every JPEG, PNG and WebP of content/), from the core tests' fixtures.
    static let photos: [String: Data] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TandemCoreTests/Fixtures/images")
        return ["content/files/photo.png": "tiny.png", "content/files/photo.jpg": "wide.jpg", "content/files/picture.webp": "tiny.webp"]
            .mapValues { try! Data(contentsOf: folder.appendingPathComponent($0)) }
    }()

    @Test func servesPagesAndFilesWithTheirContentTypes() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        #expect(!(try await fetch(server.url, "/").text.contains("tandem-problems")), "the test site builds without errors")
        #expect(server.url.host == "127.0.0.1")
        let expected = [
            "/": "text/html; charset=utf-8",
            "/news/2026/camp/": "text/html; charset=utf-8",
            "/assets/style.css": "text/css; charset=utf-8",
            "/assets/search.js": "text/javascript; charset=utf-8",
            "/feed.xml": "application/xml; charset=utf-8",
            "/search/pages/0.json": "application/json",
            "/files/data.json": "application/json",
            "/focal-points/ana-press.vcf": "text/vcard; charset=utf-8",
            "/files/card.vcf": "text/vcard; charset=utf-8",
            "/files/logo.svg": "image/svg+xml",
            "/files/photo.png": "image/png",
            "/files/photo.jpg": "image/jpeg",
            "/files/picture.webp": "image/webp",
            "/files/font.woff2": "font/woff2",
        ]
        for (path, type) in expected {
            let response = try await fetch(server.url, path)
            #expect(response.status == 200, "\(path)")
            #expect(response.contentType == type, "\(path)")
        }
        let camp = try await fetch(server.url, "/news/2026/camp/")
        #expect(camp.text.contains("The camp <strong>opened</strong>."))
        #expect(camp.text.contains("src=\"/_tandem/live-reload.js\""))
        #expect(try await fetch(server.url, "/files/logo.svg").text == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "files other than HTML are served as they are")
        #expect(try await fetch(server.url, "/files/photo-480w.webp").contentType == "image/webp", "an image's widths are served too")
        #expect(try await fetch(server.url, "/files/photo-480w.avif").contentType == "image/avif", "and their AVIF")
        #expect(try await fetch(server.url, "/_tandem/live-reload.js").text.contains("EventSource"))
    }

    @Test func draftsAndEmbargoedPagesAreShownUnderBanners() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        #expect(try await fetch(server.url, "/news/2026/quiet/").text.contains(">Draft — not published</div>"))
        #expect(try await fetch(server.url, "/news/2026/pledges/").text.contains(">Embargoed until 09:00 GMT, Tuesday 1 December 2099</div>"))
        #expect(!(try await fetch(server.url, "/news/2026/camp/").text.contains("data-preview-banner")))
    }

    @Test func withoutDraftsTheDraftIsLeftOut() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site, includeDrafts: false)
        defer { Task { await server.stop() } }
        #expect(try await fetch(server.url, "/news/2026/quiet/").status == 404)
        #expect(try await fetch(server.url, "/news/2026/pledges/").status == 200)
    }

    @Test func missingPathsGetTheSites404PageWithStatus404() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let missing = try await fetch(server.url, "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.contentType == "text/html; charset=utf-8")
        #expect(missing.text.contains("data-path=\"404.html\" data-want=\"no/such/page/index.html\""))
    }

    @Test func aMissingPathUnderALanguageGetsThatLanguages404Page() async throws {
        var files = Self.files
        files["tandem.yaml"] = "languages: [en, ar]\n"
        let site = SiteFolder(files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let arabic = try await fetch(server.url, "/ar/no/such/page/")
        #expect(arabic.status == 404)
        #expect(arabic.text.contains("<html lang=\"ar\" dir=\"rtl\">") && arabic.text.contains("data-path=\"ar/404.html\""))
        let english = try await fetch(server.url, "/no/such/page/")
        #expect(english.status == 404 && english.text.contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    @Test func aFolderWithoutItsSlashRedirectsToTheSlashForm() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let response = try await RawHTTP.get(port: server.port, "/news/2026/camp")
        #expect(response.status == 301)
        #expect(response.headers["location"] == "/news/2026/camp/")
        #expect(try await RawHTTP.get(port: server.port, "/news?page=2").headers["location"] == "/news/?page=2")
        // URLSession on Linux drops the slash of a relative Location, so the redirect is followed by hand.
        let followed = try await fetch(server.url, try #require(try await RawHTTP.get(port: server.port, "/news").headers["location"]))
        #expect(followed.status == 200 && followed.text.contains("Camp opens"))
    }

    @Test func nothingOutsideTheSiteCanBeReached() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/passwd").path,
                                                   withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/etc").path,
                                                   withDestinationPath: "/etc")
        site.write("secret.txt", "root:secret")
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let attempts = [
            "/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/secret.txt", "/../secret.txt", "/news/../../secret.txt", "/./secret.txt",
            "/index.html%00.css", "/news%00/", "/..\\..\\etc\\passwd", "/%5c..%5c..%5cetc%5cpasswd",
            "/passwd", "/etc/passwd", "/etc/", "/content/passwd", "/secret.txt", "/%zz", "/%c0%ae%c0%ae/secret.txt",
        ]
        for path in attempts {
            let response = try await RawHTTP.get(port: server.port, path)
            #expect([400, 404].contains(response.status), "\(path) answered \(response.status): \(response.body)")
            #expect(!response.body.contains("root:"), "\(path) reached a file outside the site")
        }
        #expect(try await RawHTTP.get(port: server.port, "/news/2026/camp/").status == 200)
    }

    @Test func onlyGetAndHeadAreAnswered() async throws {
        let site = SiteFolder(Self.files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        var request = URLRequest(url: server.url.appendingPathComponent("news/"))
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as! HTTPURLResponse).statusCode == 405)
    }

    @Test func theReviewPageListsDraftsEmbargoesJointPagesAndProblems() async throws {
        var files = Self.files
        files["content/news/2026/bad.md"] = page("title: Bad\ndate: 2026-03-08\nimage: /files/photo.png")
        let site = SiteFolder(files, data: Self.photos)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let review = try await fetch(server.url, "/_review")
        #expect(review.status == 200 && review.contentType == "text/html; charset=utf-8")
        let html = review.text
        #expect(html.contains("<a href=\"/news/2026/quiet/\">Quiet draft</a>"))
        #expect(html.contains("<a href=\"/news/2026/pledges/\">Pledges</a></td><td><time datetime=\"2099-12-01T09:00:00Z\">09:00 GMT, Tuesday 1 December 2099</time>"))
        #expect(html.contains("<a href=\"/news/2026/camp/\">Camp opens</a></td><td>IOM</td><td>IOM: <a href=\"/focal-points/ivo-media/\">Ivo Media</a> (headquarters)<br>UNHCR: <a href=\"/focal-points/ana-press/\">Ana Press</a> (headquarters)</td>"), "the lead's contacts first")
        #expect(html.contains("<code>content/news/2026/bad.md:4:1</code><br><a href=\"/news/2026/bad/\">/news/2026/bad/</a>"))
        #expect(html.contains("the image has no text alternative"))
        #expect(html.contains("data-path=\"*\""), "the review page reloads on every change")
    }
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
