import Foundation

/// The pages (by id, ascending) that list each term of one term file: an
/// open-addressed table keyed by each term's FNV-1a hash over its UTF-8
/// bytes. A 10k build puts about two million (page, term) pairs into these
/// tables; with a `[String: [Int32]]`, hashing each term with the seeded
/// hasher of Swift's dictionaries cost more than the rest of the insertion.
///
/// A term whose last page leaves keeps its entry with an empty list (a
/// table only grows by the words its language has used): `listed` and
/// `dictionary` leave such entries out, as the term files do.
struct TermPostings: Sendable {
    /// The terms in the order they came, with their hashes and lists.
    private var entries: [(term: String, hash: UInt64, ids: [Int32])] = []
    /// Index + 1 into `entries` for each slot; 0 for an empty slot. A power of two long (or empty).
    private var slots: [Int32] = []

    init() {}

    /// The pages that list `term` (nil if none).
    subscript(term: String) -> [Int32]? {
        guard let index = find(term, hash: Self.hash(term)), !entries[index].ids.isEmpty else { return nil }
        return entries[index].ids
    }

    /// The listed terms with their pages, in the order of the terms' bytes (the term files' order).
    var listed: [(term: String, ids: [Int32])] {
        entries.filter { !$0.ids.isEmpty }.map { ($0.term, $0.ids) }.sorted { $0.term < $1.term }
    }

    /// The table as a dictionary, for comparing tables.
    var dictionary: [String: [Int32]] {
        Dictionary(uniqueKeysWithValues: entries.filter { !$0.ids.isEmpty }.map { ($0.term, $0.ids) })
    }

    /// Adds page `id` to the pages of `term` (UTF-8), whose hash is `hash` (`hash(_:)`),
    /// after the smaller ids. The term is made a `String` only if the table does not have it.
    mutating func add(_ id: Int32, to term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if let index = find(term, hash: hash) {
            entries[index].ids.insertSorted(id)
            return
        }
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((String(decoding: term, as: UTF8.self), hash, [id]))
        place(entries.count - 1)
    }

    /// Sets the pages of a term not listed yet (reading a stored index): false if it is listed.
    mutating func set(_ ids: [Int32], for term: String) -> Bool {
        let hash = Self.hash(term)
        if let index = find(term, hash: hash) {
            guard entries[index].ids.isEmpty else { return false }
            entries[index].ids = ids
            return true
        }
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((term, hash, ids))
        place(entries.count - 1)
        return true
    }

    /// Removes page `id` from the pages of `term` (UTF-8), whose hash is `hash`.
    mutating func remove(_ id: Int32, from term: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        guard let index = find(term, hash: hash) else { return }
        entries[index].ids.removeAll { $0 == id }
    }

    /// The entry of `term` (UTF-8): compared by hash, then by bytes.
    private func find(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash && Self.isSame(entries[index].term, term) { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The entry of a term given as a `String` (look-ups, a stored index read back).
    private func find(_ term: String, hash: UInt64) -> Int? {
        var term = term
        return term.withUTF8 { find($0, hash: hash) }
    }

    /// Whether `text`'s UTF-8 is `bytes`: read in place where the text is (as Tandem's terms are) contiguous.
    private static func isSame(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable {
            $0.count == bytes.count && ($0.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        } ?? text.utf8.elementsEqual(bytes)
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    /// Doubles the slots (at least 16) and places every entry again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(16, slots.count * 2))
        for index in entries.indices { place(index) }
    }

    /// FNV-1a over the term's UTF-8 bytes: the one hash of a term, which the
    /// tokenizer also makes byte by byte as it reads a word (`SearchTokenizer`).
    static func hash(_ term: String) -> UInt64 {
        var term = term
        return term.withUTF8(hash(of:))
    }

    /// The FNV-1a hash of no bytes, and of `hash`'s bytes followed by `byte`.
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hash(_ hash: UInt64, adding byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(emptyHash, hash(_:adding:))
    }
}

extension Array where Element == Int32 {
    /// Inserts `id` in this ascending list, after the smaller ones.
    mutating func insertSorted(_ id: Int32) {
        if last.map({ $0 < id }) ?? true {
            append(id)  // the usual case: pages come in id order
            return
        }
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < id { low = middle + 1 } else { high = middle }
        }
        insert(id, at: low)
    }
}
