import Foundation

/// Every dependency that some recorded file read, each once, numbered: a
/// record holds the numbers of what it read (four bytes each) instead of a
/// set of the dependencies themselves, which for a 10,000-page site held
/// 400,000 of them. Safe to use from the render stage's threads.
final class DependencyTable: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [Dependency: Int32] = [:]
    private var dependencies: [Dependency] = []

    init(_ dependencies: [Dependency] = []) {
        self.dependencies = dependencies
        numbers.reserveCapacity(dependencies.count)
        for (number, dependency) in dependencies.enumerated() { numbers[dependency] = Int32(number) }
    }

    /// The numbers of `dependencies`, sorted; new ones are added to the table.
    func numbers<Dependencies: Sequence>(of dependencies: Dependencies) -> [Int32] where Dependencies.Element == Dependency {
        lock.withLock {
            dependencies.map { dependency in
                if let number = numbers[dependency] { return number }
                let number = Int32(self.dependencies.count)
                numbers[dependency] = number
                self.dependencies.append(dependency)
                return number
            }
        }.sorted()
    }

    /// The number of `dependency`, nil if no record read it.
    func number(of dependency: Dependency) -> Int32? {
        lock.withLock { numbers[dependency] }
    }

    /// Drops the look-up by dependency (most of the table's memory), once no
    /// number is asked for again: a build that only writes the table out.
    func forgetLookups() {
        lock.withLock { numbers = [:] }
    }

    /// Every dependency, in the order of their numbers.
    var all: [Dependency] {
        lock.withLock { dependencies }
    }
}
