#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the regular files under a folder with `readdir`, which is several
/// times faster than Foundation's enumerator on large sites. Hidden files and
/// folders (starting with `.`) and symbolic links are skipped, so nothing
/// outside the folder is ever read through a link.
enum FileTree {
    /// Paths relative to `folder`, sorted.
    static func regularFiles(under folder: String) -> [String] {
        var paths: [String] = []
        collect(folder, prefix: "", into: &paths)
        return paths.sorted()
    }

    private static func collect(_ folder: String, prefix: String, into paths: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if type == Int32(DT_DIR) {
                collect(full, prefix: prefix + name + "/", into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(prefix + name)
            }
        }
    }
}
