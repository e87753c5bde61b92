/// Shape checks for the contact details of a focal point: e-mail addresses,
/// telephone numbers in international format, and language tags. They check
/// what a person can get wrong when typing, not whether an address exists.
public enum ContactFormats {
    /// `name@example.org`: one `@`, a local part without spaces or brackets,
    /// and a domain of at least two dot-separated labels of letters, digits and
    /// hyphens, the last of at least two letters.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else { return false }
        let forbidden: Set<Character> = [" ", "\t", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\"", "\\"]
        guard !local.contains(where: forbidden.contains), !local.hasPrefix("."), !local.hasSuffix("."),
              !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// `+41 22 739 8111`: a `+`, then ASCII digits and single spaces, 7 to 15
    /// digits in all (the E.164 maximum), starting and ending with a digit.
    public static func isInternationalPhone(_ text: String) -> Bool {
        guard text.hasPrefix("+") else { return false }
        let rest = text.dropFirst()
        guard let first = rest.first, let last = rest.last, first.isASCIIDigit, last.isASCIIDigit,
              !rest.contains("  "), rest.allSatisfy({ $0.isASCIIDigit || $0 == " " }) else { return false }
        return (7...15).contains(rest.filter(\.isASCIIDigit).count)
    }

    /// A language tag of the shape BCP 47 uses for most languages: 2 or 3
    /// lowercase letters (ISO 639), optionally a region of 2 capital letters or
    /// 3 digits: `en`, `fr`, `prs`, `pt-BR`, `es-419`.
    public static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].count),
              parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        guard parts.count == 2 else { return true }
        let region = parts[1]
        return (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase })
            || (region.count == 3 && region.allSatisfy(\.isASCIIDigit))
    }

    /// The tag someone probably meant (`EN` → `en`, `pt_br` → `pt-BR`), if it is well formed.
    public static func correctedLanguageTag(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "_", with: "-").split(separator: "-")
        guard let language = parts.first else { return nil }
        var candidate = language.lowercased()
        if parts.count == 2 { candidate += "-" + parts[1].uppercased() }
        return isLanguageTag(candidate) && parts.count <= 2 ? candidate : nil
    }

    /// The digits of a phone number with its `+`, for `tel:` links: `+41227398111`.
    public static func dialable(_ phone: String) -> String {
        phone.filter { $0 == "+" || $0.isASCIIDigit }
    }
}

extension Character {
    /// 0 to 9, and nothing else that Unicode counts as a digit.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
