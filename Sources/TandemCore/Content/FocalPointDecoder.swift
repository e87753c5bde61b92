import Foundation
import Yams

/// Decodes the front matter of a focal-point file, checking the shape of its
/// contact details (e-mail, international phone numbers, language tags,
/// country codes) with each problem reported at its line.
enum FocalPointDecoder {
    static func decode(_ node: Node, id: String, path: String, yamlFirstLine: Int, body: String, bodyFirstLine: Int)
        -> (FocalPointRecord?, [Diagnostic])
    {
        var fields = YAMLFields(node, path: path, lineOffset: yamlFirstLine - 1,
                                allowedKeys: FocalPointRecord.keys, what: "a focal point's front matter")
        let name = fields.string("name", required: true, example: "Amina Haddad")
        var record = FocalPointRecord(id: id, name: name?.value ?? "", body: body, bodyFirstLine: bodyFirstLine, path: path)
        record.familyName = fields.string("family_name", example: "Haddad")?.value
        record.agency = fields.enumValue("agency", Agency.self)?.value
        if !fields.has("agency") {
            fields.report(.error(fields.location(ofKey: "agency"), "missing required key 'agency'",
                                 hint: "add `agency: UNHCR` or `agency: IOM`"))
        }
        record.title = fields.string("title", example: "Senior Protection Officer")?.value
        record.location = fields.string("location", example: "Geneva")?.value
        record.country = country(&fields)
        record.level = fields.enumValue("level", StaffLevel.self)?.value
        record.email = email(&fields)
        record.phone = phone("phone", &fields, example: "+41 22 739 8111")
        record.mobile = phone("mobile", &fields, example: "+41 79 000 0000")
        record.languages = languages(&fields)
        record.topics = fields.enumList("topics", PersonsCategory.self)
        record.countries = FrontMatterDecoder.countryCodes(&fields).map(\.value)
        record.reviewedOn = fields.date("reviewed_on", example: "2026-06-01")
        return (name == nil ? nil : record, fields.diagnostics)
    }

    private static func country(_ fields: inout YAMLFields) -> String? {
        guard let country = fields.string("country", example: "CH") else { return nil }
        let code = country.value.uppercased()
        guard CountryCodes.all.contains(code) else {
            fields.report(.error(country.location, "'\(country.value)' is not an ISO 3166-1 alpha-2 country code",
                                 hint: CountryCodes.hint(for: country.value)))
            return nil
        }
        return code
    }

    private static func email(_ fields: inout YAMLFields) -> String? {
        guard let email = fields.string("email", required: true, example: "name@example.org") else { return nil }
        var address = email.value.trimmingCharacters(in: .whitespaces)
        if address.lowercased().hasPrefix("mailto:") {
            address.removeFirst("mailto:".count)
            fields.report(.error(email.location, "'email' holds a link, not an address: '\(email.value)'",
                                 hint: "write the address alone: `email: \(address)`; Tandem makes the mailto: link"))
            return nil
        }
        guard ContactFormats.isEmail(address) else {
            fields.report(.error(email.location, "'\(email.value)' is not an e-mail address",
                                 hint: "write one address of the form `email: name@example.org`"))
            return nil
        }
        return address
    }

    private static func phone(_ key: String, _ fields: inout YAMLFields, example: String) -> String? {
        guard let phone = fields.string(key, example: example) else { return nil }
        let number = phone.value.trimmingCharacters(in: .whitespaces)
        guard ContactFormats.isInternationalPhone(number) else {
            var hint = "write it in international format: `+`, the country code, then digits and spaces, e.g. `\(key): \(example)`"
            if number.hasPrefix("00") {
                hint = "write `+` instead of the leading 00: `\(key): +\(number.dropFirst(2))`"
            } else if number.contains("(0)") {
                hint = "leave out the (0), which callers from abroad do not dial: `\(key): \(number.replacingOccurrences(of: "(0)", with: "").split(separator: " ").joined(separator: " "))`"
            }
            fields.report(.error(phone.location, "'\(key)' is not a phone number in international format: '\(phone.value)'",
                                 hint: hint))
            return nil
        }
        return number
    }

    private static func languages(_ fields: inout YAMLFields) -> [String] {
        var tags: [String] = []
        for item in fields.stringList("languages", example: "en") {
            if ContactFormats.isLanguageTag(item.value) {
                if !tags.contains(item.value) { tags.append(item.value) }
                continue
            }
            let hint = ContactFormats.correctedLanguageTag(item.value).map { "did you mean '\($0)'?" }
                ?? "write a language code of 2 or 3 lowercase letters, optionally with a region: `en`, `fr`, `pt-BR`"
            fields.report(.error(item.location, "'\(item.value)' is not a language code", hint: hint))
        }
        return tags
    }
}
