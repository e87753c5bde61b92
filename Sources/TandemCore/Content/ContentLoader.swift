import Foundation
import Yams

/// Everything the Content stage found under `content/`.
public struct LoadedContent: Sendable {
    public var pages: [SourcePage] = []
    /// Paths inside `content/` of files published as they are (images, PDFs).
    public var staticFiles: [String] = []
    public var diagnostics: [Diagnostic] = []
}

/// The Content stage: walks `content/`, reads every Markdown file in parallel
/// and decodes its front matter into the typed model.
public enum ContentLoader {
    public static func load(root: URL, config: SiteConfig) -> LoadedContent {
        let contentFolder = root.appendingPathComponent("content").path
        var content = LoadedContent()
        var markdownPaths: [String] = []
        let listing = FileTree.listing(under: contentFolder)
        content.diagnostics += listing.diagnostics(in: "content")
        for path in listing.files {
            if path.hasSuffix(".md") { markdownPaths.append(path) } else { content.staticFiles.append(path) }
        }
        let results = markdownPaths.parallelMap { contentPath in
            read(contentPath, inFolder: contentFolder, config: config)
        }
        for (page, diagnostics) in results {
            if let page { content.pages.append(page) }
            content.diagnostics += diagnostics
        }
        return content
    }

    /// Paths of the regular files under `folder`, relative to it, sorted; hidden files and links are skipped.
    static func walk(_ folder: URL) -> [String] {
        FileTree.regularFiles(under: folder.path)
    }

    /// Reads one Markdown file: checks the encoding, splits and decodes the front matter.
    /// `contentFolder`: the folder's path, made once for all files (`URL.path` costs about
    /// 2,700 instructions a call: half a percent of a 10k build when asked for each file).
    static func read(_ contentPath: String, inFolder contentFolder: String, config: SiteConfig) -> (SourcePage?, [Diagnostic]) {
        let path = "content/" + contentPath
        // A path joined as text: Foundation's URL appending costs more than reading a small file.
        switch FileTree.read(contentFolder + "/" + contentPath) {
        case .success(let data): return parse(data, contentPath: contentPath, config: config)
        case .failure(let failure): return (nil, [failure.fileDiagnostic(path)])
        }
    }

    /// Parses the bytes of a Markdown file at `content/<contentPath>`.
    public static func parse(_ data: Data, contentPath: String, config: SiteConfig) -> (SourcePage?, [Diagnostic]) {
        let path = "content/" + contentPath
        let text: String
        switch SourceText.decode(data, path: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(text, path: path) {
        case .success(let split): parts = split
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let node: Node
        switch YAMLDocument.parse(parts.yaml, path: path, firstLine: parts.yamlFirstLine) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil):
            return (nil, [.error(SourceLocation(path: path, line: 1, column: 1), "the front matter is empty",
                                 hint: "add at least `title: ...` between the two `---` lines")])
        case .success(let parsed?): node = parsed
        }
        let where_ = ContentPath(contentPath, languages: config.languages)
        var diagnostics: [Diagnostic] = []
        var matter: FrontMatter?
        var focalPoint: FocalPointRecord?
        if where_.kind == .focalPoint {
            let (record, problems) = FocalPointDecoder.decode(node, id: where_.stem, path: path,
                                                              yamlFirstLine: parts.yamlFirstLine,
                                                              body: parts.body, bodyFirstLine: parts.bodyFirstLine)
            diagnostics += problems
            focalPoint = record
            matter = record.map { FrontMatter(title: $0.name) }
        } else {
            let (decoded, problems) = FrontMatterDecoder.decode(node, path: path, yamlFirstLine: parts.yamlFirstLine)
            diagnostics += problems
            matter = decoded
        }
        guard var matter else { return (nil, diagnostics) }
        let language = resolveLanguage(where_, matter: matter, config: config, path: path, diagnostics: &diagnostics)
        matter.lang = matter.lang.map { Located(language, at: $0.location) }
        let page = SourcePage(path: path, contentPath: contentPath, kind: where_.kind, section: where_.section,
                              language: language, translationKey: matter.translationKey ?? where_.translationKey,
                              frontMatter: matter, focalPoint: focalPoint, body: .markdown(parts.body),
                              bodyFirstLine: parts.bodyFirstLine,
                              firstParagraph: matter.summary == nil ? MarkdownSummary.firstParagraph(of: parts.body) : "")
        if let problem = listNestingProblem(parts.body, path: path, bodyFirstLine: parts.bodyFirstLine) { diagnostics.append(problem) }
        return (page, diagnostics)
    }

    /// One error for a body whose lines nest lists past `ListDepth.maximum`,
    /// at the first such line, counting the others.
    static func listNestingProblem(_ body: String, path: String, bodyFirstLine: Int) -> Diagnostic? {
        let tooDeep = ListDepth.tooDeepLines(in: body)
        guard let first = tooDeep.first else { return nil }
        let others = tooDeep.count == 1 ? "" : tooDeep.count == 2 ? " (and on 1 more line)" : " (and on \(tooDeep.count - 1) more lines)"
        return .error(SourceLocation(path: path, line: bodyFirstLine + first.line - 1, column: first.column),
                      "this line nests lists \(first.depth) levels deep\(others); Tandem reads at most \(ListDepth.maximum)",
                      hint: "nest lists a few levels at most; to show a `-`, `*`, `+` or `1.` as text, write `\\-`, `\\*`, `\\+` or `1\\.`")
    }

    private static func resolveLanguage(_ where_: ContentPath, matter: FrontMatter, config: SiteConfig, path: String,
                                        diagnostics: inout [Diagnostic]) -> String {
        let hint = "add it to `languages:` in tandem.yaml, or use one of: " + config.languages.joined(separator: ", ")
        if let suffix = where_.languageSuffix, !config.languages.contains(suffix) {
            diagnostics.append(.error(SourceLocation(path: path), "the file name says language '\(suffix)', which this site does not publish in", hint: hint))
        }
        if let lang = matter.lang {
            if !config.languages.contains(lang.value) {
                diagnostics.append(.error(lang.location, "'\(lang.value)' is not a language of this site", hint: hint))
            } else if let suffix = where_.languageSuffix, suffix != lang.value {
                diagnostics.append(.error(lang.location, "'lang: \(lang.value)' contradicts the file name's suffix '.\(suffix).md'",
                                          hint: "remove `lang:` (the suffix is enough) or rename the file"))
            }
            return lang.value
        }
        return where_.languageSuffix ?? config.defaultLanguage
    }
}
