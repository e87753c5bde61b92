import Foundation

/// The text of a file of the site, checked to be UTF-8, with a byte-order
/// mark removed and Windows line endings made plain, so that line numbers
/// mean the same thing in every stage.
///
/// Control characters other than tab and line ends are refused at their
/// place: they are invisible in an editor, and libcmark stops reading a page
/// at a NUL, so the rest of the page would vanish without a word.
enum SourceText {
    /// Decodes `data`; a file that is not UTF-8 is an error at its first bad
    /// byte, one with a control character an error at the first of them.
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        let validated = data.withUnsafeBytes { UTF8Text.string($0.bindMemory(to: UInt8.self)) }
        if let text = validated {
            var text = text
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            var low = lowBytes(of: text)
            if low.carriageReturn {
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                low = lowBytes(of: text)
            }
            if low.control, let problem = controlCharacter(in: text, path: path) { return .failure(problem) }
            return .success(text)
        }
        let (line, column) = firstInvalidByte(in: data)
        return .failure(.error(SourceLocation(path: path, line: line, column: column),
                               "this file is not UTF-8 text",
                               hint: "save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)"))
    }

    /// Whether `text` holds a carriage return, and a C0 control character
    /// other than a tab or a line end: one pass over the bytes of every file
    /// read, sixteen at a time (`SIMD16`, compared in vector registers); only
    /// a block with such a byte, which is rare, is looked at byte by byte.
    private static func lowBytes(of text: String) -> (carriageReturn: Bool, control: Bool) {
        var carriageReturn = false, control = false
        func look(at byte: UInt8) {
            guard byte < 0x20 else { return }
            if byte == 13 { carriageReturn = true } else if byte != 9 && byte != 10 { control = true }
        }
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let space = SIMD16<UInt8>(repeating: 0x20), tab = SIMD16<UInt8>(repeating: 9), lineEnd = SIMD16<UInt8>(repeating: 10)
            var offset = 0
            while offset + 16 <= bytes.count {
                let block = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
                // A byte below 0x20 that is neither a tab nor a line end.
                if any((block .< space) .& (block .!= tab) .& (block .!= lineEnd)) {
                    for index in offset ..< offset + 16 { look(at: base[index]) }
                }
                offset += 16
            }
            for index in offset ..< bytes.count { look(at: base[index]) }
        }
        return (carriageReturn, control)
    }

    /// An error at the first C0 control character that is not a tab or a line end.
    static func controlCharacter(in text: String, path: String) -> Diagnostic? {
        func isControl(_ value: UInt32) -> Bool { value < 0x20 && value != 0x09 && value != 0x0A }
        guard text.utf8.contains(where: { isControl(UInt32($0)) }) else { return nil }
        var line = 1, column = 1
        var first: (line: Int, column: Int, value: UInt32)?
        var count = 0
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) {
                count += 1
                if first == nil { first = (line, column, scalar.value) }
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        guard let first else { return nil }
        let code = String(format: "U+%04X", first.value)
        let name = first.value == 0 ? "a NUL character (\(code))" : "an invisible control character (\(code))"
        let more = count > 1 ? ", and \(count - 1) more after it" : ""
        return .error(SourceLocation(path: path, line: first.line, column: first.column),
                      "this file holds \(name), which is not text\(more)",
                      hint: "delete it (such characters often come with text copied out of another program); left in, it would cut or garble the text around it")
    }

    /// Line and column (in characters) of the first byte that breaks UTF-8.
    private static func firstInvalidByte(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}
