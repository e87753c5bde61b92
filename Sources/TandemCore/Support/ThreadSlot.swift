import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small number for the calling thread, the same for its whole life: 0
/// for the first thread that asks, 1 for the next, and so on. Lets each
/// thread keep its own copy of something every thread reads over and over
/// (`TemplateSet`'s templates), so that their reference counts are not one
/// cache line that the cores take from each other at every read.
enum ThreadSlot {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static let next = Atomic<Int>(1)

    static var current: Int {
        if let stored = pthread_getspecific(key) { return Int(bitPattern: stored) - 1 }
        let slot = next.wrappingAdd(1, ordering: .relaxed).oldValue
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: slot))
        return slot - 1
    }
}
