import Foundation

/// A compact binary form of `Codable` values, for Tandem's own cache files:
/// fields are written in the order the type encodes them, without their
/// names, numbers as variable-length integers, texts as their UTF-8 bytes
/// with a length. Reading it back is several times faster than JSON, which
/// matters because a build reads every page of the site from it.
///
/// It is only for values whose encoding is a fixed sequence (structs and
/// enums with compiler-derived coding, arrays, sets, optionals): the reader reads
/// the fields in the order they were written, so it cannot read a
/// dictionary, nor anything encoded by a different version of its type.
/// `SourceStore` therefore keys its files to the Tandem executable that
/// wrote them. A damaged or truncated input throws `CompactCoder.Damaged`;
/// it never traps or allocates more than the input's size.
enum CompactCoder {
    struct Damaged: Error {}

    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let writer = Writer()
        try writer.write(value)
        return writer.bytes
    }

    /// `encode`, handing the bytes to `sink` in order, about `chunkSize` at a
    /// time, instead of holding them all: for the largest values Tandem
    /// writes (the frames of a build's state written at the end of a build,
    /// its peak in memory). Returns how many bytes there were.
    static func encode<Value: Encodable>(_ value: Value, chunkSize: Int = 1 << 20,
                                         streamingTo sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let writer = Writer(streamingTo: sink, chunkSize: chunkSize)
        try writer.write(value)
        try writer.finishStreaming()
        return writer.streamedCount
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: UnsafeRawBufferPointer) throws -> Value {
        let reader = Reader(bytes)
        let value = try reader.read(type)
        guard reader.offset == bytes.count else { throw Damaged() }
        return value
    }
}

/// A list `Writer.write` writes element by element into its own bytes.
private protocol InPlaceList {
    func write(into writer: Writer) throws
}

extension Array: InPlaceList where Element: Encodable {
    /// What `Array.encode(to:)` through `UnkeyedWriter` gives: the count, then each element.
    fileprivate func write(into writer: Writer) throws {
        try writer.writeList(self) { try writer.write($0) }
    }
}

/// `Optional`, seen through a protocol: the coder writes a presence byte before any optional value.
private protocol OptionalValue {
    var isNone: Bool { get }
    var wrappedValue: Any { get }
    static var wrappedType: Any.Type { get }
    static var absent: Self { get }
    static func wrapping(_ value: Any) -> Self
}

extension Optional: OptionalValue {
    fileprivate var isNone: Bool { self == nil }
    fileprivate var wrappedValue: Any { self! }
    fileprivate static var wrappedType: Any.Type { Wrapped.self }
    fileprivate static var absent: Self { nil }
    fileprivate static func wrapping(_ value: Any) -> Self { value as? Wrapped }
}

// MARK: - Writing

