import Foundation

/// What a request's `Accept-Encoding` header says of gzip (RFC 9110,
/// section 12.5.3): taken when `gzip` (or its old name `x-gzip`) is listed
/// with a weight above 0, or, when not listed, `*` is. Browsers always send it.
enum AcceptEncoding {
    static func takesGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Bool?
        var any: Bool?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            switch coding {
            case "gzip", "x-gzip": gzip = weight > 0
            case "*": any = weight > 0
            default: continue
            }
        }
        return gzip ?? any ?? false
    }
}
