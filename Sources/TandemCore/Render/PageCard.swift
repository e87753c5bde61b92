/// Where a page is published, what it is and when it is from: what the
/// sitemap shows of it, with its other language versions. A summary edit
/// changes no address.
struct PageAddress: Hashable, Sendable {
    var kind: PageKind
    var url: Route
    var date: PageDate?
    var translations: [Page.Translation]
    var language: String

    init(_ page: borrowing Page) {
        kind = page.source.kind
        url = page.url
        date = page.date
        translations = page.translations
        language = page.source.language
    }
}

/// What a listing entry, a feed entry, a search record and the sitemap show
/// of a page: everything but its body and its relations to other pages. A
/// body edit that keeps these the same changes no listing.
struct PageCard: Hashable, Sendable {
    var path: String
    var kind: PageKind
    var language: String
    var section: String?
    var url: Route
    var title: String
    var summary: String
    var date: PageDate?
    var isJoint: Bool
    var lead: Lead?
    var persons: [PersonsCategory]
    var activities: [Activity]

    init(_ page: borrowing Page) {
        path = page.source.contentPath
        kind = page.source.kind
        language = page.source.language
        section = page.source.section
        url = page.url
        title = page.title
        summary = page.summary
        date = page.date
        isJoint = page.isJoint
        lead = page.isJoint ? page.frontMatter.lead?.value : nil
        persons = page.frontMatter.persons
        activities = page.frontMatter.activities
    }
}
