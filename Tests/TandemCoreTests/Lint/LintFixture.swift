import Foundation
@testable import TandemCore

/// Lints one page written in a test, with the built-in rules unless told otherwise.
enum LintFixture {
    static let config: SiteConfig = {
        var config = SiteConfig()
        config.languages = ["en", "fr", "es", "ar"]
        return config
    }()

    static let builtIn = RuleSet.load(root: URL(fileURLWithPath: "/nonexistent-site"), config: config).0

    /// The page `content/<contentPath>` with these front-matter lines and body.
    static func page(_ frontMatter: String = "title: A page", _ body: String, contentPath: String = "news/a.md") -> SourcePage {
        let (page, diagnostics) = ContentLoader.parse(Data(TandemCoreTests.page(frontMatter, body).utf8),
                                                      contentPath: contentPath, config: config)
        precondition(page != nil, "\(diagnostics)")
        return page!
    }

    static func lint(_ body: String, frontMatter: String = "title: A page", contentPath: String = "news/a.md",
                     rules: RuleSet = builtIn) -> [Diagnostic] {
        ProseLinter(rules: rules).check(page(frontMatter, body, contentPath: contentPath))
    }
}

extension Array where Element == Diagnostic {
    /// The rule ids found, in order.
    var rules: [String] { compactMap(\.rule) }
}
