/// A value kept behind one reference, copied on write: a struct that holds
/// it stays small, so arrays and dictionaries of pages copy and move a few
/// words per page instead of the whole front matter (about 650 bytes), and
/// two copies of a page compare their front matter by identity first.
@propertyWrapper
public struct Indirect<Value> {
    /// Immutable: a value read out of it is borrowed in place, where reading
    /// a `var` of a class copied it first (another holder might change it
    /// meanwhile), about 22,000 copies of the configuration in a 1,000-page build.
    private final class Box: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The box itself (`$name`): another holder of the value shares it with one retain.
    public var projectedValue: Indirect<Value> { self }

    /// Read in place (`_read`): `page.frontMatter.title` copies the title,
    /// not the whole front matter. A change (rare: a rebuild's summary)
    /// puts the changed value in a new box.
    public var wrappedValue: Value {
        _read { yield box.value }
        _modify {
            var value = box.value
            defer { box = Box(value) }
            yield &value
        }
    }

    fileprivate var identity: ObjectIdentifier { ObjectIdentifier(box) }
}

// A box is never written (a change makes a new one): sharing it between
// threads is sharing an immutable value.
extension Indirect: @unchecked Sendable where Value: Sendable {}

extension Indirect: Equatable where Value: Equatable {
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.identity == rhs.identity || lhs.wrappedValue == rhs.wrappedValue
    }
}

extension Indirect: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
    }
}

/// Coded as the value it holds (`SourceStore` keeps pages on disk).
extension Indirect: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try decoder.singleValueContainer().decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
