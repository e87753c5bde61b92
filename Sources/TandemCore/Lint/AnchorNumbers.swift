import Foundation

/// A number for each distinct anchor (`PatternAnchors`), given once per
/// process: a page's scan files the anchors it finds by number, and a
/// pattern looks up its own by number, so no page hashes an anchor's bytes.
enum AnchorNumbers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [[UInt8]: Int] = [:]

    static func number(_ anchor: [UInt8]) -> Int {
        lock.withLock {
            if let number = numbers[anchor] { return number }
            let number = numbers.count
            numbers[anchor] = number
            return number
        }
    }
}
