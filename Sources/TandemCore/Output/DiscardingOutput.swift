import Foundation

/// The output of `tandem check`: every stage runs and reports, nothing is kept.
struct DiscardingOutput: PublishableOutput {
    var keepsFiles: Bool { false }

    func write(_ data: Data, to relativePath: String) throws {}

    /// A file to copy must at least be readable.
    func copy(_ source: URL, to relativePath: String) throws {
        guard FileManager.default.isReadableFile(atPath: source.path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: source.path])
        }
    }

    func publish() throws {}
    func discard() {}
}
