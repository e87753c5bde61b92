import Foundation

/// Files published as they are: everything in `content/` that is not Markdown
/// (at the same path) and the templates' assets (under `/assets/`).
enum StaticFiles {
    struct Result {
        var count = 0
        var diagnostics: [Diagnostic] = []
    }

    static func copy(_ contentFiles: [String], root: URL, templates: TemplateSet, taken: Set<String>,
                     into output: any OutputSink) -> Result {
        var jobs: [(source: URL?, bytes: [UInt8]?, target: String, origin: String)] = []
        for path in contentFiles {
            jobs.append((root.appendingPathComponent("content").appendingPathComponent(path), nil, path, "content/" + path))
        }
        for (path, bytes) in BuiltInTemplates.files where path.hasPrefix("assets/") && templates.siteAssets[path] == nil {
            jobs.append((nil, bytes, path, "(built-in) " + path))
        }
        for (path, url) in templates.siteAssets.sorted(by: { $0.key < $1.key }) {
            jobs.append((url, nil, path, "templates/" + path))
        }
        var result = Result()
        var seen = taken
        var unique: [(source: URL?, bytes: [UInt8]?, target: String, origin: String)] = []
        for job in jobs {
            if seen.insert(job.target).inserted {
                unique.append(job)
            } else {
                result.diagnostics.append(.error(SourceLocation(path: job.origin),
                                                 "this file would be published at /\(job.target), where another file already is",
                                                 hint: "rename or move one of them"))
            }
        }
        let failures = unique.parallelMap { job -> Diagnostic? in
            do {
                if let source = job.source {
                    try output.copy(source, to: job.target)
                } else if let bytes = job.bytes {
                    try output.write(Data(bytes), to: job.target)
                }
                return nil
            } catch {
                return .error(SourceLocation(path: job.origin), "cannot copy this file: \(error.localizedDescription)")
            }
        }
        result.diagnostics += failures.compactMap { $0 }
        result.count = unique.count
        return result
    }
}
