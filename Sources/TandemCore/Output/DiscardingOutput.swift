import Foundation

/// The output of `tandem check`: every stage runs and reports, nothing is kept.
struct DiscardingOutput: PublishableOutput {
    var keepsFiles: Bool { false }

    func write(_ data: Data, to relativePath: String) throws {}
    func write(text: String, to relativePath: String) throws {}

    /// A file to copy must at least be readable.
    func copy(_ source: String, to relativePath: String) throws {
        guard FileManager.default.isReadableFile(atPath: source) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: source])
        }
    }

    /// Nothing is kept, so any recorded file can stand for itself: its problems are reported from the records.
    func canKeep(filesOf identity: String) -> Bool { true }
    func keep(_ relativePaths: [String]) -> [Bool] { relativePaths.map { _ in true } }

    func publish(meanwhile: () -> Void) throws { meanwhile() }
    func discard() {}
}
