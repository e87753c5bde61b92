import Foundation

/// What every file of `.tandem-cache/` is keyed to besides its own settings:
/// the Tandem executable that wrote it, whose coding of values it holds.
enum CacheKey {
    /// The executable that runs: its path, size and modification time (an upgrade or a rebuild of Tandem changes them).
    static let executable: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let stamp = FileStamp(path: path) else { return "unknown-\(UUID().uuidString)" }
        return "\(path):\(stamp.size):\(stamp.modified.tv_sec).\(stamp.modified.tv_nsec)"
    }()
}
