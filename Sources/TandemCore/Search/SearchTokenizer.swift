import Foundation

/// Splits text into the terms the search index lists and a query looks up.
/// A word is a run of Unicode letters, digits and combining marks (general
/// categories L, N, M), so Arabic, Cyrillic or accented Latin split where a
/// reader would; a term is the word in lower case with its combining marks
/// removed after canonical decomposition (`é` → `e`, Arabic harakat and the
/// tatweel dropped). No stemming. `search.js` does the same with
/// `/[^\p{L}\p{N}\p{M}]+/u`, `toLowerCase` and `normalize("NFD")`.
enum SearchTokenizer {
    /// Terms shorter than this (in Unicode scalars) are left out.
    static let minimumLength = 2
    /// Longer words are cut to this many scalars.
    static let maximumLength = 40

    /// The distinct terms of `text`. `markdown`: leave out link destinations
    /// (`](...)`) and HTML tags (`<...>`), which are not what a reader sees.
    /// Works on the UTF-8 bytes; ASCII words never become scalars.
    static func terms(_ text: String, markdown: Bool = false) -> Set<String> {
        var collector = Collector()
        collector.add(text, markdown: markdown)
        return collector.terms
    }

    /// Gathers the distinct terms of several texts (a page's title, summary
    /// and body). A word met again (most words of a page are) is recognised by
    /// its bytes (`SeenWords`), before it is made into a String. So is each
    /// term: a folded word whose term was met before (`Été` after `ete`), or a
    /// word that is a term met before (`ete` after `Été`), adds nothing, and
    /// no set of Strings is needed to keep the terms distinct.
    struct Collector {
        /// Each term once, in the order first met, as UTF-8 with its hash: a
        /// full build puts each page's terms into the index from these bytes,
        /// and a `String` is made only of a term new to its term file.
        private(set) var termList = TermList(roomFor: 256)
        /// The FNV-1a hash of each term (`TermPostings.hash`), made as its bytes were read.
        var hashes: [UInt64] { termList.hashes }
        private var seen = SeenWords()

        /// Each term once, in the order first met.
        var list: [String] { termList.strings }

        /// The terms, as a set.
        var terms: Set<String> { Set(list) }

        /// `html`: leave out tags (`<...>`) and character references (`&amp;`): a prepared body's HTML.
        mutating func add(_ text: String, markdown: Bool = false, html: Bool = false) {
            var text = text
            text.withUTF8 { SearchTokenizer.collect($0, markdown: markdown, html: html, into: &self) }
        }

        /// `add` for text in UTF-8.
        mutating func add(utf8 text: [UInt8], markdown: Bool = false, html: Bool = false) {
            text.withUnsafeBufferPointer { SearchTokenizer.collect($0, markdown: markdown, html: html, into: &self) }
        }

        /// A word of `scalars` scalars, in lower case if ASCII; `hash` is `TermPostings.hash(of: word)`, made as the word was read.
        fileprivate mutating func word(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, scalars: Int, ascii: Bool) {
            guard scalars >= minimumLength, seen.insert(word, hash: hash) else { return }
            if ascii {
                termList.append(word, hash: hash)
                return
            }
            var term = fold(String(decoding: word, as: UTF8.self))
            guard term.unicodeScalars.count >= minimumLength else { return }
            // The word folds to itself (already noted), or to a term not met yet.
            term.withUTF8 { folded in
                if folded.elementsEqual(word) { return termList.append(folded, hash: hash) }
                let termHash = TermPostings.hash(of: folded)
                if seen.insert(folded, hash: termHash) { termList.append(folded, hash: termHash) }
            }
        }
    }

    /// What a byte is to the tokenizer's ASCII loop: its lower case if it is
    /// an ASCII letter or digit, else 0 (a separator, or a byte of a longer
    /// UTF-8 sequence). 256 long, so that a byte is looked up without a test first.
    private static let asciiWordBytes: [UInt8] = (0..<256).map { $0 < 128 ? asciiWordByte(UInt8($0)) ?? 0 : 0 }

