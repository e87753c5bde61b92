/// Gives each heading of a page an `id` made from its text, unique on the page
/// (`Next steps`, `Next steps` → `next-steps`, `next-steps-2`).
struct HeadingIDs {
    /// Ids every page has besides its headings': the layout's `main`, and
    /// `top`, which browsers take for the top of the page.
    static let pageIDs: Set<String> = ["main", "top"]

    private var used = pageIDs

    mutating func next(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lower-case letters and digits of any script, other runs of characters as one `-`.
    static func slug(_ text: String) -> String {
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
}
