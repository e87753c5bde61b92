import Foundation
import Mustache

/// The render stage's only way into the site: each output is made with a
/// reader of its own, and every read goes through a method here that notes
/// what it read as a `Dependency` (when the pipeline records: in the preview,
/// and in `tandem build`, which keeps the records for the next build).
/// The model itself is private, so a new feature cannot read around it.
final class SiteReader: LinkResolving, @unchecked Sendable {
    private let model: SiteModel
    /// What this output read; nil when nothing is recorded (`tandem check`).
    private(set) var recorded: Set<Dependency>?
    /// Whether values many outputs make alike are made once for the run (`shared`, `listingMemo`).
    private let makesOnce: Bool

    /// `makesOnce`: share values between the outputs of the run; the preview,
    /// whose models live across runs, makes them for each output.
    init(model: SiteModel, records: Bool, makesOnce: Bool = true) {
        self.model = model
        // Room for what a page or a listing page reads, so the set is not made again as it grows.
        recorded = records ? Set(minimumCapacity: Self.usualReads) : nil
        self.makesOnce = makesOnce
    }

    /// About as many dependencies as a page or a listing page notes.
    private static let usualReads = 48

    private func note(_ dependency: Dependency) {
        recorded?.insert(dependency)
    }

    /// The language whose strings this output last noted, and whether it
    /// noted the configuration: the reads an output makes over and over (each
    /// entry of a listing reads its language's strings), told by comparing,
    /// without hashing them into `recorded` again (a 1,000-page build inserted
    /// 108,045 dependencies into its readers' sets before, 51,717 after).
    /// `shared` clears them while it records a shared value's reads.
    private var stringsNoted: String?
    private var configNoted = false

    private func noteStrings(_ language: String) {
        guard stringsNoted != language else { return }
        stringsNoted = language
        note(.strings(language))
    }

    private func noteConfig() {
        guard !configNoted else { return }
        configNoted = true
        note(.config)
    }

    /// A template value that many outputs make alike (a focal point's card on
    /// every joint page that names it), made once per run by `make` with this
    /// reader. What making it read is kept with it, and noted for every output
    /// that uses it.
    func shared(_ key: SharedValue, make: () -> MustacheValues) -> MustacheValues {
        guard makesOnce else { return make() }
        guard var outer = recorded else { return model.sharedValues.value(key) { TemplateValues(make()) }.values }
        let outerNoted = (stringsNoted, configNoted)
        (recorded, stringsNoted, configNoted) = ([], nil, false)
        let shared = model.sharedValues.value(key) { TemplateValues(make(), dependencies: recorded ?? []) }
        // `outer` is the only reference to what this output read before: added to in place.
        outer.formUnion(shared.dependencies)
        recorded = outer
        (stringsNoted, configNoted) = outerNoted
        return shared.values
    }

    /// The memo of a page's listing entry for this run (`PageContext.item`,
    /// `MustacheMemo`), by the page's index; nil in the preview. The memo
    /// keeps only the text a template body renders from the entry's values.
    func listingMemo(_ index: Int) -> MustacheMemo? {
        guard makesOnce else { return nil }
        return model.listingMemo(index)
    }

    /// Notes what making a page's entry (`PageContext.itemValues`) reads: its
    /// card, and the strings of its language (dates, badges). An output that
    /// appends an entry's kept text reads the same as one that makes it.
    func noteEntry(_ index: Int) {
        let (path, language) = inPlace(index) { ($0.source.contentPath, $0.source.language) }
        note(.card(path))
        noteStrings(language)
    }

    /// Reads what `read` takes from the page at `index` where the page is: a
    /// copy of a whole `Page` retains each of its dozen texts and lists, and
    /// both cores retaining the same shared pages (a listing's entries) make
    /// each retain wait for the other core. A field read copies that field
    /// only; passing the page on to an initializer (`PageCard($0)`) still
    /// copies it whole in a release build.
    private func inPlace<Value>(_ index: Int, _ read: (borrowing Page) -> Value) -> Value {
        model.graph.pages.withUnsafeBufferPointer { pages in read(pages[index]) }
    }

    /// The memo of an element many outputs show alike, for this run; nil in
    /// the preview. Making the element's values reads the strings of its
    /// language, noted here for every output, which may append the kept text
    /// without making them.
    func elementMemo(_ element: SharedElement) -> MustacheMemo? {
        guard makesOnce else { return nil }
        noteStrings(element.language)
        return model.elementMemos.value(element) { MustacheMemo() }
    }

    // MARK: Configuration, strings and templates

    /// Read in place (`_read`), so that `site.config.pageSize` copies a number, not the configuration.
    var config: SiteConfig {
        _read {
            noteConfig()
            yield model.graph.config
        }
    }

