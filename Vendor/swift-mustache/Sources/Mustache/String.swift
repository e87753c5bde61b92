//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

extension String {
    /// HTML escape string. Replace '<', '>', '&', '"' and '\'' with HTML escaped versions
    func htmlEscape() -> String {
        var escaped = ""
        self.appendHTMLEscaped(to: &escaped)
        return escaped
    }

    /// Tandem fork: appends the escaped text to `output`, scanning UTF-8 bytes (the five
    /// characters are ASCII) and copying the runs between them whole. The original walked
    /// every Character through a dictionary, which cost a sixth of a site's build; it also
    /// left a `<` unescaped when a combining mark followed it (one Character), which this
    /// does not.
    func appendHTMLEscaped(to output: inout String) {
        let utf8 = self.utf8
        // Tandem fork: most values need no escape. Their bytes are scanned in place,
        // and such a value is appended whole.
        var index: String.UTF8View.Index
        switch utf8.withContiguousStorageIfAvailable(Self.firstEscapedOffset) {
        case .some(nil):
            output.append(self)
            return
        case .some(let offset?):
            index = utf8.index(utf8.startIndex, offsetBy: offset)
        case nil:
            index = utf8.startIndex
        }
        var runStart = utf8.startIndex
        while index != utf8.endIndex {
            let replacement: String
            switch utf8[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            output.append(contentsOf: self[runStart..<index])
            output.append(replacement)
            utf8.formIndex(after: &index)
            runStart = index
        }
        if runStart == utf8.startIndex {
            output.append(self)
        } else {
            output.append(contentsOf: self[runStart..<utf8.endIndex])
        }
    }

    /// Tandem fork: the offset of the first byte that HTML escapes, nil if none.
    private static func firstEscapedOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for offset in bytes.indices {
            switch bytes[offset] {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): return offset
            default: continue
            }
        }
        return nil
    }
}
