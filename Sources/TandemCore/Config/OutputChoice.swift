import Foundation

/// Whether a folder may receive the built site, decided before anything is
/// built, so that the command line treats a bad `--output` as the usage error
/// it is (exit status 2), like any other wrong option.
public enum OutputChoice {
    /// Why `destination` cannot receive the site of `root`; nil if it can.
    public static func refusal(_ destination: URL, root: URL) -> String? {
        let destination = destination.standardizedFileURL
        do {
            try OutputFolder.checkSafe(destination, root: root.standardizedFileURL)
        } catch {
            return "\(error)"
        }
        var ancestor = destination.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isFolder.boolValue else {
            return "cannot publish into \(destination.path): \(ancestor.path) is a file, not a folder"
        }
        return nil
    }
}
