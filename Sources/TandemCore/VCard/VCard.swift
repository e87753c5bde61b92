import Foundation

/// A contact card with the properties of RFC 6350 (vCard 4.0) that Tandem
/// publishes for a focal point. `VCardEncoder` turns it into text.
public struct VCard: Sendable, Equatable {
    /// A telephone number in international format (`+41 22 739 8111`) and what kind of line it is.
    public struct Telephone: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// An office line: `TYPE=work,voice`.
            case work = "work,voice"
            /// A mobile phone: `TYPE=cell`.
            case cell
        }

        public var number: String
        public var kind: Kind

        public init(_ number: String, kind: Kind) {
            self.number = number
            self.kind = kind
        }
    }

    /// FN: the name as it is displayed.
    public var formattedName: String
    /// N: the family name(s) and the given name(s).
    public var familyName: String
    public var givenName: String
    /// ORG: the organisation's name.
    public var organization: String?
    /// TITLE: the job title.
    public var title: String?
    /// EMAIL, with `TYPE=work`.
    public var emails: [String] = []
    /// TEL, as `tel:` URIs.
    public var telephones: [Telephone] = []
    /// ADR (work): the city and the country's name.
    public var locality: String?
    public var country: String?
    /// LANG: language tags, the preferred first.
    public var languages: [String] = []
    /// URL and UID: the person's page on the site.
    public var url: String?
    /// REV: when the details were last reviewed.
    public var revision: Date?

    public init(formattedName: String, familyName: String, givenName: String) {
        self.formattedName = formattedName
        self.familyName = familyName
        self.givenName = givenName
    }

    /// Splits a full name into family and given names: `familyName` if given
    /// (wherever it stands in the name), else the last word is the family name.
    public static func nameParts(of name: String, familyName: String?) -> (family: String, given: String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        if let familyName, !familyName.isEmpty {
            let given = name.range(of: familyName).map { name.replacingCharacters(in: $0, with: "") } ?? ""
            return (familyName, given.split(separator: " ").joined(separator: " "))
        }
        var words = name.split(separator: " ").map(String.init)
        guard words.count > 1 else { return (name, "") }
        let family = words.removeLast()
        return (family, words.joined(separator: " "))
    }
}
