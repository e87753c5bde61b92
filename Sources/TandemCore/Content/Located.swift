/// A value together with the place in a file it was written, so later stages
/// (links, focal-point ids, layouts) can point at it when something is wrong.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Located: Codable where Value: Codable {}
