//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        var output: [UInt8] = []
        self.render(context: context, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Tandem fork: every token appends to one output instead of returning a String of
    /// its own that the caller then concatenates; the output is UTF-8 bytes, which take
    /// a String's bytes at the cost of a copy (`append(utf8:)`), where appending to a
    /// String cost about 400 instructions a time.
    func render(context: MustacheContext, into output: inout [UInt8]) {
        var context = context

        if let indentation = context.indentation, indentation != "" {
            // Indentation depends on what this template wrote so far: render apart.
            var string: [UInt8] = []
            for token in tokens {
                var renderedString: [UInt8] = []
                self.renderToken(token, context: &context, into: &renderedString)
                // if rendered string is not empty and we are on a new line
                // (Tandem fork: a last Character of "\n" alone: "\r\n" is another Character, as upstream saw it)
                if renderedString.count > 0, string.last == UInt8(ascii: "\n"), string.dropLast().last != UInt8(ascii: "\r") {
                    string.append(utf8: indentation)
                }
                string += renderedString
            }
            output += string
        } else {
            // Tandem fork: each token is read in place; `for token in tokens` copied it (a retain per field),
            // and reading `tokens[index]` retained its box.
            tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    self.renderToken(tokens[index], context: &context, into: &output)
                }
            }
        }
    }

    func renderToken(_ token: Token, context: inout MustacheContext, into output: inout [UInt8]) {
        switch token {
        case .text(let text):
            output.append(utf8: text)

        case .variable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                // Tandem fork: the common case first, by concrete type, before the protocol casts.
                if let string = exactly(child, as: String.self) {
                    context.contentType.appendEscaped(string, to: &output)
                } else if let text = exactly(child, as: MustacheUTF8Text.self) {
                    // Tandem fork: UTF-8 text is escaped as its bytes (HTML) or written as they are.
                    if context.contentType is HTMLContentType {
                        text.bytes.withUnsafeBufferPointer { String.appendHTMLEscaped($0, to: &output) }
                    } else {
                        context.contentType.appendEscaped(String(decoding: text.bytes, as: UTF8.self), to: &output)
                    }
                } else if let number = exactly(child, as: Int.self) {
                    // Tandem fork: a number (`{{count}}`) is written as `String(describing:)` wrote it,
                    // without the four casts that failed before it got there.
                    context.contentType.appendEscaped(String(number), to: &output)
                } else if let string = child as? String {
                    context.contentType.appendEscaped(string, to: &output)
                } else if let template = child as? MustacheTemplate {
                    template.render(context: context, into: &output)
                } else if let renderable = child as? MustacheCustomRenderable {
                    context.contentType.appendEscaped(renderable.renderText, to: &output)
                } else if let lambda = child as? MustacheLambda {
                    output.append(utf8: self.renderLambda(lambda, parameter: "", context: context))
                } else {
                    context.contentType.appendEscaped(String(describing: unwrapIfAnyContainsOptional(child)), to: &output)
                }
            }

        case .unescapedVariable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                if let string = exactly(child, as: String.self) {
                    output.append(utf8: string)
                } else if let text = exactly(child, as: MustacheUTF8Text.self) {
                    output += text.bytes
                } else if let string = child as? String {
                    output.append(utf8: string)
                } else if let renderable = child as? MustacheCustomRenderable {
                    output.append(utf8: renderable.renderText)
                } else if let lambda = child as? MustacheLambda {
                    output.append(utf8: self.renderUnescapedLambda(lambda, parameter: "", context: context))
                } else {
                    output.append(utf8: String(describing: unwrapIfAnyContainsOptional(child)))
                }
            }

        case .section(let variable, let transforms, let template):
            let child = Self.textAsString(self.getChild(named: variable, transforms: transforms, context: context))
            // Tandem fork: a value of a common type is not a lambda; only others are cast.
            if let child, !Self.isPlainValue(child), let lambda = child as? MustacheLambda {
                output.append(utf8: self.renderUnescapedLambda(lambda, parameter: template.text, context: context))
                return
            }
            self.renderSection(child, with: template, context: context, into: &output)

        case .invertedSection(let variable, let transforms, let template):
            let child = Self.textAsString(self.getChild(named: variable, transforms: transforms, context: context))
            self.renderInvertedSection(child, with: template, context: context, into: &output)

        case .blockExpansion(let name, let defaultTemplate, let indented):
            // Tandem fork: what a block shows may come from around the list (`MustacheMemo`).
            if context.inherited != nil { context.tracker?.readOutside() }
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: &output)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: &output)
            }

        case .partial(let name, let indentation, let overrides):
            if var template = context.library?.getTemplate(named: name) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output.append(utf8: "Cannot find template at \(filename)")
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output.append(utf8: "\(error)")
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = Self.textAsString(self.getChild(named: MustacheName(name), transforms: [], context: context))
            guard let childName = child as? String else {
                return
            }
            if var template = context.library?.getTemplate(named: childName) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output.append(utf8: "Cannot find template at \(filename)")
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output.append(utf8: "\(error)")
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .contentType(let contentType):
            context = context.withContentType(contentType)

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        var output: [UInt8] = []
        self.renderSection(child, with: template, context: context, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout [UInt8]) {
        // Tandem fork: the usual values, told by their type's identity, without the protocol casts.
        if let child {
            let type = Swift.type(of: child)
            if type == MustacheValues.self || type == [String: Any].self || type == String.self || type == Int.self {
                template.render(context: context.withObject(child), into: &output)
                return
            } else if type == [MustacheValues].self {
                exactly(child, as: [MustacheValues].self)!.renderSection(with: template, context: context, into: &output)
                return
            } else if type == [[String: Any]].self {
                exactly(child, as: [[String: Any]].self)!.renderSection(with: template, context: context, into: &output)
                return
            } else if type == [Any].self {
                exactly(child, as: [Any].self)!.renderSection(with: template, context: context, into: &output)
                return
            } else if type == Bool.self {
                if exactly(child, as: Bool.self)! { template.render(context: context, into: &output) }
                return
            }
        }
        switch child {
        case let array as any MustacheSequence:
            array.renderSection(with: template, context: context, into: &output)
        case let bool as Bool:
            if bool { template.render(context: context, into: &output) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            return
        case .some(let value):
            template.render(context: context.withObject(value), into: &output)
        case .none:
            return
        }
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout [UInt8]) {
        if let child {
            let type = Swift.type(of: child)
            if type == MustacheValues.self || type == [String: Any].self || type == String.self || type == Int.self {
                return
            } else if type == [MustacheValues].self {
                exactly(child, as: [MustacheValues].self)!.renderInvertedSection(with: template, context: context, into: &output)
                return
            } else if type == [[String: Any]].self {
                exactly(child, as: [[String: Any]].self)!.renderInvertedSection(with: template, context: context, into: &output)
                return
            } else if type == [Any].self {
                exactly(child, as: [Any].self)!.renderInvertedSection(with: template, context: context, into: &output)
                return
            } else if type == Bool.self {
                if !exactly(child, as: Bool.self)! { template.render(context: context, into: &output) }
                return
            }
        }
        switch child {
        case let array as any MustacheSequence:
            array.renderInvertedSection(with: template, context: context, into: &output)
        case let bool as Bool:
            if !bool { template.render(context: context, into: &output) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            template.render(context: context, into: &output)
        case .some:
            return
        case .none:
            template.render(context: context, into: &output)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.top, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.top, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result))
            }
        }
    }

    /// Get child object from variable name
    func getChild(named name: MustacheName, transforms: [String], context: MustacheContext) -> Any? {
        func _getImmediateChild(named key: MustacheKey, from object: Any) -> Any? {
            // Tandem fork: a dictionary (the usual context) is read without the protocol casts,
            // one of the very type `[MustacheKey: Any]`, `[String: Any]` or `[String: String]`
            // without a cast at all.
            if let dictionary = exactly(object, as: MustacheValues.self) {
                return dictionary[key]
            }
            let name = key.text
            if let dictionary = exactly(object, as: [String: Any].self) {
                return dictionary[name]
            }
            if let dictionary = exactly(object, as: [String: String].self) {
                return dictionary[name]
            }
            // Tandem fork: a string or number in a section (`{{#summary}}…{{/summary}}`) has no
            // children; upstream asked the protocols and then Mirror, and found none. Told
            // before the cast below, which takes longest when it fails.
            let type = Swift.type(of: object)
            if type == String.self || type == Int.self || type == Bool.self {
                return nil
            }
            if let dictionary = object as? MustacheValues {
                return dictionary[key]
            }
            if let dictionary = object as? [String: Any] {
                return dictionary[name]
            }
            let child = {
                let object: Any? =
                    if let custom = object as? MustacheCustomRepresentation {
                        custom.representation
                    } else {
                        object
                    }
                // Tandem fork: a representation that is a keyed dictionary (a lazy element's
                // values) is read as one; the mirror below knows only `String` keys.
                if let object, let dictionary = exactly(object, as: MustacheValues.self) {
                    return dictionary[key]
                }
                if let customBox = object as? MustacheParent {
                    return customBox.child(named: name)
                } else if let object {
                    let mirror = Mirror(reflecting: object)
                    return mirror.getValue(forKey: name)
                } else {
                    return nil
                }
            }()
            return child
        }

        func _getChild(named names: ArraySlice<MustacheKey>, from object: Any) -> Any? {
            guard let name = names.first else { return object }
            var object = object
            // Tandem fork: a dictionary (the usual object) is not a lambda.
            let type = Swift.type(of: object)
            if type != MustacheValues.self, type != [String: Any].self, let lambda = object as? MustacheLambda {
                guard let result = lambda("") else { return nil }
                object = result
            }
            guard let childObject = _getImmediateChild(named: name, from: object) else { return nil }
            let names2 = names.dropFirst()
            return _getChild(named: names2, from: childObject)
        }

        func _getChildInStack(named names: ArraySlice<MustacheKey>) -> Any? {
            guard let name = names.first else { return context.top }
            // Tandem fork: the value found is used where it is, not copied into an `Any?` first.
            guard let childObject = _getChildInStack(plain: name) else { return nil }
            return _getChild(named: names.dropFirst(), from: childObject)
        }

        // Tandem fork: a plain name needs no splitting, and a dictionary on the stack no cast.
        // The value found is handed back as it came out of the dictionary (another `Any?`
        // on the way, such as a tuple with its place, is a copy through its value witnesses).
        // The stack is walked from its top down, context by context (`MustacheContext.below`).
        func _getChildInStack(plain name: MustacheKey) -> Any? {
            var frame: MustacheContext? = context
            while let current = frame {
                switch current.topDictionary {
                case .keyed(let dictionary):
                    if let found = dictionary[name] {
                        context.tracker?.resolved(at: current.depth - 1)
                        return found
                    }
                case .strings(let dictionary):
                    if let found = dictionary[name.text] {
                        context.tracker?.resolved(at: current.depth - 1)
                        return found
                    }
                case .other:
                    if let found = _getImmediateChild(named: name, from: current.top) {
                        context.tracker?.resolved(at: current.depth - 1)
                        return found
                    }
                }
                frame = current.below
            }
            context.tracker?.resolved(at: -1)
            return nil
        }

        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        // Tandem fork: the name was split when the template was parsed (`MustacheName`).
        var child: Any?
        switch name.lookup {
        case .current:
            child = context.top
        case .empty where !transforms.isEmpty:
            // Tandem fork: the place in a list is not the element's own (`MustacheMemo`).
            context.tracker?.readOutside()
            child = context.sequenceContext
        case .anchored(let names):
            child = _getChild(named: names[...], from: context.top)
        case .empty:
            child = _getChildInStack(plain: Self.emptyKey)
        case .plain(let plain):
            child = _getChildInStack(plain: plain)
        case .dotted(let names) where names.count == 2:
            // Tandem fork: `a.b` (most dotted names, `page.title`) is `a` looked up as a plain
            // name, then `b` read straight from it when it is a `[String: Any]`; the general
            // path below walks slices of the names and copies each value found into an `Any?`.
            if let first = _getChildInStack(plain: names[0]) {
                if let dictionary = exactly(first, as: MustacheValues.self) {
                    child = dictionary[names[1]]
                } else if let dictionary = exactly(first, as: [String: Any].self) {
                    child = dictionary[names[1].text]
                } else {
                    child = _getChild(named: names[1...], from: first)
                }
            } else {
                child = nil
            }
        case .dotted(let names):
            child = _getChildInStack(named: names[...])
        }

        // Tandem fork: a plain value with no transforms (nearly every name) is given back as
        // it was found, not first unwrapped into a copy of its own.
        if transforms.isEmpty, child.map(Self.isPlainValue) == true {
            return child
        }

        // skip transforms if child is already nil
        guard var child else {
            return nil
        }

        // Tandem fork: values of the common concrete types skip the protocol cast, and
        // without transforms (nearly every name) the value is given back as it is: each
        // copy of an `Any?` goes through its type's value witnesses.
        // Tandem fork: NSNull (a key present without a value) stands for nothing, as its
        // `representation` says, told by its type without the cast.
        if Swift.type(of: child) == NSNull.self {
            return nil
        }
        // Tandem fork: UTF-8 text goes to a variable tag as it is; `renderToken` makes it a
        // String for any other tag, and so do transforms, through its representation below.
        if transforms.isEmpty, Swift.type(of: child) == MustacheUTF8Text.self {
            return child
        }
        if !Self.isPlainValue(child), let custom = child as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            child = representation
        }
        if transforms.isEmpty {
            return child
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            if let runnable = child as? MustacheTransformable,
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    /// Tandem fork: UTF-8 text (`MustacheUTF8Text`) as the String it stands for; any other value as it is.
    /// Takes `value` (`consuming`): most values are handed back as they are, moved, not copied
    /// through their type's value witnesses.
    static func textAsString(_ value: consuming Any?) -> Any? {
        guard let held = value else { return nil }
        if Swift.type(of: held) == MustacheUTF8Text.self {
            return exactly(held, as: MustacheUTF8Text.self)!.representation
        }
        return held
    }

    /// Tandem fork: whether `value` is of a type that a context usually holds and
    /// that conforms to none of this package's protocols but `MustacheSequence`
    /// (arrays) and `MustacheTransformable`, told by its type's identity, which
    /// costs no cast.
    static func isPlainValue(_ value: Any) -> Bool {
        let type = Swift.type(of: value)
        return type == String.self || type == MustacheValues.self || type == [String: Any].self || type == Bool.self
            || type == Int.self || type == [MustacheValues].self || type == [[String: Any]].self || type == [Any].self
    }

    /// Tandem fork: the name of `{{}}`, made a key once.
    static let emptyKey = MustacheKey("")

    private func unwrapIfAnyContainsOptional(_ value: Any) -> Any {
        guard let opt = value as? AnyOptional else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }
}
