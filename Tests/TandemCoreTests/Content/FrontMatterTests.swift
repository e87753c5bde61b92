import Foundation
import Testing
@testable import TandemCore

/// Parses one Markdown file as if it were `content/<path>`.
private func parse(_ text: String, path: String = "news/2026/camp.md", config: SiteConfig = SiteConfig())
    -> (SourcePage?, [Diagnostic])
{
    ContentLoader.parse(Data(text.utf8), contentPath: path, config: config)
}

@Suite struct FrontMatterTests {
    @Test func decodesEveryKeyOfTheModel() throws {
        let (page, diagnostics) = parse("""
        ---
        title: Joint registration in Goma
        date: 2026-03-05
        summary: Teams registered families.
        persons: [idps, local-populations]
        activities:
          - idp-cooperation
          - information
        joint: true
        lead: co-led
        countries: ["cd", "RW"]
        focal_points: [amina-haddad]
        draft: false
        embargo: 2026-03-05T09:00:00+01:00
        lang: en
        translation_key: goma
        aliases: [/old/goma/]
        slug: goma
        weight: 3
        layout: page
        image: /images/goma.jpg
        image_alt: Families at the centre
        ---
        Body.
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let matter = try #require(page?.frontMatter)
        #expect(matter.title == "Joint registration in Goma")
        #expect(matter.date?.value.isoDay == "2026-03-05")
        #expect(matter.persons == [.idps, .localPopulations])
        #expect(matter.activities == [.idpCooperation, .information])
        #expect(matter.joint && matter.lead?.value == .coLed)
        #expect(matter.countries.map(\.value) == ["CD", "RW"])
        #expect(matter.focalPoints.map(\.value) == ["amina-haddad"])
        #expect(matter.embargo?.value.instant == Date(timeIntervalSince1970: 1772697600))
        #expect(matter.slug?.value == "goma" && matter.weight == 3 && matter.layout?.value == "page")
        #expect(matter.aliases.map(\.value) == ["/old/goma/"])
        #expect(page?.translationKey == "goma")
        #expect(page?.bodyFirstLine == 24)
    }

    /// Yams fork (Vendor/Yams/FORK.md): a scalar's UTF-8 from libyaml becomes the String as written.
    @Test func textsInEveryScriptAndEscapeDecodeAsWritten() throws {
        let (page, diagnostics) = parse("""
        ---
        title: "R\\u00e9fugi\\u00e9s \\x41 \\U0001F30D –"
        date: 2026-03-05
        summary: التعاون بين المفوضية والمنظمة — coopération
        ---
        Body.
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(page?.frontMatter.title == "Réfugiés A 🌍 –")
        #expect(page?.frontMatter.summary == "التعاون بين المفوضية والمنظمة — coopération")
    }

    @Test func malformedYAMLIsReportedAtItsLineInTheMarkdownFile() {
        let (page, diagnostics) = parse("---\ntitle: Fine\nsummary: [unclosed\ndate: 2026-01-01\n---\nBody\n")
        #expect(page == nil)
        let diagnostic = diagnostics.first
        #expect(diagnostics.count == 1)
        #expect(diagnostic?.path == "content/news/2026/camp.md")
        #expect(diagnostic?.line == 3 && diagnostic?.column == 10, "at the `[` that is never closed")
        #expect(diagnostic?.message == "the list that starts here with `[` is not closed with `]`")
        #expect(diagnostic?.hint != nil)
    }

    @Test func badIndentationPointsAtTheOffendingLine() {
        let (_, diagnostics) = parse("---\ntitle: Fine\ndate: 2026-01-01\n  persons: refugees\n---\n")
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.column ?? 0 > 0)
    }

    @Test func missingTitleIsAnErrorWithAHint() {
        let (page, diagnostics) = parse("---\ndate: 2026-01-01\n---\nBody\n")
        #expect(page == nil)
        #expect(diagnostics.map(\.message) == ["missing required key 'title'"])
        #expect(diagnostics.first?.hint?.contains("title:") == true)
        #expect(diagnostics.first?.line == 2)
    }

