import ArgumentParser
import Foundation
import TandemCore
import TandemPreview

/// `tandem serve`: preview the site locally, drafts and embargoed pages
/// included (under banners), with live reload and a review page.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload; drafts and embargoed pages show under banners, /_review lists them.",
        discussion: "The preview is built in memory and never written to site/. Ctrl-C stops it."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 4000

    @Option(help: "Address to listen on. Anything but 127.0.0.1 shows unpublished pages to the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Leave drafts out of the preview.")
    var noDrafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port))") }
    }

    func run() async throws {
        let root = site.rootURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            throw ValidationError("\(root.path) has no content/ folder: run tandem in a site's folder, or pass --root")
        }
        Allocator.limitArenas()
        let options = PreviewOptions(root: root, host: host, port: port, includeDrafts: !noDrafts)
        if !options.isLoopback {
            FileHandle.standardError.write(Data("warning: listening on \(host): anyone who can reach this machine sees the drafts and embargoed pages\n".utf8))
        }
        do {
            try await PreviewServer(options: options).run { url in
                let line = "Serving \(root.path) at \(url) (review page: \(url)_review). Press Ctrl-C to stop.\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n    hint: choose another port with --port, or stop what uses this one\n".utf8))
            throw ExitCode(2)
        }
    }
}
