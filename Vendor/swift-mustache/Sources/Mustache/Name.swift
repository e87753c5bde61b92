//
// Tandem fork: not in swift-mustache 2.1.1 (see FORK.md).
//

/// A variable's or section's name as rendering looks it up, worked out once
/// when the template is parsed: 2.1.1 compared and split the name's text at
/// every rendering of its tag.
struct MustacheName: Sendable, Equatable, ExpressibleByStringLiteral {
    /// How the name is looked up; the cases follow `getChild`'s rules in order.
    enum Lookup: Sendable {
        /// `.`: the object on top of the stack.
        case current
        /// Empty: the position in a list if the tag has transforms (`{{first()}}`), else a plain name.
        case empty
        /// `.a.b`: `a` in the top object only, then `b` in it.
        case anchored([MustacheKey])
        /// `a`: the topmost object on the stack that has it.
        case plain(MustacheKey)
        /// `a.b`: `a` in the topmost object that has it, then `b` in it.
        case dotted([MustacheKey])
    }

    let text: String
    let lookup: Lookup

    init(_ text: String) {
        self.text = text
        if text == "." {
            self.lookup = .current
        } else if text.isEmpty {
            self.lookup = .empty
        } else if text.first == "." {
            self.lookup = .anchored(text.split(separator: ".").map { MustacheKey(String($0)) })
        } else if !text.utf8.contains(UInt8(ascii: ".")) {
            self.lookup = .plain(MustacheKey(text))
        } else {
            self.lookup = .dotted(text.split(separator: ".").map { MustacheKey(String($0)) })
        }
    }

    init(stringLiteral text: String) {
        self.init(text)
    }

    /// Names are the same if their text is.
    static func == (lhs: MustacheName, rhs: MustacheName) -> Bool {
        lhs.text == rhs.text
    }
}
