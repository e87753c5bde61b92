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
        var escaped: [UInt8] = []
        self.appendHTMLEscaped(to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Tandem fork: appends the escaped text to `output`, scanning UTF-8 bytes (the five
    /// characters are ASCII) and copying the runs between them whole. The original walked
    /// every Character through a dictionary, which cost a sixth of a site's build; it also
    /// left a `<` unescaped when a combining mark followed it (one Character), which this
    /// does not. Most values need no escape and are appended in one copy.
    func appendHTMLEscaped(to output: inout [UInt8]) {
        var text = self
        text.withUTF8 { Self.appendHTMLEscaped($0, to: &output) }
    }

    /// Tandem fork: `appendHTMLEscaped(to:)` for text already in UTF-8 (`MustacheUTF8Text`).
    static func appendHTMLEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
            var runStart = 0
            for offset in bytes.indices {
                let replacement: StaticString
                switch bytes[offset] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                output.append(literal: replacement)
                runStart = offset + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
