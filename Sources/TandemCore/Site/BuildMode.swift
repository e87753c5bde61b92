import Foundation

/// Which pages a build shows: a published build hides drafts and pages still
/// under embargo at `now`; `--drafts` and `--at` change that.
public struct BuildMode: Sendable {
    public var includeDrafts: Bool
    /// The instant the site is built as of; embargoes are compared with it.
    public var now: Date

    public init(includeDrafts: Bool = false, now: Date = Date()) {
        self.includeDrafts = includeDrafts
        self.now = now
    }

    /// Why a page is not published in this mode, or nil if it is.
    func hiddenReason(_ matter: FrontMatter) -> String? {
        if matter.draft && !includeDrafts { return "a draft" }
        if let embargo = matter.embargo, embargo.value.instant > now {
            return "embargoed until \(embargo.value.rfc3339)"
        }
        return nil
    }
}
