/// What a template value shared by many outputs of one run is (`SiteReader.shared`).
enum SharedValue: Hashable, Sendable {
    /// A focal point's values in a language, as contact blocks show them.
    case focalPoint(id: String, language: String)
    /// The keys every layout of a language gets alike (`PageContext.common`).
    case commonValues(language: String)
}

/// Template values kept across threads: made once, then only read.
struct TemplateValues: @unchecked Sendable {
    let values: [String: Any]
    /// What making the values read of the site (when the run records it).
    let dependencies: Set<Dependency>

    init(_ values: [String: Any], dependencies: Set<Dependency> = []) {
        self.values = values
        self.dependencies = dependencies
    }
}
