import Yams

/// Parses a block of YAML into a node tree with positions; Yams' errors
/// become diagnostics at the line and column of the original file.
///
/// Every YAML Tandem reads — front matter, focal points, `tandem.yaml`, the
/// strings of the templates — comes through here, so each is held to the same
/// bounds whatever its author wrote: at most `maxBytes`, and at most
/// `maxValues` values once its aliases are expanded (`YAMLExpansion`). An
/// alias bomb is then an error at its file, found at once, in bounded memory.
enum YAMLDocument {
    /// The largest YAML document read: a megabyte, far beyond settings and short texts.
    static let maxBytes = 1 << 20
    /// The most values (texts, lists, groups of keys) one document may stand for.
    static let maxValues = 100_000

    /// Yams' node tree of `yaml` in the YAML 1.2 core schema's basic types.
    /// The encoding and the constructor are given, not taken as Yams'
    /// defaults: its default encoding reads the whole process environment
    /// on every call (2 % of a 10,000-page build), its default constructor
    /// builds its tables anew. Strings are UTF-8 in Swift, so UTF-8 it is.
    static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic, constructor, .utf8)
    }

    /// Yams' constructor with its default tables, made once. Only read.
    nonisolated(unsafe) private static let constructor = Constructor.default

    static func parse(_ yaml: String, path: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        let start = SourceLocation(path: path, line: firstLine, column: 1)
        guard yaml.utf8.count <= maxBytes else {
            return .failure(.error(start, "this YAML is larger than 1 MB, more than Tandem reads in one piece",
                                   hint: "keep YAML to settings and short texts; the text of a page goes after the front matter"))
        }
        do {
            if let place = try YAMLExpansion.excess(in: yaml, limit: maxValues) {
                return .failure(.error(SourceLocation(path: path, line: firstLine - 1 + place.line, column: place.column),
                                       "this YAML repeats itself too much: with its aliases (`*name`) expanded it holds more than 100,000 values",
                                       hint: "write the values out instead of repeating them with `&name` and `*name`"))
            }
            return .success(try compose(yaml))
        } catch let error as YamlError {
            return .failure(YAMLErrors.diagnostic(for: error, yaml: yaml, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(start, "cannot read the YAML: \(error)"))
        }
    }
}
