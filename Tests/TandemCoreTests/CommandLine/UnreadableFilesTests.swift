import Foundation
import Testing

/// Unreadable folders and templates are errors naming the path and the system's reason, not skipped.
@Suite struct UnreadableFilesTests {
    @Test(.enabled(if: canDropRoot)) func unreadableFoldersTemplatesAndSettingsAreErrorsWithTheirPaths() throws {
        let site = TestSite([
            "content/a.md": page("title: A"),
            "content/news/2026/b.md": page("title: B\ndate: 2026-01-01"),
            "content/c.md": page("title: C"),
            "templates/partials/site-footer.mustache": "<footer>Ours</footer>",
            "tandem.yaml": "title: Ours\n",
        ])
        defer {
            for path in ["content/news", "content/c.md", "templates/partials/site-footer.mustache", "tandem.yaml"] {
                chmod(site.root.appendingPathComponent(path).path, 0o755)
            }
            site.cleanUp()
        }
        for path in ["content/news", "content/c.md", "templates/partials/site-footer.mustache", "tandem.yaml"] {
            #expect(chmod(site.root.appendingPathComponent(path).path, 0) == 0)
        }
        let result = try runAsAnotherUser(["check", "--root", site.root.path])
        #expect(result.status == 1, "\(result.standardError)")
        for line in ["content/news: error: cannot list this folder: Permission denied",
                     "content/c.md: error: cannot read this file: Permission denied",
                     "templates/partials/site-footer.mustache: error: cannot read this file: Permission denied",
                     "tandem.yaml: error: cannot read this file: Permission denied"] {
            #expect(result.standardError.contains(line + "\n"), "\(result.standardError)")
        }
    }
}
