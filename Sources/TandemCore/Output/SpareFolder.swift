import Foundation

/// The site a build replaced, kept beside the output folder (`.site.spare`
/// beside `site/`, on the same file system, as the staging folders are)
/// instead of being removed, for the next build to take as
/// its staging folder (`OutputFolder.keep(_:startingFrom:)`). Most of its
/// files are hard links of the published ones, so it costs little room; the
/// next build brings it level with the published folder by relinking only
/// the files that differ, where a fresh staging folder links every
/// published file, and the folder it replaces is kept in turn instead of
/// removed name by name. A rebuild of the 10k benchmark made some 14,000
/// folders and 19,000 links, and removed as many names, for one page edited.
///
/// Described by the build state (`BuildState.spare`) of the build that put
/// it there; any other folder at that name is removed, never adopted.
public struct SpareFolder: Codable, Equatable, Sendable {
    /// The folder as it was put in place (`identity(of:)`).
    var identity: String
    /// The output paths at which it may differ from the published folder:
    /// the files the publishing build made (and did not keep), and those
    /// it no longer published.
    var differs: [String]

    /// The paths at which a replaced site (its files `replaced`) differs
    /// from the site published (`published`, of which those at `made` were
    /// made anew); nil if that is more than half of the published files:
    /// such a spare folder would hold a second copy of most of the site and
    /// save the next build little, so the replaced site is removed instead.
    static func differences(made: Set<String>, replaced: [String], published: Set<String>) -> [String]? {
        let differs = made.union(replaced.lazy.filter { !published.contains($0) })
        return differs.count * 2 <= published.count ? differs.sorted() : nil
    }

    /// The spare folder's path for the output folder `destination`.
    static func path(beside destination: URL) -> String {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).spare").path
    }

    /// Path, device, inode and change time of the folder at `path` (nil if
    /// there is none): a folder put there since, even on a reused inode, has
    /// another change time.
    static func identity(of path: String) -> String? {
        BuildState.identity(ofFolder: path, withChangeTime: true)
    }
}
