import Foundation

/// Terms as UTF-8, one after the other in one buffer, with each one's FNV-1a
/// hash (`TermPostings.hash`): a page's terms (about 180 each, two million in
/// a 10k build) without a `String` each, which cost more to make, compare and
/// free than putting the term into the index did.
struct TermList: Sendable {
    /// The terms' bytes, term `i` ending at `ends[i]`; the buffer grows by
    /// doubling, its end past the last term unused.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int32] = []
    private(set) var hashes: [UInt64] = []

    init() {}

    /// An empty list with room for `terms` terms of about eight bytes: a
    /// page's list made term by term would otherwise grow nine times.
    init(roomFor terms: Int) {
        bytes = [UInt8](repeating: 0, count: terms * 8)
        ends.reserveCapacity(terms)
        hashes.reserveCapacity(terms)
    }

    /// The list of `terms`, hashed.
    init(_ terms: some Sequence<String>) {
        for var term in terms { term.withUTF8 { append($0, hash: TermPostings.hash(of: $0)) } }
    }

    var count: Int { ends.count }

    /// The terms' UTF-8, read in place for the length of `body`.
    func withTerms<Result>(_ body: (Terms) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(Terms(bytes: $0, ends: ends)) }
    }

    /// The terms of a list in place: `terms[i]` is term `i`'s UTF-8.
    struct Terms {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let ends: [Int32]

        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : Int(ends[index - 1])) ..< Int(ends[index])])
        }
    }

    /// Copied in with `memcpy`: `append(contentsOf:)` cost several times more a term.
    mutating func append(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        let used = Int(ends.last ?? 0)
        if used + term.count > bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, term.count, 512)))
        }
        if let source = term.baseAddress {
            bytes.withUnsafeMutableBufferPointer { bytes in _ = memcpy(bytes.baseAddress! + used, source, term.count) }
        }
        ends.append(Int32(used + term.count))
        hashes.append(hash)
    }

    /// The terms as strings.
    var strings: [String] {
        withTerms { terms in ends.indices.map { String(decoding: terms[$0], as: UTF8.self) } }
    }
}
