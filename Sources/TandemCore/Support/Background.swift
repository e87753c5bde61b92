import Dispatch

/// A value made on another thread while the caller goes on, for work the
/// caller needs only later (the last build's state, read while the sources
/// load). Read `value` from one thread only.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.made = make()
            self.done.signal()
        }
    }

    /// The value, once made: waits for it the first time.
    lazy var value: Value = {
        done.wait()
        return made!
    }()
}
