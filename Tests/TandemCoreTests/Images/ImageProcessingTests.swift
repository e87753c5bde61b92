import Foundation
import Testing
@testable import TandemCore

/// Images of `content/` end to end: the widths and formats published, the
/// HTML that shows them, what is left of their metadata, the cache.
@Suite struct ImageProcessingTests {
    static func site(_ extra: [String: String] = [:], body: String? = nil) -> TestSite {
        let site = TestSite(["content/projects/camp.md": page("title: Camp", body ?? """
            ![A family at the centre](../images/tall.jpg "At the centre")

            Some text.

            ![The road](../images/wide.jpg)
            """)].merging(extra) { $1 })
        site.write("content/images/tall.jpg", ImageFixtures.data("tall.jpg"))
        site.write("content/images/wide.jpg", ImageFixtures.data("wide.jpg"))
        return site
    }

    @Test func eachImageIsPublishedInTheSettingWidthsBelowItsOwnAndInAVIFAndWebP() throws {
        let site = Self.site()
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(DiagnosticFormatter.human(report.diagnostics))")
        let images = site.publishedFiles().filter { $0.hasPrefix("images/") }
        // tall.jpg is shown 640 wide: 480 is made, 960 and 1600 are not (no upscaling).
        #expect(images == ["images/tall-480w.avif", "images/tall-480w.jpg", "images/tall-480w.webp", "images/tall-640w.avif",
                           "images/tall-640w.webp", "images/tall.jpg",
                           "images/wide-480w.avif", "images/wide-480w.jpg", "images/wide-480w.webp", "images/wide-700w.avif",
                           "images/wide-700w.webp", "images/wide.jpg"])
        func size(_ path: String) throws -> (Int, Int) {
            let header = try LibVips.header(site.output.appendingPathComponent(path).path)
            return (header.width, header.height)
        }
        // The orientation is applied to the pixels: tall stays tall.
        #expect(try size("images/tall.jpg") == (640, 1000))
        #expect(try size("images/tall-480w.jpg") == (480, 750))
        #expect(try size("images/tall-480w.webp") == (480, 750))
        #expect(try size("images/tall-480w.avif") == (480, 750))
        #expect(try size("images/wide-700w.webp") == (700, 400))
        #expect(try LibVips.header(site.output.appendingPathComponent("images/tall-480w.webp").path).loader.lowercased().contains("webp"))
        #expect(try LibVips.header(site.output.appendingPathComponent("images/tall-480w.avif").path).loader.lowercased().contains("heif"))
    }

    @Test func theTextShowsAPictureWithItsSizeSourcesAndOnlyTheFirstImageLoadedAtOnce() throws {
        let site = Self.site()
        defer { site.cleanUp() }
        site.build()
        let html = try #require(site.published("projects/camp/index.html"))
        #expect(html.contains("""
            <picture><source type="image/avif" srcset="/images/tall-480w.avif 480w, /images/tall-640w.avif 640w" \
            sizes="(max-width: 46rem) 100vw, 44rem"><source type="image/webp" srcset="/images/tall-480w.webp 480w, /images/tall-640w.webp 640w" \
            sizes="(max-width: 46rem) 100vw, 44rem"><img src="/images/tall.jpg" srcset="/images/tall-480w.jpg 480w, /images/tall.jpg 640w" \
            sizes="(max-width: 46rem) 100vw, 44rem" width="640" height="1000" alt="A family at the centre" title="At the centre" \
            decoding="async"></picture>
            """))
        #expect(html.contains("""
            <img src="/images/wide.jpg" srcset="/images/wide-480w.jpg 480w, /images/wide.jpg 700w" \
            sizes="(max-width: 46rem) 100vw, 44rem" width="700" height="400" alt="The road" loading="lazy" decoding="async"></picture>
            """))
    }

    @Test func anImageWrittenAsAPathOfTheSiteIsShownTheSameWay() throws {
        let site = Self.site(body: "![The road](/images/wide.jpg)")
        defer { site.cleanUp() }
        #expect(!site.build().diagnostics.hasErrors)
        let html = try #require(site.published("projects/camp/index.html"))
        #expect(html.contains("<img src=\"/images/wide.jpg\" srcset=\"/images/wide-480w.jpg 480w, /images/wide.jpg 700w\""))
    }

    @Test func noPublishedImageCarriesTheMetadataOfTheSourceButItsColourProfile() throws {
        let site = Self.site(["content/projects/more.md": page("title: More\nimage: ../images/tall.jpg\nimage_alt: A family")])
        defer { site.cleanUp() }
        let source = site.root.appendingPathComponent("content/images/tall.jpg").path
        let before = try #require(try ImageFixtures.exiftool([source])[source], "exiftool must be installed (libimage-exiftool-perl)")
        // The fixture does carry what must not leave the build.
        #expect(before["Composite:GPSLatitude"] != nil && before["ExifIFD:SerialNumber"] != nil && before["XMP-dc:Creator"] != nil)
        #expect(!site.build().diagnostics.hasErrors)
        let images = site.publishedFiles().filter { $0.hasPrefix("images/") }.map { site.output.appendingPathComponent($0).path }
        #expect(images.count == 12)
        #expect(images.filter { $0.hasSuffix(".avif") }.count == 4)
        let read = try ImageFixtures.exiftool(images)
        #expect(read.count == images.count)
        for (file, tags) in read {
            // The colour profile's own header names its maker ("ProfileCreator"): that is kept.
            let leaked = tags.keys.filter { !$0.hasPrefix("ICC") }.filter { key in
                ["GPS", "Serial", "Artist", "Creator", "By-line", "DateTimeOriginal", "Make", "Model", "ThumbnailImage", "XMP", "IPTC"]
                    .contains { key.contains($0) }
            }
            #expect(leaked.isEmpty, "\(file) carries \(leaked)")
            #expect(tags["ICC-header:ProfileClass"] != nil || tags["ICC_Profile:ProfileDescription"] != nil
                        || tags.keys.contains { $0.hasPrefix("ICC") }, "\(file) lost its colour profile")
            if let orientation = tags["IFD0:Orientation"] as? Int { #expect(orientation == 1, "\(file)") }
        }
    }

    @Test func keepMetadataOfKeepsTheMetadataOfTheImagesItNamesOnly() throws {
        let site = Self.site(["tandem.yaml": "images: {keep_metadata_of: [press/]}\n"])
        defer { site.cleanUp() }
        site.write("content/press/tall.jpg", ImageFixtures.data("tall.jpg"))
        #expect(!site.build().diagnostics.hasErrors)
        let kept = site.output.appendingPathComponent("press/tall-480w.jpg").path
        let dropped = site.output.appendingPathComponent("images/tall-480w.jpg").path
        let read = try ImageFixtures.exiftool([kept, dropped])
        #expect(read[kept]?["Composite:GPSLatitude"] != nil)
        #expect(read[dropped]?["Composite:GPSLatitude"] == nil)
    }

    @Test func gifAndSVGArePublishedAsTheyAre() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"
        let site = Self.site(["content/images/line.svg": svg],
                             body: "![A line](../images/line.svg)\n\n![A dot](../images/dot.gif)")
        defer { site.cleanUp() }
        site.write("content/images/dot.gif", ImageFixtures.gif)
        #expect(!site.build().diagnostics.hasErrors)
        #expect(site.published("images/line.svg") == svg)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("images/dot.gif")) == ImageFixtures.gif)
        #expect(!site.publishedFiles().contains { $0.hasPrefix("images/dot-") || $0.hasPrefix("images/line-") })
        let html = try #require(site.published("projects/camp/index.html"))
        #expect(html.contains("<img src=\"/images/line.svg\" alt=\"A line\" />"))
    }

    @Test func theWidthsFollowTheSettings() throws {
        let site = Self.site(["tandem.yaml": "images: {widths: [200, 300], webp: false, quality: 60}\n"])
        defer { site.cleanUp() }
        #expect(!site.build().diagnostics.hasErrors)
        #expect(site.publishedFiles().filter { $0.hasPrefix("images/tall") }
                    == ["images/tall-200w.avif", "images/tall-200w.jpg", "images/tall-300w.avif", "images/tall-300w.jpg", "images/tall.jpg"])
    }

    @Test func wrongImageSettingsAreErrorsAtTheirLines() {
        let (_, diagnostics) = ConfigLoader.parse("images:\n  widths: [480, huge]\n  quality: 300\n  keep_metadata_of: [../x/]\n  colour: red\n")
        #expect(diagnostics.filter { $0.severity == .error }.map(\.line).sorted() == [2, 3, 4, 5])
    }
}
