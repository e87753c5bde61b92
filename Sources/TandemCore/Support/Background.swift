import Dispatch
import Foundation

/// A value made on another thread while the caller goes on, for work the
/// caller needs only later (the last build's state, read while the sources
/// load; the search index, made while pages render). `value` may be read
/// from any thread.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var made: Value?
    /// Whether a reader has waited for `done` (under `lock`): it is signalled once.
    private var waited = false

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.made = make()
            self.done.signal()
        }
    }

    /// A value already made.
    static func ready(_ value: Value) -> Background<Value> {
        Background(ready: value)
    }

    private init(ready value: Value) {
        made = value
        waited = true
    }

    /// The value, once made: the first reader waits for it, and any other meanwhile.
    var value: Value {
        lock.withLock {
            if !waited {
                done.wait()
                waited = true
            }
            return made!
        }
    }
}