    @Test func wrongTypeIsAnErrorAtTheValue() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\njoint: yes\npersons:\n  refugees: 3\n---\n")
        let joint = diagnostics.first { $0.message.contains("'joint'") }
        #expect(joint?.line == 4 && joint?.column == 8)
        #expect(joint?.hint == "write `joint: true` or `joint: false`")
        let persons = diagnostics.first { $0.message.contains("'persons' must be a list") }
        #expect(persons?.line == 6)
    }

    @Test func unknownKeySuggestsTheNearestKey() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\nsumary: Short.\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == "unknown key 'sumary' in the front matter")
        #expect(diagnostics[0].hint == "did you mean 'summary'?")
        #expect(diagnostics[0].line == 4 && diagnostics[0].column == 1)
    }

    @Test func unknownPersonsValueSuggestsTheNearest() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\npersons:\n  - refugees\n  - asylum-seeker\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == "unknown persons value 'asylum-seeker'")
        #expect(diagnostics[0].hint == "did you mean 'asylum-seekers'?")
        #expect(diagnostics[0].line == 6 && diagnostics[0].column == 5)
    }

    @Test func unknownLeadListsTheChoices() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\njoint: true\nlead: WFP\n---\n")
        #expect(diagnostics.map(\.message) == ["unknown lead 'WFP'"])
        #expect(diagnostics[0].hint == "write one of: UNHCR, IOM, co-led")
    }

    @Test func leadInTheWrongCaseSaysHowToWriteIt() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\njoint: true\nlead: iom\n---\n")
        #expect(diagnostics.first?.hint == "write `lead: IOM`")
    }

    @Test func badDateIsAnError() {
        let (_, notADate) = parse("---\ntitle: T\ndate: 5 March 2026\n---\n")
        #expect(notADate.first?.message == "'date' is not a date: '5 March 2026'")
        #expect(notADate.first?.line == 3)
        let (_, noSuchDay) = parse("---\ntitle: T\ndate: 2026-02-30\n---\n")
        #expect(noSuchDay.first?.message == "'date' is not a day of the calendar: '2026-02-30'")
    }

    @Test func dateTimeWithoutZoneIsAnErrorNotAGuess() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\nembargo: 2026-12-01T09:00:00\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == "'embargo' has a time but no time zone: '2026-12-01T09:00:00'")
        #expect(diagnostics[0].hint?.contains("2026-12-01T09:00:00Z") == true)
        #expect(diagnostics[0].line == 4)
    }

    @Test func embargoNeedsATimeNotOnlyADay() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\nembargo: 2026-12-01\n---\n")
        #expect(diagnostics.first?.message == "'embargo' needs a time and a zone, not only a day")
    }

    @Test func jointPageWithoutLeadIsAnError() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\njoint: true\n---\n")
        #expect(diagnostics.map(\.message) == ["a joint page must say who leads it"])
        #expect(diagnostics[0].line == 4)
    }

    @Test func yamlOneOneQuirksDoNotReachTheModel() throws {
        let (page, diagnostics) = parse("---\ntitle: 1.10\nsummary: no\ndate: 2026-01-01\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(page?.frontMatter.title == "1.10")
        #expect(page?.frontMatter.summary == "no")
    }

    @Test func fileThatIsNotUTF8IsAnErrorAtItsFirstBadByte() {
        var bytes = Array("---\ntitle: Caf".utf8)
        bytes.append(0xE9) // Latin-1 é
        bytes += Array("\n---\n".utf8)
        let (page, diagnostics) = ContentLoader.parse(Data(bytes), contentPath: "about.md", config: SiteConfig())
        #expect(page == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == "this file is not UTF-8 text")
        #expect(diagnostics[0].line == 2 && diagnostics[0].column == 11)
        #expect(diagnostics[0].hint?.contains("UTF-8") == true)
    }

    @Test func missingFrontMatterSaysHowToStartAPage() {
        let (_, diagnostics) = parse("# Just a heading\n")
        #expect(diagnostics.first?.message == "this page has no front matter")
        let (_, unclosed) = parse("---\ntitle: T\n")
        #expect(unclosed.first?.message == "the front matter that starts here is never closed")
        // The fuzzer found it: a file of only `---` (no line end) crashed the splitter.
        for text in ["---", "\u{FEFF}---", "---\r"] {
            let (page, alone) = parse(text)
            #expect(page == nil && alone.map(\.message) == ["the front matter that starts here is never closed"], "\(text.debugDescription)")
        }
    }

    /// The front matter closes at the first line that is `---`, `...` or `--- `, not at a
    /// line that only starts with one; the body and its line numbers follow that line.
    @Test func theFrontMatterClosesAtItsFenceLine() throws {
        for fence in ["---", "...", "--- "] {
            let parts = try FrontMatterSplitter.split("---\ntitle: \"---x\"\n----\n\(fence)\nBody é\n", path: "a.md").get()
            #expect(parts.yaml == "title: \"---x\"\n----\n", "\(fence.debugDescription)")
            #expect(parts.body == "Body é\n" && parts.bodyFirstLine == 5 && parts.yamlFirstLine == 2)
        }
        // A fence on the last line, with no line end: the body is empty, on the line after it.
        let last = try FrontMatterSplitter.split("---\ntitle: Ünïcode\n---", path: "a.md").get()
        #expect(last.yaml == "title: Ünïcode\n" && last.body == "" && last.bodyFirstLine == 4)
        // An empty front matter.
        let empty = try FrontMatterSplitter.split("---\n---\nText", path: "a.md").get()
        #expect(empty.yaml == "" && empty.body == "Text" && empty.bodyFirstLine == 3)
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreAccepted() {
        let (page, diagnostics) = parse("\u{FEFF}---\r\ntitle: T\r\ndate: 2026-01-01\r\n---\r\nBody\r\n")
        #expect(diagnostics.isEmpty)
        #expect(page?.body == .markdown("Body\n"))
    }

    @Test func everyProblemOfABlockIsReportedNotJustTheFirst() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: someday\npersons: [refugee]\nactivity: [resettlement]\njoint: maybe\n---\n")
        #expect(diagnostics.count == 4)
    }

    @Test func invalidCountryCodeGetsAHint() {
        let (_, diagnostics) = parse("---\ntitle: T\ndate: 2026-01-01\ncountries: [UK, COL]\n---\n")
        #expect(diagnostics.map(\.hint) == ["did you mean 'GB'?", "did you mean 'CO'?"])
    }

    @Test func languageComesFromTheFileSuffix() {
        var config = SiteConfig()
        config.languages = ["en", "fr"]
        let (page, diagnostics) = parse("---\ntitle: À propos\n---\n", path: "about.fr.md", config: config)
        #expect(diagnostics.isEmpty)
        #expect(page?.language == "fr" && page?.translationKey == "about")
        let (_, unknown) = parse("---\ntitle: Acerca\n---\n", path: "about.es.md", config: config)
        #expect(unknown.first?.message == "the file name says language 'es', which this site does not publish in")
    }
}
