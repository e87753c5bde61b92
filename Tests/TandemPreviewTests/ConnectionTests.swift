import Foundation
import Testing
@testable import TandemPreview

/// A connection ends when its client expects it to: an HTTP/1.0 one after
/// the response unless it asked for keep-alive (ApacheBench and other
/// HTTP/1.0 clients wait for that end), an HTTP/1.1 one when it says
/// `Connection: close`.
@Suite struct ConnectionTests {
    @Test func anHTTP10RequestGetsItsWholeResponseAndThenTheConnectionEnds() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let port = server.port
        for request in ["GET / HTTP/1.0\r\n\r\n", "GET / HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n",
                        "GET /_review HTTP/1.0\r\nHost: localhost\r\nUser-Agent: ApacheBench/2.3\r\nAccept: */*\r\n\r\n",
                        "HEAD / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"] {
            let clock = ContinuousClock()
            let started = clock.now
            let (ended, text) = try await offPool { () throws -> (Bool, String) in
                let client = try RawHTTP(port: port, request: request, timeout: 3)
                while client.readMore() {}
                return (client.isClosed, client.text)
            }
            #expect(ended, "the connection stayed open after: \(request)")
            #expect(clock.now - started < .seconds(2), "\(request)")
            let head = text.components(separatedBy: "\r\n\r\n")[0].lowercased()
            #expect(head.hasPrefix("http/1.0 "), "answered in the request's version: \(head)")
            if request.contains("Host") {
                #expect(head.contains("\r\nconnection: close"), "\(head)")
                if request.hasPrefix("GET") { #expect(text.hasSuffix("</html>\n"), "the whole page arrived") }
            }
        }
    }

    @Test func anHTTP10RequestAskingForKeepAliveKeepsTheConnectionForTheNext() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let request = "GET /news/2026/camp/ HTTP/1.0\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: keep-alive\r\n\r\n"
        let (first, second, closed) = try await offPool { () throws -> (RawHTTP.Response?, RawHTTP.Response?, Bool) in
            let client = try RawHTTP(port: server.port, request: request, timeout: 3)
            let first = client.nextResponse()
            client.send(request.replacingOccurrences(of: "keep-alive", with: "close"))
            let second = client.nextResponse()
            while client.readMore() {}
            return (first, second, client.isClosed)
        }
        #expect(first?.status == 200)
        #expect(first?.headers["connection"] == "keep-alive", "an HTTP/1.0 client is told the connection stays")
        #expect(first?.body.contains("Camp opens") == true)
        #expect(second?.status == 200 && second?.body.contains("Camp opens") == true, "the second request on the same connection is answered")
        #expect(second?.headers["connection"] == "close")
        #expect(closed)
    }

    @Test func anHTTP11ConnectionStaysOpenUntilARequestSaysClose() async throws {
        let site = SiteFolder(ServingTests.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n"
        let (first, second, closed) = try await offPool { () throws -> (RawHTTP.Response?, RawHTTP.Response?, Bool) in
            let client = try RawHTTP(port: server.port, request: request, timeout: 3)
            let first = client.nextResponse()
            client.send(request.replacingOccurrences(of: "\r\n\r\n", with: "\r\nConnection: Close\r\n\r\n"))
            let second = client.nextResponse()
            while client.readMore() {}
            return (first, second, client.isClosed)
        }
        #expect(first?.status == 200 && first?.headers["connection"] == nil)
        #expect(second?.status == 200)
        #expect(closed, "`Connection: Close` in any case ends the connection")
    }
}
