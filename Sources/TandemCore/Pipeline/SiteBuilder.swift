import Foundation

/// `tandem build` and `tandem check`: one run of the pipeline, into a staging
/// folder that replaces the output only if nothing was an error, or into nothing.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        run(options) { try OutputFolder.prepare(destination: options.output, root: options.root) }
    }

    /// `tandem check`: the whole pipeline, every diagnostic, and nothing written.
    public static func check(_ options: BuildOptions) -> BuildReport {
        run(options) { DiscardingOutput() }
    }

    private static func run(_ options: BuildOptions, output makeOutput: () throws -> any PublishableOutput) -> BuildReport {
        let started = Date()
        var report = BuildReport(diagnostics: [], pagesWritten: 0, filesCopied: 0, seconds: 0, published: false, nextChange: nil)
        let output: any PublishableOutput
        do {
            output = try makeOutput()
        } catch {
            let hint = (error as? OutputFolder.Unwritable)?.hint ?? "choose another folder with --output"
            report.diagnostics = [.error(SourceLocation(path: options.output.path), "\(error)", hint: hint)]
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
        let pipeline = Pipeline(root: options.root, mode: options.mode)
        pipeline.keepsMemoryUntilExit = options.keepsMemoryUntilExit
        let run = pipeline.run(into: output)
        var diagnostics = run.diagnostics
        report.nextChange = run.nextChange
        report.pagesWritten = run.outputPaths.count { $0.hasSuffix(".html") }
        report.filesCopied = run.copiedFiles
        report.filesKept = run.outputPaths.count - run.madePaths.count
        if diagnostics.hasErrors {
            output.discard()
        } else {
            do {
                if output.keepsFiles { pipeline.forgetState() }
                try output.publish(keepingReplaced: output.keepsFiles && pipeline.keepsReplacedSite) { spare in
                    if output.keepsFiles { pipeline.persist(publishedInto: options.output, spare: spare) }
                }
                report.published = true
            } catch {
                output.discard()
                diagnostics.append(.error(SourceLocation(path: options.output.path), "cannot publish the site: \(error)"))
            }
        }
        report.diagnostics = diagnostics.sorted()
        report.seconds = Date().timeIntervalSince(started)
        if options.keepsMemoryUntilExit { ProcessLifetime.keep(pipeline) }
        return report
    }
}
