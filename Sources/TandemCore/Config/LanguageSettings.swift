import Foundation

/// What one language of the site says differently from the site's own
/// settings (`languages: {ar: {title: "..."}}` in tandem.yaml): its title and
/// description. Unset values fall back to the site's.
public struct LanguageSettings: Sendable, Hashable {
    public var title: String?
    public var description: String?

    public init(title: String? = nil, description: String? = nil) {
        self.title = title
        self.description = description
    }

    /// The keys a language may set.
    static let keys = ["title", "description"]

    /// Whether `code` names a language ICU knows (`en`, `ar`, `pt-BR`): the
    /// shape of a BCP 47 tag and an ISO 639 language.
    static func isKnownCode(_ code: String) -> Bool {
        guard ContactFormats.isLanguageTag(code), let primary = code.split(separator: "-").first else { return false }
        return Locale.LanguageCode(String(primary)).isISOLanguage
    }

    /// The hint for a code that is not a language: its corrected form, else the nearest common one.
    static func hint(for code: String) -> String {
        if let corrected = ContactFormats.correctedLanguageTag(code), isKnownCode(corrected), corrected != code {
            return "did you mean '\(corrected)'?"
        }
        let common = ["en", "fr", "es", "ar", "ru", "zh", "pt"]
        let nearest = Suggestion.nearest(to: code.lowercased(), in: common).map { "did you mean '\($0)'? " } ?? ""
        return nearest + "write an ISO 639 language code, such as en, fr, es or ar (pt-BR with a region)"
    }
}

extension SiteConfig {
    /// The site's title in `language` (its own, else the site's).
    public func title(in language: String) -> String {
        languageSettings[language]?.title ?? title
    }

    /// The site's description in `language` (its own, else the site's).
    public func description(in language: String) -> String {
        languageSettings[language]?.description ?? description
    }
}
