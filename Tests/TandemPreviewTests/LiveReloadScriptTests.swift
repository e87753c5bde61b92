import Foundation
import Testing
@testable import TandemPreview

private let node = ["/usr/bin/node", "/usr/bin/nodejs", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The live-reload script compares the URLs in a page with the files a change
/// names: those URLs are percent-encoded and under the base path
/// (`/joint/images/my%20photo%231.svg`), the files are not (`images/my photo#1.svg`).
/// Run in Node with the few browser objects the script uses stubbed.
@Suite(.enabled(if: node != nil)) struct LiveReloadScriptTests {
    /// What the script did when sent a change naming `paths`: "reload", "swap URL" or "nothing".
    static func reaction(to paths: [String], base: String) throws -> String {
        let harness = """
        const listeners = {};
        let outcome = "nothing";
        global.window = { EventSource: true };
        global.location = { href: "http://127.0.0.1:4000\(base)news/caf%C3%A9/", reload() { outcome = "reload"; } };
        global.EventSource = function () { this.addEventListener = (name, f) => { listeners[name] = f; }; };
        const image = { tagName: "IMG", getAttribute: (n) => n === "src" ? "\(base)images/my%20photo%231.svg" : null };
        const sheet = { tagName: "LINK", href: "", getAttribute: (n) => n === "href" ? "\(base)assets/my%20style.css" : null };
        global.document = {
          currentScript: { dataset: { path: "news/café/index.html", want: "news/café/index.html", session: "s", version: "1", base: "\(base)" } },
          querySelectorAll: (selector) => selector.includes("stylesheet") ? [sheet] : [image, sheet],
          addEventListener() {},
        };
        \(String(decoding: PackageResources.live_reload_js, as: UTF8.self))
        listeners.change({ data: JSON.stringify({ version: 2, paths: \(String(decoding: try JSONEncoder().encode(paths), as: UTF8.self)) }) });
        if (sheet.href) { outcome = "swap " + sheet.href; }
        console.log(outcome);
        """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("live-reload-\(UUID().uuidString).js")
        try Data(harness.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node!)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["/", "/joint/"])
    func aChangedImageWithAnEncodedNameReloadsThePageThatShowsIt(base: String) throws {
        #expect(try Self.reaction(to: ["images/my photo#1.svg"], base: base) == "reload")
        #expect(try Self.reaction(to: ["images/other.svg"], base: base) == "nothing")
    }

    @Test(arguments: ["/", "/joint/"])
    func aChangedStylesheetWithAnEncodedNameIsSwapped(base: String) throws {
        #expect(try Self.reaction(to: ["assets/my style.css"], base: base)
                == "swap http://127.0.0.1:4000\(base)assets/my%20style.css?tandem=2")
    }

    @Test func aChangeOfThePagesOwnFileReloadsIt() throws {
        #expect(try Self.reaction(to: ["news/café/index.html"], base: "/joint/") == "reload")
    }
}
