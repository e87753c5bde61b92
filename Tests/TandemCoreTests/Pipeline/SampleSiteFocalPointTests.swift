import Foundation
import Testing
@testable import TandemCore

/// The sample site's focal points, end to end.
@Suite struct SampleSiteFocalPointTests {
    @Test func everyJointPageShowsContactsOfBothOrganisations() throws {
        let (report, output) = SampleSiteTests.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.published)
        let config = ConfigLoader.load(root: SampleSiteTests.root).0
        let joint = SampleSiteTests.sources().filter { $0.frontMatter.joint && BuildMode().hiddenReason($0.frontMatter) == nil }
        #expect(joint.count >= 5)
        for page in joint {
            let path = Route.page(page, config: config).outputPath
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            let block = try #require(html.range(of: "data-contacts").map { html[$0.lowerBound...] }, "\(path) has no contact block")
            #expect(block.contains("data-agency=\"UNHCR\"") && block.contains("data-agency=\"IOM\""), "\(path)")
            #expect(block.contains("href=\"mailto:") && block.contains("href=\"tel:+"), "\(path)")
        }
    }

    @Test func bothOrganisationsHaveHeadquartersAndFieldFocalPointsWithCards() throws {
        let records = SampleSiteTests.sources().compactMap(\.focalPoint)
        for agency in Agency.allCases {
            let own = records.filter { $0.agency == agency }
            #expect(Set(own.compactMap(\.level)) == Set(StaffLevel.allCases), "\(agency)")
        }
        let (report, output) = SampleSiteTests.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.published)
        for record in records {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("focal-points/\(record.id).vcf").path))
        }
        let all = try String(contentsOf: output.appendingPathComponent("focal-points/all.vcf"), encoding: .utf8)
        #expect(all.components(separatedBy: "BEGIN:VCARD\r\n").count == records.count + 1)
    }
}
