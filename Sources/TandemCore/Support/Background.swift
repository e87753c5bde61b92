import Dispatch

/// A value made on another thread while the caller goes on, for work the
/// caller needs only later (the last build's state, read while the sources
/// load; the search index, read by the few outputs that list it). `value`
/// may be read from any thread, any number of times.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once, before `done` is left; read only after it is.
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.made = make()
            self.done.leave()
        }
    }

    /// A value already made.
    static func ready(_ value: Value) -> Background<Value> {
        Background(made: value)
    }

    private init(made value: Value) {
        made = value
    }

    /// The value, once made: waits for it if it is not yet.
    var value: Value {
        done.wait()
        return made!
    }
}
