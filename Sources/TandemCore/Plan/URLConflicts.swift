/// Two things of a site at one URL — a page, an alias, a listing, a
/// generated file, a file of `content/` or an asset — and a file where
/// another needs a folder (`/feed.xml` and `/feed.xml/`): an error at each
/// claim made in `content/`, naming the other. Only one claim of each URL
/// stays in the plan (an alias gives way), so nothing is written twice.
enum URLConflicts {
    /// The diagnostics, and the indices of the entries to leave out of the plan.
    static func find(in entries: [SitePlan.Entry]) -> (diagnostics: [Diagnostic], leftOut: Set<Int>) {
        let keys = entries.map(\.url.urlKey)
        // The entry at each URL, and every entry of a URL claimed more than
        // once (few): no list is made for each of the site's URLs.
        var first: [String: Int] = [:]
        first.reserveCapacity(keys.count)
        var shared: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() {
            if let earlier = first[key] {
                shared[key, default: [earlier]].append(index)
            } else {
                first[key] = index
            }
        }
        func claims(of key: String) -> [Int] { shared[key] ?? first[key].map { [$0] } ?? [] }
        var diagnostics: [Diagnostic] = []
        var leftOut: Set<Int> = []
        for (_, indices) in shared {
            diagnostics += report(indices.map { entries[$0] }, at: entries[indices[0]].url.path)
            let kept = indices.first { entries[$0].claim.alias == nil } ?? indices[0]
            leftOut.formUnion(indices.filter { $0 != kept })
        }
        // A file whose path is a folder of another output: the file system can hold only one.
        // Each entry's folders are looked at up to the first one known to be neither a
        // file nor inside one (most entries share their folders with many others).
        let files = Set(entries.indices.filter { !entries[$0].url.isFolder }.map { keys[$0][...] })
        var clean: Set<Substring> = []
        var folders: [Substring] = []
        for (index, key) in keys.enumerated() {
            folders.removeAll(keepingCapacity: true)
            var end = key.endIndex
            while let slash = key.utf8[..<end].lastIndex(of: UInt8(ascii: "/")), slash != key.startIndex {
                let folder = key[..<slash]
                if clean.contains(folder) { break }
                folders.append(folder)
                end = slash
            }
            var insideFile = false
            for folder in folders where files.contains(folder) {
                diagnostics += report(claims(of: String(folder)).map { entries[$0] } + [entries[index]], at: String(folder))
                leftOut.insert(index)
                insideFile = true
            }
            if !insideFile { clean.formUnion(folders) }
        }
        return (diagnostics, leftOut)
    }

    private static func report(_ entries: [SitePlan.Entry], at url: String) -> [Diagnostic] {
        // An alias over something else is the alias's problem only.
        let aliases = entries.filter { $0.claim.alias != nil }
        let located = aliases.isEmpty ? entries.filter { $0.claim.location != nil } : aliases
        guard !located.isEmpty else {
            return [.error(SourceLocation(path: "content"),
                           "\(entries.map(\.claim.description).joined(separator: " and ")) would both be published at \(url)",
                           hint: "rename the folder of content/ that makes one of them")]
        }
        return located.map { entry in
            let others = entries.filter { $0.claim != entry.claim }.map(\.claim.description)
            let other = Set(others).sorted().joined(separator: " and ")
            if let alias = entry.claim.alias {
                let what = other.hasPrefix("content/") ? "the address of \(other)" : other
                return .error(entry.claim.location!, "the alias '\(alias)' is \(what)",
                              hint: "remove this alias, or write the old path the page really had")
            }
            if entry.claim.description.hasPrefix("the file content/") {
                return .error(entry.claim.location!, "this file would be published at \(url), where \(other) already is",
                              hint: "rename or move one of them")
            }
            return .error(entry.claim.location!, "this page and \(other) would both be published at \(url)",
                          hint: "give one of them another `slug:`, alias or file name")
        }
    }
}
