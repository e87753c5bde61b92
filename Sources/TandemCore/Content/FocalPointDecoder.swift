import Yams

/// Decodes the front matter of a focal-point file.
enum FocalPointDecoder {
    static func decode(_ node: Node, id: String, path: String, yamlFirstLine: Int, body: String, bodyFirstLine: Int)
        -> (FocalPointRecord?, [Diagnostic])
    {
        var fields = YAMLFields(node, path: path, lineOffset: yamlFirstLine - 1,
                                allowedKeys: FocalPointRecord.keys, what: "a focal point's front matter")
        let name = fields.string("name", required: true, example: "Amina Haddad")
        var record = FocalPointRecord(id: id, name: name?.value ?? "", body: body, bodyFirstLine: bodyFirstLine, path: path)
        record.agency = fields.enumValue("agency", Agency.self)?.value
        if !fields.has("agency") {
            fields.report(.error(fields.location(ofKey: "agency"), "missing required key 'agency'",
                                 hint: "add `agency: UNHCR` or `agency: IOM`"))
        }
        record.title = fields.string("title", example: "Senior Protection Officer")?.value
        record.location = fields.string("location", example: "Geneva")?.value
        record.country = fields.string("country", example: "CH")?.value.uppercased()
        record.level = fields.enumValue("level", StaffLevel.self)?.value
        record.email = fields.string("email", example: "name@example.org")?.value
        record.phone = fields.string("phone", example: "+41 22 739 8111")?.value
        record.mobile = fields.string("mobile", example: "+41 79 000 0000")?.value
        record.languages = fields.stringList("languages", example: "en").map(\.value)
        record.topics = fields.enumList("topics", PersonsCategory.self)
        record.countries = fields.stringList("countries", example: "CO").map { $0.value.uppercased() }
        record.reviewedOn = fields.date("reviewed_on", example: "2026-06-01")?.value
        return (name == nil ? nil : record, fields.diagnostics)
    }
}
