import Foundation
import Testing
@testable import TandemPreview

/// Saving a file reaches the open pages: a change event naming the files that
/// changed, the new text served, and the error overlay while the build is broken.
@Suite struct LiveReloadTests {
    static let files = [
        "content/index.md": page("title: Home"),
        "content/news/2026/camp.md": page("title: Camp opens\ndate: 2026-03-05", "First version."),
        "content/news/2026/other.md": page("title: Other\ndate: 2026-03-01", "Other text."),
    ]
    /// The most a saved file may take to reach an open page before the test
    /// calls it lost: the watcher's quiet period and one rebuild of a small
    /// site in a debug build take well under a second, but the whole suite
    /// runs in parallel on two cores (a run failed once at 2 s while another
    /// build shared the machine). How fast the reload is, is measured by
    /// `scripts/measure-reload.py`, not here.
    static let bound = 10.0

    @Test func anEditSendsAChangeEventAndTheNewTextIsServed() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let events = try await EventStreamReader(port: server.port, query: "?since=1")
        #expect(await events.next("problems", within: Self.bound) == "{\"html\":\"\"}")
        site.write("content/news/2026/camp.md", page("title: Camp opens\ndate: 2026-03-05", "Second version."))
        let change = try #require(await events.next("change", within: Self.bound))
        #expect(change.contains("\"news\\/2026\\/camp\\/index.html\""))
        #expect(!change.contains("other\\/index.html"), "pages that do not show the edit are not named")
        #expect(try await fetch(server.url, "/news/2026/camp/").text.contains("Second version."))
    }

    @Test func aStylesheetEditNamesOnlyTheStylesheet() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let events = try await EventStreamReader(port: server.port)
        site.write("templates/assets/style.css", "body { color: navy }\n")
        let change = try #require(await events.next("change", within: Self.bound))
        #expect(change.contains("\"paths\":[\"assets\\/style.css\"]"))
        #expect(try await fetch(server.url, "/assets/style.css").text == "body { color: navy }\n")
    }

    @Test func aBrokenEditShowsTheOverlayOnEveryPageUntilItIsFixed() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let events = try await EventStreamReader(port: server.port)
        #expect(await events.next("problems", within: Self.bound) == "{\"html\":\"\"}", "no overlay while the site builds")
        site.write("content/news/2026/camp.md", page("titel: Camp opens\ndate: 2026-03-05", "Broken version."))
        #expect(await events.next("problems", within: Self.bound)?.contains("tandem-problems") == true)
        for path in ["/", "/news/2026/other/", "/news/2026/camp/", "/no/such/page/"] {
            let page = try await fetch(server.url, path).text
            #expect(page.contains("id=\"tandem-problems\""), "\(path) shows no overlay")
            #expect(page.contains("content/news/2026/camp.md:2:1</code> unknown key &apos;titel&apos; in the front matter"))
            #expect(page.contains("hint: did you mean &apos;title&apos;?"))
        }
        #expect(try await fetch(server.url, "/news/2026/camp/").text.contains("First version."), "the last pages that built stay")

        site.write("content/news/2026/camp.md", page("title: Camp opens\ndate: 2026-03-05", "Fixed version."))
        #expect(await events.next("problems", within: Self.bound) == "{\"html\":\"\"}")
        let fixed = try await fetch(server.url, "/news/2026/camp/").text
        #expect(fixed.contains("Fixed version.") && !fixed.contains("tandem-problems"))
    }

    @Test func aFileSavedByRenamingATemporaryFileOverItIsSeen() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let events = try await EventStreamReader(port: server.port)
        site.write("content/news/2026/.camp.md.swp", page("title: Camp opens\ndate: 2026-03-05", "Renamed version."))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/news/2026/camp.md"))
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/news/2026/.camp.md.swp"),
                                         to: site.root.appendingPathComponent("content/news/2026/camp.md"))
        #expect(await events.next("change", within: Self.bound) != nil)
        #expect(try await fetch(server.url, "/news/2026/camp/").text.contains("Renamed version."))
    }

    @Test func newFoldersAreWatchedAndFilesAlreadyInThemCount() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        // A folder made elsewhere, with a file in it, moved in at once.
        let outside = site.root.appendingPathComponent("outside/2027")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(page("title: Moved in\ndate: 2027-01-01", "Moved text.").utf8).write(to: outside.appendingPathComponent("moved.md"))
        try FileManager.default.moveItem(at: outside, to: site.root.appendingPathComponent("content/news/2027"))
        #expect(try await eventually(within: Self.bound) { try await fetch(server.url, "/news/2027/moved/").status == 200 })
        // A folder created here, then a file in it.
        site.write("content/guides/deep/er/new.md", page("title: Deep", "Deep text."))
        #expect(try await eventually(within: Self.bound) { try await fetch(server.url, "/guides/deep/er/new/").status == 200 })
        site.write("content/guides/deep/er/new.md", page("title: Deep", "Deeper text."))
        #expect(try await eventually(within: Self.bound) {
            try await fetch(server.url, "/guides/deep/er/new/").text.contains("Deeper text.")
        })
    }

    @Test func aBurstOfSavesMakesFewRebuilds() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let events = try await EventStreamReader(port: server.port)
        for index in 0..<40 {
            site.write("content/notes/note-\(index).md", page("title: Note \(index)"))
        }
        #expect(try await eventually(within: Self.bound) { try await fetch(server.url, "/notes/note-39/").status == 200 })
        var changes = 0
        while await events.next("change", within: 0.5) != nil { changes += 1 }
        #expect(changes >= 1 && changes <= 3, "40 saves made \(changes) rebuilds")
    }

    @Test func aPageServedBeforeAChangeLearnsOfItWhenItConnects() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        defer { Task { await server.stop() } }
        let served = try await fetch(server.url, "/news/2026/camp/").text
        let version = try #require(served.firstMatch(of: /data-version="(\d+)" data-session="([0-9a-f-]+)"/))
        site.write("content/news/2026/camp.md", page("title: Camp opens\ndate: 2026-03-05", "Changed before connecting."))
        #expect(try await eventually(within: Self.bound) { try await fetch(server.url, "/news/2026/camp/").text.contains("Changed before") })
        let late = try await EventStreamReader(port: server.port, query: "?session=\(version.2)&since=\(version.1)")
        #expect(await late.next("change", within: Self.bound)?.contains("news\\/2026\\/camp\\/index.html") == true)
        let restarted = try await EventStreamReader(port: server.port, query: "?session=another-run&since=1")
        #expect(await restarted.next("reload", within: Self.bound) != nil)
    }

    @Test func openStreamsEndAndTheServerStopsWithinASecond() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site)
        let events = try await EventStreamReader(port: server.port)
        #expect(await events.next("problems", within: Self.bound) != nil)
        let took = await server.stop()
        #expect(took < .seconds(1), "stopping took \(took)")
        #expect(await events.ends(within: 1))
    }

    @Test func idleStreamsGetKeepaliveLines() async throws {
        let site = SiteFolder(Self.files)
        defer { site.cleanUp() }
        let server = try await RunningPreview.start(site, keepalive: .milliseconds(100))
        defer { Task { await server.stop() } }
        let events = try await EventStreamReader(port: server.port)
        #expect(await events.waitFor(": ping", within: Self.bound))
    }
}
