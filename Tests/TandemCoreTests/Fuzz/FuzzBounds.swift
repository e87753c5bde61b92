import Foundation
import PropertyBased
@testable import TandemCore

/// What every fuzzed input must meet: done within a time bound, and any
/// diagnostic at the file it is about, at a line that exists.
enum FuzzBounds {
    /// The most one input may take: 2 s (debug build, one core of a busy
    /// machine), or `TANDEM_FUZZ_SECONDS` (CI's run under AddressSanitizer,
    /// which is about three times slower).
    static let seconds = ProcessInfo.processInfo.environment["TANDEM_FUZZ_SECONDS"].flatMap(Double.init) ?? 2.0

    /// Inputs per property: `standard` times `TANDEM_FUZZ_SCALE` (1 unless set;
    /// CI's fuzz step sets 6).
    static func count(_ standard: Int) -> Int {
        standard * (ProcessInfo.processInfo.environment["TANDEM_FUZZ_SCALE"].flatMap(Int.init) ?? 1)
    }

    /// Shrinking, except in CI's scaled run: there, shrinking an input that
    /// broke the time bound re-ran its smaller forms, each nearly as slow,
    /// until the suite's time limit cancelled the test, and the input was
    /// never printed. Unshrunk, the failing input and its seed are reported.
    static let shrinking = EnableShrinkTrait.shrinking(ProcessInfo.processInfo.environment["TANDEM_FUZZ_SCALE"] == nil)

    /// Runs `work` and says how long it took, in seconds.
    static func timed<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Whether `diagnostic` is at `path`, on one of `lines` (or one past the
    /// end, where something is never closed), at a column of 1 or more.
    static func isLocated(_ diagnostic: Diagnostic, path: String, lines: ClosedRange<Int>) -> Bool {
        diagnostic.path == path && lines.lowerBound <= diagnostic.line && diagnostic.line <= lines.upperBound + 1
            && diagnostic.column >= 1
    }

    /// Lines of a text: one more than its line ends (`\n`, `\r\n`, or a lone
    /// `\r`, as editors, libyaml, libcmark and `SourceText` count them).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() where byte == 10 || (byte == 13 && bytes.dropFirst(index + 1).first != 10) {
            count += 1
        }
        return count
    }
}
