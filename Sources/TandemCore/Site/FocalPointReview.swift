import Foundation

/// Stale contacts: a focal point whose `reviewed_on` is further back than the
/// site's review period (`focal_point_review_days`, a year by default) gets a
/// warning, so that someone checks the details are still right.
enum FocalPointReview {
    static func check(_ records: some Sequence<FocalPointRecord>, now: Date, days: Int) -> [Diagnostic] {
        records.compactMap { record in
            guard let reviewed = record.reviewedOn else { return nil }
            let age = age(of: reviewed.value.instant, at: now)
            guard age > days else { return nil }
            return .warning(reviewed.location,
                            "the details of \(record.name) were last reviewed \(age) days ago (\(reviewed.value.isoDay)), more than \(days) days before this build",
                            hint: "check them with \(record.name) or the agency, then set `reviewed_on:` to the day you did")
        }
    }

    /// The first instant after `now` at which `check` reports something
    /// else (an age passes the period, or a warned age grows by a day); nil
    /// if none ever will. The preview keeps an assembly until then.
    static func nextChange(_ records: some Sequence<FocalPointRecord>, now: Date, days: Int) -> Date? {
        records.compactMap { record -> Date? in
            guard let reviewed = record.reviewedOn?.value.instant else { return nil }
            return reviewed.addingTimeInterval(Double(max(age(of: reviewed, at: now), days) + 1) * 86_400)
        }.min()
    }

    /// Whole days from `reviewed` to `now`.
    private static func age(of reviewed: Date, at now: Date) -> Int {
        Int(now.timeIntervalSince(reviewed) / 86_400)
    }
}
