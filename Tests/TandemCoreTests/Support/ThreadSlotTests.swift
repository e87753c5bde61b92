import Foundation
import Synchronization
import Testing
@testable import TandemCore

@Suite struct ThreadSlotTests {
    /// A thread keeps its slot; threads alive at once have slots of their own
    /// (each renders with its own copy of the templates).
    @Test func eachThreadHasASlotOfItsOwnForItsLife() {
        let count = 6
        let slots = Mutex<[Int: (first: Int, again: Int)]>([:])
        let started = DispatchGroup(), release = DispatchSemaphore(value: 0), finished = DispatchGroup()
        for index in 0..<count {
            started.enter()
            finished.enter()
            Thread.detachNewThread {
                let first = ThreadSlot.current
                started.leave()
                release.wait()  // every thread is alive at once
                slots.withLock { $0[index] = (first, ThreadSlot.current) }
                finished.leave()
            }
        }
        started.wait()
        for _ in 0..<count { release.signal() }
        finished.wait()
        let seen = slots.withLock { $0 }
        #expect(seen.count == count)
        #expect(seen.values.allSatisfy { $0.first == $0.again })
        #expect(Set(seen.values.map(\.first)).count == count)
        #expect(seen.values.allSatisfy { $0.first >= 0 })
    }
}
