import Foundation
import Mustache

/// The template values of focal points: a focal point's own page, the
/// contact block of a page, and the directory with its topic listings.
/// The keys are documented in `Defaults/README.md`.
extension PageContext {
    /// A focal point: `name`, `title`, `agency`, `agency_name`, `station`, `level`,
    /// `email`, `phone`, `mobile` (with `phone_href`, `mobile_href`), `languages`,
    /// `topics`, `url` and `vcard_url`.
    func focalPoint(_ record: FocalPointRecord, language: String) -> MustacheValues {
        let url = site.focalPointURL(record, language: language)
        var values: MustacheValues = ["id": record.id, "name": record.name, "url": href(url),
                                      // The record's texts (job title, biography) are written in the default language.
                                      "record_lang": config.defaultLanguage,
                                      "vcard_url": href(FocalPointPaths.cardURL(pageURL: site.focalPointURL(record, language: config.defaultLanguage)))]
        let optional: [(String, String?)] = [
            ("agency", record.agency?.rawValue), ("agency_name", record.agency.map { agencyName($0, language: language) }),
            ("title", record.title), ("location", record.location), ("country", record.country),
            ("country_name", record.country.map { countryName($0, language: language) }),
            ("station", station(record, language: language)),
            ("email", record.email), ("phone", record.phone), ("mobile", record.mobile),
            ("phone_href", record.phone.map { "tel:" + ContactFormats.dialable($0) }),
            ("mobile_href", record.mobile.map { "tel:" + ContactFormats.dialable($0) }),
            ("level", record.level.map { levelLabel($0, language: language) }), ("level_code", record.level?.rawValue),
        ]
        // Every key is present (a missing one as null), and so are the strings of the language
        // (`strings.contacts.phone`): a list's body for the focal point then reads nothing around
        // the list and renders once per run (`SiteReader.elementMemo`).
        for (key, value) in optional { values[MustacheKey(key)] = value ?? NSNull() }
        values["strings"] = site.stringTable(language)
        if let memo = site.elementMemo(.focalPoint(id: record.id, language: language)) { values[MustacheMemo.key] = memo }
        values["languages"] = record.languages.map { ["code": $0, "name": languageName($0, language: language)] as MustacheValues }
        let directoryURL = focalPointsSectionURL(language: language)
        values["topics"] = record.topics.map { topic -> MustacheValues in
            ["code": topic.rawValue, "label": topicLabel(topic, language: language),
             "url": href(FocalPointPaths.topicURL(topic, directoryURL: directoryURL))]
        }
        return values
    }

    /// The `page.contacts` of a page with contacts: `agencies`, each with
    /// `code`, `name`, `reason` and `cities` (`city`, `label` "In Geneva:", `people`).
    func contacts(for page: Page) -> MustacheValues? {
        guard !page.contacts.isEmpty else { return nil }
        let language = page.source.language
        let agencies = page.contacts.map { group -> MustacheValues in
            // Grouped by city from each record's city alone: the records are read only
            // to make a city's values, once per run (104,000 copies of one in a 10k build).
            var cities: [(city: String?, ids: [String])] = []
            for id in group.focalPointIDs {
                guard let city = site.focalPointCity(id) else { continue }
                if let index = cities.firstIndex(where: { $0.city == city }) {
                    cities[index].ids.append(id)
                } else {
                    cities.append((city, [id]))
                }
            }
            return ["code": group.agency.rawValue, "name": agencyName(group.agency, language: language),
                    "reason": group.reason.rawValue,
                    "cities": cities.map { city, ids -> MustacheValues in
                        // A city's values, made once per run for the same people (`SharedValue.contactCity`).
                        site.shared(.contactCity(agency: group.agency, city: city, ids: ids, language: language)) {
                            contactCity(city, people: ids.compactMap(site.focalPoint), agency: group.agency, language: language)
                        }
                    }]
        }
        return ["agencies": agencies]
    }

