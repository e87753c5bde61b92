import Foundation
import Testing
@testable import TandemCore

/// What the preview keeps compressed comes back byte for byte, and is gzip
/// that other tools read: the preview hands it to browsers as it is.
@Suite struct GzipTests {
    static let page = Data((0..<400).map { "<li><a href=\"/news/2026/item-\($0)/\">Item \($0) – été</a></li>\n" }.joined().utf8)

    @Test func whatIsCompressedDecompressesToTheSameBytes() {
        for bytes in [Data(), Data("a".utf8), Self.page, Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })] {
            #expect(Gzip.decompress(Gzip.compress(bytes)) == bytes, "\(bytes.count) bytes")
        }
        #expect(Gzip.compress(Self.page).count < Self.page.count / 4)
    }

    @Test func theSameBytesAlwaysCompressToTheSameBytes() {
        // The preview tells pages of a change when the kept bytes differ.
        #expect(Gzip.compress(Self.page) == Gzip.compress(Data(Self.page)))
    }

    @Test func theSystemsGzipReadsWhatIsCompressed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html.gz")
        try Gzip.compress(Self.page).write(to: file)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        gzip.arguments = ["--decompress", "--stdout", file.path]
        let output = Pipe()
        gzip.standardOutput = output
        try gzip.run()
        let decompressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        #expect(decompressed == Self.page)
    }

    @Test func damagedGzipIsNotTakenForAFile() {
        let gzip = Gzip.compress(Self.page)
        #expect(Gzip.decompress(gzip.dropLast(5)) == nil, "cut short")
        #expect(Gzip.decompress(gzip + Data("more".utf8)) == nil, "followed by other bytes")
        var flipped = gzip
        flipped[flipped.startIndex + 20] ^= 0xFF
        #expect(Gzip.decompress(flipped) == nil, "a byte changed")
        #expect(Gzip.decompress(Self.page) == nil, "not gzip at all")
    }

    @Test func aMemoryFileIsCompressedOnlyWhenThatSavesMemory() {
        let text = MemoryFile(Self.page)
        #expect(text.isGzip && text.stored.count < Self.page.count / 4 && text.bytes == Self.page)
        // An image's bytes hardly compress: they are kept as they are.
        let noise = Data((0..<5000).map { _ in UInt8.random(in: 0...255) })
        let image = MemoryFile(noise)
        #expect(!image.isGzip && image.stored == noise && image.bytes == noise)
        #expect(MemoryFile(Data()).bytes == Data())
    }

    /// A photo is kept as it is without a try at compressing it, even when it would shrink.
    @Test func aFileOfACompressedFormatIsKeptAsItIs() {
        let padding = Data(repeating: 0x41, count: 20_000)
        for magic in [[0xFF, 0xD8, 0xFF, 0xE0], [0x89, 0x50, 0x4E, 0x47], Array("RIFF\0\0\0\0WEBP".utf8),
                      [0, 0, 0, 0x1C] + Array("ftypavif".utf8), [0x1F, 0x8B], Array("wOF2".utf8)] as [[UInt8]] {
            let file = MemoryFile(Data(magic) + padding)
            #expect(!file.isGzip && file.bytes == Data(magic) + padding, "\(magic)")
        }
        #expect(MemoryFile(Data("RIFF\0\0\0\0WAVE".utf8) + padding).isGzip, "a RIFF that is not WebP is tried")
        #expect(MemoryFile(Data("<!doctype html>".utf8) + padding).isGzip)
    }
}
