import Foundation

/// Accessibility checks of a page's content (WCAG 2.1 AA, which the UN's web
/// guidelines aim at): text alternatives of images, link texts that say
/// where they lead, headings without skipped levels, tables with headers.
enum ContentChecks {
    static let imageAlt = "image-alt"
    static let linkText = "link-text"
    static let headingLevel = "heading-level"
    static let tableHeader = "table-header"
    static let ids: Set<String> = [imageAlt, linkText, headingLevel, tableHeader]

    /// The title that marks an image as decoration (`![](line.svg "decorative")`):
    /// it is published with an empty `alt` and no title, and needs no text.
    static let decorativeTitle = "decorative"

    /// Link texts that say nothing of where the link leads, in the site's languages.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "read more", "more", "link", "this link", "this page",
        "cliquez ici", "ici", "lire la suite", "en savoir plus",
        "aquí", "haga clic aquí", "pulse aquí", "leer más", "más",
    ]

    static func check(_ prose: Prose, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for image in prose.images where image.alt.unicodeScalars.allSatisfy(isSpace) && image.title != decorativeTitle {
            diagnostics.append(.error(prose.location(image.start, path: path), "this image has no text alternative", hint:
                "write what it shows between the brackets, `![Families at the registration centre](camp.jpg)`; "
                + "if it is only decoration, write `![](file.svg \"decorative\")`", rule: imageAlt))
        }
        for link in prose.links where vagueLinkTexts.contains(normalized(link.text)) {
            var diagnostic = Diagnostic.warning(prose.location(link.start, path: path), "the link text '\(link.text)' does not say where the link leads",
                                                hint: "make the linked words name the target, e.g. `[the 2026 regional response plan](...)`",
                                                rule: linkText)
            diagnostic.length = link.length
            diagnostics.append(diagnostic)
        }
        var previous = 1
        for heading in prose.headings {
            if heading.level > previous + 1 {
                diagnostics.append(.warning(prose.location(heading.start, path: path), "this heading skips from level \(previous) to level \(heading.level)",
                                            hint: "use `\(String(repeating: "#", count: previous + 1))`: screen-reader users move through a page by its heading levels",
                                            rule: headingLevel))
            }
            previous = heading.level
        }
        for table in prose.tablesWithoutHeader {
            diagnostics.append(.warning(prose.location(table, path: path), "this table has no header row",
                                        hint: "put the column names in `<th>` cells of the first row", rule: tableHeader))
        }
        return diagnostics
    }

    /// Lower case, without the spaces, punctuation and symbols around it;
    /// empty when the text is too long to be one of `vagueLinkTexts`.
    private static func normalized(_ text: String) -> String {
        guard text.utf8.count <= longestVagueText + 8 else { return "" }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isAround($0) }),
              let last = scalars.lastIndex(where: { !isAround($0) }) else { return "" }
        return String(scalars[first...last]).lowercased()
    }

    /// `CharacterSet.whitespaces`: a space or a tab.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// Spaces, line ends, punctuation and symbols.
    private static func isAround(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// In bytes of UTF-8.
    private static let longestVagueText = vagueLinkTexts.map(\.utf8.count).max() ?? 0
}
