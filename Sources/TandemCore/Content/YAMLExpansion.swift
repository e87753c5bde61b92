import Yams

/// Counts the values a YAML document holds once its aliases (`*name`, which
/// repeat what an anchor `&name` holds) are expanded, without expanding them.
///
/// A few hundred bytes of nested aliases stand for billions of values (an
/// "alias bomb"); anything that walks them — converting them, or Yams hashing
/// a mapping's keys to find duplicates — runs out of time or memory. So the
/// document is first read with every alias replaced by a plain word of the
/// same length (same lines and columns, nothing to expand), the size each
/// anchor stands for is added up on that tree, and only a document within
/// the bound is read for real.
enum YAMLExpansion {
    /// A place in the YAML block, as Yams counts it (1-based line, column in characters).
    struct Place: Hashable {
        var line: Int
        var column: Int
    }

    /// Where the count of values first passes `limit`, or nil if it never
    /// does. Throws Yams' error when the document cannot be read.
    static func excess(in yaml: String, limit: Int) throws -> Place? {
        var text = yaml
        guard text.withUTF8({ $0.contains(UInt8(ascii: "*")) }) else { return nil }
        let tokens = scan(yaml)
        guard !tokens.aliases.isEmpty else { return nil }
        var scalars = Array(yaml.unicodeScalars)
        for index in tokens.aliasOffsets { scalars[index] = "_" }
        var copy = ""
        copy.unicodeScalars.append(contentsOf: scalars)
        guard let root = try YAMLDocument.compose(copy) else { return nil }
        var counter = Counter(aliases: tokens.aliases, anchors: tokens.anchors, limit: limit)
        _ = counter.size(of: root)
        return counter.excess
    }

    /// Adds up sizes on the tree where aliases are plain words.
    private struct Counter {
        let aliases: [Place: String]
        let anchors: [Place: String]
        let limit: Int
        var anchorSizes: [String: Int] = [:]
        var expanded = 0
        var excess: Place?

        /// The values `node` stands for, at most `limit + 1`.
        mutating func size(of node: Node) -> Int {
            let place = node.mark.map { Place(line: $0.line, column: $0.column) }
            var size = 1
            if case .scalar(let scalar) = node, scalar.style == .plain, let place, let name = aliases[place] {
                size = anchorSizes[name] ?? 1
                add(size, at: place)
            } else {
                add(1, at: place)
                switch node {
                case .sequence(let sequence):
                    for item in sequence { size = bounded(size + self.size(of: item)) }
                case .mapping(let mapping):
                    for (key, value) in mapping { size = bounded(size + self.size(of: key) + self.size(of: value)) }
                case .scalar, .alias:
                    break
                }
            }
            if let place, let name = anchors[place] { anchorSizes[name] = size }
            return size
        }

        private mutating func add(_ count: Int, at place: Place?) {
            expanded = bounded(expanded + count)
            if expanded > limit && excess == nil { excess = place ?? Place(line: 1, column: 1) }
        }

        private func bounded(_ count: Int) -> Int { min(count, limit + 1) }
    }

    private struct Tokens {
        /// Where each alias starts (its `*`), and the anchor it names.
        var aliases: [Place: String] = [:]
        var aliasOffsets: [Int] = []
        /// Where each anchored node starts (its `&`, or the tag written before it), and the anchor's name.
        var anchors: [Place: String] = [:]
    }

    /// Finds every `*name` and `&name` that can start a YAML token. Text in
    /// quotes or comments may be taken for one too: that only costs a count.
    private static func scan(_ yaml: String) -> Tokens {
        var tokens = Tokens()
        let scalars = Array(yaml.unicodeScalars)
        var line = 1, column = 1
        var tagStart: Place?
        var index = 0
        /// What libyaml accepts in an anchor's name.
        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || scalar == "_" || scalar == "-"
        }
        func name(after start: Int) -> String {
            var end = start + 1
            while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[(start + 1)..<end])
            return text
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let place = Place(line: line, column: column)
            let startsToken = index == 0 || " \t\n[{,:?-".unicodeScalars.contains(scalars[index - 1])
            if startsToken && index + 1 < scalars.count && isNameCharacter(scalars[index + 1]) {
                if scalar == "*" {
                    tokens.aliases[place] = name(after: index)
                    tokens.aliasOffsets.append(index)
                } else if scalar == "&" {
                    tokens.anchors[tagStart ?? place] = name(after: index)
                }
            }
            if startsToken && scalar == "!" {
                tagStart = place
            } else if scalar == "\n" || (scalar != " " && scalar != "\t" && tagStart != nil && startsToken) {
                tagStart = nil
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return tokens
    }
}
