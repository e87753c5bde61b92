import Yams

/// Reads one strings file (`templates/strings/LANG.yaml`) into a table of
/// texts and lists, through the bounded YAML reader every file shares, and
/// warns about keys no template uses: a misspelt key would otherwise leave
/// the built-in wording in place without a word.
struct StringsFile {
    /// Nested texts and lists; scalars as written, so `no` stays "no".
    var table: [String: Any] = [:]
    var diagnostics: [Diagnostic] = []

    /// Tables whose keys are the site's to choose (a language's name, by code).
    static let openTables: Set<String> = ["language_names", "countries", "sections"]

    /// Reads `file`; with `known` (dotted keys), keys outside it are warnings.
    init(_ file: TemplateFile, known: Set<String>? = nil) {
        switch YAMLDocument.parse(file.text, path: file.displayPath, firstLine: 1) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(nil):
            break
        case .success(let root?):
            guard case .mapping(let mapping) = root else {
                diagnostics.append(.error(place(root, in: file), "a strings file must be a list of `key: text` lines",
                                          hint: "write for example `footer: A joint information site`"))
                return
            }
            table = read(mapping, prefix: "", file: file, known: known)
        }
    }

    private mutating func read(_ mapping: Node.Mapping, prefix: String, file: TemplateFile, known: Set<String>?) -> [String: Any] {
        var table: [String: Any] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let path = prefix + key
            if let known, !known.contains(path) {
                let siblings = known.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }
                    .map { String($0.dropFirst(prefix.count)) }
                let hint = Suggestion.nearest(to: key, in: siblings).map { "did you mean '\(prefix + $0)'?" }
                    ?? "no template uses it: a key is used as `{{strings.\(path)}}`, or it changes one of Tandem's own wordings"
                diagnostics.append(.warning(place(keyNode, in: file), "unknown key '\(path)' in the strings", hint: hint))
            }
            let open = known == nil || !known!.contains(path) || StringsFile.openTables.contains(path)
            table[key] = convert(value, path: path, file: file, known: open ? nil : known)
        }
        return table
    }

    private mutating func convert(_ node: Node, path: String, file: TemplateFile, known: Set<String>?) -> Any {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map { convert($0, path: path, file: file, known: nil) }
        case .mapping(let mapping): return read(mapping, prefix: path + ".", file: file, known: known)
        case .alias: return ""
        }
    }

    private func place(_ node: Node, in file: TemplateFile) -> SourceLocation {
        SourceLocation(path: file.displayPath, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Every dotted key of `table` and the keys templates use as `strings.KEY`:
    /// the keys a site's strings file may hold.
    static func knownKeys(builtIn tables: [[String: Any]], templates: [TemplateFile]) -> Set<String> {
        var keys: Set<String> = []
        func add(_ table: [String: Any], prefix: String) {
            for (key, value) in table {
                keys.insert(prefix + key)
                if let inner = value as? [String: Any] { add(inner, prefix: prefix + key + ".") }
            }
        }
        for table in tables { add(table, prefix: "") }
        keys.formUnion(openTables)
        keys.formUnion(["date_format"])
        for template in templates {
            for used in usedKeys(in: template.text) {
                let parts = used.split(separator: ".")
                for end in parts.indices { keys.insert(parts[...end].joined(separator: ".")) }
            }
        }
        return keys
    }

    /// `contacts.heading` for each `strings.contacts.heading` in a template's text.
    static func usedKeys(in text: String) -> [String] {
        var keys: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "strings.") {
            let key = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            let trimmed = key.hasSuffix(".") ? key.dropLast() : key
            if !trimmed.isEmpty { keys.append(String(trimmed)) }
            rest = rest[range.upperBound...]
        }
        return keys
    }
}
