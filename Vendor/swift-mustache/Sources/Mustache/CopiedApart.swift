//
// Tandem fork: not in swift-mustache 2.1.1 (see FORK.md).
//

extension MustacheLibrary {
    /// A library that renders exactly as this one does but shares no storage
    /// with it: every template, token, name and text in it is made anew.
    /// Threads that render with one library change the same reference counts
    /// (a token's, a name's) at every tag, and each change takes the cache
    /// line from the other core; with a copy each, they no longer meet.
    /// Memos (`MustacheMemo`) are shared between the copies: a copied
    /// template keeps the identity it was parsed with.
    public func copiedApart() -> MustacheLibrary {
        var copy = MustacheLibrary()
        for (name, template) in templates { copy.register(template.copiedApart(), named: fresh(name)) }
        return copy
    }
}

extension MustacheTemplate {
    /// This template, with tokens, names and texts of its own and the same identity.
    func copiedApart() -> MustacheTemplate {
        MustacheTemplate(copiedTokens: tokens.map { $0.copiedApart() }, text: fresh(text), filename: filename.map(fresh), identity: identity)
    }
}

extension MustacheTemplate.Token {
    func copiedApart() -> Self {
        switch self {
        case .text(let text): .text(fresh(text))
        case .variable(let name, let transforms): .variable(name: name.copiedApart(), transforms: transforms.map(fresh))
        case .unescapedVariable(let name, let transforms): .unescapedVariable(name: name.copiedApart(), transforms: transforms.map(fresh))
        case .section(let name, let transforms, let template):
            .section(name: name.copiedApart(), transforms: transforms.map(fresh), template: template.copiedApart())
        case .invertedSection(let name, let transforms, let template):
            .invertedSection(name: name.copiedApart(), transforms: transforms.map(fresh), template: template.copiedApart())
        case .blockDefinition(let name, let template): .blockDefinition(name: fresh(name), template: template.copiedApart())
        case .blockExpansion(let name, let template, let indentation):
            .blockExpansion(name: fresh(name), default: template.copiedApart(), indentation: indentation.map(fresh))
        case .partial(let name, let indentation, let inherits):
            .partial(fresh(name), indentation: indentation.map(fresh), inherits: inherits.map(copiedTemplates))
        case .dynamicNamePartial(let name, let indentation, let inherits):
            .dynamicNamePartial(fresh(name), indentation: indentation.map(fresh), inherits: inherits.map(copiedTemplates))
        case .contentType(let contentType): .contentType(contentType)
        }
    }
}

extension MustacheName {
    /// The same name, split anew from a text of its own.
    func copiedApart() -> MustacheName {
        MustacheName(fresh(text))
    }
}

private func copiedTemplates(_ templates: [String: MustacheTemplate]) -> [String: MustacheTemplate] {
    Dictionary(uniqueKeysWithValues: templates.map { (fresh($0.key), $0.value.copiedApart()) })
}

/// The same text in storage of its own (a text of up to 15 bytes is held in
/// the String itself and has no storage to share).
private func fresh(_ text: String) -> String {
    String(decoding: Array(text.utf8), as: UTF8.self)
}
