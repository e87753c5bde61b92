import Foundation
import Yams

/// Reads the fields of one YAML mapping into typed values, collecting a
/// diagnostic (at the line in the original file) for every field that is
/// missing, of the wrong type, or not one of the accepted values.
///
/// Scalars are read from their text as written, so YAML 1.1 quirks never reach
/// the model: `no` stays the string "no", `1.10` stays "1.10", and a boolean
/// must be written `true` or `false`.
struct YAMLFields {
    let path: String
    /// Line of the file on which the YAML block starts, minus one.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The mapping's allowed keys, in the order written, and where each is
    /// among the mapping's pairs. A front matter has a dozen keys: a look-up
    /// compares them (from the last, so that a later key wins as it did in a
    /// dictionary) instead of hashing the key into two dictionaries for each
    /// key read and written. The nodes stay in the mapping until asked for.
    private var keys: [String] = []
    private var pairIndices: [Int] = []
    /// Not optional: an optional mapping would be copied at each look-up.
    private var mapping = YAMLFields.noMapping
    /// The mapping of a block that is not one, made once: a mapping made
    /// anew makes its tag, and Yams' default constructor, each time.
    nonisolated(unsafe) private static let noMapping = Node.Mapping([])

    /// Reads `mapping`, reporting keys that are not in `allowedKeys` with the nearest one as a hint.
    init(_ node: Node, path: String, lineOffset: Int, allowedKeys: [String], what: String) {
        self.path = path
        self.lineOffset = lineOffset
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(location(of: node), "\(what) must be a list of `key: value` lines",
                                      hint: "write for example `title: Joint registration in Goma`"))
            return
        }
        keys.reserveCapacity(mapping.count)
        pairIndices.reserveCapacity(mapping.count)
        for index in mapping.indices {
            let key = mapping.key(at: index).scalar?.string ?? ""
            if !allowedKeys.contains(key) {
                diagnostics.append(.error(location(of: mapping.key(at: index)), "unknown key '\(key)' in \(what)",
                                          hint: Suggestion.hint(for: key, in: allowedKeys)))
                continue
            }
            keys.append(key)
            pairIndices.append(index)
        }
        self.mapping = mapping
    }

    /// Where the last `key` is in `keys`, nil if the mapping does not have it.
    private func index(of key: String) -> Int? {
        keys.lastIndex(of: key)
    }

    /// The value of the last `key`.
    private func value(_ key: String) -> Node? {
        guard let index = index(of: key) else { return nil }
        return mapping.value(at: pairIndices[index])
    }

    /// The place of a node in the original file.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(path: path, line: lineOffset + mark.line, column: mark.column)
    }

    /// The place of a key (or of the block's start when the key is absent).
    func location(ofKey key: String) -> SourceLocation {
        location(of: index(of: key).map { mapping.key(at: pairIndices[$0]) })
    }

    func has(_ key: String) -> Bool { index(of: key) != nil }

    /// The value of a key as written, for fields with a shape of their own.
    func node(_ key: String) -> Node? { value(key) }

    /// Where the text of a one-line scalar starts (after an opening quote),
    /// nil for block scalars and texts over several lines.
    func textStart(ofKey key: String) -> SourceLocation? {
        guard let node = value(key), case .scalar(let scalar) = node, let mark = scalar.mark else { return nil }
        guard !scalar.string.containsByte(0x0A) else { return nil }
        let start = location(of: node)
        switch scalar.style {
        case .plain: return start
        case .singleQuoted, .doubleQuoted: return start.at(line: start.line, column: mark.column + 1)
        default: return nil
        }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The text of a scalar `key`; `expecting` and `example` are made only for a diagnostic.
    private mutating func scalar(_ key: String, expecting: @autoclosure () -> String,
                                 example: @autoclosure () -> String) -> (String, Node)? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node {
            if scalar.style == .plain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null") {
                diagnostics.append(.error(location(of: node), "'\(key)' is empty", hint: "write \(expecting()), e.g. `\(key): \(example())`, or remove the line"))
                return nil
            }
            return (scalar.string, node)
        }
        diagnostics.append(.error(location(of: node), "'\(key)' must be \(expecting()), not a \(node.kindName)",
                                  hint: "write `\(key): \(example())`"))
        return nil
    }

    mutating func string(_ key: String, required: Bool = false, example: String) -> Located<String>? {
        guard has(key) else {
            if required {
                diagnostics.append(.error(SourceLocation(path: path, line: lineOffset + 1, column: 1),
                                          "missing required key '\(key)'", hint: "add a line `\(key): \(example)` to the front matter"))
            }
            return nil
        }
        guard let (text, node) = scalar(key, expecting: "a text", example: example) else { return nil }
        return Located(text, at: location(of: node))
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let (text, node) = scalar(key, expecting: "true or false", example: "true") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(location(of: node), "'\(key)' must be true or false, not '\(text)'",
                                      hint: "write `\(key): true` or `\(key): false`"))
            return nil
        }
    }

    mutating func int(_ key: String, example: String) -> Int? {
        guard let (text, node) = scalar(key, expecting: "a whole number", example: example) else { return nil }
        guard let value = Int(text) else {
            diagnostics.append(.error(location(of: node), "'\(key)' must be a whole number, not '\(text)'",
                                      hint: "write `\(key): \(example)`"))
            return nil
        }
        return value
    }

    mutating func date(_ key: String, requireTime: Bool = false, example: String) -> Located<PageDate>? {
        guard let (text, node) = scalar(key, expecting: "a date", example: example) else { return nil }
        do {
            let date = try PageDate.parse(text)
            if requireTime && !date.hasTime {
                diagnostics.append(.error(location(of: node), "'\(key)' needs a time and a zone, not only a day",
                                          hint: "write `\(key): \(example)` (an instant: the day, the time and Z or ±hh:mm)"))
                return nil
            }
            return Located(date, at: location(of: node))
        } catch .missingZone {
            diagnostics.append(.error(location(of: node), "'\(key)' has a time but no time zone: '\(text)'",
                                      hint: "add the zone, e.g. `\(text)Z` for UTC or `\(text)+01:00`; Tandem does not guess"))
        } catch .noSuchDay {
            diagnostics.append(.error(location(of: node), "'\(key)' is not a day of the calendar: '\(text)'",
                                      hint: "check the month and day, e.g. `\(key): \(example)`"))
        } catch {
            diagnostics.append(.error(location(of: node), "'\(key)' is not a date: '\(text)'",
                                      hint: "write it as year-month-day, e.g. `\(key): \(example)`"))
        }
        return nil
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> Located<E>? where E.RawValue == String {
        // The allowed values are listed only for a diagnostic: most values are read as they are.
        var allowed: [String] { E.allCases.map(\.rawValue) }
        guard let (text, node) = scalar(key, expecting: "one of " + allowed.joined(separator: ", "), example: allowed[0]) else { return nil }
        if let value = E(rawValue: text) { return Located(value, at: location(of: node)) }
        if let value = E.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            diagnostics.append(.error(location(of: node), "'\(key)' is written '\(value.rawValue)', not '\(text)'",
                                      hint: "write `\(key): \(value.rawValue)`"))
            return nil
        }
        diagnostics.append(.error(location(of: node), "unknown \(key) '\(text)'", hint: Suggestion.hint(for: text, in: allowed)))
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func stringList(_ key: String, example: @autoclosure () -> String) -> [Located<String>] {
        guard let node = value(key) else { return [] }
        var result: [Located<String>] = []
        switch node {
        case .sequence(let sequence):
            result.reserveCapacity(sequence.count)
            for item in sequence { appendItem(item, of: key, example: example(), to: &result) }
        case .scalar:
            appendItem(node, of: key, example: example(), to: &result)
        default:
            diagnostics.append(.error(location(of: node), "'\(key)' must be a list",
                                      hint: "write `\(key): [\(example())]`, or a line `\(key):` followed by one line `  - \(example())` per item"))
        }
        return result
    }

    /// Appends one item of a list of texts, or reports it if it is not a text.
    private mutating func appendItem(_ item: Node, of key: String, example: @autoclosure () -> String,
                                     to result: inout [Located<String>]) {
        guard let scalar = item.scalar, !scalar.string.isEmpty else {
            diagnostics.append(.error(location(of: item), "each item of '\(key)' must be a single text",
                                      hint: "write `- \(example())`"))
            return
        }
        result.append(Located(scalar.string, at: location(of: item)))
    }

    mutating func enumList<E: RawRepresentable & CaseIterable & Sendable>(_ key: String, _ type: E.Type) -> [E] where E.RawValue == String {
        var allowed: [String] { E.allCases.map(\.rawValue) }
        var result: [E] = []
        for item in stringList(key, example: allowed[0]) {
            if let value = E(rawValue: item.value) ?? E.allCases.first(where: { $0.rawValue == item.value.lowercased() }) {
                if !result.contains(where: { $0.rawValue == value.rawValue }) { result.append(value) }
            } else {
                diagnostics.append(.error(item.location, "unknown \(key) value '\(item.value)'",
                                          hint: Suggestion.hint(for: item.value, in: allowed)))
            }
        }
        return result
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "text"
        case .mapping: "group of keys"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
