/// The files of a language's search index, each made through the reader
/// (so the preview knows what it read), under the language's search page:
///
/// - `terms/B.txt`: one line per term of bucket B (`SearchBuckets`), the term,
///   a space and the numbers of the pages that contain it (`PostingsCode`);
/// - `pages/N.json`: what a result shows of pages N·10 … N·10+9, a JSON array
///   of `{title, url, date, section, summary, lead, notice}`;
/// - `facets/TAXONOMY/TERM.txt`: the numbers of the pages filed under a term.
///
/// A page's number is its place among the language's pages, newest first,
/// so results come newest first and the first ones are in `pages/0.json`.
/// Only the language's listing of all pages reaches these files, so drafts
/// and embargoed pages never do in `tandem build`.
struct SearchFiles {
    let site: SiteReader

    /// Pages per `pages/N.json`.
    static let blockSize = 10
    /// Characters of a summary that a result shows.
    static let summaryLength = 200

    static func termsURL(_ searchPage: Route, bucket: Int) -> Route {
        searchPage.appending(folders: ["terms"]).appending(file: "\(bucket).txt")
    }

    static func pagesURL(_ searchPage: Route, block: Int) -> Route {
        searchPage.appending(folders: ["pages"]).appending(file: "\(block).json")
    }

    static func facetURL(_ searchPage: Route, taxonomy: Taxonomy, term: String) -> Route {
        searchPage.appending(folders: ["facets", taxonomy.rawValue]).appending(file: "\(term).txt")
    }

    func text(of job: SitePlan.Job) -> String {
        switch job {
        case .searchTerms(let language, let bucket): terms(language, bucket: bucket)
        case .searchPages(let language, let block): pages(language, block: block)
        case .searchFacet(let language, let taxonomy, let term): facet(language, taxonomy: taxonomy, term: term)
        default: ""
        }
    }

    func terms(_ language: String, bucket: Int) -> String {
        let postings = site.searchBucket(language, bucket)
        let numbers = site.searchNumbersByID(language)
        var text = ""
        for (term, ids) in postings.listed {
            let list = ids.compactMap { id -> Int? in
                let number = Int(id) < numbers.count ? numbers[Int(id)] : -1
                return number < 0 ? nil : Int(number)
            }.sorted()
            guard !list.isEmpty else { continue }
            text += term + " " + PostingsCode.encode(list) + "\n"
        }
        return text
    }

    func pages(_ language: String, block: Int) -> String {
        guard let all = site.firstListing(of: language, where: { $0.kind == .all }) else { return "[]\n" }
        var sectionTitles: [String: String] = [:]
        for section in site.sections(of: language) { sectionTitles[section.folder] = site.displayTitle(of: section) }
        let context = PageContext(site: site)
        let range = block * Self.blockSize ..< (block + 1) * Self.blockSize
        let records = site.members(of: all, range).map { index -> JSONValue in
            let card = site.card(index)
            var record: [String: JSONValue] = [
                "title": .string(card.title), "url": .string(context.href(card.url)),
                "section": .string(card.section.flatMap { sectionTitles[$0] } ?? ""),
                "summary": .string(Self.snippet(card.summary)),
            ]
            if let date = card.date {
                record["date"] = .string(UNDate.display(date, language: language, strings: site.strings(for: language)))
            }
            if card.isJoint, let lead = card.lead {
                record["lead"] = .string(site.text("leads.\(lead.stringKey)", language) ?? lead.rawValue)
                record["notice"] = .string(JointNotice.wording(for: lead, language: language, strings: site.strings(for: language)) ?? "")
            }
            return .object(record)
        }
        return JSONValue.array(records).text + "\n"
    }

    func facet(_ language: String, taxonomy: Taxonomy, term: String) -> String {
        guard let index = site.taxonomyIndexes(of: language).first(where: { $0.taxonomy == taxonomy }),
              let entry = index.terms.first(where: { $0.term == term }) else { return "\n" }
        let numbers = site.searchNumbers(language)
        return PostingsCode.encode(site.memberPaths(of: site.listing(entry.listing)).compactMap { numbers[$0] }.sorted()) + "\n"
    }

    /// The start of a summary, cut at a space, with an ellipsis if cut.
    static func snippet(_ summary: String) -> String {
        guard summary.count > summaryLength else { return summary }
        let cut = summary.prefix(summaryLength)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
}