    private static func collect(_ bytes: UnsafeBufferPointer<UInt8>, markdown: Bool, html: Bool, into collector: inout Collector) {
        // The word being read, at most `maximumLength` scalars of up to 4 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength * 4) { buffer in
            let word = buffer.baseAddress!
            var length = 0
            var (scalars, ascii) = (0, true)
            // The word's hash, made as its bytes are read (`TermPostings.hash(of:)`).
            var hash = TermPostings.emptyHash
            @inline(__always) func flush() {
                if length > 0 { collector.word(UnsafeBufferPointer(start: word, count: length), hash: hash, scalars: scalars, ascii: ascii) }
                length = 0
                (scalars, ascii) = (0, true)
                hash = TermPostings.emptyHash
            }
            asciiWordBytes.withUnsafeBufferPointer { table in
                var previous: UInt8 = 0x20
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if (markdown && ((byte == 0x28 && previous == 0x5D) || byte == 0x3C))
                                    || (html && (byte == 0x3C || byte == 0x26)) {
                            flush()
                            // The skipped stretch ends at its closing byte or at a line end,
                            // found with `memchr` (a quarter of a page's HTML is in its tags);
                            // no byte of it is a word's, and UTF-8 hides no ASCII byte in a longer one.
                            let closing: UInt8 = switch byte {
                            case 0x28: 0x29
                            case 0x3C: 0x3E
                            default: 0x3B
                            }
                            if let end = SearchTokenizer.firstOf(closing, orLineEndIn: bytes, from: index + 1) {
                                previous = bytes[end]
                                index = end + 1
                            } else {
                                index = bytes.count
                            }
                            continue
                        } else if table[Int(byte)] != 0 {
                            // A run of ASCII letters and digits (most of any text), read in a loop
                            // of its own: none of them starts or ends a skipped stretch. Up to the
                            // word's room, each byte is put in the word in lower case and hashed;
                            // the rest of a longer word is passed over.
                            var at = index
                            let first = length
                            let limit = min(bytes.count, index + max(0, maximumLength - scalars))
                            while at < limit {
                                let lower = table[Int(bytes[at])]
                                guard lower != 0 else { break }
                                word[length] = lower
                                length += 1
                                hash = TermPostings.hash(hash, adding: lower)
                                at += 1
                            }
                            scalars += length - first
                            while at < bytes.count, table[Int(bytes[at])] != 0 { at += 1 }
                            previous = bytes[at - 1]
                            index = at
                            continue
                        } else if length > 0 {
                            flush()
                        }
                        previous = byte
                        index += 1
                        continue
                    }
                    let count = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                    let end = min(index + count, bytes.count)
                    var value = UInt32(byte) & (count == 4 ? 0x07 : count == 3 ? 0x0F : 0x1F)
                    for next in bytes[(index + 1)..<end] { value = value << 6 | UInt32(next & 0x3F) }
                    if let scalar = Unicode.Scalar(value), isWordScalar(scalar) {
                        if scalars < maximumLength {
                            for at in index..<end {
                                word[length] = bytes[at]
                                length += 1
                                hash = TermPostings.hash(hash, adding: bytes[at])
                            }
                            scalars += 1
                        }
                        ascii = false
                    } else if length > 0 {
                        flush()
                    }
                    previous = byte
                    index = end
                }
            }
            flush()
        }
    }

    /// The offset of the first `byte` or line end (`\n`) in `bytes` from `start` on, if any.
    private static func firstOf(_ byte: UInt8, orLineEndIn bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        let closing = memchr(base + start, Int32(byte), bytes.count - start)
        let limit = closing.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? bytes.count
        if let lineEnd = memchr(base + start, 0x0A, limit - start) {
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(lineEnd))
        }
        return closing == nil ? nil : limit
    }

    /// An ASCII letter in lower case or a digit, or nil.
    private static func asciiWordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39, 0x61...0x7A: byte
        case 0x41...0x5A: byte + 0x20
        default: nil
        }
    }

    /// A word in lower case without combining marks (and without the Arabic tatweel).
    static func fold(_ word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) && scalar != "\u{0640}" {
            folded.append(scalar)
        }
        return String(folded)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

/// The words already met in the texts of one `SearchTokenizer.Collector`,
/// by their bytes: an open-addressed table with FNV-1a hashes, much cheaper
/// per word than making a String and hashing it with the set's seeded hasher.
private struct SeenWords {
    /// Word index + 1 for each slot; 0 for an empty slot. A power of two long.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The hash of the word in each slot, beside it: a probe compares hashes
    /// without first looking up the word. Read only where `slots` has a word,
    /// so it is not zeroed first (8 KB a page, a third of a 1,000-page build's
    /// `memset`).
    private var slotHashes = SeenWords.unfilledHashes(count: 1024)
    /// Word `i` is `bytes[bounds[i] ..< bounds[i + 1]]`.
    private var bounds: [Int32] = [0]
    /// The words' bytes, in the first `used` of a buffer made larger when
    /// full: a word is copied in with `memcpy`, where `append(contentsOf:)`
    /// cost about 110 instructions a word (two million words in a 10k build).
    private var bytes = [UInt8](repeating: 0, count: 1_024)
    private var used = 0

    /// Whether `word`, whose hash is `hash` (made while the word was read), is new (and notes it).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found = slots.withUnsafeBufferPointer { slots in
            slotHashes.withUnsafeBufferPointer { hashes in
                bounds.withUnsafeBufferPointer { bounds in
                    bytes.withUnsafeBufferPointer { bytes -> Bool in
                        while slots[slot] != 0 {
                            if hashes[slot] == hash {
                                let index = Int(slots[slot]) - 1
                                let start = Int(bounds[index])
                                if Int(bounds[index + 1]) - start == word.count,
                                   memcmp(bytes.baseAddress! + start, word.baseAddress!, word.count) == 0 {
                                    return true
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                        return false
                    }
                }
            }
        }
        if found { return false }
        if used + word.count > bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, word.count)))
        }
        if let source = word.baseAddress {
            bytes.withUnsafeMutableBufferPointer { bytes in _ = memcpy(bytes.baseAddress! + used, source, word.count) }
        }
        used += word.count
        bounds.append(Int32(used))
        slots[slot] = Int32(bounds.count - 1)
        slotHashes[slot] = hash
        if (bounds.count - 1) * 2 > slots.count { grow() }
        return true
    }

    /// Room for `count` hashes, left as the allocator gave it.
    private static func unfilledHashes(count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Doubles the table and places every word again.
    private mutating func grow() {
        let (oldSlots, oldHashes) = (slots, slotHashes)
        slots = [Int32](repeating: 0, count: oldSlots.count * 2)
        slotHashes = Self.unfilledHashes(count: oldSlots.count * 2)
        let mask = slots.count - 1
        for old in oldSlots.indices where oldSlots[old] != 0 {
            var slot = Int(truncatingIfNeeded: oldHashes[old]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = oldSlots[old]
            slotHashes[slot] = oldHashes[old]
        }
    }
}
