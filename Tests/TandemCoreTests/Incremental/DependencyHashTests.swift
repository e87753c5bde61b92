import Testing
@testable import TandemCore

/// Dependencies are hashed by `QuickHash`, not `Hasher`: equal ones must hash
/// alike, and the sets and tables built of them must still tell every
/// dependency apart, the same text under two cases included.
@Suite struct DependencyHashTests {
    /// One of every case, each over the same few texts.
    static func everyCase(_ texts: [String]) -> [Dependency] {
        texts.flatMap { text -> [Dependency] in
            [.template(text), .strings(text), .page(text), .card(text), .address(text), .embargoed(text),
             .listingSlice(Route(path: text), 0..<10), .listingSlice(Route(path: text), 10..<20), .listings(text),
             .section(Route(path: text)), .sections(text), .taxonomyIndexes(text), .navigation(text), .focalPoint(text),
             .link(text), .anchors(text), .sitePath(text), .file(text), .searchBucket(text, 0), .searchBucket(text, 1),
             .searchNumbering(text)]
        } + [.config, .focalPoints, .knownPaths, .nextChange]
    }

    @Test func equalDependenciesHashAlikeAndDifferentOnesStayApart() {
        // Texts of every length around the eight bytes hashed at a time, and ones that differ only in their last byte.
        let texts = ["", "a", "a\u{0}", "news/", "news/2026/camp.md", "news/2026/camp.fr.md", "news/2026/camp.es.md",
                     "12345678", "123456789", "réfugiés/مهاجرون.md", String(repeating: "x", count: 64)]
        let all = Self.everyCase(texts)
        #expect(Set(all).count == all.count)
        // Distinct hashes, not only distinct elements (a set keeps colliding ones apart, slowly):
        // the case, every byte and the length count.
        #expect(Set(all.map(\.quickHash)).count == all.count)
        let copies = Self.everyCase(texts.map { String(decoding: Array($0.utf8), as: UTF8.self) })
        for (dependency, copy) in zip(all, copies) {
            #expect(dependency == copy)
            #expect(dependency.hashValue == copy.hashValue)
            #expect(dependency.quickHash == copy.quickHash)
        }
        let table = DependencyTable(all)
        for (number, copy) in copies.enumerated() { #expect(table.number(of: copy) == Int32(number)) }
    }

    /// A site's worth of page paths in one set: none lost, none merged.
    @Test func manyPathsInOneSet() {
        let paths = (0..<20_000).map { "news/\(2000 + $0 % 27)/page-\($0).md" }
        let set = Set(paths.map(Dependency.page) + paths.map(Dependency.card))
        #expect(set.count == 40_000)
        #expect(Set(set.map(\.quickHash)).count == 40_000)
        #expect(paths.allSatisfy { set.contains(.page($0)) && set.contains(.card($0)) })
        #expect(!set.contains(.page("news/2000/page-20000.md")))
    }
}
