//
// Tandem fork: remembered renderings of a section's body for one element.
//

import Foundation

/// What a section's body rendered for one element of a list, kept with the
/// element so that every later rendering of the same body for it (another
/// listing page showing the same entry) appends the kept text instead.
///
/// An app opts in per element: a `[String: Any]` element of a list holding a
/// `MustacheMemo` under `MustacheMemo.key` is remembered. A rendering is kept
/// only if it read nothing but the element and what lies inside it: every
/// name resolved in the element (or in a context a section inside it
/// pushed), none in the contexts around the list, none missing (a name found
/// nowhere could be found around another list), no position in the list
/// (`first()`, `index()`), no block while a parent's overrides are in force
/// (a layout's `{{$main}}` may hold the list; a block inside the body may not). Anything else,
/// and the body is rendered as usual, every time. The element's values must
/// not change while the memo is in use.
public final class MustacheMemo: @unchecked Sendable {
    /// The key of the memo in an element. It holds a character no tag can name.
    public static let key = "\u{0}memo"

    /// A section's body, with what decides how its text comes out besides the element.
    struct Key: Hashable {
        /// The body's tokens, by the address of their storage (alive as long as the template).
        var tokens: UnsafeRawPointer
        var contentType: ObjectIdentifier
    }

    private let lock = NSLock()
    private var texts: [Key: String] = [:]

    public init() {}

    /// How many renderings are kept (one per section body that rendered the element cleanly).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return texts.count
    }

    func text(for key: Key) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return texts[key]
    }

    func keep(_ text: String, for key: Key) {
        lock.lock()
        texts[key] = text
        lock.unlock()
    }
}

/// The renderings in progress that may be remembered, innermost last, each
/// with the place of its element on the context stack. A name resolved below
/// that place (or not at all) spoils it. One per top-level render, on one thread.
final class MemoTracker {
    private var floors: [Int] = []
    private var spoiled: [Bool] = []

    /// Starts a rendering whose element is at `floor` on the stack; returns its handle.
    func begin(floor: Int) -> Int {
        floors.append(floor)
        spoiled.append(false)
        return floors.count - 1
    }

    /// Ends the rendering `handle`; true if nothing spoiled it.
    func end(_ handle: Int) -> Bool {
        let clean = !spoiled[handle]
        floors.removeLast()
        spoiled.removeLast()
        return clean
    }

    /// A name was resolved at `index` on the stack (-1: nowhere).
    func resolved(at index: Int) {
        for frame in floors.indices where index < floors[frame] { spoiled[frame] = true }
    }

    /// Something outside every element was read (the position in a list, an inherited block).
    func readOutside() {
        for frame in spoiled.indices { spoiled[frame] = true }
    }
}

extension MustacheTemplate {
    /// Renders this template (a section's body) for `element`, the object on
    /// top of `context`'s stack, through the element's memo if it has one.
    func render(element: Any, context: MustacheContext, into output: inout String) {
        guard Swift.type(of: element) == [String: Any].self,
              let memo = (element as! [String: Any])[MustacheMemo.key] as? MustacheMemo,
              context.indentation?.isEmpty ?? true
        else {
            self.render(context: context, into: &output)
            return
        }
        let key = MustacheMemo.Key(tokens: self.tokensAddress, contentType: ObjectIdentifier(Swift.type(of: context.contentType)))
        if let text = memo.text(for: key) {
            output += text
            return
        }
        let tracker = context.tracker ?? MemoTracker()
        let handle = tracker.begin(floor: context.stack.count - 1)
        let start = output.utf8.count
        self.render(context: context.withTracker(tracker), into: &output)
        if tracker.end(handle) {
            let utf8 = output.utf8
            memo.keep(String(utf8[utf8.index(utf8.startIndex, offsetBy: start)...])!, for: key)
        }
    }

    /// The address of the tokens' storage: the same for every copy of this template.
    var tokensAddress: UnsafeRawPointer {
        self.tokens.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress ?? UnsafePointer(bitPattern: 1)!) }
    }
}
