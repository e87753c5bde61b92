import Foundation

/// The last part of a page's URL when its front matter has no `slug:`: its
/// file name, with accented Latin letters written plainly (`réunion-à-genève`
/// → `reunion-a-geneve`, `Straße` → `Strasse`), so French and Spanish URLs
/// stay readable wherever they are pasted. Letters of other scripts (an
/// Arabic file name) are kept as they are, and `Route` percent-encodes them.
enum Slug {
    static func fromFileName(_ stem: String) -> String {
        if stem.utf8.allSatisfy({ $0 < 0x80 }) { return stem }
        var slug = ""
        for character in stem {
            if character.isASCII {
                slug.append(character)
            } else if let plain = plainLetters[character] {
                slug += plain
            } else {
                let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                slug += folded.utf8.allSatisfy({ $0 < 0x80 }) && !folded.isEmpty ? folded : String(character)
            }
        }
        return slug
    }

    /// Latin letters that are not a base letter with an accent.
    private static let plainLetters: [Character: String] = [
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
    ]
}
