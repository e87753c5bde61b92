#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A minimal HTTP/1.1 client over a plain socket, for what ordinary clients
/// will not send (paths with `..` or `%00` as written) or not show (redirects
/// as they are, an event stream as it arrives).
final class RawHTTP: @unchecked Sendable {
    struct Response {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: String
        /// The body's bytes, as they came (gzip stays gzip).
        var bytes = Data()
    }

    private let socket: Int32
    private(set) var received = Data()
    /// How many received bytes `nextResponse` has taken.
    private var taken = 0
    /// Set once the server closed the connection.
    private(set) var isClosed = false

    /// Connects to 127.0.0.1:`port` and sends a GET for `path` exactly as given.
    convenience init(port: Int, path: String, timeout: Double = 5) throws {
        try self.init(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", timeout: timeout)
    }

    /// Connects to `address`:`port` and sends `request` exactly as given.
    init(port: Int, request: String, address host: String = "127.0.0.1", timeout: Double = 5) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: __suseconds_t((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw CocoaError(.fileReadUnknown)
        }
        send(request)
    }

    /// Sends more bytes on the same connection.
    func send(_ text: String) {
        _ = text.withCString { Glibc.send(socket, $0, strlen($0), 0) }
    }

    deinit { close(socket) }

    /// Reads more bytes; false at the end of the stream or after the timeout.
    @discardableResult
    func readMore() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count == 0 { isClosed = true }
        guard count > 0 else { return false }
        received.append(contentsOf: buffer[..<count])
        return true
    }

    /// Everything received so far, as text.
    var text: String { String(decoding: received, as: UTF8.self) }

    /// One request, read to the end, on a thread outside Swift's cooperative
    /// pool (a blocked pool thread could hold up the server in this process).
    static func get(port: Int, _ path: String) async throws -> Response {
        try await offPool { try getNow(port: port, path) }
    }

    /// `request`, sent exactly as written, and its answer read to the end of the connection.
    static func exchange(port: Int, _ request: String, address: String = "127.0.0.1") async throws -> Response {
        try await offPool {
            let client = try RawHTTP(port: port, request: request, address: address)
            while client.readMore() {}
            return parse(client.received)
        }
    }

    /// The next whole response (framed by its Content-Length) after those
    /// already taken, without waiting for the connection to end; nil if the
    /// connection ends or the timeout passes first.
    func nextResponse() -> Response? {
        let separator = Data("\r\n\r\n".utf8)
        while true {
            let unread = received[taken...]
            if let split = unread.range(of: separator) {
                let head = Self.parse(Data(unread[..<split.upperBound]))
                let length = Int(head.headers["content-length"] ?? "0") ?? 0
                if received.endIndex - split.upperBound >= length {
                    taken = split.upperBound + length
                    let body = received[split.upperBound..<taken]
                    return Response(status: head.status, headers: head.headers,
                                    body: String(decoding: body, as: UTF8.self), bytes: Data(body))
                }
            }
            guard readMore() else { return nil }
        }
    }

    private static func getNow(port: Int, _ path: String) throws -> Response {
        let client = try RawHTTP(port: port, path: path)
        while client.readMore() {}
        return parse(client.received)
    }

    /// A response's status, headers and body, from its bytes.
    private static func parse(_ received: Data) -> Response {
        guard let split = received.range(of: Data("\r\n\r\n".utf8)) else {
            return Response(status: 0, headers: [:], body: String(decoding: received, as: UTF8.self), bytes: received)
        }
        let lines = String(decoding: received[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = received[split.upperBound...]
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self), bytes: Data(body))
    }
}

/// An open `/_tandem/events` stream, read event by event.
final class EventStreamReader: @unchecked Sendable {
    private let client: RawHTTP
    private var consumed = 0

    /// Connects, and waits (up to 5 s) for the response's head: the server
    /// subscribes the stream before it answers, so an event of a change made
    /// after this returns cannot be missed (a busy machine used to lose one).
    init(port: Int, query: String = "") async throws {
        client = try await offPool { try RawHTTP(port: port, path: "/_tandem/events" + query, timeout: 0.2) }
        _ = await waitFor("\r\n\r\n", within: 5)
    }

    /// The next event named `name` (skipping others), with its data, within `timeout` seconds.
    func next(_ name: String, within timeout: Double) async -> String? {
        await offPool { self.nextNow(name, within: timeout) }
    }

    private func nextNow(_ name: String, within timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = client.text
            let unread = text.dropFirst(consumed)
            if let start = unread.range(of: "event: \(name)\ndata: "), let end = unread[start.upperBound...].range(of: "\n") {
                consumed = text.distance(from: text.startIndex, to: end.upperBound)
                return String(unread[start.upperBound..<end.lowerBound])
            }
            if Date() > deadline { return nil }
            client.readMore()
        }
    }

    /// Whether `text` arrives within `timeout` seconds.
    func waitFor(_ text: String, within timeout: Double) async -> Bool {
        await offPool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if self.client.text.contains(text) { return true }
                self.client.readMore()
            }
            return false
        }
    }

    /// Whether the server ended the stream within `timeout` seconds.
    func ends(within timeout: Double) async -> Bool {
        await offPool { self.endsNow(within: timeout) }
    }

    private func endsNow(within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            client.readMore()
            if client.isClosed { return true }
        }
        return false
    }
}

/// Runs blocking socket work on a thread of its own.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
