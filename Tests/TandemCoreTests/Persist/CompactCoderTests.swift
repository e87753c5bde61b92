import Foundation
import Testing
@testable import TandemCore

/// The binary form of Tandem's cache files gives back exactly what it was
/// given, and refuses damaged input without trapping.
@Suite struct CompactCoderTests {
    private struct Sample: Codable, Equatable {
        var text: String
        var number: Int
        var negative: Int
        var big: UInt64
        var flag: Bool
        var fraction: Double
        var date: Date
        var missing: String?
        var present: Int?
        var list: [String]
        var optionals: [Int?]
        var nested: [[Bool]]
        var inner: Inner?
        var kind: PageKind
        /// The two lists written without a cast for each element.
        var numbers: [Int32]
        var run: [UInt8]
        @Indirect var boxed: String?

        struct Inner: Codable, Equatable {
            var name: String
            var empty: [Int]
        }
    }

    private static let sample = Sample(text: "réfugiés · لاجئون", number: 300, negative: -70_000, big: .max, flag: true,
                                       fraction: -0.1, date: Date(timeIntervalSinceReferenceDate: 1e9 + 0.25),
                                       missing: nil, present: 0, list: ["", "a"], optionals: [1, nil, 3], nested: [[], [true, false]],
                                       inner: Sample.Inner(name: "x", empty: []), kind: .focalPoint,
                                       numbers: [0, -1, .min, .max, 300], run: [0, 0xFF, 0x80], boxed: nil)

    @Test func valuesComeBackAsTheyWere() throws {
        let bytes = try CompactCoder.encode(Self.sample)
        let back = try bytes.withUnsafeBytes { try CompactCoder.decode(Sample.self, from: $0) }
        #expect(back == Self.sample)
    }

    /// A value streamed in chunks (a build's state, written as it is encoded)
    /// is the same bytes as the value encoded whole, in order, in chunks of
    /// about the size asked for; a sink that fails makes the encoding throw.
    @Test func aStreamedValueIsTheSameBytesInChunks() throws {
        struct Failed: Error {}
        let dependencies = (0 ..< 2_000).map { Dependency.page("news/\($0).md") }
        struct Three: Codable { var sample: Sample, dependencies: [Dependency], samples: [Sample] }
        let three = Three(sample: Self.sample, dependencies: dependencies, samples: [Self.sample, Self.sample])
        let whole = try CompactCoder.encode(three)
        for chunkSize in [1, 7, 1_000, 1 << 20] {
            var chunks: [[UInt8]] = []
            let count = try CompactCoder.encode(three, chunkSize: chunkSize) { chunks.append(Array($0)) }
            #expect(count == whole.count)
            #expect(chunks.flatMap { $0 } == whole, "chunks of \(chunkSize)")
            // Every chunk but the last holds at least the size asked for; none much more than one element's bytes over it.
            #expect(chunks.dropLast().allSatisfy { $0.count >= chunkSize && $0.count < chunkSize + 200 })
            #expect(chunkSize >= whole.count || chunks.count > 1)
        }
        #expect(throws: Failed.self) { try CompactCoder.encode(three, chunkSize: 100) { _ in throw Failed() } }
    }

    /// Places and located texts are written without containers, but as their
    /// compiler-derived coding would write them: the same bytes as a struct of
    /// the same fields, so stores written before read the same.
    @Test func placesAreWrittenAsTheirFieldsWouldBe() throws {
        struct Place: Codable { var path: String, line: Int, column: Int }
        struct LocatedText: Codable { var value: String, location: Place }
        let place = SourceLocation(path: "content/news/camp.md", line: 12, column: -3)
        let fields = Place(path: place.path, line: place.line, column: place.column)
        #expect(try CompactCoder.encode(place) == CompactCoder.encode(fields))
        #expect(try CompactCoder.encode(Located("Goma", at: place)) == CompactCoder.encode(LocatedText(value: "Goma", location: fields)))
        let back = try CompactCoder.encode([Located("Goma", at: place)]).withUnsafeBytes {
            try CompactCoder.decode([Located<String>].self, from: $0)
        }
        #expect(back == [Located("Goma", at: place)])
    }

