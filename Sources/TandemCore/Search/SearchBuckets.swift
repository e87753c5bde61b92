/// Which file of a language's term index lists a term. A term's key is its
/// first three Unicode scalars; the key's FNV-1a hash over its UTF-8 bytes,
/// modulo the bucket count, names the file. The count depends only on how
/// many pages the language has, so the files a site publishes do not change
/// when a page's words do. `search.js` computes the same.
enum SearchBuckets {
    /// Scalars of a term that decide its bucket: a query word this long or longer also matches longer terms.
    static let keyLength = 3

    /// How many term files a language with `pages` searchable pages has: a power of two, about one per eight pages, 1 to 1024.
    static func count(pages: Int) -> Int {
        var count = 1
        while count * 8 < pages && count < 1024 { count *= 2 }
        return count
    }

    /// The bucket of `term` among `count` (a power of two): FNV-1a over the
    /// UTF-8 bytes of its first `keyLength` scalars, without making a string.
    static func bucket(of term: String, count: Int) -> Int {
        var term = term
        // Read in place (`withUTF8`): stepping through `utf8` cost twice as much.
        return term.withUTF8 { bucket(of: $0, count: count) }
    }

    /// `bucket(of:count:)` of a term in UTF-8.
    static func bucket(of term: UnsafeBufferPointer<UInt8>, count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        var scalars = 0
        for byte in term {
            if byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars > keyLength { break }
            }
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash & UInt32(count - 1))
    }
}
