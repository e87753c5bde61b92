import Testing
@testable import TandemCore

@Suite struct ContactFormatsTests {
    @Test(arguments: ["a@b.org", "helene.marchetti@unhcr.example.org", "rafael.dumont-sato@iom.int", "x+press@mail.co.uk",
                      "mariam@exemple.tchad.td", "jose@correo.bücher.de"])
    func wellFormedEmailsPass(_ address: String) {
        #expect(ContactFormats.isEmail(address))
    }

    @Test(arguments: ["", "a", "a@", "@b.org", "a@b", "a@@b.org", "a b@c.org", "a@b..org", "a@-b.org", "a@b.o", "a@b.org.",
                      "<a@b.org>", ".a@b.org", "a..b@c.org", "a@b.123"])
    func malformedEmailsFail(_ address: String) {
        #expect(!ContactFormats.isEmail(address))
    }

    @Test(arguments: ["+41 22 739 8111", "+41227398111", "+880 1711 555 013", "+507 555 0150", "+1 202 555 0100"])
    func internationalPhonesPass(_ number: String) {
        #expect(ContactFormats.isInternationalPhone(number))
    }

    @Test(arguments: ["022 739 8111", "0041 22 739 8111", "+41 (0)22 739 8111", "+41-22-739-8111", "+41  22 739 8111",
                      "+41 22 739 8111 ", "+ 41 22 739 8111", "+12345", "+1234567890123456", "+41 22 ٧٣٩ 8111"])
    func otherPhonesFail(_ number: String) {
        #expect(!ContactFormats.isInternationalPhone(number))
    }

    @Test func languageTagsAreTwoOrThreeLowercaseLettersWithAnOptionalRegion() {
        for tag in ["en", "fr", "prs", "pt-BR", "es-419"] { #expect(ContactFormats.isLanguageTag(tag), "\(tag)") }
        for tag in ["", "e", "EN", "engl", "en_GB", "en-gb", "en-GBR", "pt-BR-x", "zh-Hant", "é"] {
            #expect(!ContactFormats.isLanguageTag(tag), "\(tag)")
        }
        #expect(ContactFormats.correctedLanguageTag("EN") == "en")
        #expect(ContactFormats.correctedLanguageTag("pt_br") == "pt-BR")
        #expect(ContactFormats.correctedLanguageTag("english") == nil)
    }

    @Test func dialableKeepsThePlusAndTheDigits() {
        #expect(ContactFormats.dialable("+41 22 739 8111") == "+41227398111")
    }
}
