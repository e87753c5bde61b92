/// Where each stretch of a page's prose comes from in its file. Gathering the
/// prose records one origin per text node, not a place per character; the
/// place of one character is worked out again — the way libcmark's text lines
/// up with its source line, escapes and entities included — only when a
/// diagnostic needs it, and most pages have none.
struct ProseOrigins {
    enum Source {
        /// Every byte at one place: a run separator.
        case at(Prose.Place)
        /// Every byte where a node starts: a code span's stand-in.
        case node(Prose.NodeStart)
        /// A line break: where the character before it is.
        case previous
        /// A title or summary: one column per character from this place.
        case consecutive(Prose.Place)
        /// A text node of the body: its line in the body (1-based) and libcmark's byte column.
        case textNode(line: Int, byteColumn: Int)
    }

    /// The first byte of each stretch, ascending, and where the stretch comes from.
    private var starts: [Int] = []
    private var sources: [Source] = []

    /// Room for `stretches` stretches, so that adding them does not grow the tables step by step.
    mutating func reserveRoom(for stretches: Int) {
        starts.reserveCapacity(stretches)
        sources.reserveCapacity(stretches)
    }

    mutating func add(_ source: Source, at start: Int) {
        starts.append(start)
        sources.append(source)
    }

    /// Where the character starting at byte `offset` of `text` is in the file.
    func place(of offset: Int, in text: [UInt8], bodyLines: [Substring], bodyFirstLine: Int) -> Prose.Place {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return .none }
        let index = low - 1, start = starts[index]
        switch sources[index] {
        case .at(let place):
            return place
        case .node(let node):
            return Self.place(of: node, bodyLines: bodyLines, bodyFirstLine: bodyFirstLine)
        case .previous:
            var before = start - 1
            while before > 0, text[before] & 0xC0 == 0x80 { before -= 1 }
            return start > 0 ? place(of: before, in: text, bodyLines: bodyLines, bodyFirstLine: bodyFirstLine) : .none
        case .consecutive(let first):
            guard first.line > 0 else { return .none }
            let characters = text[start..<offset].count { $0 & 0xC0 != 0x80 }
            return Prose.Place(line: first.line, column: first.column + Int32(characters))
        case .textNode(let line, let byteColumn):
            let end = index + 1 < starts.count ? starts[index + 1] : text.count
            let node = String(decoding: text[start..<end], as: UTF8.self)
            return Self.place(of: offset - start, inText: node, line: line, byteColumn: byteColumn,
                              bodyLines: bodyLines, bodyFirstLine: bodyFirstLine)
        }
    }

    /// The place of the byte at `offset` of a text node's `text`, lining its
    /// characters up with the source line: `\*` is one character written as two,
    /// an entity (`&amp;`) one written as several.
    private static func place(of offset: Int, inText text: String, line: Int, byteColumn: Int,
                              bodyLines: [Substring], bodyFirstLine: Int) -> Prose.Place {
        guard line > 0, line <= bodyLines.count else { return .none }
        let source = Array(bodyLines[line - 1].unicodeScalars)
        var index = scalarIndex(in: bodyLines[line - 1], byteColumn: byteColumn)
        var byte = 0
        for scalar in text.unicodeScalars {
            var at = index
            if index < source.count, source[index] != scalar {
                if source[index] == "\\", index + 1 < source.count, source[index + 1] == scalar {
                    at = index + 1
                    index += 1
                } else if source[index] == "&", let end = source[index...].prefix(40).firstIndex(of: ";") {
                    index = end
                }
            }
            index += 1
            byte += scalar.utf8.count
            if offset < byte {
                return Prose.Place(line: Int32(bodyFirstLine + line - 1), column: Int32(min(at, source.count) + 1))
            }
        }
        return .none
    }

    /// The line and column (in characters) in the file of where a node of the body starts.
    static func place(of start: Prose.NodeStart, bodyLines: [Substring], bodyFirstLine: Int) -> Prose.Place {
        let line = Int(start.line)
        guard line > 0, line <= bodyLines.count else { return .none }
        return Prose.Place(line: Int32(bodyFirstLine + line - 1),
                           column: Int32(scalarIndex(in: bodyLines[line - 1], byteColumn: Int(start.byteColumn)) + 1))
    }

    /// The character index of libcmark's 1-based byte column in a line.
    static func scalarIndex(in line: Substring, byteColumn: Int) -> Int {
        let utf8 = line.utf8
        guard let index = utf8.index(utf8.startIndex, offsetBy: max(byteColumn - 1, 0), limitedBy: utf8.endIndex) else {
            return line.unicodeScalars.count
        }
        return line.unicodeScalars.distance(from: line.startIndex, to: index)
    }
}
