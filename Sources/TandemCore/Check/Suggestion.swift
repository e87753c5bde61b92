/// "Did you mean" hints: the closest known word to what someone wrote.
public enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is close enough
    /// to be a plausible typo: at most a third of the word's length, at least 2
    /// and at most 16 edits (more is a different word, not a slip).
    /// Each comparison stops once it cannot beat the best so far, so a long
    /// word (a pasted paragraph, a mangled link) costs time in proportion to
    /// its length, not its length times the candidates'.
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased())
        var best: String?
        var limit = max(2, min(word.count / 3, 16))
        for candidate in candidates {
            if let distance = editDistance(lowered, Array(candidate.lowercased()), atMost: limit) {
                best = candidate
                if distance == 0 { break }
                limit = distance - 1
            }
        }
        return best
    }

    /// A hint line: "did you mean 'x'?" or the list of accepted values.
    public static func hint(for word: String, in candidates: [String]) -> String {
        if let near = nearest(to: word, in: candidates) {
            return "did you mean '\(near)'?"
        }
        return "write one of: " + candidates.joined(separator: ", ")
    }

    /// Levenshtein distance over characters if it is at most `limit`, else
    /// nil. Only the diagonal band of width `limit` either side is computed
    /// (a path leaving it costs more than `limit`), in O(n·limit) time.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let outside = limit + 1
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let first = max(1, i - limit), last = min(b.count, i + limit)
            current[first - 1] = first == 1 ? min(i, outside) : outside
            var rowBest = current[first - 1]
            for j in first...last {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, outside)
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if last < b.count { current[last + 1] = outside }
            if rowBest > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
