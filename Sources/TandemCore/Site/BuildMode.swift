import Foundation

/// Which pages a build shows: a published build hides drafts and pages still
/// under embargo at `now`; `--drafts` and `--at` change that. The preview of
/// `tandem serve` shows embargoed pages too, each under a banner.
public struct BuildMode: Sendable {
    public var includeDrafts: Bool
    /// The instant the site is built as of; embargoes are compared with it.
    public var now: Date
    /// The preview of `tandem serve`: pages under embargo are shown, and drafts
    /// and embargoed pages carry a banner. Never set for `tandem build`.
    public var preview: Bool

    public init(includeDrafts: Bool = false, now: Date = Date(), preview: Bool = false) {
        self.includeDrafts = includeDrafts
        self.now = now
        self.preview = preview
    }

    /// Why a page is not published in this mode, or nil if it is.
    func hiddenReason(_ matter: FrontMatter) -> String? {
        if matter.draft && !includeDrafts { return "a draft" }
        if let embargo = matter.embargo, embargo.value.instant > now, !preview {
            return "embargoed until \(embargo.value.rfc3339)"
        }
        return nil
    }
}
