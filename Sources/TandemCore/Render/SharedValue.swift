import Mustache
/// What a template value shared by many outputs of one run is (`SiteReader.shared`).
enum SharedValue: Hashable, Sendable {
    /// A focal point's values in a language, as contact blocks show them.
    case focalPoint(id: String, language: String)
    /// The keys every layout of a language gets alike (`PageContext.common`).
    case commonValues(language: String)
    /// One city of an agency's focal points in a page's contacts (`city`,
    /// `label`, `people`: each the `focalPoint` value above), with the memo
    /// of `SharedElement.contactCity`: 25,444 cities shown in a 10,000-page
    /// build, 813 distinct.
    case contactCity(agency: Agency, city: String?, ids: [String], language: String)
}

/// A list element that many outputs of one run show alike, whose rendered
/// text is kept in a memo for the run (`SiteReader.elementMemo`). The values
/// of a term or a navigation entry, made only where its text is not kept,
/// read nothing but the strings of `language` and what the output read to
/// list it; a focal point's are made for every output that shows it.
enum SharedElement: Hashable, Sendable {
    /// A term of a page's `persons`, `activities` or `countries`, with a link or without.
    case term(Taxonomy, code: String, language: String, linked: Bool)
    /// An entry of the navigation of a language, on a page inside its section or not.
    case navigation(language: String, index: Int, current: Bool)
    /// A focal point in a page's contacts, the directory or a topic listing (`PageContext.focalPoint`).
    case focalPoint(id: String, language: String)
    /// The focal points of an agency in one city (or with none) in a page's
    /// contacts, in their order: pages about the same countries and persons
    /// show the same cities (in a 10,000-page build, 813 distinct ones among
    /// 25,444 shown), though seldom the same whole block.
    case contactCity(agency: Agency, city: String?, focalPoints: [String], language: String)

    var language: String {
        switch self {
        case .term(_, _, let language, _), .navigation(let language, _, _), .focalPoint(_, let language),
             .contactCity(_, _, _, let language): language
        }
    }
}

/// Template values kept across threads: made once, then only read.
struct TemplateValues: @unchecked Sendable {
    let values: MustacheValues
    /// What making the values read of the site (when the run records it).
    let dependencies: Set<Dependency>

    init(_ values: MustacheValues, dependencies: Set<Dependency> = []) {
        self.values = values
        self.dependencies = dependencies
    }
}
