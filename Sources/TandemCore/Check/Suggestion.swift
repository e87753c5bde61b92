/// "Did you mean" hints: the closest known word to what someone wrote.
public enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is close enough
    /// to be a plausible typo (at most a third of the word's length, at least 2).
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let limit = max(2, word.count / 3)
        return best.distance <= limit ? best.candidate : nil
    }

    /// A hint line: "did you mean 'x'?" or the list of accepted values.
    public static func hint(for word: String, in candidates: [String]) -> String {
        if let near = nearest(to: word, in: candidates) {
            return "did you mean '\(near)'?"
        }
        return "write one of: " + candidates.joined(separator: ", ")
    }

    /// Levenshtein distance over characters, in O(n·m) time and O(m) space.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
