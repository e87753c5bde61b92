/// What the preview and `tandem build` (`BuildState`) remember of each file
/// made: what making it read (recorded by its `SiteReader`) and reported,
/// and the model the records describe. After a change, the files to make
/// again are those not made yet, those made by something else, and those
/// that read something whose value changed since; every other file is
/// exactly what a clean build would make. Not for concurrent use, but for
/// `table`.
final class OutputRecords {
    struct Record {
        /// What made the file (`SitePlan.Claim.description`): a file made by something else is made again.
        var maker: String
        /// What making it read, by number in `table`, sorted.
        var dependencies: [Int32]
        var made: SiteRenderer.Made
    }

    /// The dependencies the records read.
    let table: DependencyTable
    private(set) var records: [String: Record] = [:]
    /// The records whose making reported something (few): what a run reports for the files it keeps.
    private(set) var reporting: [String: SiteRenderer.Made] = [:]
    /// The model of the last accepted run: what every record read.
    private(set) var model: SiteModel?

    init() {
        table = DependencyTable()
    }

    /// The records a published build kept (`BuildState`), numbered in `table`, which describe `model`.
    init(kept records: [String: Record], table: DependencyTable, model: SiteModel) {
        self.table = table
        self.records = records
        reporting = records.compactMapValues { $0.made.reports ? $0.made : nil }
        self.model = model
    }

    /// The output paths of `plan` that must be made again for `model`.
    /// `candidates`: when the caller knows that only these dependencies can
    /// have changed since the records' model, and that the plan is the one
    /// the records were made for (the preview's shortcut for text edits).
    func outdated(_ plan: SitePlan, in model: SiteModel, candidates: [Dependency]? = nil) -> Set<String> {
        guard let old = self.model else { return Set(plan.entries.map(\.outputPath)) }
        // Files not made yet, or made by something else; with candidates too, should the records not be the plan's.
        var outdated: Set<String> = []
        for index in plan.entries.indices where records[plan.entries[index].outputPath]?.maker != plan.entries[index].claim.description {
            outdated.insert(plan.entries[index].outputPath)
        }
        let changed = if let candidates {
            candidates.filter { table.number(of: $0) != nil && old.value(of: $0) != model.value(of: $0) }
        } else {
            Array(ChangedDependencies.find(among: table.all, from: old, to: model))
        }
        let changedNumbers = changed.compactMap { table.number(of: $0) }
        guard let largest = changedNumbers.max() else { return outdated }
        // A flag per number: every record's dependencies are looked at, so each look must cost next to nothing.
        var isChanged = [Bool](repeating: false, count: Int(largest) + 1)
        for number in changedNumbers { isChanged[Int(number)] = true }
        for (path, record) in records where record.dependencies.contains(where: { $0 <= largest && isChanged[Int($0)] }) {
            outdated.insert(path)
        }
        return outdated
    }

    /// Lets the model go, for a build that has found what is outdated and
    /// will only add the records of what it makes.
    func forgetModel() {
        model = nil
    }

    /// Takes the files made by an accepted run: their records replace the old
    /// ones, files no longer in the plan are forgotten, and `model` becomes
    /// what the records describe.
    func commit(_ made: [String: Record], keeping paths: Set<String>, model: SiteModel) {
        if records.isEmpty {
            // A first run (or a build with nothing kept) takes the files made as they are.
            records = made
            reporting = made.lazy.filter(\.value.made.reports).reduce(into: [:]) { $0[$1.key] = $1.value.made }
        } else {
            for (path, record) in made {
                records[path] = record
                reporting[path] = record.made.reports ? record.made : nil
            }
        }
        // Most runs keep the plan: then no record is gone.
        if records.count != paths.count || !records.keys.allSatisfy(paths.contains) {
            records = records.filter { paths.contains($0.key) }
            reporting = reporting.filter { paths.contains($0.key) }
        }
        self.model = model
    }
}
