//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Synchronization

/// Class holding Mustache template
public struct MustacheTemplate: Sendable, CustomStringConvertible {
    /// Initialize template
    /// - Parameter string: Template text
    /// - Throws: MustacheTemplate.Error
    public init(string: String) throws {
        let template = try Self.parse(string)
        self.tokens = template.tokens
        self.text = string
        self.filename = nil
        self.identity = template.identity
    }

    /// Render object using this template
    /// - Parameters
    ///   - object: Object to render
    ///   - library: library template uses to access partials
    /// - Returns: Rendered text
    public func render(_ object: Any, library: MustacheLibrary? = nil) -> String {
        String(decoding: self.renderUTF8(object, library: library), as: UTF8.self)
    }

    /// Tandem fork: renders as `render(_:library:)` does, into UTF-8 bytes, which is
    /// what a page written to a file needs; the String of `render` checks every byte again.
    /// A whole page is appended to one buffer, with room for a page reserved first: it
    /// would otherwise be copied each time it doubles on the way to its size.
    public func renderUTF8(_ object: Any, library: MustacheLibrary? = nil) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(Self.reservedOutput)
        self.render(context: .init(object, library: library), into: &output)
        return output
    }

    /// Bytes reserved for the output of a rendering from the top (Tandem fork):
    /// a page of Tandem's is 5 to 20 KB.
    static let reservedOutput = 16 * 1024

    /// Render object using this template
    /// - Parameters
    ///   - object: Object to render
    ///   - library: library template uses to access partials
    ///   - reload: Should I reload this template when rendering. This is only available in debug builds
    /// - Returns: Rendered text
    public func render(_ object: Any, library: MustacheLibrary? = nil, reload: Bool) -> String {
        #if DEBUG
        if reload {
            guard let filename else {
                preconditionFailure("Can only use reload if template was generated from a file")
            }
            do {
                guard let template = try MustacheTemplate(filename: filename) else { return "Cannot find template at \(filename)" }
                return template.render(context: .init(object, library: library, reloadPartials: reload))
            } catch {
                return "\(error)"
            }
        }
        #endif
        return self.render(context: .init(object, library: library))
    }

    /// Tandem fork: a copy made apart (`copiedApart()`), with the identity of the template it copies.
    internal init(copiedTokens tokens: [Token], text: String, filename: String?, identity: Int) {
        self.tokens = tokens
        self.text = text
        self.filename = filename
        self.identity = identity
    }

    internal init(_ tokens: [Token], text: String) {
        self.tokens = tokens
        self.filename = nil
        self.text = text
        self.identity = Self.nextIdentity.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    public var description: String { self.text }

    indirect enum Token: Sendable /* , CustomStringConvertible */ {
        case text(String)
        // Tandem fork: a variable's or section's name is split once, here (`MustacheName`).
        case variable(name: MustacheName, transforms: [String] = [])
        case unescapedVariable(name: MustacheName, transforms: [String] = [])
        case section(name: MustacheName, transforms: [String] = [], template: MustacheTemplate)
        case invertedSection(name: MustacheName, transforms: [String] = [], template: MustacheTemplate)
        case blockDefinition(name: String, template: MustacheTemplate)
        case blockExpansion(name: String, default: MustacheTemplate, indentation: String?)
        case partial(String, indentation: String?, inherits: [String: MustacheTemplate]?)
        case dynamicNamePartial(String, indentation: String?, inherits: [String: MustacheTemplate]?)
        case contentType(MustacheContentType)
    }

    var tokens: [Token]
    let text: String
    let filename: String?
    /// Tandem fork: a number given to the template when it was parsed, which
    /// its copies keep, even those that share no storage with it
    /// (`copiedApart()`): what a memo keeps a section body's text under.
    let identity: Int

    /// The identity of the next template parsed.
    private static let nextIdentity = Atomic<Int>(1)
}
