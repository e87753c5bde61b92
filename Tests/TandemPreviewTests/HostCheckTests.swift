import Foundation
import Testing
@testable import TandemPreview

/// The preview answers only requests that name this machine, so that a web
/// page re-pointing its own name at 127.0.0.1 (DNS rebinding) cannot read
/// drafts and embargoed pages; and nothing it serves may be read by other sites.
@Suite struct HostCheckTests {
    static func request(_ path: String, host: String?, _ extra: String = "") -> String {
        "GET \(path) HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + extra + "Connection: close\r\n\r\n"
    }

    @Test func aForeignHostIsRefusedAndSeesNoUnpublishedTitle() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let port = server.port
        let foreign = ["attacker.example:\(port)", "attacker.example", "127.0.0.1.attacker.example:\(port)",
                       "localhost.attacker.example", "attacker.example:\(port)@127.0.0.1", "[::1].attacker.example",
                       "127.0.0.1:\(port + 1)", "localhost:", "localhost:0\(port)", "::1", ""]
        for path in ["/", "/_review", "/news/2026/quiet/", "/news/2026/pledges/", "/_tandem/events"] {
            for host in foreign {
                let response = try await RawHTTP.exchange(port: port, Self.request(path, host: host))
                #expect(response.status == 403, "\(path) with Host \(host)")
                #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
                #expect(response.body.contains("DNS rebinding"))
                #expect(!response.body.contains("Quiet draft") && !response.body.contains("Pledges"), "\(path) with Host \(host)")
            }
        }
    }

    @Test func aRequestWithoutHostOrWithTwoIsRefused() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let missing = try await RawHTTP.exchange(port: server.port, Self.request("/_review", host: nil))
        #expect(missing.status == 403)
        #expect(!missing.body.contains("Quiet draft"))
        let twice = try await RawHTTP.exchange(port: server.port,
                                               Self.request("/_review", host: "127.0.0.1:\(server.port)", "Host: attacker.example\r\n"))
        #expect([400, 403].contains(twice.status), "answered \(twice.status)")
        #expect(!twice.body.contains("Quiet draft"))
    }

    @Test func eachNameOfThisMachineIsAnsweredWithOrWithoutItsPort() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let port = server.port
        for host in ["127.0.0.1", "127.0.0.1:\(port)", "localhost", "localhost:\(port)", "LocalHost:\(port)", "[::1]", "[::1]:\(port)"] {
            let response = try await RawHTTP.exchange(port: port, Self.request("/_review", host: host))
            #expect(response.status == 200, "Host \(host)")
            #expect(response.body.contains("Quiet draft"), "Host \(host)")
        }
    }

    @Test func theHostGivenToServeIsAnswered() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site, host: "127.0.0.2")
        defer { Task { await server.stop() } }
        let port = server.port
        for host in ["127.0.0.2", "127.0.0.2:\(port)", "localhost:\(port)"] {
            let response = try await RawHTTP.exchange(port: port, Self.request("/", host: host), address: "127.0.0.2")
            #expect(response.status == 200, "Host \(host)")
        }
        let other = try await RawHTTP.exchange(port: port, Self.request("/", host: "127.0.0.3:\(port)"), address: "127.0.0.2")
        #expect(other.status == 403)
    }

    @Test func aHostNameOrIPv6AddressGivenToServeIsAllowedInItsHostForm() {
        let named = HostCheck(host: "Preview.LAN")
        #expect(named.allows("preview.lan:4000", port: 4000))
        #expect(named.allows("preview.lan", port: 4000))
        #expect(!named.allows("preview.lan:4001", port: 4000))
        #expect(!named.allows("preview.lan.attacker.example", port: 4000))
        let ipv6 = HostCheck(host: "fd00::7")
        #expect(ipv6.allows("[fd00::7]:4000", port: 4000))
        #expect(!ipv6.allows("fd00::7", port: 4000))
        #expect(!ipv6.allows("[fd00::7]x", port: 4000))
        #expect(!HostCheck(host: "127.0.0.1").allows("localhost:4000", port: nil), "no port is known before the server listens")
    }

    @Test func everyResponseIsSameOriginOnlyAndWithoutCORSHeaders() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let port = server.port
        let origin = "Origin: http://attacker.example\r\n"
        let requests = [
            Self.request("/", host: "127.0.0.1:\(port)", origin),
            Self.request("/_review", host: "localhost:\(port)", origin),
            Self.request("/news/2026/camp/", host: "127.0.0.1", origin),
            Self.request("/news", host: "127.0.0.1", origin),
            Self.request("/no/such/page/", host: "127.0.0.1", origin),
            Self.request("/assets/style.css", host: "127.0.0.1", origin),
            Self.request("/_tandem/live-reload.js", host: "127.0.0.1", origin),
            Self.request("/", host: "attacker.example:\(port)", origin),
            "OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(origin)Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n",
            "POST /news/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\(origin)Content-Length: 0\r\nConnection: close\r\n\r\n",
        ]
        var statuses: Set<Int> = []
        for request in requests {
            let response = try await RawHTTP.exchange(port: port, request)
            statuses.insert(response.status)
            #expect(response.headers["cross-origin-resource-policy"] == "same-origin", "\(request)")
            #expect(!response.headers.keys.contains { $0.hasPrefix("access-control-") }, "\(request)")
        }
        #expect(statuses == [200, 301, 403, 404, 405])
        // The event stream never ends: its headers are read as they come.
        let stream = try await offPool { try RawHTTP(port: port, path: "/_tandem/events", timeout: 0.2) }
        #expect(await offPool { () -> Bool in
            let deadline = Date().addingTimeInterval(5)
            while !stream.text.contains("\r\n\r\n"), Date() < deadline { stream.readMore() }
            return stream.text.lowercased().contains("\r\ncross-origin-resource-policy: same-origin\r\n")
        })
    }
}
