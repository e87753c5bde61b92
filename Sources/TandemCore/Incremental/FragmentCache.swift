import Foundation

/// Pieces of output made from one page, kept between the preview's runs
/// with the values they were made from: a page's record in the search
/// index is made again only when what it shows changed, so a summary edit
/// re-makes one record, not ten thousand. Safe to use from the render
/// stage's threads.
final class FragmentCache: @unchecked Sendable {
    private struct Fragment {
        var madeFrom: AnyHashable
        var text: String
    }

    private let lock = NSLock()
    private var fragments: [String: Fragment] = [:]

    init() {}

    /// The fragment named `name` (a page's path and what the fragment is),
    /// if it was made from `madeFrom`; else the one `make` makes.
    func fragment(_ name: String, madeFrom: AnyHashable, make: () -> String) -> String {
        if let kept = lock.withLock({ fragments[name] }), kept.madeFrom == madeFrom { return kept.text }
        let text = make()
        lock.withLock { fragments[name] = Fragment(madeFrom: madeFrom, text: text) }
        return text
    }

    /// Drops the fragments of pages that are gone (names start with the page's path).
    func keep(pages: Set<String>) {
        lock.withLock {
            fragments = fragments.filter { name, _ in pages.contains(String(name.prefix { $0 != "#" })) }
        }
    }
}
