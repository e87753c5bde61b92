import Testing
@testable import TandemCore

@Suite struct PlaceholdersTests {
    @Test func namedPlaceholdersAreFilledAndOthersStayAsWritten() {
        #expect(Placeholders.fill("{title}, page {number} of {total}", ["title": "News", "number": "2", "total": "5"]) == "News, page 2 of 5")
        #expect(Placeholders.fill("In {city}:", ["city": "Adré"]) == "In Adré:")
        #expect(Placeholders.fill("{unknown} and {city}", ["city": "Abéché"]) == "{unknown} and Abéché")
        #expect(Placeholders.fill("no braces", ["city": "x"]) == "no braces")
        #expect(Placeholders.fill("open { brace {city", ["city": "x"]) == "open { brace {city")
        #expect(Placeholders.fill("", ["city": "x"]) == "")
        #expect(Placeholders.fill("في {city}: {n}ـ{missing}", ["city": "جنيف", "n": "٣"]) == "في جنيف: ٣ـ{missing}")
        #expect(Placeholders.fill("{a{b}} é{city}é", ["a{b": "1", "city": "Niamey"]) == "1} éNiameyé")
    }

    /// A value is put in as it is: a title holding a placeholder's name is not filled again.
    @Test func aValueIsNeverReadForPlaceholders() {
        #expect(Placeholders.fill("{title}, page {number}", ["title": "Why {number} matters", "number": "3"])
                == "Why {number} matters, page 3")
    }
}
