#if canImport(Glibc)
import Glibc
#endif

/// The joint-acknowledgement notice (MOU para 35): its wording for a lead and
/// language, and the guarantee that a joint page's HTML holds exactly one.
public enum JointNotice {
    /// The attribute that marks the notice's element.
    public static let marker = "data-joint-notice"
    /// The partial that renders it.
    public static let partialName = "joint-notice"

    /// The wording for `lead` in `language`, from the strings (`joint_notice.unhcr`, ...).
    public static func wording(for lead: Lead, language: String, strings: Strings) -> String? {
        strings.text("joint_notice.\(lead.stringKey)", language: language)
    }

    private static let markerBytes = Array(marker.utf8)
    /// Where the marker's `j` is in it.
    private static let markerAnchor = markerBytes.firstIndex(of: UInt8(ascii: "j"))!

    /// How many elements carry the marker in `html`.
    static func count(in html: String) -> Int {
        var html = html
        return html.withUTF8(count(in:))
    }

    /// How many elements carry the marker in a rendered page's UTF-8.
    static func count(in html: [UInt8]) -> Int {
        html.withUnsafeBufferPointer(count(in:))
    }

    /// `memchr` to each `j` (rare in a page, unlike the marker's first
    /// letter), then a comparison of the whole marker around it.
    private static func count(in text: UnsafeBufferPointer<UInt8>) -> Int {
        let (needle, anchor) = (markerBytes, markerAnchor)
        guard let base = text.baseAddress, text.count >= needle.count else { return 0 }
        var count = 0
        // Where the marker would start; the anchor byte is looked for from `start + anchor`.
        var start = 0
        let last = text.count - needle.count
        while start <= last, let hit = memchr(base + start + anchor, Int32(needle[anchor]), last - start + 1) {
            start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
            if memcmp(base + start, needle, needle.count) == 0 {
                count += 1
                start += needle.count
            } else {
                start += 1
            }
        }
        return count
    }

    /// Puts `notice` right after the opening `<main>` tag; nil if there is none.
    static func insert(_ notice: String, into html: [UInt8]) -> [UInt8]? {
        RenderedHTML.inserting(notice, afterOpening: "main", in: html)
    }
}
