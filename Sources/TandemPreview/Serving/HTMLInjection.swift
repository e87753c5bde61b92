import Foundation
import TandemCore

/// Adds the preview's own markup to an HTML page as it is served (never to
/// the built site): the live-reload script and, while the build is broken,
/// the error overlay, just before `</body>`.
enum HTMLInjection {
    static func inject(_ markup: String, into page: Data) -> Data {
        let closing = Array("</body".utf8)
        let bytes = [UInt8](page)
        var index = bytes.count - closing.count
        while index >= 0 {
            if zip(bytes[index..<(index + closing.count)], closing).allSatisfy({ lowercase($0) == $1 }) {
                var result = Data(bytes[..<index])
                result.append(Data(markup.utf8))
                result.append(Data(bytes[index...]))
                return result
            }
            index -= 1
        }
        return page + Data(markup.utf8)
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The script tag that loads live reload for the page served from `served`
    /// (`news/2026/camp/index.html`), where `wanted` is the file the URL asked
    /// for (differs on a 404), at site version `version` of server `session`;
    /// `base` is the path of the site's base URL (`/joint/`), which the
    /// script takes off the URLs of a page before comparing them with files.
    static func scriptTag(served: String, wanted: String, version: Int, session: String, base: String = "/") -> String {
        let attribute = MarkupEscaping.escape
        return "<script src=\"/_tandem/live-reload.js\" data-path=\"\(attribute(served))\" data-want=\"\(attribute(wanted))\""
            + " data-version=\"\(version)\" data-session=\"\(attribute(session))\" data-base=\"\(attribute(base))\"></script>\n"
    }
}
