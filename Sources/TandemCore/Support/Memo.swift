import Foundation

/// Results of a pure function kept for the life of the process, for values
/// that many outputs show alike and that cost a call into ICU to make (a
/// date in a language's long form): a listing shows a page's date on each of
/// its pages, and every listing that holds the page shows it again.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    func value(_ key: Key, make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
