import Foundation

/// Where rendered files go: the staging folder of `tandem build`, or the
/// preview server's in-memory site. Stages write through this and never
/// touch the file system themselves.
public protocol OutputSink: Sendable {
    /// Stores `data` at `relativePath` (e.g. `news/2026/camp/index.html`).
    func write(_ data: Data, to relativePath: String) throws
    /// Stores the UTF-8 of `text` at `relativePath`: a page, without a copy of it in a `Data` first.
    func write(text: String, to relativePath: String) throws
    /// Stores `utf8` at `relativePath`: a rendered page (`RenderedHTML`).
    func write(utf8: [UInt8], to relativePath: String) throws
    /// Stores a copy of the file at the path `source`.
    func copy(_ source: String, to relativePath: String) throws
    /// Whether the files are kept; false for `tandem check`, which then makes
    /// only the files whose making can report a problem (`SitePlan.Job.canReport`).
    var keepsFiles: Bool { get }
    /// Whether the files of the published folder `identity` (`BuildState.identity`) are this output's to keep.
    func canKeep(filesOf identity: String) -> Bool
    /// Keeps, as they are, the files that the last published build made at
    /// `relativePaths` (a build that found them up to date does not make them
    /// again); for each, false if it cannot, and the file is then made.
    func keep(_ relativePaths: [String]) -> [Bool]
    /// `keep`, for a folder starting from the spare folder `spare` describes, if it is there (`SpareFolder`).
    func keep(_ relativePaths: [String], startingFrom spare: SpareFolder?) -> [Bool]
    /// Takes back files kept (`keep`) before the build knew that they are to
    /// be made again or are no longer published: a folder removes them, and
    /// folders left empty, from the staging folder. Returns the files it could
    /// not take back, each with the system's reason: they must not be written.
    func unkeep(_ relativePaths: [String]) -> [String: String]
    /// Makes ready to take the files about to be written at `relativePaths`
    /// (a folder makes their folders before the render stage starts).
    func prepare(_ relativePaths: [String])
}

extension OutputSink {
    public func write(text: String, to relativePath: String) throws { try write(Data(text.utf8), to: relativePath) }
    public func write(utf8: [UInt8], to relativePath: String) throws { try write(Data(utf8), to: relativePath) }
    public var keepsFiles: Bool { true }
    public func canKeep(filesOf identity: String) -> Bool { false }
    public func keep(_ relativePaths: [String]) -> [Bool] { relativePaths.map { _ in false } }
    public func keep(_ relativePaths: [String], startingFrom spare: SpareFolder?) -> [Bool] { keep(relativePaths) }
    public func prepare(_ relativePaths: [String]) {}
    public func unkeep(_ relativePaths: [String]) -> [String: String] { [:] }
}
