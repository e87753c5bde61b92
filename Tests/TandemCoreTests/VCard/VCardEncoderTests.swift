import Foundation
import Testing
@testable import TandemCore

/// The physical lines of encoded text, split at CRLF (the last, empty one
/// dropped), as bytes: a line may start with a scalar that joins the space
/// before it into one Swift `Character`, so text is compared octet by octet.
private func physicalLines(_ text: String) -> [[UInt8]] {
    var lines: [[UInt8]] = [[]]
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
        if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
            lines.append([])
            index += 2
        } else {
            lines[lines.count - 1].append(bytes[index])
            index += 1
        }
    }
    if lines.last == [] { lines.removeLast() }
    return lines
}

/// Undoes folding (CRLF followed by a space), as a reader does before anything else.
private func unfold(_ text: String) -> String {
    var bytes: [UInt8] = []
    let input = Array(text.utf8)
    var index = 0
    while index < input.count {
        if index + 2 < input.count, input[index] == 13, input[index + 1] == 10, input[index + 2] == 32 {
            index += 3
        } else {
            bytes.append(input[index])
            index += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The lines of a card as texts, for the tests that do not fold.
private func textLines(_ text: String) -> [String] {
    physicalLines(text).map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct VCardEncoderTests {
    @Test func aFullCardHasEveryPropertyInOrderWithCRLFLineEndings() throws {
        var card = VCard(formattedName: "Hélène Marchetti", familyName: "Marchetti", givenName: "Hélène")
        card.organization = "UNHCR, the UN Refugee Agency"
        card.title = "Senior Communications Officer"
        card.emails = ["helene.marchetti@unhcr.example.org"]
        card.telephones = [.init("+41 22 555 0142", kind: .work), .init("+41 79 555 0143", kind: .cell)]
        card.locality = "Geneva"
        card.country = "Switzerland"
        card.languages = ["en", "fr"]
        card.url = "https://joint.example.org/focal-points/helene-marchetti/"
        card.revision = try PageDate.parse("2026-10-06").instant
        let text = VCardEncoder.encode(card)
        #expect(text == [
            "BEGIN:VCARD",
            "VERSION:4.0",
            "FN:Hélène Marchetti",
            "N:Marchetti;Hélène;;;",
            "ORG:UNHCR\\, the UN Refugee Agency",
            "TITLE:Senior Communications Officer",
            "EMAIL;TYPE=work:helene.marchetti@unhcr.example.org",
            "TEL;VALUE=uri;TYPE=work,voice:tel:+41-22-555-0142",
            "TEL;VALUE=uri;TYPE=cell:tel:+41-79-555-0143",
            "ADR;TYPE=work:;;;Geneva;;;Switzerland",
            "LANG;PREF=1:en",
            "LANG;PREF=2:fr",
            "URL:https://joint.example.org/focal-points/helene-marchetti/",
            "UID:https://joint.example.org/focal-points/helene-marchetti/",
            "REV:20261006T000000Z",
            "END:VCARD",
        ].map { $0 + "\r\n" }.joined())
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
    }

    @Test func aMinimalCardHasOnlyNamesAndNoEmptyProperties() {
        let text = VCardEncoder.encode(VCard(formattedName: "Amina", familyName: "Amina", givenName: ""))
        #expect(text == "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Amina\r\nN:Amina;;;;\r\nEND:VCARD\r\n")
    }

    @Test func commasSemicolonsBackslashesAndLineBreaksAreEscaped() {
        #expect(VCardEncoder.escape("Protection; Communications, Geneva") == "Protection\\; Communications\\, Geneva")
        #expect(VCardEncoder.escape("C:\\path") == "C:\\\\path")
        #expect(VCardEncoder.escape("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour")
        #expect(VCardEncoder.escape("Hélène Lucía مريم") == "Hélène Lucía مريم")
    }

    @Test func semicolonsInsideAComponentDoNotStartANewComponent() {
        var card = VCard(formattedName: "A; B", familyName: "Dumont;Sato", givenName: "Rafael, Jr.")
        card.locality = "Panama City; Panama"
        let lines = textLines(VCardEncoder.encode(card))
        #expect(lines.contains("FN:A\\; B"))
        #expect(lines.contains("N:Dumont\\;Sato;Rafael\\, Jr.;;;"))
        #expect(lines.contains("ADR;TYPE=work:;;;Panama City\\; Panama;;;"))
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        let line = "NOTE:" + String(repeating: "a", count: 70)
        #expect(line.utf8.count == 75)
        #expect(VCardEncoder.fold(line) == line)
    }

    @Test func aLineOf76OctetsIsFoldedAfter75() {
        let line = "NOTE:" + String(repeating: "a", count: 71)
        let lines = textLines(VCardEncoder.fold(line))
        #expect(lines.map(\.utf8.count) == [75, 2])
        #expect(lines[1] == " a")
    }

    @Test func aTwoOctetCharacterThatWouldStraddleOctet75MovesToTheNextLine() {
        let line = "NOTE:" + String(repeating: "a", count: 69) + "é" + "b"
        #expect(line.utf8.count == 77)
        let lines = textLines(VCardEncoder.fold(line))
        #expect(lines.map(\.utf8.count) == [74, 4])
        #expect(lines[1] == " éb")
    }

    @Test func aTwoOctetCharacterEndingExactlyAtOctet75StaysOnTheFirstLine() {
        let line = "NOTE:" + String(repeating: "a", count: 68) + "é" + "b"
        let lines = textLines(VCardEncoder.fold(line))
        #expect(lines.map(\.utf8.count) == [75, 2])
        #expect(lines[0].hasSuffix("é"))
    }

    @Test(arguments: [
        "FN:مريم أبكر جبرين، مسؤولة العلاقات الخارجية في أبشي، المفوضية السامية للأمم المتحدة لشؤون اللاجئين",
        "FN:Fatimé Haroun Abdelkerim-Hélène Lucía Montalvo Reyes Ñandú Çağlar Øster Åsa Łukasz Żółć Ærø",
        "NOTE:" + String(repeating: "👩🏽‍💼", count: 30),
        "NOTE:" + String(repeating: "中文", count: 40),
    ])
    func foldedLinesStayWithin75OctetsAndValidUTF8(_ line: String) throws {
        let folded = VCardEncoder.fold(line)
        let lines = physicalLines(folded)
        #expect(lines.count > 1)
        for (index, physical) in lines.enumerated() {
            #expect(physical.count <= 75, "line \(index) has \(physical.count) octets")
            #expect(index == 0 || physical.first == 32, "a continuation line starts with a space")
            #expect(String(validating: physical, as: UTF8.self) != nil, "line \(index) is not UTF-8 on its own")
        }
        #expect(lines.dropLast().allSatisfy { $0.count >= 72 }, "lines are filled before folding")
        #expect(unfold(folded) == line)
    }

    @Test func anArabicNameIsEncodedAsUTF8AndFoldsBackToItself() {
        let name = "مريم أبكر جبرين عبد الكريم حسن محمد أحمد إبراهيم"
        let parts = VCard.nameParts(of: name, familyName: nil)
        let card = VCard(formattedName: name, familyName: parts.family, givenName: parts.given)
        let unfolded = textLines(unfold(VCardEncoder.encode(card)))
        #expect(unfolded.contains("FN:" + name))
        #expect(unfolded.contains("N:إبراهيم;مريم أبكر جبرين عبد الكريم حسن محمد أحمد;;;"))
    }

    @Test func cardsOfAFileFollowOneAnother() {
        let cards = ["A", "B"].map { VCard(formattedName: $0, familyName: $0, givenName: "") }
        let text = VCardEncoder.encode(cards)
        #expect(text.components(separatedBy: "BEGIN:VCARD\r\n").count == 3)
        #expect(text.hasSuffix("END:VCARD\r\n") && text.contains("END:VCARD\r\nBEGIN:VCARD\r\n"))
    }

    @Test func familyNamesComeFromTheRecordOrTheLastWord() {
        #expect(VCard.nameParts(of: "Hélène Marchetti", familyName: nil) == ("Marchetti", "Hélène"))
        #expect(VCard.nameParts(of: "Lucía Montalvo Reyes", familyName: "Montalvo Reyes") == ("Montalvo Reyes", "Lucía"))
        #expect(VCard.nameParts(of: "Wang Li", familyName: "Wang") == ("Wang", "Li"))
        #expect(VCard.nameParts(of: "Madonna", familyName: nil) == ("Madonna", ""))
    }

    @Test func aFocalPointBecomesACardWithBothPhones() {
        var record = FocalPointRecord(id: "x", name: "Salma El-Mabrouk", body: "", bodyFirstLine: 1, path: "content/focal-points/x.md")
        record.email = "salma@iom.example.org"
        record.phone = "+218 21 555 0160"
        record.mobile = "+218 91 555 0161"
        record.location = "Tripoli"
        record.languages = ["ar", "en"]
        let card = VCard(record, organization: "International Organization for Migration (IOM)", countryName: "Libya",
                         url: "https://joint.example.org/focal-points/x/")
        #expect(card.familyName == "El-Mabrouk" && card.givenName == "Salma")
        #expect(card.telephones == [.init("+218 21 555 0160", kind: .work), .init("+218 91 555 0161", kind: .cell)])
        #expect(card.locality == "Tripoli" && card.country == "Libya" && card.languages == ["ar", "en"])
        #expect(VCardEncoder.encode(card).contains("ORG:International Organization for Migration (IOM)\r\n"))
    }
}