    /// The same configuration, as the box the graph holds it in: a context takes it with one retain.
    var sharedConfig: Indirect<SiteConfig> {
        noteConfig()
        return model.graph.$config
    }

    /// Whether this is the preview of `tandem serve` (fixed for a pipeline's life).
    var isPreview: Bool { model.graph.mode.preview }

    /// The strings, to be read in `language` only.
    func strings(for language: String) -> Strings {
        noteStrings(language)
        return model.templates.strings
    }

    /// A digest of the strings of `language`, for fragments made from them.
    func stringsDigest(_ language: String) -> Int {
        noteStrings(language)
        return model.digests.language(language)
    }

    func text(_ key: String, _ language: String) -> String? {
        noteStrings(language)
        return model.templates.strings.text(key, language: language)
    }

    func list(_ key: String, _ language: String) -> [String] {
        noteStrings(language)
        return model.templates.strings.list(key, language: language)
    }

    func stringTable(_ language: String) -> MustacheValues {
        noteStrings(language)
        return model.templates.strings.table(for: language)
    }

    /// The first of `names` that is a layout of the templates.
    func firstLayout(_ names: [String]) -> String? {
        for name in names {
            note(.template(name))
            if model.templates.layouts[name] != nil { return name }
        }
        return nil
    }

    /// The layout `name` if the templates have it, else `fallback`.
    func layout(_ name: String, else fallback: String) -> String {
        firstLayout([name]) ?? fallback
    }

    /// The layout of a page (`TemplateSet.layoutCandidates`).
    func layoutName(for page: SourcePage) -> String? {
        firstLayout(model.templates.layoutCandidates(for: page))
    }

    /// The display path of the template to name in a diagnostic about what a layout makes.
    func layoutFile(_ name: String) -> String {
        note(.template(name))
        return model.templates.responsibleFile(forLayout: name)
    }

    func render(_ values: MustacheValues, layout: String) -> [UInt8] {
        note(.template(layout))
        return model.templates.render(values, layout: layout)
    }

    func renderPartial(_ values: MustacheValues, partial: String) -> String {
        note(.template(partial))
        return model.templates.renderPartial(values, partial: partial)
    }

    // MARK: Pages

    var pageCount: Int { model.graph.pages.count }

    /// Everything of a page.
    func page(_ index: Int) -> Page {
        let page = model.graph.pages[index]
        note(.page(page.source.contentPath))
        return page
    }

    /// What a listing shows of a page.
    func card(_ index: Int) -> PageCard {
        let card = inPlace(index) { PageCard($0) }
        note(.card(card.path))
        return card
    }

    /// Whether a page is still under embargo at the build's instant.
    func isEmbargoed(_ page: Page) -> Bool {
        note(.embargoed(page.source.contentPath))
        return model.isEmbargoed(page)
    }

    /// Where a page is and when it is from.
    func address(_ index: Int) -> PageAddress {
        let (address, path) = inPlace(index) { (PageAddress($0), $0.source.contentPath) }
        note(.address(path))
        return address
    }

    /// The address of every published page (for the sitemap).
    func allAddresses() -> [PageAddress] {
        (0..<pageCount).map(address)
    }

    // MARK: Listings and sections

    /// The listings of a language, by index, and what they are.
    func listings(of language: String) -> [(index: Int, listing: Listing)] {
        note(.listings(language))
        return model.graph.listings.enumerated().filter { $0.element.language == language }.map { ($0.offset, $0.element) }
    }

    /// The first listing of `language` that `matches`: one copied, where
    /// `listings(of:)` copies them all (the search files ask at every block).
    func firstListing(of language: String, where matches: (Listing) -> Bool) -> Listing? {
        note(.listings(language))
        return model.graph.listings.first { $0.language == language && matches($0) }
    }

    /// The members of a listing in `range`, by index into the pages.
    func members(of listing: Listing, _ range: Range<Int>) -> ArraySlice<Int> {
        note(.listingSlice(listing.url, range))
        return listing.members[range.clamped(to: 0..<listing.members.count)]
    }

    /// How many members a listing has.
    func count(of listing: Listing) -> Int {
        note(.listingSlice(listing.url, 0..<0))
        return listing.members.count
    }

    /// The paths inside `content/` of a listing's members, in its order.
    func memberPaths(of listing: Listing) -> [String] {
        note(.listingSlice(listing.url, 0..<listing.members.count))
        return listing.members.map { inPlace($0) { $0.source.contentPath } }
    }

    func listing(_ index: Int) -> Listing {
        model.graph.listings[index]
    }

