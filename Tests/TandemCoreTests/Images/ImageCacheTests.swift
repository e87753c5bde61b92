import Foundation
import Testing
@testable import TandemCore

/// Processed images are kept in `.tandem-cache/images/` by the content of
/// the source and the settings, and made only once.
@Suite struct ImageCacheTests {
    static func cacheFiles(_ site: TestSite) -> [String: Date] {
        let folder = site.root.appendingPathComponent(ImageCache.folderName)
        var files: [String: Date] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            files[name] = attributes?[.modificationDate] as? Date
        }
        return files
    }

    @Test func aSecondBuildMakesNoImageAndCopiesThemFromTheCache() throws {
        let site = ImageProcessingTests.site()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let first = Self.cacheFiles(site)
        #expect(first.count == 12)
        // A mark put into a cached file shows up in the next build: it was copied, not made again.
        let wideDigest = try ContentDigest.of(file: site.root.appendingPathComponent("content/images/wide.jpg").path)
        let marked = site.root.appendingPathComponent(ImageCache.folderName).appendingPathComponent("\(wideDigest)-480w-q80-v1.webp")
        try Data("cached".utf8).write(to: marked)
        // Into another folder: a build into the same one keeps the published files that are up to date (`BuildState`).
        let other = site.root.appendingPathComponent("other")
        #expect(SiteBuilder.build(BuildOptions(root: site.root, output: other)).published)
        #expect((try? String(contentsOf: other.appendingPathComponent("images/wide-480w.webp"), encoding: .utf8)) == "cached")
        let second = Self.cacheFiles(site)
        #expect(Set(second.keys) == Set(first.keys))
    }

    @Test func theSameBytesUnderAnotherNameShareTheCacheAndNewSettingsMakeNewFiles() throws {
        let site = ImageProcessingTests.site()
        defer { site.cleanUp() }
        site.write("content/copies/wide.jpg", ImageFixtures.data("wide.jpg"))
        #expect(site.build().published)
        #expect(Self.cacheFiles(site).count == 12)
        site.write("tandem.yaml", "images: {quality: 70}\n")
        #expect(site.build().published)
        // Every file at quality 70 is new: 6 for each image.
        #expect(Self.cacheFiles(site).count == 24)
    }

    @Test func theDigestReadsEveryByte() {
        var bytes = Data(repeating: 7, count: 1001)
        let before = ContentDigest.of(bytes)
        for index in [0, 500, 999, 1000] {
            bytes[index] ^= 1
            #expect(ContentDigest.of(bytes) != before, "byte \(index)")
            bytes[index] ^= 1
        }
        #expect(ContentDigest.of(bytes) == before)
        #expect(ContentDigest.of(Data(repeating: 7, count: 1002)) != before)
    }
}
