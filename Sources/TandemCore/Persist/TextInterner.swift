#if canImport(Glibc)
import Glibc
#endif

/// The texts read from one stored file, each kept once: a text stored many
/// times (a page's path, in each location of its front matter; a link's
/// target in every page that has it) is one string in memory.
///
/// Looked up by its bytes before any `String` is made: a text met before
/// costs a hash of its bytes (`QuickHash`, eight at a time) and a compare,
/// where a `Set<String>` needed a new string (memory, and a check that the
/// bytes are UTF-8), SipHash over it and the string freed again. That was
/// the largest part of reading the sources and the state a rebuild starts
/// from. Open addressing, the table at most half full; not resistant to
/// chosen collisions, which Tandem's own files do not hold.
struct TextInterner {
    /// The texts, in the order first met, with their hashes.
    private var texts: [String] = []
    private var hashes: [UInt64] = []
    /// For each slot, 1 + the index of its text in `texts`, or 0 if empty.
    private var slots: [Int32]

    /// A table for about `expectedCount` texts; it grows if there are more.
    init(expectedCount: Int) {
        var size = 64
        while size < expectedCount * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// The text of the UTF-8 `bytes`: the one kept if they were met before,
    /// else a new one, kept. Bytes that are not UTF-8 are repaired, as
    /// `String(decoding:as:)` does, and then never match a later read.
    mutating func text(_ bytes: UnsafeRawBufferPointer) -> String {
        let hash = QuickHash.hash(bytes: bytes, into: 0)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash, Self.has(texts[index], bytes) { return texts[index] }
            slot = (slot + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        texts.append(text)
        hashes.append(hash)
        slots[slot] = Int32(texts.count)
        if texts.count * 2 > slots.count { grow() }
        return text
    }

    /// Whether `text` is made of exactly `bytes`.
    private static func has(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return utf8.withContiguousStorageIfAvailable { stored in
            memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? utf8.elementsEqual(bytes)
    }

    /// Twice the slots, each text put back by the hash it was kept with.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