    func section(_ index: Int) -> Section {
        let section = model.graph.sections[index]
        note(.section(section.url))
        return section
    }

    /// The sections of a language.
    func sections(of language: String) -> [Section] {
        note(.sections(language))
        return model.graph.sections.filter { $0.language == language }
    }

    /// The focal-point directories (sections of `content/focal-points/`), in every language.
    func focalPointDirectories() -> [Section] {
        var found: [Section] = []
        for language in model.graph.config.languages {
            found += sections(of: language).filter(\.isFocalPointDirectory)
        }
        return found
    }

    func taxonomyIndexes(of language: String) -> [TaxonomyIndex] {
        note(.taxonomyIndexes(language))
        return model.graph.taxonomyIndexes.filter { $0.language == language }
    }

    func taxonomyIndex(_ index: Int) -> TaxonomyIndex {
        let taxonomyIndex = model.graph.taxonomyIndexes[index]
        note(.taxonomyIndexes(taxonomyIndex.language))
        return taxonomyIndex
    }

    func navigation(_ language: String) -> [NavigationEntry] {
        note(.navigation(language))
        return model.graph.navigation[language] ?? []
    }

    // MARK: Focal points

    func focalPoint(_ id: String) -> FocalPointRecord? {
        note(.focalPoint(id))
        return model.graph.focalPoints[id]
    }

    /// The city of focal point `id` (`.some(nil)`: it has none); nil if there is no
    /// such focal point. Read in place, without a copy of the record.
    func focalPointCity(_ id: String) -> String?? {
        note(.focalPoint(id))
        let records = model.graph.focalPoints
        guard let index = records.index(forKey: id) else { return nil }
        return .some(records.values[index].location)
    }

    /// The route of a focal point's page in `language` (else in the default
    /// language; its default place if it is not published).
    func focalPointURL(_ record: FocalPointRecord, language: String) -> Route {
        note(.focalPoint(record.id))
        let entry = model.focalPointEntry(record.id)
        return entry?.urlByLanguage[language] ?? entry?.url
            ?? Route.folder([ContentPath.focalPointsFolder, record.id], language: model.graph.config.defaultLanguage, config: model.graph.config)
    }

    /// The published focal points of a directory, in no particular order.
    func focalPointRecords(of section: Section) -> [FocalPointRecord] {
        note(.focalPoints)
        note(.section(section.url))
        return model.graph.focalPointRecords(of: section)
    }

    // MARK: Links and files

    func target(ofContentPath contentPath: String) -> LinkTarget {
        note(.link(contentPath))
        return model.target(ofContentPath: contentPath)
    }

    func anchors(ofContentPath contentPath: String) -> [String]? {
        note(.anchors(contentPath))
        return model.page(at: contentPath)?.source.anchors
    }

    func target(ofSitePath path: String) -> LinkTarget {
        let key = Route(path: path).urlKey
        note(.sitePath(key))
        return model.sitePaths.target(key, config: model.graph.config)
    }

    var knownContentPaths: [String] {
        note(.knownPaths)
        return model.graph.knownContentPaths
    }

    var nextChange: PageDate? {
        note(.nextChange)
        return model.graph.nextChange
    }

    /// What the build knows of a raster image of `content/` (the output reads the file's bytes: its stamp).
    func image(_ contentPath: String) -> ImageInfo? {
        note(.file("content/" + contentPath))
        return model.graph.images[contentPath]
    }

    /// The title a section shows in its language: its `_index` page's, else
    /// the strings' `sections.FOLDER`, else the title made from its folder.
    func displayTitle(of section: Section) -> String {
        guard section.indexPage == nil else { return section.title }
        return text("sections.\(section.folder)", section.language) ?? section.title
    }

    // MARK: Search

    /// The pages that list each term of one term file of a language (none if there is no such file).
    func searchBucket(_ language: String, _ bucket: Int) -> TermPostings {
        note(.searchBucket(language, bucket))
        guard let buckets = model.search.languages[language]?.buckets, buckets.indices.contains(bucket) else { return TermPostings() }
        return buckets[bucket].postings
    }

    /// The number of each searchable page of a language in its search files, by path.
    func searchNumbers(_ language: String) -> [String: Int] {
        note(.searchNumbering(language))
        return model.search.languages[language]?.numbers ?? [:]
    }

    /// The number of each searchable page of a language in its search files, by the index's id (-1: none).
    func searchNumbersByID(_ language: String) -> [Int32] {
        note(.searchNumbering(language))
        return model.search.languages[language]?.numberOfID ?? []
    }

    /// Notes that the output copies the file at `path` (from the site root).
    func readFile(_ path: String) {
        note(.file(path))
    }
}
