import Foundation

/// The name of a country in a language: the site's strings first
/// (`countries.TD`), then the few names where UN usage differs from
/// common usage, then Foundation's locale data (ICU), which names every
/// ISO 3166 country in every language ("تشاد", "Tchad").
enum CountryNames {
    static func name(_ code: String, language: String, strings: Strings) -> String {
        let code = code.uppercased()
        if let own = strings.text("countries.\(code)", language: language) { return own }
        let primary = language.split(separator: "-").first.map(String.init) ?? language
        if let official = unUsage[code]?[primary] { return official }
        return Locale(identifier: language).localizedString(forRegionCode: code) ?? code
    }

    /// Names as the UN writes them (UNTERM short names) where ICU's differ.
    static let unUsage: [String: [String: String]] = [
        "BO": ["en": "Bolivia (Plurinational State of)", "fr": "Bolivie (État plurinational de)",
               "es": "Bolivia (Estado Plurinacional de)", "ar": "بوليفيا (دولة - المتعددة القوميات)"],
        "CD": ["en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo",
               "es": "República Democrática del Congo", "ar": "جمهورية الكونغو الديمقراطية"],
        "IR": ["en": "Iran (Islamic Republic of)", "fr": "Iran (République islamique d’)",
               "es": "Irán (República Islámica del)", "ar": "إيران (جمهورية - الإسلامية)"],
        "KP": ["en": "Democratic People’s Republic of Korea", "fr": "République populaire démocratique de Corée",
               "es": "República Popular Democrática de Corea", "ar": "جمهورية كوريا الشعبية الديمقراطية"],
        "KR": ["en": "Republic of Korea", "fr": "République de Corée", "es": "República de Corea", "ar": "جمهورية كوريا"],
        "LA": ["en": "Lao People’s Democratic Republic", "fr": "République démocratique populaire lao",
               "es": "República Democrática Popular Lao", "ar": "جمهورية لاو الديمقراطية الشعبية"],
        "MD": ["en": "Republic of Moldova", "fr": "République de Moldova", "es": "República de Moldova", "ar": "جمهورية مولدوفا"],
        "PS": ["en": "State of Palestine", "fr": "État de Palestine", "es": "Estado de Palestina", "ar": "دولة فلسطين"],
        "RU": ["en": "Russian Federation", "fr": "Fédération de Russie", "es": "Federación de Rusia", "ar": "الاتحاد الروسي"],
        "SY": ["en": "Syrian Arab Republic", "fr": "République arabe syrienne", "es": "República Árabe Siria",
               "ar": "الجمهورية العربية السورية"],
        "TR": ["en": "Türkiye", "fr": "Türkiye", "es": "Türkiye", "ar": "تركيا"],
        "TZ": ["en": "United Republic of Tanzania", "fr": "République-Unie de Tanzanie", "es": "República Unida de Tanzanía",
               "ar": "جمهورية تنزانيا المتحدة"],
        "VE": ["en": "Venezuela (Bolivarian Republic of)", "fr": "Venezuela (République bolivarienne du)",
               "es": "Venezuela (República Bolivariana de)", "ar": "فنزويلا (جمهورية - البوليفارية)"],
        "VN": ["en": "Viet Nam", "fr": "Viet Nam", "es": "Viet Nam", "ar": "فييت نام"],
    ]
}
