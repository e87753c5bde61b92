import Foundation
import Testing
@testable import TandemCore

/// AVIF beside WebP: `images: {avif: ...}` read, the AVIF variants planned,
/// the `<picture>` offering AVIF first, the cache keeping the formats apart.
/// (What is left of metadata in AVIF files: `ImageProcessingTests`.)
@Suite struct AVIFTests {
    static let photo = ImageInfo(width: 2000, height: 1500, format: .jpeg, digest: "d")

    @Test func avifIsOnByDefaultAndTheSettingTurnsItOff() {
        #expect(ImageSettings().avif)
        let (config, diagnostics) = ConfigLoader.parse("images: {avif: false}\n")
        #expect(diagnostics.isEmpty)
        #expect(!config.images.avif)
        #expect(config.images.modernFormats == [.webp])
        let (_, wrong) = ConfigLoader.parse("images:\n  avif: often\n")
        #expect(wrong.filter { $0.severity == .error }.map(\.line) == [2])
    }

    @Test func eachWidthIsPlannedInAVIFBelowTheImagesOwnAfterTheOriginalFormat() {
        let set = ImageSet(contentPath: "images/camp.jpg", info: Self.photo, settings: ImageSettings())
        #expect(set.variants.map(\.format) == [.jpeg, .jpeg, .jpeg, .jpeg, .avif, .avif, .avif, .webp, .webp, .webp])
        // No 2000-pixel AVIF: wider than the widest setting.
        #expect(set.variants(in: .avif).map(\.width) == [480, 960, 1600])
        #expect(set.variants(in: .avif).map(\.url.outputPath) == ["images/camp-480w.avif", "images/camp-960w.avif", "images/camp-1600w.avif"])
        #expect(set.variants(in: .avif).map(\.height) == [360, 720, 1200])
    }

    @Test func aSmallImageGetsAnAVIFAtItsOwnWidthAndAWebPSourceGetsAnAVIFToo() {
        let small = ImageInfo(width: 700, height: 400, format: .webp, digest: "d")
        let set = ImageSet(contentPath: "images/road.webp", info: small, settings: ImageSettings())
        #expect(set.variants(in: .avif).map(\.width) == [480, 700])
        #expect(set.variants(in: .webp).map(\.width) == [480, 700])
        #expect(set.variants.filter(\.isOriginal).map(\.format) == [.webp])
    }

    @Test func withAVIFOffNoAVIFIsPlanned() {
        var settings = ImageSettings()
        settings.avif = false
        #expect(ImageSet(contentPath: "images/camp.jpg", info: Self.photo, settings: settings).variants(in: .avif).isEmpty)
    }

    @Test func thePictureOffersAVIFFirstThenWebPThenTheOriginalFormat() throws {
        let set = ImageSet(contentPath: "images/camp.jpg", info: Self.photo, settings: ImageSettings())
        let html = ImageMarkup.html(set.linked(SiteConfig()), alt: "A camp", title: nil, eager: false)
        let avif = try #require(html.range(of: "<source type=\"image/avif\" srcset=\"/images/camp-480w.avif 480w, "))
        let webp = try #require(html.range(of: "<source type=\"image/webp\" srcset=\"/images/camp-480w.webp 480w, "))
        let img = try #require(html.range(of: "<img src=\"/images/camp-1600w.jpg\" srcset=\"/images/camp-480w.jpg 480w, "))
        #expect(avif.lowerBound < webp.lowerBound && webp.lowerBound < img.lowerBound)
    }

    @Test func theCacheNamesEachFormatApart() {
        let set = ImageSet(contentPath: "images/camp.jpg", info: Self.photo, settings: ImageSettings())
        let names = set.variants.filter { $0.width == 480 }.map {
            ImageCache.name(of: $0, digest: "d", quality: 80, keepMetadata: false)
        }
        #expect(names == ["d-480w-q80-v1.jpg", "d-480w-q80-v1.avif", "d-480w-q80-v1.webp"])
    }

    @Test func withAVIFOffTheSitePublishesNoAVIFAndItsPicturesOfferNone() throws {
        let site = ImageProcessingTests.site(["tandem.yaml": "images: {avif: false}\n"])
        defer { site.cleanUp() }
        #expect(!site.build().diagnostics.hasErrors)
        #expect(!site.publishedFiles().contains { $0.hasSuffix(".avif") })
        let html = try #require(site.published("projects/camp/index.html"))
        #expect(!html.contains("image/avif") && html.contains("<picture><source type=\"image/webp\""))
    }
}
