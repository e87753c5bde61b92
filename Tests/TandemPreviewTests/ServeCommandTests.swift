import Foundation
import Testing

/// `tandem serve` as a process: what it prints, and Ctrl-C.
@Suite struct ServeCommandTests {
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tandem")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/tandem")
    }

    /// Starts `tandem serve` with `arguments`; returns the process and its output so far.
    static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, output, errors)
    }

    /// The first line of `pipe` that contains `text`, within `timeout` seconds.
    static func line(containing text: String, in pipe: Pipe, within timeout: Double) async -> String? {
        await offPool {
            var seen = ""
            let deadline = Date().addingTimeInterval(timeout)
            let handle = pipe.fileHandleForReading
            while Date() < deadline {
                let data = handle.availableData
                if data.isEmpty { return nil }
                seen += String(decoding: data, as: UTF8.self)
                if let line = seen.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            }
            return nil
        }
    }

    @Test func printsTheURLAndStopsOnCtrlCWithinASecondWithAPageOpen() async throws {
        let site = SiteFolder(["content/index.md": page("title: Home")])
        defer { site.cleanUp() }
        let (process, output, _) = try Self.start(["--root", site.root.path, "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        let line = try #require(await Self.line(containing: "Serving", in: output, within: 60))
        let match = try #require(line.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//))
        let port = try #require(Int(match.1))
        let events = try await EventStreamReader(port: port)
        #expect(await events.next("problems", within: 5) != nil)
        let clock = ContinuousClock()
        let started = clock.now
        kill(process.processIdentifier, SIGINT)
        let exited = await offPool { () -> Bool in
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            return !process.isRunning
        }
        let took = clock.now - started
        #expect(exited && took < .seconds(1), "Ctrl-C took \(took)")
        #expect(process.terminationStatus == 0)
        #expect(await events.ends(within: 1))
    }

    @Test func anotherHostThanLoopbackIsWarnedAbout() async throws {
        let site = SiteFolder(["content/index.md": page("title: Home")])
        defer { site.cleanUp() }
        let (process, _, errors) = try Self.start(["--root", site.root.path, "--port", "0", "--host", "0.0.0.0"])
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        let warning = await Self.line(containing: "warning", in: errors, within: 60)
        #expect(warning?.contains("listening on 0.0.0.0: anyone who can reach this machine sees the drafts and embargoed pages") == true)
    }

    @Test func aPortInUseIsAUsageError() async throws {
        let site = SiteFolder(["content/index.md": page("title: Home")])
        defer { site.cleanUp() }
        let (first, output, _) = try Self.start(["--root", site.root.path, "--port", "0"])
        defer { if first.isRunning { first.terminate(); first.waitUntilExit() } }
        let line = try #require(await Self.line(containing: "Serving", in: output, within: 60))
        let port = try #require(line.firstMatch(of: /:(\d+)\//).flatMap { Int($0.1) })
        let (second, _, errors) = try Self.start(["--root", site.root.path, "--port", String(port)])
        await offPool { second.waitUntilExit() }
        #expect(second.terminationStatus == 2)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("cannot serve on 127.0.0.1:\(port)"))
    }
}
