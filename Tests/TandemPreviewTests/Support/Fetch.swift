import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A GET through URLSession, as a browser-like client sees it (redirects followed).
struct Fetched {
    var status: Int
    var contentType: String
    var text: String
    var data: Data
}

func fetch(_ base: URL, _ path: String) async throws -> Fetched {
    let url = URL(string: path, relativeTo: base)!.absoluteURL
    var request = URLRequest(url: url)
    request.timeoutInterval = 10
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    return Fetched(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                   text: String(decoding: data, as: UTF8.self), data: data)
}

/// Polls `condition` until it holds or `timeout` seconds pass.
func eventually(within timeout: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    } while Date() < deadline
    return false
}
