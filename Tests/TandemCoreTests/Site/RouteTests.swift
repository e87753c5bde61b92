import Foundation
import Testing
@testable import TandemCore

/// Every URL of a site comes from `Route`: language prefix, base path,
/// percent-encoding and output file in one place.
@Suite struct RouteTests {
    static func config(base: String = "https://example.org/", languages: [String] = ["en", "fr"]) -> SiteConfig {
        var config = SiteConfig()
        config.baseURL = base
        config.languages = languages
        return config
    }

    @Test func theDefaultLanguageIsAtTheRootAndOthersUnderTheirCode() {
        let config = Self.config()
        #expect(Route.home("en", config: config).path == "/")
        #expect(Route.folder(["news", "camp"], language: "fr", config: config).path == "/fr/news/camp/")
        #expect(Route(path: "/news/").page(3).path == "/news/page/3/")
        #expect(Route(path: "/persons/refugees/").parent.path == "/persons/")
        #expect(Route(path: "/focal-points/ana/").sibling(withExtension: "vcf").path == "/focal-points/ana.vcf")
    }

    @Test func outputFilesServeTheirRoutes() {
        #expect(Route(path: "/").outputPath == "index.html")
        #expect(Route(path: "/fr/news/").outputPath == "fr/news/index.html")
        #expect(Route(path: "/feed.xml").outputPath == "feed.xml")
        for path in ["/", "/fr/news/", "/feed.xml"] {
            #expect(Route.serving(outputPath: Route(path: path).outputPath).path == path)
        }
    }

    @Test func aBaseURLWithAPathPutsEveryLinkUnderIt() {
        let config = Self.config(base: "https://example.org/joint/")
        #expect(config.basePath == "/joint/")
        #expect(Route(path: "/news/camp/").href(config) == "/joint/news/camp/")
        #expect(Route(path: "/").href(config) == "/joint/")
        #expect(Route(path: "/feed.xml").permalink(config) == "https://example.org/joint/feed.xml")
        #expect(Route(path: "/news/").href(Self.config()) == "/news/")
    }

    @Test func namesThatNeedEscapingArePercentEncodedInLinksButNotInFiles() {
        let config = Self.config()
        let cases = ["/news/q#1/": "/news/q%231/", "/news/a?b/": "/news/a%3Fb/", "/news/50%/": "/news/50%25/",
                     "/news/two words/": "/news/two%20words/", "/news/café/": "/news/caf%C3%A9/",
                     "/news/plain-name_1.x/": "/news/plain-name_1.x/"]
        for (path, href) in cases {
            #expect(Route(path: path).href(config) == href, "\(path)")
        }
        #expect(Route(path: "/news/q#1/").outputPath == "news/q#1/index.html")
    }
}
