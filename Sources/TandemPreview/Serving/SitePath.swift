/// Turns the path of a request into a file of the in-memory site. Only
/// plain paths get through: anything that could climb out of the site or be
/// read two ways (`..`, `.`, a backslash, a NUL byte, encoded or not, or a
/// malformed percent-encoding) is refused before any lookup.
enum SitePath {
    enum Resolution: Equatable {
        /// Serve this file of the site.
        case file(String)
        /// A folder asked for without its trailing slash: redirect here.
        case redirect(String)
        /// Nothing here; `wanted` is the file that would serve this path.
        case notFound(wanted: String)
        /// Refused.
        case badRequest
    }

    /// `exists` says whether the site holds a file at a path.
    static func resolve(_ rawPath: String, exists: (String) -> Bool) -> Resolution {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\"),
              let decoded = rawPath.removingPercentEncoding,
              !decoded.contains("\\"), !decoded.contains("\0") else { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .badRequest }
        let relative = segments.joined(separator: "/")
        if decoded.hasSuffix("/") {
            let index = relative.isEmpty ? "index.html" : relative + "/index.html"
            return exists(index) ? .file(index) : .notFound(wanted: index)
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") {
            return .redirect("/" + segments.map(encode).joined(separator: "/") + "/")
        }
        let wanted = segments.last?.contains(".") == true ? relative : relative + "/index.html"
        return .notFound(wanted: wanted)
    }

    /// A path segment percent-encoded for a `Location` header.
    private static func encode(_ segment: String) -> String {
        var encoded = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return encoded
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}

import Foundation
