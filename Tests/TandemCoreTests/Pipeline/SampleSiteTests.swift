import Foundation
import Testing
@testable import TandemCore

/// End to end on the repository's own sample site (`tandem.yaml` and `content/`).
@Suite struct SampleSiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Builds the sample site into a fresh temporary folder.
    static func build(_ mode: BuildMode = BuildMode()) -> (BuildReport, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-sample-\(UUID().uuidString)")
        return (SiteBuilder.build(BuildOptions(root: root, output: output, mode: mode)), output)
    }

    static func sources() -> [SourcePage] {
        ContentLoader.load(root: root, config: ConfigLoader.load(root: root).0).pages
    }

    @Test func buildsWithNoWarningsAndNoErrors() {
        let (report, output) = Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.published)
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFormatter.human(report.diagnostics))")
        #expect(report.pagesWritten > 20)
    }

    @Test func coversWhatTheSampleSiteMustShow() {
        let pages = Self.sources()
        let dated = pages.filter { $0.frontMatter.date != nil && $0.kind == .page && !$0.frontMatter.draft && $0.frontMatter.embargo == nil }
        #expect(dated.count >= 12)
        #expect(Set(pages.flatMap(\.frontMatter.persons)) == Set(PersonsCategory.allCases))
        #expect(Set(pages.flatMap(\.frontMatter.activities)).count >= 6)
        let joint = pages.filter(\.frontMatter.joint)
        #expect(joint.count >= 5)
        #expect(Set(joint.compactMap { $0.frontMatter.lead?.value }) == Set(Lead.allCases))
        #expect(pages.filter(\.frontMatter.draft).count == 1)
        #expect(pages.filter { $0.frontMatter.embargo != nil }.count == 1)
        #expect(Set(pages.compactMap(\.section)).isSuperset(of: ["news", "stories", "statements", "briefings"]))
        #expect(pages.contains { $0.kind == .home } && pages.contains { $0.contentPath == "about.md" })
    }

    @Test func everyJointPageHasOneNoticeAndNoOtherPageHasAny() throws {
        let (report, output) = Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.published)
        let config = ConfigLoader.load(root: Self.root).0
        let published = Self.sources().filter { BuildMode().hiddenReason($0.frontMatter) == nil }
        let jointOutputs = Set(published.filter(\.frontMatter.joint).map { Route.page($0, config: config).outputPath })
        let htmlFiles = ContentLoader.walk(output).filter { $0.hasSuffix(".html") }
        #expect(jointOutputs.count >= 5 && jointOutputs.isSubset(of: Set(htmlFiles)))
        for path in htmlFiles {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(JointNotice.count(in: html) == (jointOutputs.contains(path) ? 1 : 0), "\(path)")
        }
    }

    @Test func theDraftAndTheEmbargoedPageAppearInNoOutputFile() throws {
        let (report, output) = Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.published)
        let hidden = Self.sources().filter { $0.frontMatter.draft || $0.frontMatter.embargo != nil }
        #expect(hidden.count == 2)
        var secrets: [String] = []
        for page in hidden {
            secrets.append(page.frontMatter.title)
            secrets.append(String(page.contentPath.split(separator: "/").last!.dropLast(3)))
        }
        for path in ContentLoader.walk(output) {
            let text = String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
            for secret in secrets {
                #expect(!text.contains(secret), "\(secret) leaked into \(path)")
            }
        }
    }

    @Test func aBuildBrokenOnPurposeLeavesThePreviousOutputUntouched() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-sample-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["tandem.yaml", "content"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        let output = copy.appendingPathComponent("site")
        #expect(SiteBuilder.build(BuildOptions(root: copy)).published)
        var before: [String: Data] = [:]
        for path in ContentLoader.walk(output) { before[path] = try Data(contentsOf: output.appendingPathComponent(path)) }

        let about = copy.appendingPathComponent("content/about.md")
        var text = try String(contentsOf: about, encoding: .utf8)
        text = text.replacingOccurrences(of: "title:", with: "titel:")
        try text.write(to: about, atomically: true, encoding: .utf8)
        let broken = SiteBuilder.build(BuildOptions(root: copy))
        #expect(!broken.published)
        #expect(broken.diagnostics.contains { $0.path == "content/about.md" && $0.message == "unknown key 'titel' in the front matter" })

        var after: [String: Data] = [:]
        for path in ContentLoader.walk(output) { after[path] = try Data(contentsOf: output.appendingPathComponent(path)) }
        #expect(after == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: copy.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }
}
