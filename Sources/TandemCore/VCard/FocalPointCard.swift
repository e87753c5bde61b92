/// The vCard of a focal point: what an address book needs to reach them.
extension VCard {
    /// - Parameters:
    ///   - organization: the agency's name as the site writes it.
    ///   - countryName: the name of the duty station's country.
    ///   - url: the absolute URL of the focal point's page.
    public init(_ record: FocalPointRecord, organization: String?, countryName: String?, url: String?) {
        let name = VCard.nameParts(of: record.name, familyName: record.familyName)
        self.init(formattedName: record.name, familyName: name.family, givenName: name.given)
        self.organization = organization
        title = record.title
        emails = record.email.map { [$0] } ?? []
        telephones = [record.phone.map { Telephone($0, kind: .work) }, record.mobile.map { Telephone($0, kind: .cell) }]
            .compactMap { $0 }
        locality = record.location
        country = countryName
        languages = record.languages
        self.url = url
        revision = record.reviewedOn?.value.instant
    }
}
