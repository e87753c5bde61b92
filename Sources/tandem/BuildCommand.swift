import ArgumentParser
import Foundation
import TandemCore

/// `tandem build`: publish the site into `site/` (or `--output`), atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site and publish it into site/ (only if there are no errors)."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder to publish into (default: ROOT/site).")
    var output: String?

    @Flag(help: "Include drafts.")
    var drafts = false

    @Option(help: "Build the site as it will be at this instant, e.g. 2026-12-01T09:00:00Z.")
    var at: String?

    @Option(help: "How to print problems: human or json.")
    var format: OutputFormat = .human

    @Flag(help: "Print only problems, not the summary line.")
    var quiet = false

    func validate() throws {
        if let at {
            do {
                let instant = try PageDate.parse(at)
                guard instant.hasTime else {
                    throw ValidationError("--at needs a time and a zone, e.g. \(at)T09:00:00Z")
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ValidationError("--at must be a date-time with a zone, e.g. 2026-12-01T09:00:00Z (got '\(at)')")
            }
        }
    }

    func run() throws {
        var mode = BuildMode(includeDrafts: drafts)
        if let at, let instant = try? PageDate.parse(at) { mode.now = instant.instant }
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
        let root = site.rootURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            throw ValidationError("\(root.path) has no content/ folder: run tandem in a site's folder, or pass --root")
        }
        // The process exits after the report: the run's memory is not freed piece by piece.
        let options = BuildOptions(root: root, output: outputURL, mode: mode, keepsMemoryUntilExit: true)
        if let refusal = OutputChoice.refusal(options.output, root: root) {
            throw ValidationError("\(refusal)\n    hint: choose another folder with --output")
        }
        let report = SiteBuilder.build(options)
        switch format {
        case .json:
            print(DiagnosticFormatter.json(report.diagnostics))
        case .human:
            FileHandle.standardError.write(Data(DiagnosticFormatter.human(report.diagnostics).utf8))
            if !quiet { print(report.summary) }
        }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