    /// Stored diagnostics are written and read by hand, in the bytes a struct
    /// A file's stamp is written as its own unkeyed coding writes it (seven
    /// fields, counted), through the coder's short path, and read back equal.
    /// A list is written in place (its count, then each element), as its unkeyed
    /// container wrote it: the same bytes as a type that encodes its elements through one.
    @Test func listsAreWrittenAsTheirUnkeyedContainerWould() throws {
        struct ThroughContainer<Element: Encodable>: Encodable {
            let elements: [Element]
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                for element in elements { try container.encode(element) }
            }
        }
        let samples = [Self.sample, Self.sample]
        #expect(try CompactCoder.encode(samples) == (try CompactCoder.encode(ThroughContainer(elements: samples))))
        let nested: [[Sample.Inner]] = [[], [Sample.Inner(name: "a", empty: [1, 2])]]
        #expect(try CompactCoder.encode(nested) == (try CompactCoder.encode(ThroughContainer(elements: nested))))
        let optionals: [String?] = ["a", nil]
        #expect(try CompactCoder.encode(optionals) == (try CompactCoder.encode(ThroughContainer(elements: optionals))))
    }

    @Test func fileStampsAreWrittenAsTheirUnkeyedCodingWould() throws {
        struct Unkeyed: Encodable {
            let stamp: FileStamp
            func encode(to encoder: any Encoder) throws { try stamp.encode(to: encoder) }
        }
        let stamp = FileStamp(device: 2049, inode: 1 << 40, size: -1, modified: timespec(tv_sec: 1_764_300_000, tv_nsec: 999_999_999),
                              changed: timespec(tv_sec: -3, tv_nsec: 0))
        let bytes = try CompactCoder.encode(stamp)
        #expect(bytes == (try CompactCoder.encode(Unkeyed(stamp: stamp))))
        #expect(try bytes.withUnsafeBytes { try CompactCoder.decode(FileStamp.self, from: $0) } == stamp)
        let listed = try CompactCoder.encode([stamp, stamp])
        #expect(try listed.withUnsafeBytes { try CompactCoder.decode([FileStamp].self, from: $0) } == [stamp, stamp])
    }

    /// of the same fields with compiler-derived coding gives, and come back equal.
    @Test func storedDiagnosticsAreWrittenAsTheirDerivedCodingWould() throws {
        struct Fields: Codable {
            var severity: Severity, path: String, line: Int, column: Int, message: String
            var hint: String?, rule: String?, excerpt: String?, length: Int
        }
        var full = Diagnostic.warning(SourceLocation(path: "content/news/camp.md", line: 40, column: 7), "'migrants' on a page about refugees",
                                      hint: "write 'refugees'", rule: "migrant-on-refugee-page")
        full.excerpt = "Des migrants à Goma"
        full.length = 8
        let bare = Diagnostic.error(SourceLocation(path: "content/a.md", line: 0, column: -1), "cannot read")
        let stored = [full, bare].map(StoredDiagnostic.init)
        let fields = stored.map {
            Fields(severity: $0.severity, path: $0.path, line: $0.line, column: $0.column, message: $0.message,
                   hint: $0.hint, rule: $0.rule, excerpt: $0.excerpt, length: $0.length)
        }
        let bytes = try CompactCoder.encode(stored)
        #expect(try bytes == CompactCoder.encode(fields))
        let back = try bytes.withUnsafeBytes { try CompactCoder.decode([StoredDiagnostic].self, from: $0) }
        #expect(back.map(\.diagnostic) == [full, bare])
        for count in 0 ..< bytes.count {
            #expect(throws: CompactCoder.Damaged.self) {
                try Array(bytes.prefix(count)).withUnsafeBytes { try CompactCoder.decode([StoredDiagnostic].self, from: $0) }
            }
        }
    }

    /// Dependencies are written by hand, but in the bytes an enum of the same
    /// cases with compiler-derived coding gives, and read back equal.
    @Test func dependenciesAreWrittenAsTheirDerivedCodingWould() throws {
        struct Path: Codable { var path: String }
        enum Derived: Codable {
            case config, template(String), strings(String), page(String), card(String), address(String), embargoed(String)
            case listingSlice(Path, Range<Int>), listings(String), section(Path), sections(String), taxonomyIndexes(String)
            case navigation(String), focalPoint(String), focalPoints, link(String), anchors(String), sitePath(String)
            case knownPaths, nextChange, file(String), searchBucket(String, Int), searchNumbering(String)
        }
        let pairs: [(Dependency, Derived)] = [
            (.config, .config), (.template("base"), .template("base")), (.strings("fr"), .strings("fr")),
            (.page("news/camp.md"), .page("news/camp.md")), (.card("a.md"), .card("a.md")), (.address("b.md"), .address("b.md")),
            (.embargoed("c.md"), .embargoed("c.md")),
            (.listingSlice(Route(path: "/news/"), 10 ..< 20), .listingSlice(Path(path: "/news/"), 10 ..< 20)),
            (.listings("ar"), .listings("ar")), (.section(Route(path: "/es/news/")), .section(Path(path: "/es/news/"))),
            (.sections("en"), .sections("en")), (.taxonomyIndexes("en"), .taxonomyIndexes("en")),
            (.navigation("fr"), .navigation("fr")), (.focalPoint("amina"), .focalPoint("amina")), (.focalPoints, .focalPoints),
            (.link("images/camp.jpg"), .link("images/camp.jpg")), (.anchors("d.md"), .anchors("d.md")),
            (.sitePath("/fr/"), .sitePath("/fr/")), (.knownPaths, .knownPaths), (.nextChange, .nextChange),
            (.file("images/x.pdf"), .file("images/x.pdf")), (.searchBucket("en", 7), .searchBucket("en", 7)),
            (.searchNumbering("es"), .searchNumbering("es")),
        ]
        for (dependency, derived) in pairs {
            #expect(try CompactCoder.encode(dependency) == CompactCoder.encode(derived), "\(dependency)")
        }
        let all = pairs.map(\.0)
        #expect(try CompactCoder.encode(all) == CompactCoder.encode(pairs.map(\.1)))
        let back = try CompactCoder.encode(all).withUnsafeBytes { try CompactCoder.decode([Dependency].self, from: $0) }
        #expect(back == all)
    }

    /// A front matter with every field set (and one with none) comes back
    /// equal, and every cut of it is refused: its coder is written by hand.
    @Test func aFrontMatterWithEveryFieldComesBackEqual() throws {
        let place = { (line: Int) in SourceLocation(path: "content/news/camp.fr.md", line: line, column: 7) }
        var matter = FrontMatter(title: "Réfugiés à Goma")
        matter.linkTitle = "Goma"
        matter.date = Located(try PageDate.parse("2026-03-04T09:30:00+02:00"), at: place(3))
        matter.dateWritten = true
        matter.summary = "Un résumé"
        matter.persons = [.refugees, .migrants]
        matter.activities = Array(Activity.allCases.prefix(2))
        matter.joint = true
        matter.jointLocation = place(6)
        matter.lead = Located(.iom, at: place(7))
        matter.countries = [Located("CD", at: place(8)), Located("RW", at: place(8))]
        matter.focalPoints = [Located("amina-diallo", at: place(9))]
        matter.draft = true
        matter.embargo = Located(try PageDate.parse("2026-04-01"), at: place(11))
        matter.lang = Located("fr", at: place(12))
        matter.translationKey = "news/camp"
        matter.aliases = [Located("/old/camp/", at: place(14))]
        matter.slug = Located("camp-goma", at: place(15))
        matter.weight = -3
        matter.layout = Located("story", at: place(17))
        matter.image = "images/camp.jpg"
        matter.imageLocation = place(18)
        matter.imageAlt = "Des tentes"
        matter.lintAllow = [LintAllowance(rule: Located("migrant-on-refugee-page", at: place(20)), reason: "both groups")]
        matter.titleStart = place(2)
        matter.summaryStart = place(5)
        for value in [matter, FrontMatter(title: "")] {
            let bytes = try CompactCoder.encode(value)
            #expect(try bytes.withUnsafeBytes { try CompactCoder.decode(FrontMatter.self, from: $0) } == value)
            for count in 0 ..< bytes.count {
                #expect(throws: CompactCoder.Damaged.self) {
                    try Array(bytes.prefix(count)).withUnsafeBytes { try CompactCoder.decode(FrontMatter.self, from: $0) }
                }
            }
        }
    }

    @Test func everyPageOfTheSampleSiteComesBackEqual() throws {
        let pages = SampleSiteTests.sources()
        #expect(pages.count > 40)
        let bytes = try CompactCoder.encode(pages)
        let back = try bytes.withUnsafeBytes { try CompactCoder.decode([SourcePage].self, from: $0) }
        #expect(back == pages)
        #expect(back.contains { $0.focalPoint != nil } && back.contains { $0.frontMatter.embargo != nil })
    }

    /// Pages are written and read by hand, in the bytes a struct of the same
    /// fields with compiler-derived coding gives (its front matter and focal
    /// point coded as they are anyway), so each page of the sample site (some
    /// with a section, a focal point or anchors, some without) encodes alike.
    @Test func pagesAreWrittenAsTheirDerivedCodingWould() throws {
        struct Fields: Codable {
            var path: String, contentPath: String, kind: PageKind, section: String?, language: String, translationKey: String
            var frontMatter: FrontMatter, focalPoint: FocalPointRecord?, body: PageBody, bodyFirstLine: Int, firstParagraph: String
            var anchors: [String]
        }
        var pages = SampleSiteTests.sources()
        pages[0].anchors = ["background", "نظرة-عامة"]
        #expect(pages.contains { $0.section == nil })
        #expect(pages.contains { $0.section != nil } && pages.contains { $0.focalPoint != nil })
        // Each page as read (its Markdown) and as the parse stage leaves it (its prepared HTML).
        let prepared = pages.map { page in
            var page = page
            page.body = .prepared(ProseExtractor.extract(page, preparing: MarkdownRenderer()).body!)
            return page
        }
        #expect(prepared.contains { if case .prepared(let body) = $0.body { !body.holes.isEmpty } else { false } })
        for page in pages + prepared {
            let fields = Fields(path: page.path, contentPath: page.contentPath, kind: page.kind, section: page.section,
                                language: page.language, translationKey: page.translationKey, frontMatter: page.frontMatter,
                                focalPoint: page.focalPoint, body: page.body, bodyFirstLine: page.bodyFirstLine,
                                firstParagraph: page.firstParagraph, anchors: page.anchors)
            #expect(try CompactCoder.encode(page) == CompactCoder.encode(fields), "\(page.path)")
        }
        let bytes = try CompactCoder.encode(pages[0])
        for count in 0 ..< bytes.count {
            #expect(throws: CompactCoder.Damaged.self) {
                try Array(bytes.prefix(count)).withUnsafeBytes { try CompactCoder.decode(SourcePage.self, from: $0) }
            }
        }
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = try CompactCoder.encode(Self.sample)
        for count in 0 ..< bytes.count {
            #expect(throws: CompactCoder.Damaged.self) {
                try Array(bytes.prefix(count)).withUnsafeBytes { try CompactCoder.decode(Sample.self, from: $0) }
            }
        }
        #expect(throws: CompactCoder.Damaged.self) {
            try (bytes + [0]).withUnsafeBytes { try CompactCoder.decode(Sample.self, from: $0) }
        }
    }

    @Test func changedBytesNeverTrapAndAHugeCountIsRefused() throws {
        let bytes = try CompactCoder.encode(Self.sample)
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 2_000 {
            var damaged = bytes
            damaged[Int.random(in: 0 ..< damaged.count, using: &generator)] = UInt8.random(in: 0 ... 255, using: &generator)
            _ = try? damaged.withUnsafeBytes { try CompactCoder.decode(Sample.self, from: $0) }
        }
        // A text that claims 2^62 bytes.
        let claim: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F]
        #expect(throws: CompactCoder.Damaged.self) {
            try claim.withUnsafeBytes { try CompactCoder.decode(String.self, from: $0) }
        }
    }
}
