/// Gives each heading of a page an `id` made from its text, unique on the page
/// (`Next steps`, `Next steps` → `next-steps`, `next-steps-2`).
struct HeadingIDs {
    /// Ids every page has besides its headings': the layout's `main`, and
    /// `top`, which browsers take for the top of the page.
    static let pageIDs: Set<String> = ["main", "top"]

    private var used = pageIDs
    /// The next number to try after each id already given, so a page of
    /// thousands of same-named headings does not try every number each time.
    private var nextCounter: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        var candidate = base
        var counter = nextCounter[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        if candidate != base { nextCounter[base] = counter }
        used.insert(candidate)
        return candidate
    }

    /// Lower-case letters and digits of any script, other runs of characters as one `-`.
    static func slug(_ text: String) -> String {
        if let slug = asciiSlug(text) { return slug }
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The same slug by bytes, for a text that is all ASCII (most headings):
    /// its letters are A–Z and a–z, its numbers 0–9. Nil for any other text.
    private static func asciiSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            if lower &- 0x61 < 26 || byte &- 0x30 < 10 {
                if pendingDash && !slug.isEmpty { slug.append(0x2D) }
                pendingDash = false
                slug.append(lower)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}
