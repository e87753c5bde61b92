//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Context while rendering mustache tokens
/// Tandem fork: a class, so that passing a context on costs one retain, not one per field.
final class MustacheContext {
    let stack: [Any]
    /// Tandem fork: each object of `stack` that is a dictionary (`[MustacheKey: Any]` or
    /// `[String: Any]`), cast once when it was pushed, so that looking a name up casts nothing.
    let dictionaries: [ContextDictionary]
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
        self.stack = [object]
        self.dictionaries = [Self.dictionary(object)]
        self.sequenceContext = nil
        self.indentation = nil
        self.inherited = nil
        self.contentType = HTMLContentType()
        self.library = library
        self.reloadPartials = reloadPartials
        self.tracker = nil
    }

    private init(
        stack: [Any],
        dictionaries: [ContextDictionary],
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        library: MustacheLibrary? = nil,
        reloadPartials: Bool,
        tracker: MemoTracker?
    ) {
        self.stack = stack
        self.dictionaries = dictionaries
        self.sequenceContext = sequenceContext
        self.indentation = indentation
        self.inherited = inherited
        self.contentType = contentType
        self.library = library
        self.reloadPartials = reloadPartials
        self.tracker = tracker
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        var stack = self.stack
        stack.append(object)
        var dictionaries = self.dictionaries
        dictionaries.append(Self.dictionary(object))
        return .init(
            stack: stack,
            dictionaries: dictionaries,
            sequenceContext: nil,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: self.tracker
        )
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
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
        return .init(
            stack: self.stack,
            dictionaries: self.dictionaries,
            sequenceContext: nil,
            indentation: indentation,
            inherited: inherits,
            contentType: HTMLContentType(),
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: self.tracker
        )
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return .init(
            stack: self.stack,
            dictionaries: self.dictionaries,
            sequenceContext: nil,
            indentation: indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: self.tracker
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        var stack = self.stack
        stack.append(object)
        var dictionaries = self.dictionaries
        dictionaries.append(Self.dictionary(object))
        return .init(
            stack: stack,
            dictionaries: dictionaries,
            sequenceContext: sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: self.tracker
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        .init(
            stack: self.stack,
            dictionaries: self.dictionaries,
            sequenceContext: self.sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: self.tracker
        )
    }

    /// Tandem fork: this context, with `tracker` noting what renderings read.
    func withTracker(_ tracker: MemoTracker) -> MustacheContext {
        .init(
            stack: self.stack,
            dictionaries: self.dictionaries,
            sequenceContext: self.sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials,
            tracker: tracker
        )
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
