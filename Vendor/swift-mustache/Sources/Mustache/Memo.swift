//
// Tandem fork: remembered renderings of a section's body for one element.
//

import Foundation
import Synchronization

/// What a section's body rendered for one element of a list, kept with the
/// element so that every later rendering of the same body for it (another
/// listing page showing the same entry) appends the kept text instead.
///
/// An app opts in per element: a `[MustacheKey: Any]` or `[String: Any]` element of a list holding a
/// `MustacheMemo` under `MustacheMemo.key` is remembered, and so is a
/// `MustacheLazyElement`, whose values are made only if the text is not kept. A rendering is kept
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
    public static let key: MustacheKey = "\u{0}memo"

    /// A section's body, with what decides how its text comes out besides the element.
    struct Key: Hashable, Sendable {
        /// The body, by the identity it was given when parsed (`MustacheTemplate.identity`),
        /// which its copies share: a copy made apart for another thread uses the same texts.
        var template: Int
        var contentType: ObjectIdentifier
    }

    /// Tandem fork: the standard library's `Mutex` (one atomic operation to take it), not
    /// `NSLock`, which calls through Foundation into pthreads on every look-up.
    private let texts = Mutex<[Key: [UInt8]]>([:])

    public init() {}

    /// How many renderings are kept (one per section body that rendered the element cleanly).
    public var count: Int {
        texts.withLock { $0.count }
    }

    func text(for key: Key) -> [UInt8]? {
        texts.withLock { $0[key] }
    }

    func keep(_ text: [UInt8], for key: Key) {
        texts.withLock { $0[key] = text }
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

/// An element of a list whose values are made only when a section's body
/// must be rendered for it: when its memo has the body's text, the text is
/// appended and the values are never made. Anywhere else (a name looked up
/// in it, a section over it) it stands for its values
/// (`MustacheCustomRepresentation`). Made and rendered on one thread.
public final class MustacheLazyElement: MustacheCustomRepresentation {
    public let memo: MustacheMemo
    private let make: () -> MustacheValues
    private var made: MustacheValues?

    /// `values` is called at most once, the first time the values are needed.
    public init(memo: MustacheMemo, values: @escaping () -> MustacheValues) {
        self.memo = memo
        self.make = values
    }

    /// The element's values, made the first time they are asked for.
    public var values: MustacheValues {
        if let made { return made }
        let values = make()
        made = values
        return values
    }

    public var representation: Any? { values }
}

extension MustacheTemplate {
    /// Renders this template (a section's body) for `element`, the next
    /// element of a list rendered in `context`, through the element's memo if
    /// it has one (`MustacheMemo`, `MustacheLazyElement`).
    func render(element: Any, sequence: MustacheSequenceContext, around context: MustacheContext, into output: inout [UInt8]) {
        // Read as the type it is (`exactly`): `element as AnyObject` went through
        // `_bridgeAnythingToObjectiveC`, about 640 instructions an element.
        if let lazy = exactly(element, as: MustacheLazyElement.self) {
            if context.indentation?.isEmpty ?? true, let text = lazy.memo.text(for: self.memoKey(context)) {
                output += text
                return
            }
            let values = lazy.values
            self.render(memo: lazy.memo, context: context.withSequence(values, sequenceContext: sequence), into: &output)
        } else if let memo = Self.memo(of: element) {
            self.render(memo: memo, context: context.withSequence(element, sequenceContext: sequence), into: &output)
        } else {
            self.render(context: context.withSequence(element, sequenceContext: sequence), into: &output)
        }
    }

    /// The memo a dictionary element holds under `MustacheMemo.key`, if any.
    private static func memo(of element: Any) -> MustacheMemo? {
        let held: Any?
        if let dictionary = exactly(element, as: MustacheValues.self) {
            held = dictionary[MustacheMemo.key]
        } else if let dictionary = exactly(element, as: [String: Any].self) {
            held = dictionary[MustacheMemo.key.text]
        } else {
            return nil
        }
        return held.flatMap { exactly($0, as: MustacheMemo.self) }
    }

    /// Renders this template for the element on top of `context`'s stack,
    /// appending the text kept in `memo` or keeping what it renders there.
    private func render(memo: MustacheMemo, context: MustacheContext, into output: inout [UInt8]) {
        guard context.indentation?.isEmpty ?? true else {
            self.render(context: context, into: &output)
            return
        }
        let key = self.memoKey(context)
        if let text = memo.text(for: key) {
            output += text
            return
        }
        let tracker = context.tracker ?? MemoTracker()
        let handle = tracker.begin(floor: context.depth - 1)
        let start = output.count
        self.render(context: context.withTracker(tracker), into: &output)
        if tracker.end(handle) {
            memo.keep(Array(output[start...]), for: key)
        }
    }

    /// What a memo keeps this body's text under, rendered in `context`.
    private func memoKey(_ context: MustacheContext) -> MustacheMemo.Key {
        MustacheMemo.Key(template: self.identity, contentType: ObjectIdentifier(Swift.type(of: context.contentType)))
    }
}
