import Foundation

/// The text of a file of the site, checked to be UTF-8, with a byte-order
/// mark removed and Windows line endings made plain, so that line numbers
/// mean the same thing in every stage.
enum SourceText {
    /// Decodes `data`; a file that is not UTF-8 is an error at its first bad byte.
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        let validated = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        if let text = validated {
            var text = text
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if text.utf8.contains(13) {
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            return .success(text)
        }
        let (line, column) = firstInvalidByte(in: data)
        return .failure(.error(SourceLocation(path: path, line: line, column: column),
                               "this file is not UTF-8 text",
                               hint: "save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)"))
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
