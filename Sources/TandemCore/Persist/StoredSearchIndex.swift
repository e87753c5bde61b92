/// The search index as a build's state keeps it (`BuildState`), so that the
/// next build makes its index from this one and splits into terms only the
/// pages whose text changed, as the preview does (`SearchIndex(graph:reusing:)`).
///
/// Dictionaries are stored as lists: the pages by id, and per bucket its
/// terms, sorted, with their postings in one run of bytes (for each term,
/// how many pages list it, then each id's gap from the one before, as
/// variable-length integers). One language per frame of the state's file.
struct StoredSearchIndex: Codable {
    /// Page paths in id order.
    var paths: [String]

    struct StoredLanguage: Codable {
        var name: String
        var order: [String]
        var buckets: [StoredBucket]

        init(_ name: String, _ language: SearchIndex.Language) {
            self.name = name
            order = language.order
            buckets = language.buckets.map(StoredBucket.init)
        }
    }

    struct StoredBucket: Codable {
        var revision: Int
        var terms: [String]
        var postings: [UInt8]

        init(_ bucket: SearchIndex.Bucket) {
            revision = bucket.revision
            let listed = bucket.postings.listed
            terms = listed.map(\.term)
            postings = []
            for (_, ids) in listed {
                Varint.append(UInt64(ids.count), to: &postings)
                var previous: Int64 = -1
                for id in ids {
                    Varint.append(UInt64(Int64(id) - previous), to: &postings)
                    previous = Int64(id)
                }
            }
        }
    }

    init(paths index: SearchIndex) {
        var paths = [String](repeating: "", count: index.ids.count)
        for (path, id) in index.ids { paths[Int(id)] = path }
        self.paths = paths
    }

    /// The index again; nil if the parts do not fit together (a damaged state):
    /// a path twice, an id out of range or out of order, a term in another
    /// bucket, a revision the process's counter could not go past.
    func index(languages stored: [StoredLanguage]) -> SearchIndex? {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(paths.count)
        for (id, path) in paths.enumerated() {
            guard ids.updateValue(Int32(id), forKey: path) == nil else { return nil }
        }
        var languages: [String: SearchIndex.Language] = [:]
        for stored in stored {
            var language = SearchIndex.Language()
            language.order = stored.order
            language.numbers.reserveCapacity(stored.order.count)
            language.numberOfID = [Int32](repeating: -1, count: paths.count)
            for (number, path) in stored.order.enumerated() {
                guard let id = ids[path], language.numbers.updateValue(number, forKey: path) == nil else { return nil }
                language.numberOfID[Int(id)] = Int32(number)
            }
            let count = stored.buckets.count
            guard count > 0, count & (count - 1) == 0 else { return nil }
            for (index, bucket) in stored.buckets.enumerated() {
                guard (0 ..< Self.revisionLimit).contains(bucket.revision),
                      let postings = Self.postings(bucket, index: index, count: count, pages: paths.count) else { return nil }
                language.buckets.append(SearchIndex.Bucket(revision: bucket.revision, postings: postings))
            }
            guard languages.updateValue(language, forKey: stored.name) == nil else { return nil }
        }
        return SearchIndex(ids: ids, languages: languages)
    }

    /// Far above any revision a site reaches (one per changed term file per
    /// run), far below where counting on from it could overflow.
    static let revisionLimit = 1 << 52

    private static func postings(_ bucket: StoredBucket, index: Int, count: Int, pages: Int) -> TermPostings? {
        var postings = TermPostings()
        var offset = 0
        for term in bucket.terms {
            guard SearchBuckets.bucket(of: term, count: count) == index,
                  let listed = Varint.read(bucket.postings, at: &offset), listed > 0, listed <= UInt64(pages) else { return nil }
            var ids: [Int32] = []
            ids.reserveCapacity(Int(listed))
            var previous: Int64 = -1
            for _ in 0 ..< listed {
                guard let gap = Varint.read(bucket.postings, at: &offset), gap > 0, gap <= UInt64(pages) else { return nil }
                previous += Int64(gap)
                guard previous < pages else { return nil }
                ids.append(Int32(previous))
            }
            guard postings.set(ids, for: term) else { return nil }
        }
        return offset == bucket.postings.count ? postings : nil
    }
}
