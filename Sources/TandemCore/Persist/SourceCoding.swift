import Foundation

// What the persisted source state (`SourceStore`) writes of each parsed
// file: the parse stage's values, encoded as the compiler derives them, so a
// field added to a page is stored without more work.


extension Indirect: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try decoder.singleValueContainer().decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
