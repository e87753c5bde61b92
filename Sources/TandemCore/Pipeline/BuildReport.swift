import Foundation

/// What a build did: its diagnostics (sorted by file and line) and counts for the summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var filesCopied: Int
    /// Files of the site kept as the last published build made them, being
    /// up to date (`BuildState`); every other file was made by this build.
    public var filesKept = 0
    public var seconds: Double
    /// True when the new site replaced the output folder.
    public var published: Bool
    /// The earliest embargo still ahead: when a rebuild will change the site.
    public var nextChange: PageDate?

    /// `Built 27 pages and copied 4 files in 0.21 s: 0 warnings, 0 errors.`, and
    /// `Built 27 pages (25 files up to date, kept) ...` when the last build's files were kept.
    public var summary: String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        let counts = "\(warnings) warning\(warnings == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")"
        let time = String(format: "%.2f s", seconds)
        if published {
            let next = nextChange.map { " Next change: an embargo lifts at \($0.rfc3339)." } ?? ""
            let kept = filesKept > 0 ? " (\(filesKept) file\(filesKept == 1 ? "" : "s") up to date, kept)" : ""
            return "Built \(pagesWritten) pages\(kept) and copied \(filesCopied) files in \(time): \(counts).\(next)"
        }
        return "Nothing published (the previous site is unchanged) after \(time): \(counts)."
    }
}
