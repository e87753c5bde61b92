import Foundation
import TandemCore

/// What the preview prints: a line per rebuild on standard output, and the
/// diagnostics on standard error whenever they change (as `tandem build`
/// prints them), so the terminal shows the same problems as the browser.
struct PreviewLog: Sendable {
    var quiet = false

    func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// After the first build: what it made.
    func built(_ update: PipelineRun) {
        if !update.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticFormatter.human(update.diagnostics).utf8))
        }
        say("Built \(update.outputPaths.count) files in \(String(format: "%.2f s", update.seconds)): \(counts(update.diagnostics)).")
    }

    /// After a rebuild: how much it did, and the diagnostics if they changed.
    func rebuilt(_ update: PipelineRun, changedFiles: Int, previousDiagnostics: [Diagnostic]) {
        if update.diagnostics != previousDiagnostics && !update.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticFormatter.human(update.diagnostics).utf8))
        }
        let time = String(format: "%.3f s", update.seconds)
        if update.accepted {
            say("Rebuilt in \(time): \(update.madePaths.count) made, \(changedFiles) changed; \(counts(update.diagnostics)).")
        } else {
            say("Not updated (\(counts(update.diagnostics))) in \(time): the preview keeps the last pages that built and shows the errors.")
        }
    }

    private func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(warnings) warning\(warnings == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")"
    }
}
