import ArgumentParser
import Foundation
import TandemCore

/// `tandem check`: every problem of the site, as `tandem build` would find it, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in content, templates and configuration; write nothing."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Check drafts too.")
    var drafts = false

    @Option(help: "Check the site as it will be at this instant, e.g. 2026-12-01T09:00:00Z.")
    var at: String?

    @Option(help: "How to print problems: human or json.")
    var format: OutputFormat = .human

    func run() throws {
        var mode = BuildMode(includeDrafts: drafts)
        if let at {
            guard let instant = try? PageDate.parse(at), instant.hasTime else {
                throw ValidationError("--at must be a date-time with a zone, e.g. 2026-12-01T09:00:00Z (got '\(at)')")
            }
            mode.now = instant.instant
        }
        let root = site.rootURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            throw ValidationError("\(root.path) has no content/ folder: run tandem in a site's folder, or pass --root")
        }
        // The process exits after the report: the run's memory is not freed piece by piece.
        let report = SiteBuilder.check(BuildOptions(root: root, mode: mode, keepsMemoryUntilExit: true))
        switch format {
        case .json:
            print(DiagnosticFormatter.json(report.diagnostics))
        case .human:
            FileHandle.standardError.write(Data(DiagnosticFormatter.human(report.diagnostics).utf8))
            let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
            print("Checked \(report.pagesWritten) pages in \(String(format: "%.2f", report.seconds)) s: \(warnings) warning\(warnings == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s").")
        }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
