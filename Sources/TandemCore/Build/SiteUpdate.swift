import Foundation

/// What one build of the preview produced: the files that were rendered or
/// copied again, every path of the site, and the diagnostics.
public struct SiteUpdate: Sendable {
    /// Whether the served site should take these files: a build with errors
    /// is not taken (the previous pages stay), except the very first one.
    public var published: Bool
    /// Files rendered or copied by this build, path inside the site to bytes.
    /// Files of the site that are not here are unchanged since the last published build.
    public var written: [String: Data]
    /// Every path of the site as this build makes it: a served path that is
    /// not here has disappeared.
    public var outputPaths: Set<String>
    /// Sorted by file and line, as `tandem build` reports them.
    public var diagnostics: [Diagnostic]
    /// The assembled site, for the review page.
    public var graph: SiteGraph
    public var seconds: Double
    /// Markdown files read and parsed again.
    public var parsedFiles: Int
    /// Files rendered through a layout (the others were unchanged).
    public var renderedFiles: Int
}
