/// Escaping for text placed into HTML by Tandem itself (not by templates,
/// which escape through Mustache).
public enum HTMLEscaping {
    /// Text for an element's content or an attribute value in double quotes.
    public static func attribute(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
