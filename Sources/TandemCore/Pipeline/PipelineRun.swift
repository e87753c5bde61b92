import Foundation

/// What one run of the pipeline did.
public struct PipelineRun: Sendable {
    /// Whether the run is taken as the site: no errors, or (in the preview)
    /// the very first run, so there is something to show.
    public var accepted: Bool
    /// Every file of the site as this run plans it, by path in the output
    /// folder: a file that is not here has disappeared.
    public var outputPaths: Set<String>
    /// The files this run made (rendered, generated or copied); the others
    /// are unchanged since the last accepted run (the preview keeps them) or
    /// since the last published build (`tandem build` keeps them, `BuildState`).
    public var madePaths: Set<String>
    /// Sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// The assembled site, for the review page.
    public var graph: SiteGraph
    public var seconds: Double
    /// How many files of the site are copied as they are (files of `content/` and assets).
    public var copiedFiles: Int
    /// Markdown files read and parsed again.
    public var parsedFiles: Int
    /// Whether the run put the pages read again into an assembly already made
    /// (the preview's last one, or the site of the last published build)
    /// instead of assembling and planning the site (`Assembly.patch`).
    public var patchedAssembly = false
    /// The earliest embargo still ahead: when a rebuild will change the site.
    public var nextChange: PageDate? { graph.nextChange }
}
