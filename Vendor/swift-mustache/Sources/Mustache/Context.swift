//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Context while rendering mustache tokens
/// Tandem fork: a class, so that passing a context on costs one retain, not one per field.
/// Its stack is a chain: the object on top (`top`, with `topDictionary`) and the context
/// that holds the rest (`below`), so that pushing an object makes one context and copies
/// nothing (an array per push was copied whole, each element retained, and freed again).
final class MustacheContext {
    /// The object on top of the stack.
    let top: Any
    /// Tandem fork: `top` as a dictionary (`[MustacheKey: Any]` or `[String: Any]`),
    /// cast once when it was pushed, so that looking a name up casts nothing.
    let topDictionary: ContextDictionary
    /// The context whose stack is this one's without `top`; nil at the bottom.
    let below: MustacheContext?
    /// How many objects the stack holds (`top` is at `depth - 1`).
    let depth: Int
    let sequenceContext: MustacheSequenceContext?
    let indentation: String?
    let inherited: [String: MustacheTemplate]?
    let contentType: MustacheContentType
    let library: MustacheLibrary?
    let reloadPartials: Bool
    /// Tandem fork: the renderings in progress that may be remembered (`MustacheMemo`); nil outside them.
    let tracker: MemoTracker?

    /// initialize context with a single objectt
    init(_ object: Any, library: MustacheLibrary? = nil, reloadPartials: Bool = false) {
        self.top = object
        self.topDictionary = Self.dictionary(object)
        self.below = nil
        self.depth = 1
        self.sequenceContext = nil
        self.indentation = nil
        self.inherited = nil
        self.contentType = HTMLContentType()
        self.library = library
        self.reloadPartials = reloadPartials
        self.tracker = nil
    }

    private init(
        top: Any,
        topDictionary: ContextDictionary,
        below: MustacheContext?,
        depth: Int,
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        library: MustacheLibrary? = nil,
        reloadPartials: Bool,
        tracker: MemoTracker?
    ) {
        self.top = top
        self.topDictionary = topDictionary
        self.below = below
        self.depth = depth
        self.sequenceContext = sequenceContext
        self.indentation = indentation
        self.inherited = inherited
        self.contentType = contentType
        self.library = library
        self.reloadPartials = reloadPartials
        self.tracker = tracker
    }

    /// This context with `object` pushed on its stack and `sequenceContext` for it.
    private func pushing(_ object: Any, sequenceContext: MustacheSequenceContext?) -> MustacheContext {
        .init(
            top: object,
            topDictionary: Self.dictionary(object),
            below: self,
            depth: depth + 1,
            sequenceContext: sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: self.tracker
        )
    }

    /// This context's stack with the other fields given.
    private func sameStack(
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        tracker: MemoTracker?
    ) -> MustacheContext {
        .init(
            top: self.top,
            topDictionary: self.topDictionary,
            below: self.below,
            depth: self.depth,
            sequenceContext: sequenceContext,
            indentation: indentation,
            inherited: inherited,
            contentType: contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: tracker
        )
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        pushing(object, sequenceContext: nil)
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
        // Tandem fork: a partial that changes nothing (no indentation, no blocks, HTML outside
        // any list) renders with this very context; contexts never change once made.
        if indented?.isEmpty ?? true, inheriting == nil, sequenceContext == nil,
           type(of: contentType) == HTMLContentType.self { return self }
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        let inherits: [String: MustacheTemplate]?
        if let inheriting {
            if let originalInherits = self.inherited {
                inherits = originalInherits.merging(inheriting) { value, _ in value }
            } else {
                inherits = inheriting
            }
        } else {
            inherits = self.inherited
        }
        return sameStack(sequenceContext: nil, indentation: indentation, inherited: inherits,
                         contentType: HTMLContentType(), tracker: self.tracker)
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        // Tandem fork: as a partial that changes nothing (see `withPartial`).
        if indented?.isEmpty ?? true, sequenceContext == nil { return self }
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return sameStack(sequenceContext: nil, indentation: indentation, inherited: self.inherited,
                         contentType: self.contentType, tracker: self.tracker)
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        pushing(object, sequenceContext: sequenceContext)
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        sameStack(sequenceContext: self.sequenceContext, indentation: self.indentation, inherited: self.inherited,
                  contentType: contentType, tracker: self.tracker)
    }

    /// Tandem fork: this context, with `tracker` noting what renderings read.
    func withTracker(_ tracker: MemoTracker) -> MustacheContext {
        sameStack(sequenceContext: self.sequenceContext, indentation: self.indentation, inherited: self.inherited,
                  contentType: self.contentType, tracker: tracker)
    }

    /// Tandem fork: `object` as a dictionary if it is one, told by its type's identity.
    private static func dictionary(_ object: Any) -> ContextDictionary {
        if let keyed = exactly(object, as: MustacheValues.self) { return .keyed(keyed) }
        if let strings = exactly(object, as: [String: Any].self) { return .strings(strings) }
        return .other
    }
}

/// Tandem fork: an object on the context's stack as a dictionary to look names up in.
enum ContextDictionary {
    case keyed(MustacheValues)
    case strings([String: Any])
    /// Not a dictionary of either kind: looked up through `getChild`'s general path.
    case other
}
