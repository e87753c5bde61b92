import Foundation
import Synchronization

/// Results of a pure function kept for the life of the process, for values
/// that many outputs show alike and that cost a call into ICU to make (a
/// date in a language's long form): a listing shows a page's date on each of
/// its pages, and every listing that holds the page shows it again.
///
/// Guarded by the standard library's `Mutex`, which takes its lock with one
/// atomic operation where `NSLock` calls through Foundation into pthreads: a
/// 1,000-page build took Tandem's and the templates' locks about 60,000 times.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    func value(_ key: Key, make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}