private final class Writer: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Where a streaming writer hands its bytes once it holds `chunkSize` of them (nil: it keeps them all).
    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    private let chunkSize: Int
    /// How many bytes were handed to the sink; the first error it threw, kept for the end.
    private(set) var streamedCount = 0
    private var sinkError: (any Error)?

    init(streamingTo sink: ((UnsafeRawBufferPointer) throws -> Void)? = nil, chunkSize: Int = 0) {
        self.sink = sink
        self.chunkSize = chunkSize
    }

    /// For a streaming writer holding a chunk or more: hands the bytes to the sink.
    /// Called between a list's elements and a struct's fields: bytes are only ever appended.
    @inline(__always)
    func streamIfFull() {
        if sink != nil && bytes.count >= chunkSize { stream() }
    }

    /// Hands what is left to the sink; throws what the sink threw, if it did.
    func finishStreaming() throws {
        if !bytes.isEmpty { stream() }
        if let sinkError { throw sinkError }
    }

    private func stream() {
        guard let sink, sinkError == nil else { return }
        do { try bytes.withUnsafeBytes(sink) } catch { sinkError = error }
        streamedCount += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    func writeInteger(_ value: UInt64) {
        Varint.append(value, to: &bytes)
    }

    func writeSigned(_ value: Int64) {
        writeInteger(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func writeText(_ text: String) {
        var text = text
        text.withUTF8(writeBytes)
    }

    /// UTF-8 as `writeText` writes a text's: its length, then its bytes.
    func writeBytes(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer(writeBytes)
    }

    private func writeBytes(_ utf8: UnsafeBufferPointer<UInt8>) {
        writeInteger(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Writes a value: an optional with its presence byte first, the standard
    /// library's numbers and texts directly, anything else by its own `encode(to:)`.
    /// `single`: the value of a single-value container, which a number of any
    /// other integer type writes itself into; only there is a value asked
    /// whether it is `any FixedWidthInteger` (asking every struct cost a
    /// protocol look-up each).
    func write<Value: Encodable>(_ value: Value, single: Bool = false) throws {
        // The common types are told by their metadata alone (a pointer comparison):
        // casting every value to a protocol cost more than writing it.
        if Value.self == String.self { return writeText(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return writeSigned(Int64(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Bool.self { return writeFlag(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == [UInt8].self {
            let run = unsafeBitCast(value, to: [UInt8].self)
            writeInteger(UInt64(run.count))
            return bytes.append(contentsOf: run)
        }
        // Numbers by the hundred thousand (the dependencies of a build's records): no cast for each.
        if Value.self == [Int32].self { return writeList(unsafeBitCast(value, to: [Int32].self)) { self.writeSigned(Int64($0)) } }
        // Places in files, by the dozen in every page's front matter: written as their
        // compiler-derived coding would (fields in order), without a container for each.
        if Value.self == SourceLocation.self { return writeLocation(unsafeBitCast(value, to: SourceLocation.self)) }
        if Value.self == Located<String>.self { return writeLocatedText(unsafeBitCast(value, to: Located<String>.self)) }
        // A page's front matter, read for every page of a site by each build: field by field, without containers.
        if Value.self == FrontMatter.self { return writeFrontMatter(unsafeBitCast(value, to: FrontMatter.self)) }
        // Every page of a site, read back by each build that keeps its sources.
        if Value.self == SourcePage.self { return try writeSourcePage(unsafeBitCast(value, to: SourcePage.self)) }
        // Two stamps for each file of a site in every build's stores: as their unkeyed coding writes them.
        if Value.self == FileStamp.self { return writeStamp(unsafeBitCast(value, to: FileStamp.self)) }
        // A build's dependencies, by the ten thousand: without an enum's two containers each.
        if Value.self == Dependency.self { return writeDependency(unsafeBitCast(value, to: Dependency.self)) }
        if Value.self == [Dependency].self { return writeList(unsafeBitCast(value, to: [Dependency].self), writeDependency) }
        // The warnings of a page's checks, by the dozen in many pages.
        if Value.self == [StoredDiagnostic].self { return writeList(unsafeBitCast(value, to: [StoredDiagnostic].self), writeDiagnostic) }
        if Value.self == Double.self { return writeInteger(unsafeBitCast(value, to: Double.self).bitPattern) }
        if Value.self == Date.self { return writeInteger(unsafeBitCast(value, to: Date.self).timeIntervalSinceReferenceDate.bitPattern) }
        if Value.self == Float.self { return writeInteger(UInt64(unsafeBitCast(value, to: Float.self).bitPattern)) }
        if Value.self == Int32.self { return writeSigned(Int64(unsafeBitCast(value, to: Int32.self))) }
        if Value.self == Int64.self { return writeSigned(unsafeBitCast(value, to: Int64.self)) }
        if Value.self == UInt64.self { return writeInteger(unsafeBitCast(value, to: UInt64.self)) }
        if Value.self == UInt32.self { return writeInteger(UInt64(unsafeBitCast(value, to: UInt32.self))) }
        // An optional inside a list (a property's goes through `writeOptional`).
        if _isOptional(Value.self), let optional = value as? any OptionalValue {
            if optional.isNone {
                bytes.append(0)
            } else {
                bytes.append(1)
                guard let wrapped = optional.wrappedValue as? any Encodable else { throw CompactCoder.Damaged() }
                try write(wrapped)
            }
            return
        }
        if single, let number = value as? any FixedWidthInteger {
            return type(of: number).isSigned ? writeSigned(Int64(number)) : writeInteger(UInt64(number))
        }
        // Any other list is written in place, as its unkeyed container writes it (its count,
        // then each element): the container gathered the elements in a buffer of its own
        // and copied it into this one at its end, so a store's shard of a megabyte was
        // copied as it grew, then again, then as this one grew.
        if let list = value as? any InPlaceList { return try list.write(into: self) }
        try value.encode(to: self)
    }

    /// A file's stamp as `FileStamp.encode(to:)` writes it: the count of its seven fields, then each.
    func writeStamp(_ stamp: FileStamp) {
        writeInteger(7)
        writeInteger(stamp.device)
        writeInteger(stamp.inode)
        writeSigned(stamp.size)
        writeSigned(Int64(stamp.modified.tv_sec))
        writeSigned(Int64(stamp.modified.tv_nsec))
        writeSigned(Int64(stamp.changed.tv_sec))
        writeSigned(Int64(stamp.changed.tv_nsec))
    }

    func writeLocation(_ location: SourceLocation) {
        writeText(location.path)
        writeSigned(Int64(location.line))
        writeSigned(Int64(location.column))
    }

    /// A located text as its derived coding gives it: the text, then its place.
    func writeLocatedText(_ located: Located<String>) {
        writeText(located.value)
        writeLocation(located.location)
    }

    func writeFlag(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    /// A stored diagnostic as its derived coding gives it: its fields in order, the optional ones after a presence byte.
    func writeDiagnostic(_ diagnostic: StoredDiagnostic) {
        writeText(diagnostic.severity.rawValue)
        writeText(diagnostic.path)
        writeSigned(Int64(diagnostic.line))
        writeSigned(Int64(diagnostic.column))
        writeText(diagnostic.message)
        writeOptional(diagnostic.hint, writeText)
        writeOptional(diagnostic.rule, writeText)
        writeOptional(diagnostic.excerpt, writeText)
        writeSigned(Int64(diagnostic.length))
    }

    /// A list: its count, then each element as `write` writes it.
    func writeList<Element>(_ list: [Element], _ write: (Element) throws -> Void) rethrows {
        writeInteger(UInt64(list.count))
        for element in list {
            try write(element)
            streamIfFull()
        }
    }

    /// An optional property: its presence byte, then its value. The type is
    /// known here, so no cast finds out what the optional holds.
    func writeOptional<Value: Encodable>(_ value: Value?) throws {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        try write(value)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(writer: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(writer: self) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: Writer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { writer.bytes.append(0) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.write(value)
        writer.streamIfFull()
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try writer.writeOptional(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try writer.writeOptional(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try writer.writeOptional(value) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try writer.writeOptional(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try writer.writeOptional(value) }

    /// Compiler-derived coding puts an enum case's values in a container nested under the case's key:
    /// the key's name is written, for `KeyedReader.allKeys` to read.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.writeText(key.stringValue)
        return writer.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { writer.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { writer }
    mutating func superEncoder(forKey key: Key) -> any Encoder { writer }
}

/// An array: its elements are written to a writer of their own, then their count and bytes.
private final class UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: Writer
    let elements = Writer()
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: Writer) { self.writer = writer }

    deinit {
        writer.writeInteger(UInt64(count))
        writer.bytes.append(contentsOf: elements.bytes)
    }

    func encodeNil() throws {
        count += 1
        elements.bytes.append(0)
    }

    func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try elements.write(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return elements.container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return elements.unkeyedContainer()
    }

    func superEncoder() -> any Encoder { elements }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let writer: Writer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.bytes.append(0) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.write(value, single: true) }
}

// MARK: - Reading

private final class Reader: Decoder {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        interned = TextInterner(expectedCount: bytes.count / 128)
    }

    func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw CompactCoder.Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// What `Writer.writeStamp` wrote.
    func readStamp() throws -> FileStamp {
        guard try readCount() == 7 else { throw CompactCoder.Damaged() }
        let (device, inode, size) = (try readInteger(), try readInteger(), try readSigned())
        let modified = timespec(tv_sec: Int(try readSigned()), tv_nsec: Int(try readSigned()))
        let changed = timespec(tv_sec: Int(try readSigned()), tv_nsec: Int(try readSigned()))
        return FileStamp(device: device, inode: inode, size: size, modified: modified, changed: changed)
    }

    func readInteger() throws -> UInt64 {
        guard let value = Varint.read(bytes, at: &offset) else { throw CompactCoder.Damaged() }
        return value
    }

    func readSigned() throws -> Int64 {
        let raw = try readInteger()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A count of things still to read: at most the bytes left, so a damaged count cannot ask for much memory.
    func readCount() throws -> Int {
        let count = try readInteger()
        guard offset <= bytes.count, count <= UInt64(bytes.count - offset) else { throw CompactCoder.Damaged() }
        return Int(count)
    }

    /// Short texts already read, so that one stored text read many times (a
    /// page's path, in each of its front matter's locations) is one string in
    /// memory. Made as large as the input may need at once.
    private var interned: TextInterner
    /// The text read last of those interned: most repeats follow each other
    /// (a path in each location of one front matter) and are told by their bytes, without hashing.
    private var lastInterned = ""

    func readText() throws -> String {
        let count = try readCount()
        defer { offset += count }
        let stored = UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + count])
        // Texts of up to 15 bytes are held inline, without memory of their own.
        guard count > 15 && count <= 256 else { return String(decoding: stored, as: UTF8.self) }
        if lastInterned.utf8.count == count,
           lastInterned.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, stored.baseAddress!, count) == 0 }) == true {
            return lastInterned
        }
        lastInterned = interned.text(stored)
        return lastInterned
    }

    /// What `Writer.writeBytes` wrote.
    func readBytes() throws -> [UInt8] {
        let count = try readCount()
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }

    /// What `Writer.writeLocation` wrote.
    func readLocation() throws -> SourceLocation {
        let path = try readText()
        let line = try readInt()
        return SourceLocation(path: path, line: line, column: try readInt())
    }

    /// What `Writer.writeLocatedText` wrote.
    func readLocatedText() throws -> Located<String> {
        let value = try readText()
        return Located(value, at: try readLocation())
    }

    /// What `Writer.writeDiagnostic` wrote.
    func readDiagnostic() throws -> StoredDiagnostic {
        guard let severity = Severity(rawValue: try readText()) else { throw CompactCoder.Damaged() }
        let location = try readLocation()
        let message = try readText()
        let hint = try readOptional(readText)
        let rule = try readOptional(readText)
        let excerpt = try readOptional(readText)
        var diagnostic = Diagnostic(severity, location, message, hint: hint, rule: rule)
        diagnostic.excerpt = excerpt
        diagnostic.length = try readInt()
        return StoredDiagnostic(diagnostic)
    }

    /// A signed number that must fit an `Int`.
    func readInt() throws -> Int {
        guard let number = Int(exactly: try readSigned()) else { throw CompactCoder.Damaged() }
        return number
    }

    /// A signed number that must fit an `Int32` (a dependency's number).
    func readInt32() throws -> Int32 {
        guard let number = Int32(exactly: try readSigned()) else { throw CompactCoder.Damaged() }
        return number
    }

    /// What `Writer.writeList` wrote, each element read by `read`.
    func readList<Element>(_ read: () throws -> Element) throws -> [Element] {
        let count = try readCount()
        var list: [Element] = []
        list.reserveCapacity(count)
        for _ in 0 ..< count { list.append(try read()) }
        return list
    }

    /// What `Writer.writeOptional` wrote.
    func readOptional<Value: Decodable>(_ type: Value.Type) throws -> Value? {
        guard try readFlag() else { return nil }
        return try read(type)
    }

    func readFlag() throws -> Bool {
        switch try readByte() {
        case 0: false
        case 1: true
        default: throw CompactCoder.Damaged()
        }
    }

    /// Reads what `Writer.write` wrote for a value of `type` (`single`: as there).
    func read<Value: Decodable>(_ type: Value.Type, single: Bool = false) throws -> Value {
        if type == String.self { return unsafeBitCast(try readText(), to: Value.self) }
        if type == Int.self { return unsafeBitCast(Int(try readSigned()), to: Value.self) }
        if type == Bool.self { return unsafeBitCast(try readFlag(), to: Value.self) }
        if type == [UInt8].self {
            let count = try readCount()
            defer { offset += count }
            return unsafeBitCast([UInt8](UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + count])), to: Value.self)
        }
        if type == [Int32].self {
            return unsafeBitCast(try readList(readInt32), to: Value.self)
        }
        if type == SourceLocation.self { return unsafeBitCast(try readLocation(), to: Value.self) }
        if type == Located<String>.self { return unsafeBitCast(try readLocatedText(), to: Value.self) }
        if type == FrontMatter.self { return unsafeBitCast(try readFrontMatter(), to: Value.self) }
        if type == SourcePage.self { return unsafeBitCast(try readSourcePage(), to: Value.self) }
        if type == FileStamp.self { return unsafeBitCast(try readStamp(), to: Value.self) }
        if type == Dependency.self { return unsafeBitCast(try readDependency(), to: Value.self) }
        if type == [Dependency].self { return unsafeBitCast(try readList(readDependency), to: Value.self) }
        if type == [StoredDiagnostic].self { return unsafeBitCast(try readList(readDiagnostic), to: Value.self) }
        if type == Double.self { return unsafeBitCast(Double(bitPattern: try readInteger()), to: Value.self) }
        if type == Date.self { return unsafeBitCast(Date(timeIntervalSinceReferenceDate: Double(bitPattern: try readInteger())), to: Value.self) }
        if type == Float.self {
            guard let bits = UInt32(exactly: try readInteger()) else { throw CompactCoder.Damaged() }
            return unsafeBitCast(Float(bitPattern: bits), to: Value.self)
        }
        if type == Int32.self { return unsafeBitCast(try readInt32(), to: Value.self) }
        if type == Int64.self { return unsafeBitCast(try readSigned(), to: Value.self) }
        if type == UInt64.self { return unsafeBitCast(try readInteger(), to: Value.self) }
        if type == UInt32.self {
            guard let number = UInt32(exactly: try readInteger()) else { throw CompactCoder.Damaged() }
            return unsafeBitCast(number, to: Value.self)
        }
        // An optional inside a list (a property's goes through `readOptional`).
        if _isOptional(type), let optional = type as? any OptionalValue.Type {
            guard try readFlag() else { return optional.absent as! Value }
            guard let wrapped = optional.wrappedType as? any Decodable.Type else { throw CompactCoder.Damaged() }
            return optional.wrapping(try read(wrapped)) as! Value
        }
        if single, let integer = type as? any FixedWidthInteger.Type {
            let value: (any FixedWidthInteger)? = integer.isSigned ? integer.init(exactly: try readSigned())
                                                                   : integer.init(exactly: try readInteger())
            guard let value else { throw CompactCoder.Damaged() }
            return value as! Value
        }
        return try Value(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedReader(reader: self, count: try readCount()) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(reader: self) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: Reader
    var codingPath: [any CodingKey] { [] }
    /// The one key of an enum case (see `KeyedWriter.nestedContainer`): compiler-derived
    /// decoding asks for it once, before the case's values. Other field names are
    /// not stored, so a dictionary cannot be read.
    var allKeys: [Key] {
        guard let name = try? reader.readText(), let key = Key(stringValue: name) else {
            reader.offset = reader.bytes.count + 1  // damaged: every later read throws
            return []
        }
        return [key]
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { try !reader.readFlag() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.read(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try reader.readOptional(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try reader.readOptional(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try reader.readOptional(type) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try reader.readOptional(type) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try reader.readOptional(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try reader.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try reader.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { reader }
    func superDecoder(forKey key: Key) throws -> any Decoder { reader }
}

private final class UnkeyedReader: UnkeyedDecodingContainer {
    let reader: Reader
    let total: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: Reader, count: Int) {
        self.reader = reader
        total = count
    }

    private func next() throws {
        guard !isAtEnd else { throw CompactCoder.Damaged() }
        currentIndex += 1
    }

    func decodeNil() throws -> Bool {
        // Only an optional element is written with a presence byte; `read` consumes it.
        false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try reader.read(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return try reader.container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try reader.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { reader }
}

private struct SingleReader: SingleValueDecodingContainer {
    let reader: Reader
    var codingPath: [any CodingKey] { [] }

    /// Optionals are read whole by `Reader.read`, presence byte first; a single value is never nil by itself.
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.read(type, single: true) }
}

// MARK: - Dependencies

/// A `Dependency` in the bytes its compiler-derived coding gives here: the
/// case's name, then its values in order (a route as its path, a range as a
/// count of two and its bounds).
extension Writer {
    func writeDependency(_ dependency: Dependency) {
        switch dependency {
        case .config: writeText("config")
        case .template(let name): writeCase("template", name)
        case .strings(let language): writeCase("strings", language)
        case .page(let path): writeCase("page", path)
        case .card(let path): writeCase("card", path)
        case .address(let path): writeCase("address", path)
        case .embargoed(let path): writeCase("embargoed", path)
        case .listingSlice(let route, let range):
            writeCase("listingSlice", route.path)
            writeInteger(2)
            writeSigned(Int64(range.lowerBound))
            writeSigned(Int64(range.upperBound))
        case .listings(let language): writeCase("listings", language)
        case .section(let route): writeCase("section", route.path)
        case .sections(let language): writeCase("sections", language)
        case .taxonomyIndexes(let language): writeCase("taxonomyIndexes", language)
        case .navigation(let language): writeCase("navigation", language)
        case .focalPoint(let id): writeCase("focalPoint", id)
        case .focalPoints: writeText("focalPoints")
        case .link(let path): writeCase("link", path)
        case .anchors(let path): writeCase("anchors", path)
        case .sitePath(let key): writeCase("sitePath", key)
        case .knownPaths: writeText("knownPaths")
        case .nextChange: writeText("nextChange")
        case .file(let path): writeCase("file", path)
        case .searchBucket(let language, let bucket):
            writeCase("searchBucket", language)
            writeSigned(Int64(bucket))
        case .searchNumbering(let language): writeCase("searchNumbering", language)
        }
    }

    private func writeCase(_ name: String, _ text: String) {
        writeText(name)
        writeText(text)
    }
}

extension Reader {
    func readDependency() throws -> Dependency {
        switch try readText() {
        case "config": return .config
        case "template": return .template(try readText())
        case "strings": return .strings(try readText())
        case "page": return .page(try readText())
        case "card": return .card(try readText())
        case "address": return .address(try readText())
        case "embargoed": return .embargoed(try readText())
        case "listingSlice":
            let route = Route(path: try readText())
            guard try readInteger() == 2 else { throw CompactCoder.Damaged() }
            let lower = try readInt(), upper = try readInt()
            guard lower <= upper else { throw CompactCoder.Damaged() }
            return .listingSlice(route, lower ..< upper)
        case "listings": return .listings(try readText())
        case "section": return .section(Route(path: try readText()))
        case "sections": return .sections(try readText())
        case "taxonomyIndexes": return .taxonomyIndexes(try readText())
        case "navigation": return .navigation(try readText())
        case "focalPoint": return .focalPoint(try readText())
        case "focalPoints": return .focalPoints
        case "link": return .link(try readText())
        case "anchors": return .anchors(try readText())
        case "sitePath": return .sitePath(try readText())
        case "knownPaths": return .knownPaths
        case "nextChange": return .nextChange
        case "file": return .file(try readText())
        case "searchBucket":
            let language = try readText()
            return .searchBucket(language, try readInt())
        case "searchNumbering": return .searchNumbering(try readText())
        default: throw CompactCoder.Damaged()
        }
    }
}

// MARK: - Front matter

/// A page's `FrontMatter`, its fields in order: optionals after a presence
/// byte, lists after their count, enums as their raw texts, dates as their
/// fields. The stores that hold it are keyed to the executable, so this is
/// the only reader its bytes ever meet (`CompactCoderTests` sends every
/// field there and back).
extension Writer {
    func writeFrontMatter(_ matter: FrontMatter) {
        writeText(matter.title)
        writeOptional(matter.linkTitle, writeText)
        writeOptional(matter.date, writeLocatedDate)
        writeFlag(matter.dateWritten)
        writeOptional(matter.summary, writeText)
        writeList(matter.persons) { writeText($0.rawValue) }
        writeList(matter.activities) { writeText($0.rawValue) }
        writeFlag(matter.joint)
        writeOptional(matter.jointLocation, writeLocation)
        writeOptional(matter.lead) { self.writeText($0.value.rawValue); self.writeLocation($0.location) }
        writeList(matter.countries, writeLocatedText)
        writeList(matter.focalPoints, writeLocatedText)
        writeFlag(matter.draft)
        writeOptional(matter.embargo, writeLocatedDate)
        writeOptional(matter.lang, writeLocatedText)
        writeOptional(matter.translationKey, writeText)
        writeList(matter.aliases, writeLocatedText)
        writeOptional(matter.slug, writeLocatedText)
        writeOptional(matter.weight) { self.writeSigned(Int64($0)) }
        writeOptional(matter.layout, writeLocatedText)
        writeOptional(matter.image, writeText)
        writeOptional(matter.imageLocation, writeLocation)
        writeOptional(matter.imageAlt, writeText)
        writeList(matter.lintAllow) { self.writeLocatedText($0.rule); self.writeText($0.reason) }
        writeOptional(matter.titleStart, writeLocation)
        writeOptional(matter.summaryStart, writeLocation)
    }

    private func writeOptional<Value>(_ value: Value?, _ write: (Value) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(value)
    }

    private func writeLocatedDate(_ located: Located<PageDate>) {
        let date = located.value
        writeInteger(date.instant.timeIntervalSinceReferenceDate.bitPattern)
        writeSigned(Int64(date.year))
        writeSigned(Int64(date.month))
        writeSigned(Int64(date.day))
        writeFlag(date.hasTime)
        writeSigned(Int64(date.zoneOffsetMinutes))
        writeLocation(located.location)
    }
}

extension Reader {
    func readFrontMatter() throws -> FrontMatter {
        var matter = FrontMatter(title: try readText())
        matter.linkTitle = try readOptional(readText)
        matter.date = try readOptional(readLocatedDate)
        matter.dateWritten = try readFlag()
        matter.summary = try readOptional(readText)
        matter.persons = try readList { try self.readRaw(PersonsCategory.self) }
        matter.activities = try readList { try self.readRaw(Activity.self) }
        matter.joint = try readFlag()
        matter.jointLocation = try readOptional(readLocation)
        matter.lead = try readOptional { Located(try self.readRaw(Lead.self), at: try self.readLocation()) }
        matter.countries = try readList(readLocatedText)
        matter.focalPoints = try readList(readLocatedText)
        matter.draft = try readFlag()
        matter.embargo = try readOptional(readLocatedDate)
        matter.lang = try readOptional(readLocatedText)
        matter.translationKey = try readOptional(readText)
        matter.aliases = try readList(readLocatedText)
        matter.slug = try readOptional(readLocatedText)
        matter.weight = try readOptional { try self.readInt() }
        matter.layout = try readOptional(readLocatedText)
        matter.image = try readOptional(readText)
        matter.imageLocation = try readOptional(readLocation)
        matter.imageAlt = try readOptional(readText)
        matter.lintAllow = try readList { LintAllowance(rule: try self.readLocatedText(), reason: try self.readText()) }
        matter.titleStart = try readOptional(readLocation)
        matter.summaryStart = try readOptional(readLocation)
        return matter
    }

    private func readOptional<Value>(_ read: () throws -> Value) throws -> Value? {
        try readFlag() ? try read() : nil
    }

    private func readRaw<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try readText()) else { throw CompactCoder.Damaged() }
        return value
    }

    private func readLocatedDate() throws -> Located<PageDate> {
        let instant = Date(timeIntervalSinceReferenceDate: Double(bitPattern: try readInteger()))
        let year = try readInt(), month = try readInt(), day = try readInt()
        let hasTime = try readFlag()
        let date = PageDate(instant: instant, year: year, month: month, day: day, hasTime: hasTime, zoneOffsetMinutes: try readInt())
        return Located(date, at: try readLocation())
    }
}

// MARK: - Pages

/// A `SourcePage` in the bytes its compiler-derived coding gives (its fields
/// in order, the optional ones after a presence byte, its kind as its raw
/// text, its front matter as `writeFrontMatter` writes it), without a
/// container for each field: a build that keeps its sources reads every page
/// of the site back (`CompactCoderTests` holds the bytes to the derived coding's).
extension Writer {
    func writeSourcePage(_ page: SourcePage) throws {
        writeText(page.path)
        writeText(page.contentPath)
        writeText(page.kind.rawValue)
        writeOptional(page.section, writeText)
        writeText(page.language)
        writeText(page.translationKey)
        writeFrontMatter(page.frontMatter)
        if let record = page.focalPoint {
            bytes.append(1)
            try write(record)
        } else {
            bytes.append(0)
        }
        writePageBody(page.body)
        writeSigned(Int64(page.bodyFirstLine))
        writeText(page.firstParagraph)
        writeList(page.anchors, writeText)
    }

    /// A body as its derived coding gives it: the case's name, then its value's fields in order.
    func writePageBody(_ body: PageBody) {
        switch body {
        case .markdown(let markdown):
            writeText("markdown")
            writeText(markdown)
        case .prepared(let prepared):
            writeText("prepared")
            writeBytes(prepared.html)
            writeList(prepared.holes) { hole in
                writeFlag(hole.isImage)
                writeFlag(hole.isPlaced)
                writeText(hole.url)
                writeText(hole.title)
                writeText(hole.alt)
                writeText(hole.imageTail)
                writeBodyPlace(hole.place)
            }
            writeList(prepared.holeOffsets) { writeSigned(Int64($0)) }
            writeList(prepared.levelOneHeadings, writeBodyPlace)
        }
    }

    func writeBodyPlace(_ place: BodyPlace) {
        writeSigned(Int64(place.line))
        writeSigned(Int64(place.column))
    }
}

extension Reader {
    func readSourcePage() throws -> SourcePage {
        let path = try readText()
        let contentPath = try readText()
        let kind = try readRaw(PageKind.self)
        let section = try readOptional(readText)
        let language = try readText()
        let translationKey = try readText()
        let frontMatter = try readFrontMatter()
        let focalPoint = try readFlag() ? try read(FocalPointRecord.self) : nil
        let body = try readPageBody()
        let bodyFirstLine = try readInt()
        let firstParagraph = try readText()
        return SourcePage(path: path, contentPath: contentPath, kind: kind, section: section, language: language,
                          translationKey: translationKey, frontMatter: frontMatter, focalPoint: focalPoint, body: body,
                          bodyFirstLine: bodyFirstLine, firstParagraph: firstParagraph, anchors: try readList(readText))
    }

    /// What `Writer.writePageBody` wrote.
    func readPageBody() throws -> PageBody {
        switch try readText() {
        case "markdown":
            return .markdown(try readText())
        case "prepared":
            let html = try readBytes()
            let holes = try readList {
                MarkdownHole(isImage: try readFlag(), isPlaced: try readFlag(), url: try readText(), title: try readText(),
                             alt: try readText(), imageTail: try readText(), place: try readBodyPlace())
            }
            let offsets = try readList(readInt32)
            return .prepared(PreparedMarkdown(html: html, holes: holes, holeOffsets: offsets,
                                              levelOneHeadings: try readList(readBodyPlace)))
        default:
            throw CompactCoder.Damaged()
        }
    }

    func readBodyPlace() throws -> BodyPlace {
        BodyPlace(line: try readInt32(), column: try readInt32())
    }
}
