/// The compact text of a sorted list of page numbers in the search files,
/// whichever of two forms is shorter:
/// - gaps: each difference from the previous number (the first from -1),
///   as base-32 digits, most significant first, in the alphabet `A`; a digit
///   of `A[32...]` means more digits follow;
/// - bitmap: `~` then six pages per character of `A` (bit k of character i is
///   page 6i+k), for lists that name many of the pages.
enum PostingsCode {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    static func encode(_ numbers: [Int]) -> String {
        let gaps = gapsForm(numbers)
        guard let last = numbers.last, (last / 6 + 2) < gaps.count else { return String(decoding: gaps, as: UTF8.self) }
        var bits = [UInt8](repeating: 0, count: last / 6 + 1)
        for number in numbers { bits[number / 6] |= 1 << UInt8(number % 6) }
        return "~" + String(decoding: bits.map { alphabet[Int($0)] }, as: UTF8.self)
    }

    private static func gapsForm(_ numbers: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 2)
        var previous = -1
        alphabet.withUnsafeBufferPointer { alphabet in
            for number in numbers {
                let gap = number - previous
                previous = number
                // The digits from the most significant, each but the last marked as followed by more.
                var shift = 0
                while gap >> (shift + 5) > 0 { shift += 5 }
                while shift > 0 {
                    bytes.append(alphabet[((gap >> shift) & 31) + 32])
                    shift -= 5
                }
                bytes.append(alphabet[gap & 31])
            }
        }
        return bytes
    }

    /// The numbers of a code (for tests; `search.js` decodes in the browser).
    static func decode(_ code: String) -> [Int] {
        let values = code.utf8.dropFirst(code.hasPrefix("~") ? 1 : 0).map { alphabet.firstIndex(of: $0)! }
        if code.hasPrefix("~") {
            return values.enumerated().flatMap { index, bits in (0..<6).filter { bits & (1 << $0) != 0 }.map { index * 6 + $0 } }
        }
        var numbers: [Int] = []
        var (previous, gap) = (-1, 0)
        for value in values {
            gap = gap * 32 + (value & 31)
            if value < 32 {
                previous += gap
                numbers.append(previous)
                gap = 0
            }
        }
        return numbers
    }
}
