import Mustache

/// A dictionary or a list written as text (`{{.}}` at the top of a layout,
/// `{{page}}`, `{{nav}}`) renders as nothing, not as Swift's description of
/// it: that would leak the whole context into a page, and a template that
/// repeats such a tag (the fuzzer found `{{=| |=}}` with thousands of `| |`)
/// would make a page of gigabytes. Templates show values, never containers.
extension Dictionary: @retroactive MustacheCustomRenderable {
    public var renderText: String { "" }
    public var isNull: Bool { false }
}

extension Array: @retroactive MustacheCustomRenderable {
    public var renderText: String { "" }
    public var isNull: Bool { false }
}
