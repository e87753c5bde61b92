/// Splits a listing into pages of a fixed size: page 1 at the listing's URL,
/// page N at `URL/page/N/`. An empty listing still has one (empty) page.
public struct Pagination: Sendable, Equatable {
    public var number: Int
    public var total: Int
    /// Positions in the listing's members shown on this page.
    public var range: Range<Int>

    public static func pages(count: Int, size: Int) -> [Pagination] {
        let size = max(size, 1)
        let total = max(1, (count + size - 1) / size)
        return (1...total).map { number in
            Pagination(number: number, total: total, range: ((number - 1) * size)..<min(number * size, count))
        }
    }

    /// The page numbers a pager shows: the first, the last and two either side
    /// of this one, with nil where numbers are left out. Its length is bounded,
    /// so listings with many pages stay linear to render.
    public var window: [Int?] {
        let shown = Set([1, total] + Array(max(1, number - 2)...min(total, number + 2)))
        var numbers: [Int?] = []
        for page in shown.sorted() {
            if let last = numbers.last ?? nil, page > last + 1 { numbers.append(nil) }
            numbers.append(page)
        }
        return numbers
    }
}
