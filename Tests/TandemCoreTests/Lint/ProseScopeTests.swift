import Testing
@testable import TandemCore

/// Rules read the text people read, and point into the Markdown source through its markup.
@Suite struct ProseScopeTests {
    @Test func aBlockquoteIsQuotedSpeechAtMostInfo() {
        let found = LintFixture.lint("> They are illegal migrants, he said.")
        #expect(found.map(\.severity) == [.info])
        #expect(found.rules == ["illegal-migrant"])
    }

    @Test func textBetweenQuotationMarksIsQuotedSpeech() {
        for text in ["He spoke of \"illegal migrants\" twice.", "He spoke of “illegal migrants” twice.",
                     "Il parle de « migrants illégaux »."] {
            let path = text.hasPrefix("Il") ? "news/a.fr.md" : "news/a.md"
            let found = LintFixture.lint(text, contentPath: path)
            #expect(found.map(\.severity) == [.info], "\(text)")
        }
        #expect(LintFixture.lint("A 12\" screen shows illegal migrants.").map(\.severity) == [.error])
    }

    @Test func aRuleCanSkipQuotedSpeech() {
        #expect(LintFixture.lint("> The persons of concern to the High Commissioner.").isEmpty)
        #expect(LintFixture.lint("Para 4 names \"persons of concern\".").isEmpty)
    }

    @Test func codeURLsAndHTMLAreNotProse() {
        let body = """
        Use `illegal migrants` in code only.

            illegal migrants in a code block

        ```
        illegal migrants in a fence
        ```

        A [report](https://example.org/illegal-migrants) and <span title="illegal migrants">html</span>.

        <div>illegal migrants</div>
        """
        #expect(LintFixture.lint(body).isEmpty)
    }

    @Test func linkTextsAndAltTextsArePros() {
        let found = LintFixture.lint("See [the illegal migrants report](https://example.org/).\n\n![Illegal migrants at the border](a.jpg)")
        #expect(found.rules == ["illegal-migrant", "illegal-migrant"])
        #expect(Set(found.map { "\($0.line):\($0.column)" }) == ["4:10", "6:3"])
    }

    @Test func headingsListItemsTitleAndSummaryAreProse() {
        let found = LintFixture.lint("## On illegal migrants\n\n- illegal migrants\n",
                                     frontMatter: "title: Illegal migrants\nsummary: \"About illegal migrants.\"")
        #expect(Set(found.map { "\($0.line):\($0.column)" }) == ["2:8", "3:17", "5:7", "7:3"])
    }

    @Test func positionsGoThroughInlineMarkup() throws {
        let found = LintFixture.lint("Some **illegal** *migrants* and [economic **migrants**](x.md), \\*illegals &amp; more.")
        let illegal = try #require(found.first { $0.rule == "illegal-migrant" && $0.column == 8 })
        #expect(illegal.line == 4)
        #expect(illegal.length == 19)
        let economic = try #require(found.first { $0.rule == "economic-migrant" })
        #expect(economic.column == 34)
        let illegals = try #require(found.first { $0.column > 60 })
        #expect(illegals.column == 66)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let found = LintFixture.lint("Déjà vu: réfugiés and **illegal migrants**.")
        let hit = try #require(found.first)
        #expect(hit.column == 25)
        #expect(hit.excerpt == "Déjà vu: réfugiés and **illegal migrants**.")
    }

    /// A character outside the Basic Multilingual Plane is two UTF-16 units but one column.
    @Test func columnsCountEmojiAsOneCharacterInTheBodyAndTheTitle() throws {
        let found = LintFixture.lint("🙂🙂 and\nthen 🙂 illegal migrants.", frontMatter: "title: 🙂 illegal migrants")
        #expect(Set(found.map { "\($0.line):\($0.column)" }) == ["2:10", "5:8"])
        #expect(found.allSatisfy { $0.length == "illegal migrants".count })
    }

    @Test func positionsInListsAndBlockquotesCountTheirMarkers() throws {
        let found = LintFixture.lint("Text.\n\n> - A quoted item on illegal migrants")
        #expect(found.first.map { "\($0.line):\($0.column)" } == "6:22")
    }
}
