import Foundation

/// One of Tandem's cache files: a key (what made it: the executable, the
/// format, the settings) and a value, in `CompactCoder`'s form, always
/// replaced whole (`SystemFiles.replace`). Read back only with the same key:
/// a missing, damaged or foreign file reads as nothing.
struct KeyedFile<Value: Codable>: Codable {
    var key: String
    var value: Value

    static func read(_ path: String, key: String) -> Value? {
        guard let data = try? SystemFiles.read(path) else { return nil }
        let stored = data.withUnsafeBytes { try? CompactCoder.decode(KeyedFile.self, from: $0) }
        guard let stored, stored.key == key else { return nil }
        return stored.value
    }

    static func write(_ value: Value, key: String, to path: String) {
        guard let bytes = try? CompactCoder.encode(KeyedFile(key: key, value: value)) else { return }
        // The bytes go to the file as they are: a `Data` of them was one more copy of each shard of the store.
        try? SystemFiles.replace(path) { temporary in try SystemFiles.write(bytes, to: temporary) }
    }
}
