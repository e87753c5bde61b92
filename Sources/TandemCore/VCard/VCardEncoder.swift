import Foundation

/// Writes vCards as RFC 6350 (vCard 4.0) text: one content line per property,
/// values escaped (backslash, comma, semicolon, newline), lines folded at 75
/// octets without splitting a UTF-8 sequence, every line ended by CRLF.
public enum VCardEncoder {
    /// The longest physical line, in octets, without its CRLF.
    public static let lineLimit = 75

    /// One card, from `BEGIN:VCARD` to `END:VCARD` and its CRLF.
    public static func encode(_ card: VCard) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:4.0"]
        lines.append("FN:" + escape(card.formattedName))
        lines.append("N:" + [card.familyName, card.givenName, "", "", ""].map(escape).joined(separator: ";"))
        if let organization = card.organization { lines.append("ORG:" + escape(organization)) }
        if let title = card.title { lines.append("TITLE:" + escape(title)) }
        for email in card.emails { lines.append("EMAIL;TYPE=work:" + escape(email)) }
        for telephone in card.telephones {
            lines.append("TEL;VALUE=uri;TYPE=\(telephone.kind.rawValue):" + telURI(telephone.number))
        }
        if card.locality != nil || card.country != nil {
            let components = ["", "", "", card.locality ?? "", "", "", card.country ?? ""]
            lines.append("ADR;TYPE=work:" + components.map(escape).joined(separator: ";"))
        }
        for (index, language) in card.languages.prefix(100).enumerated() {
            lines.append("LANG;PREF=\(index + 1):" + language)
        }
        if let url = card.url {
            lines.append("URL:" + url)
            lines.append("UID:" + url)
        }
        if let revision = card.revision { lines.append("REV:" + timestamp(revision)) }
        lines.append("END:VCARD")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// Several cards one after the other, for import into an address book.
    public static func encode(_ cards: [VCard]) -> String {
        cards.map(encode).joined()
    }

    /// Escapes a text value or a component of a structured one: `\` `,` `;`
    /// get a backslash, line breaks become `\n` (RFC 6350 section 3.4).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ",": escaped += "\\,"
            case ";": escaped += "\\;"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            default: escaped.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return escaped
    }

    /// Folds one content line: after every 75 octets (74 on continuation
    /// lines, which start with a space) comes CRLF and a space. A line is only
    /// broken between two Unicode scalars, never inside one's UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > lineLimit else { return line }
        var folded = ""
        var used = 0
        var limit = lineLimit
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > limit {
                folded += "\r\n "
                used = 1
                limit = lineLimit
            }
            folded.unicodeScalars.append(scalar)
            used += size
        }
        return folded
    }

    /// A `tel:` URI (RFC 3966) for an international number: spaces become hyphens.
    static func telURI(_ number: String) -> String {
        "tel:" + number.split(separator: " ").joined(separator: "-")
    }

    /// `20261006T000000Z`.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!,
                      parts.hour!, parts.minute!, parts.second!)
    }
}
