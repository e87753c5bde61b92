import Foundation

/// What `tandem build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holding `content/`, and optionally `templates/` and `tandem.yaml`).
    public var root: URL
    /// Where the site is published; default `ROOT/site`.
    public var output: URL
    public var mode: BuildMode
    /// Whether what the run made stays in memory until the process exits
    /// (`ProcessLifetime`): for a command that exits right after the run.
    public var keepsMemoryUntilExit: Bool

    public init(root: URL, output: URL? = nil, mode: BuildMode = BuildMode(), keepsMemoryUntilExit: Bool = false) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("site")
        self.mode = mode
        self.keepsMemoryUntilExit = keepsMemoryUntilExit
    }
}
