import Foundation

/// Stale contacts: a focal point whose `reviewed_on` is further back than the
/// site's review period (`focal_point_review_days`, a year by default) gets a
/// warning, so that someone checks the details are still right.
enum FocalPointReview {
    static func check(_ records: some Sequence<FocalPointRecord>, now: Date, days: Int) -> [Diagnostic] {
        records.compactMap { record in
            guard let reviewed = record.reviewedOn else { return nil }
            let age = Int(now.timeIntervalSince(reviewed.value.instant) / 86_400)
            guard age > days else { return nil }
            return .warning(reviewed.location,
                            "the details of \(record.name) were last reviewed \(age) days ago (\(reviewed.value.isoDay)), more than \(days) days before this build",
                            hint: "check them with \(record.name) or the agency, then set `reviewed_on:` to the day you did")
        }
    }
}
