import Foundation

/// Digests of what a rendered file depends on besides its context: the
/// templates its layout reaches (parents and partials, transitively, plus the
/// partials the render stage itself uses) and the strings of its language.
/// A template edit thus changes the fingerprints of the files whose layout
/// reaches that template, and no others.
struct TemplateDigests: @unchecked Sendable {
    /// Template name to its path and text.
    private let texts: [String: String]
    private let strings: Strings
    private let lock = NSLock()
    private let memo = Memo()

    private final class Memo {
        var layouts: [String: Int] = [:]
        var languages: [String: Int] = [:]
        /// What each template refers to, scanned once however many layouts reach it.
        var references: [String: (names: [String], dynamic: Bool)] = [:]
    }

    /// Partials rendered by the render stage whatever the layout says.
    private static let alwaysUsed = [JointNotice.partialName, PreviewBanner.partialName]

    /// The digest of every template (not of the strings: see `language`).
    let all: Int

    init(_ templates: TemplateSet) {
        var texts: [String: String] = [:]
        for (name, file) in templates.partials { texts[name] = file.displayPath + "\n" + file.text }
        for (name, file) in templates.layouts { texts[name] = file.displayPath + "\n" + file.text }
        self.texts = texts
        self.strings = templates.strings
        var hasher = Hasher()
        for name in texts.keys.sorted() {
            hasher.combine(name)
            hasher.combine(texts[name])
        }
        all = hasher.finalize()
    }

    /// The digest of the templates `layout` reaches.
    func layout(_ layout: String) -> Int {
        if let digest = lock.withLock({ memo.layouts[layout] }) { return digest }
        var reached: Set<String> = []
        var everything = false
        var queue = [layout] + TemplateDigests.alwaysUsed
        while let name = queue.popLast() {
            guard reached.insert(name).inserted, let text = texts[name] else { continue }
            let references = references(of: name, text: text)
            if references.dynamic { everything = true }
            queue += references.names
        }
        var hasher = Hasher()
        for name in (everything ? Set(texts.keys) : reached).sorted() {
            hasher.combine(name)
            hasher.combine(texts[name])
        }
        let digest = hasher.finalize()
        lock.withLock { memo.layouts[layout] = digest }
        return digest
    }

    /// The templates `text` (the template `name`) refers to, and whether it may name others dynamically.
    private func references(of name: String, text: String) -> (names: [String], dynamic: Bool) {
        if let known = lock.withLock({ memo.references[name] }) { return known }
        let found = (names: TemplateReferences.scan(text).map(\.name), dynamic: TemplateDigests.mayNameTemplatesDynamically(text))
        lock.withLock { memo.references[name] = found }
        return found
    }

    /// The digest of the strings table of `language`.
    func language(_ language: String) -> Int {
        if let digest = lock.withLock({ memo.languages[language] }) { return digest }
        let digest = ContextFingerprint(strings.table(for: language), extra: []).hashValue
        lock.withLock { memo.languages[language] = digest }
        return digest
    }

    /// `{{> *name}}`, `{{< *name}}` or changed delimiters: the templates used
    /// cannot be read from the text, so every template counts.
    private static func mayNameTemplatesDynamically(_ text: String) -> Bool {
        text.contains("{{=") || text.range(of: #"\{\{\s*[<>]\s*\*"#, options: .regularExpression) != nil
    }
}
