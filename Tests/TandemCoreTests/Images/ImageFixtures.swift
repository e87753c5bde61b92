import Foundation
@testable import TandemCore

/// The test images of `Fixtures/images/` (made with `scripts/make-photo.c`):
/// `tall.jpg` is stored 1000×640 with EXIF orientation 6 (shown 640×1000)
/// and carries a GPS position, a camera serial number, a time and an author
/// in EXIF, XMP and IPTC (written with exiftool); `wide.jpg` is 700×400, plain.
enum ImageFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/images")

    static func data(_ name: String) -> Data {
        try! Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// A 1×1 GIF, published as it is.
    static let gif = Data([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
                           0x00, 0x00, 0x00, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
                           0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B])

    /// exiftool's reading of files (`-j -a -G1`): one object of tag → value per file, by file name.
    static func exiftool(_ paths: [String]) throws -> [String: [String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["exiftool", "-j", "-a", "-G1", "-n"] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let objects = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var byFile: [String: [String: Any]] = [:]
        for object in objects {
            guard let file = object["SourceFile"] as? String else { continue }
            byFile[file] = object
        }
        return byFile
    }
}
