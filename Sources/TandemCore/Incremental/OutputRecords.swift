/// What the preview remembers of each file it made: what making it read
/// (recorded by its `SiteReader`) and reported, and the model the records
/// describe. After a change, the files to make again are those not made
/// yet and those that read something whose value changed since; every
/// other file is exactly what a clean build would make. Not for concurrent use.
final class OutputRecords {
    struct Record {
        /// What made the file (`SitePlan.Claim.description`): a file made by something else is made again.
        var maker: String
        var dependencies: Set<Dependency>
        var made: SiteRenderer.Made
    }

    private(set) var records: [String: Record] = [:]
    /// The records whose making reported something (few): what a run reports for the files it keeps.
    private(set) var reporting: [String: SiteRenderer.Made] = [:]
    /// For each dependency, the output paths that read it.
    private var dependents: [Dependency: Set<String>] = [:]
    /// The model of the last accepted run: what every record read.
    private(set) var model: SiteModel?
    /// The output paths of the last accepted run's plan: the paths with a record.
    private var paths: Set<String> = []

    /// The output paths of `plan` that must be made again for `model`.
    /// `candidates`: when the caller knows that only these dependencies can
    /// have changed since the records' model, and that the plan is the one
    /// the records were made for (the preview's shortcut for text edits).
    func outdated(_ plan: SitePlan, in model: SiteModel, candidates: [Dependency]? = nil) -> Set<String> {
        guard let old = self.model else { return Set(plan.entries.map(\.outputPath)) }
        var outdated: Set<String> = []
        let changed: Set<Dependency>
        if let candidates {
            changed = Set(candidates.filter { dependents[$0] != nil && old.value(of: $0) != model.value(of: $0) })
        } else {
            outdated = Set(plan.entries.filter { records[$0.outputPath]?.maker != $0.claim.description }.map(\.outputPath))
            changed = ChangedDependencies.find(among: dependents.keys, from: old, to: model)
        }
        for dependency in changed {
            outdated.formUnion(dependents[dependency] ?? [])
        }
        return outdated
    }

    /// Takes the files made by an accepted run: their records replace the old
    /// ones, files no longer in the plan are forgotten, and `model` becomes
    /// what the records describe.
    func commit(_ made: [String: Record], keeping paths: Set<String>, model: SiteModel) {
        for (path, record) in made {
            let old = records[path]
            records[path] = record
            reporting[path] = record.made.reports ? record.made : nil
            if old?.dependencies == record.dependencies { continue }
            if let old { forget(path, old.dependencies) }
            for dependency in record.dependencies { dependents[dependency, default: []].insert(path) }
        }
        // Most runs keep the plan: then no record is gone (and comparing the same set is immediate).
        if paths != self.paths {
            for path in self.paths.subtracting(paths) {
                if let record = records.removeValue(forKey: path) { forget(path, record.dependencies) }
                reporting[path] = nil
            }
        }
        self.paths = paths
        self.model = model
    }

    private func forget(_ path: String, _ dependencies: Set<Dependency>) {
        for dependency in dependencies {
            dependents[dependency]?.remove(path)
            if dependents[dependency]?.isEmpty == true { dependents[dependency] = nil }
        }
    }
}
