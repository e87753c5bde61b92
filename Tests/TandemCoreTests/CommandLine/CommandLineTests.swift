import Foundation
import Testing

/// Runs the real `tandem` executable built beside the test bundle.
struct TandemProcess {
    var status: Int32
    var standardOutput: String
    var standardError: String

    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/tandem")
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> TandemProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TandemProcess(status: process.terminationStatus,
                             standardOutput: String(decoding: outData, as: UTF8.self),
                             standardError: String(decoding: errData, as: UTF8.self))
    }
}

@Suite struct CommandLineTests {
    @Test func buildInTheSitesFolderPrintsOneSummaryLineAndExitsZero() throws {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        let result = try TandemProcess.run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Built 4 pages and copied 2 files in "))
        #expect(result.standardOutput.hasSuffix(": 0 warnings, 0 errors.\n"))
        #expect(site.published("a/index.html") != nil)
    }

    @Test func contentErrorsExitOneWithDiagnosticsOnStandardError() throws {
        let site = TestSite(["content/a.md": page("title: A\npersons: [refugee]")])
        defer { site.cleanUp() }
        let result = try TandemProcess.run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/a.md:3:11: error: unknown persons value 'refugee'\n    hint: did you mean 'refugees'?"))
        #expect(result.standardOutput.hasPrefix("Nothing published"))
    }

    @Test func jsonFormatPrintsAnArray() throws {
        let site = TestSite(["content/a.md": page("titel: A")])
        defer { site.cleanUp() }
        let result = try TandemProcess.run(["build", "--root", site.root.path, "--format", "json"])
        #expect(result.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
        #expect(parsed?.first?["path"] as? String == "content/a.md")
        #expect(parsed?.first?["severity"] as? String == "error")
    }

    @Test func usageErrorsExitTwo() throws {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        #expect(try TandemProcess.run(["build", "--no-such-option"], in: site.root).status == 2)
        let noZone = try TandemProcess.run(["build", "--at", "2026-12-01T09:00"], in: site.root)
        #expect(noZone.status == 2)
        #expect(noZone.standardError.contains("--at must be a date-time with a zone"))
        #expect(try TandemProcess.run(["build", "--root", "/nonexistent-tandem-site"]).status == 2)
        #expect(try TandemProcess.run(["frobnicate"]).status == 2)
    }

    @Test func atAndDraftsOptionsChangeWhatIsPublished() throws {
        let site = TestSite([
            "content/a.md": page("title: A\nembargo: 2026-12-01T09:00:00Z"),
            "content/b.md": page("title: B\ndraft: true"),
        ])
        defer { site.cleanUp() }
        _ = try TandemProcess.run(["build", "--at", "2026-11-30T00:00:00Z"], in: site.root)
        #expect(site.published("a/index.html") == nil && site.published("b/index.html") == nil)
        _ = try TandemProcess.run(["build", "--at", "2026-12-01T09:00:00Z", "--drafts", "--output", "out"], in: site.root)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("out/a/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("out/b/index.html").path))
    }

    @Test func helpExitsZero() throws {
        let result = try TandemProcess.run(["build", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--drafts"))
    }
}

@Suite struct CheckCommandTests {
    @Test func checkReportsEveryProblemAndWritesNothing() throws {
        let site = TestSite([
            "content/a.md": page("title: A\npersons: [refugee]"),
            "content/b.md": page("title: B", "[x](missing.md)"),
        ])
        defer { site.cleanUp() }
        let result = try TandemProcess.run(["check"], in: site.root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/a.md:3:11: error: unknown persons value 'refugee'"))
        #expect(result.standardError.contains("content/b.md:4:5: error: this links to 'missing.md'"))
        #expect(result.standardOutput.hasSuffix("0 warnings, 2 errors.\n"))
        #expect(site.siblingsOfOutput() == ["content"])
    }

    @Test func aSoundSiteChecksCleanAndStillWritesNothing() throws {
        let site = TestSite(["content/a.md": page("title: A")])
        defer { site.cleanUp() }
        let result = try TandemProcess.run(["check", "--format", "json"], in: site.root)
        #expect(result.status == 0)
        #expect(result.standardOutput == "[\n\n]\n" || result.standardOutput == "[]\n")
        #expect(site.siblingsOfOutput() == ["content"])
    }
}