    /// One city of an agency's focal points in a page's contacts: `city`,
    /// `label` ("In Geneva:"), `people`, each key present (a missing one as
    /// null), so that the city's body reads nothing around it and renders once per run.
    private func contactCity(_ city: String?, people: [FocalPointRecord], agency: Agency, language: String) -> MustacheValues {
        var values: MustacheValues = ["people": people.map { record in
            site.shared(.focalPoint(id: record.id, language: language)) { focalPoint(record, language: language) }
        }]
        if let city {
            values["city"] = city
            // In right-to-left text the city's Latin name is isolated (FSI … PDI), so the colon stays at the end.
            let shown = site.text("direction", language) == "rtl" ? "\u{2068}\(city)\u{2069}" : city
            values["label"] = Placeholders.fill(site.text("contacts.in_city", language) ?? "In {city}:") { $0 == "city" ? shown : nil }
        } else {
            (values["city"], values["label"]) = (NSNull(), NSNull())
        }
        let element = SharedElement.contactCity(agency: agency, city: city, focalPoints: people.map(\.id), language: language)
        if let memo = site.elementMemo(element) { values[MustacheMemo.key] = memo }
        return values
    }

    /// The `focal_points` key of the directory and the topic listings: `directory`
    /// (agencies → `levels` → `stations` → `people`), `topics` (`code`, `label`,
    /// `url`, `current`), `directory_url`, `directory_title`, `all_vcards_url`.
    func focalPointListing(_ section: Section, records: [FocalPointRecord], topic: PersonsCategory?) -> MustacheValues {
        let language = section.language
        let directory = topic.map { FocalPointDirectory(records, topic: $0) } ?? FocalPointDirectory(records)
        let groups = directory.agencies.map { group -> MustacheValues in
            ["code": group.agency.rawValue, "name": agencyName(group.agency, language: language),
             "levels": group.levels.map { level -> MustacheValues in
                 ["code": level.level.rawValue, "label": levelLabel(level.level, language: language),
                  "stations": level.stations.map { station -> MustacheValues in
                      let people = station.focalPointIDs.compactMap(site.focalPoint)
                      return ["station": people.first.flatMap { self.station($0, language: language) } ?? "",
                              "people": people.map { focalPoint($0, language: language) }]
                  }]
             }]
        }
        let topics = FocalPointDirectory.topics(of: records).map { code -> MustacheValues in
            ["code": code.rawValue, "label": topicLabel(code, language: language), "current": code == topic,
             "url": href(FocalPointPaths.topicURL(code, directoryURL: section.url))]
        }
        var values: MustacheValues = ["directory": groups, "topics": topics, "directory_url": href(section.url),
                                      "directory_title": sectionTitle(section)]
        if !records.isEmpty {
            values["all_vcards_url"] = href(FocalPointPaths.allCardsURL(directoryURL: focalPointsSectionURL(language: config.defaultLanguage)))
        }
        return values
    }

    /// "Focal points: Refugees".
    func topicTitle(_ topic: PersonsCategory, language: String) -> String {
        Placeholders.fill(site.text("focal_points.topic_title", language) ?? "Focal points: {topic}",
                          ["topic": topicLabel(topic, language: language)])
    }

    func agencyName(_ agency: Agency, language: String) -> String {
        site.text("agencies.\(agency.rawValue.lowercased())", language) ?? agency.rawValue
    }

    func countryName(_ code: String, language: String) -> String {
        CountryNames.name(code, language: language, strings: site.strings(for: language))
    }

    /// The name of a language in the page's language: `fr` → "French", `pt-BR` → "Portuguese (BR)".
    func languageName(_ tag: String, language: String) -> String {
        if let name = site.text("language_names.\(tag)", language) { return name }
        let parts = tag.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let name = site.text("language_names.\(parts[0])", language) else { return tag }
        return "\(name) (\(parts[1]))"
    }

    private func topicLabel(_ topic: PersonsCategory, language: String) -> String {
        site.text("persons.\(topic.rawValue)", language) ?? topic.rawValue
    }

    private func levelLabel(_ level: StaffLevel, language: String) -> String {
        site.text("levels.\(level.rawValue)", language) ?? level.rawValue
    }

    /// "Geneva, Switzerland".
    private func station(_ record: FocalPointRecord, language: String) -> String? {
        let parts = [record.location, record.country.map { countryName($0, language: language) }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The directory's route in a language (the default language's if that one has none).
    private func focalPointsSectionURL(language: String) -> Route {
        let sections = site.focalPointDirectories()
        let config = site.config
        return (sections.first { $0.language == language } ?? sections.first { $0.language == config.defaultLanguage })?.url
            ?? Route.folder([ContentPath.focalPointsFolder], language: config.defaultLanguage, config: config)
    }
}
