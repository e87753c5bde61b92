import Testing
@testable import TandemCore

@Suite struct PaginationTests {
    @Test func anEmptyListingHasOneEmptyPage() {
        #expect(Pagination.pages(count: 0, size: 10) == [Pagination(number: 1, total: 1, range: 0..<0)])
    }

    @Test func exactlyOneFullPage() {
        #expect(Pagination.pages(count: 10, size: 10) == [Pagination(number: 1, total: 1, range: 0..<10)])
    }

    @Test func oneItemOverMakesASecondPage() {
        #expect(Pagination.pages(count: 11, size: 10) == [Pagination(number: 1, total: 2, range: 0..<10),
                                                          Pagination(number: 2, total: 2, range: 10..<11)])
    }

    @Test func pageURLs() {
        #expect(Route(path: "/news/").page(1).path == "/news/")
        #expect(Route(path: "/news/").page(3).path == "/news/page/3/")
    }

    @Test func theWindowShowsTheEndsAndTwoEitherSide() {
        let middle = Pagination(number: 10, total: 40, range: 90..<100)
        #expect(middle.window == [1, nil, 8, 9, 10, 11, 12, nil, 40])
        let start = Pagination(number: 1, total: 3, range: 0..<10)
        #expect(start.window == [1, 2, 3])
        let nearStart = Pagination(number: 4, total: 9, range: 30..<40)
        #expect(nearStart.window == [1, 2, 3, 4, 5, 6, nil, 9])
    }
}
