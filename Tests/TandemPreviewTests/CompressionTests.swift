import Foundation
import Testing
import TandemCore
@testable import TandemPreview

/// The preview keeps its files gzip-compressed: a client that takes gzip gets
/// the kept bytes as they are, any other client the file's own bytes, and
/// pages always come out whole with the live-reload script.
@Suite struct CompressionTests {
    /// A data file that compresses well, served as written.
    static let table = (1...300).map { "{\"country\": \"CH\", \"office\": \"Geneva \($0)\", \"lead\": \"UNHCR\"}" }
        .joined(separator: ",\n")
    static let files = ServingTests.files.merging(["content/files/offices.json": "[\(table)]\n"]) { _, new in new }

    static func get(_ path: String, port: Int, method: String = "GET", acceptEncoding: String?) async throws -> RawHTTP.Response {
        let accept = acceptEncoding.map { "Accept-Encoding: \($0)\r\n" } ?? ""
        return try await RawHTTP.exchange(port: port, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(accept)Connection: close\r\n\r\n")
    }

    @Test func aClientThatTakesGzipGetsGzipThatDecompressesToExactlyTheFile() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let written = Data("[\(Self.table)]\n".utf8)
        for accept in ["gzip, deflate, br, zstd", "gzip", "x-gzip", "br;q=1.0, gzip;q=0.8", "*"] {
            let response = try await Self.get("/files/offices.json", port: server.port, acceptEncoding: accept)
            #expect(response.status == 200 && response.headers["content-encoding"] == "gzip", "\(accept)")
            #expect(response.headers["vary"] == "Accept-Encoding")
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.headers["content-length"] == String(response.bytes.count))
            #expect(response.bytes.count < written.count / 4, "\(accept): the kept gzip bytes, not the file")
            #expect(Gzip.decompress(response.bytes) == written, "\(accept)")
        }
    }

    @Test func aClientThatDoesNotTakeGzipGetsTheFilesOwnBytes() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let written = Data("[\(Self.table)]\n".utf8)
        for accept in [nil, "identity", "br, deflate", "gzip;q=0, br", "gzip;q=0.000", "*;q=0", "gzip;q=0, *"] as [String?] {
            let response = try await Self.get("/files/offices.json", port: server.port, acceptEncoding: accept)
            #expect(response.status == 200 && response.headers["content-encoding"] == nil, "\(accept ?? "no header")")
            #expect(response.headers["vary"] == "Accept-Encoding", "the answer depends on the header")
            #expect(response.headers["content-length"] == String(written.count))
            #expect(response.bytes == written, "\(accept ?? "no header")")
        }
    }

    @Test func headAnswersWithTheHeadersOfTheSameGet() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        for accept in ["gzip", nil] as [String?] {
            let get = try await Self.get("/files/offices.json", port: server.port, acceptEncoding: accept)
            let head = try await Self.get("/files/offices.json", port: server.port, method: "HEAD", acceptEncoding: accept)
            #expect(head.status == 200 && head.bytes.isEmpty)
            for name in ["content-length", "content-encoding", "content-type", "vary"] {
                #expect(head.headers[name] == get.headers[name], "\(name), Accept-Encoding: \(accept ?? "none")")
            }
        }
    }

    @Test func pagesComeOutWholeWithTheLiveReloadScriptWhateverTheClientTakes() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        for accept in ["gzip, deflate", nil] as [String?] {
            for path in ["/news/2026/camp/", "/news/2026/missing/"] {
                let response = try await Self.get(path, port: server.port, acceptEncoding: accept)
                #expect(response.headers["content-encoding"] == nil, "\(path)")
                #expect(response.headers["content-length"] == String(response.bytes.count))
                #expect(response.body.contains("src=\"/_tandem/live-reload.js\""), "\(path)")
                #expect(response.body.hasSuffix("</html>\n"), "\(path)")
            }
            let camp = try await Self.get("/news/2026/camp/", port: server.port, acceptEncoding: accept)
            #expect(camp.body.contains("The camp <strong>opened</strong>."))
        }
    }

    @Test func aFileThatDoesNotCompressIsKeptAndSentAsItIs() async throws {
        // Like a photo's bytes: gzip would not make them smaller.
        let noise = Data((0..<20_000).map { _ in UInt8.random(in: 0...255) })
        let site = SiteFolder(Self.files, data: ["content/files/scan.pdf": noise])
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let response = try await Self.get("/files/scan.pdf", port: server.port, acceptEncoding: "gzip")
        #expect(response.status == 200 && response.headers["content-encoding"] == nil && response.headers["vary"] == nil)
        #expect(response.bytes == noise)
    }

    @Test func anEditedFileIsServedWithItsNewBytesInBothForms() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let edited = "[\(Self.table.replacingOccurrences(of: "Geneva", with: "Nairobi"))]\n"
        site.write("content/files/offices.json", edited)
        let updated = await eventually(within: 10) {
            let gzip = try? await Self.get("/files/offices.json", port: server.port, acceptEncoding: "gzip")
            return gzip.flatMap { Gzip.decompress($0.bytes) } == Data(edited.utf8)
        }
        #expect(updated)
        let plain = try await Self.get("/files/offices.json", port: server.port, acceptEncoding: nil)
        #expect(plain.bytes == Data(edited.utf8))
    }
}
