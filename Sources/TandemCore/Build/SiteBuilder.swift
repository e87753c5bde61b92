import Foundation

/// Runs the whole pipeline: load → parse → assemble → render → write, with
/// diagnostics gathered from every stage, and publishes only if none is an error.
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
        let (config, configDiagnostics) = ConfigLoader.load(root: options.root)
        var diagnostics = configDiagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(root: options.root, config: config)
        diagnostics += templateDiagnostics
        let content = ContentLoader.load(root: options.root, config: config)
        diagnostics += content.diagnostics
        diagnostics += templates.checkLayoutChoices(content.pages)
        let (assembled, siteDiagnostics) = SiteAssembler.assemble(content.pages, config: config, mode: options.mode)
        var graph = assembled
        graph.staticFiles = Set(content.staticFiles)
        diagnostics += siteDiagnostics

        var report = BuildReport(diagnostics: [], pagesWritten: 0, filesCopied: 0, seconds: 0, published: false,
                                 nextChange: graph.nextChange)
        let output: any PublishableOutput
        do {
            output = try makeOutput()
        } catch {
            diagnostics.append(.error(SourceLocation(path: options.output.path), "\(error)",
                                      hint: "choose another folder with --output"))
            return finish(report, diagnostics, started)
        }
        let renderer = SiteRenderer(graph: graph, templates: templates, output: output)
        let rendered = renderer.renderAll()
        diagnostics += rendered.diagnostics
        let copied = StaticFiles.copy(content.staticFiles, root: options.root, templates: templates,
                                      taken: rendered.outputPaths, into: output)
        diagnostics += copied.diagnostics
        report.pagesWritten = rendered.outputPaths.filter { $0.hasSuffix(".html") }.count
        report.filesCopied = copied.count

        if diagnostics.hasErrors {
            output.discard()
        } else {
            do {
                try output.publish()
                report.published = true
            } catch {
                output.discard()
                diagnostics.append(.error(SourceLocation(path: options.output.path), "cannot publish the site: \(error)"))
            }
        }
        return finish(report, diagnostics, started)
    }

    private static func finish(_ report: BuildReport, _ diagnostics: [Diagnostic], _ started: Date) -> BuildReport {
        var report = report
        report.diagnostics = Array(Set(diagnostics)).sorted()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
