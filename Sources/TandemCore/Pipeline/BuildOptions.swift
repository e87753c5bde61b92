import Foundation

/// What `tandem build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holding `content/`, and optionally `templates/` and `tandem.yaml`).
    public var root: URL
    /// Where the site is published; default `ROOT/site`.
    public var output: URL
    public var mode: BuildMode

    public init(root: URL, output: URL? = nil, mode: BuildMode = BuildMode()) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("site")
        self.mode = mode
    }
}
