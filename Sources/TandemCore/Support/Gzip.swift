import CZlib
import Foundation

/// gzip (RFC 1952) through zlib, in memory: how the preview keeps the files
/// it serves and the Markdown it remembers (text takes a fraction of its
/// size compressed), and what browsers take as `Content-Encoding: gzip`.
public enum Gzip {
    /// zlib's fastest level: a site's pages are compressed as they are made,
    /// on the render stage's threads, where every millisecond is a rebuild's.
    public static let level: Int32 = 1

    /// `data` as one gzip member. The header carries no time or name, so the
    /// same bytes always compress to the same bytes.
    public static func compress(_ data: Data) -> Data {
        var stream = z_stream()
        // Window bits 15 + 16: deflate with a gzip header and trailer.
        let started = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                    zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(started == Z_OK, "zlib could not start deflate (\(started))")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var buffer = [UInt8](repeating: 0, count: bound)
        let written = data.withUnsafeBytes { input -> Int in
            buffer.withUnsafeMutableBufferPointer { output -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate did not finish within its bound (\(result))")
                return Int(stream.total_out)
            }
        }
        // A copy of exactly the compressed size: the bound's slack is not kept.
        return Data(buffer[..<written])
    }

    /// The bytes `gzip` holds, or nil if it is not whole, valid gzip.
    public static func decompress(_ gzip: Data) -> Data? {
        guard gzip.count >= 18 else { return nil }
        // The trailer's last four bytes: the size uncompressed, modulo 2^32.
        let tail = gzip.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var result = Data()
        // Deflate shrinks at most about 1032 times: a larger claim is not believed.
        result.reserveCapacity(min(tail, gzip.count * 1032))
        var chunk = [UInt8](repeating: 0, count: min(max(tail, 1), 1 << 20))
        let finished = gzip.withUnsafeBytes { input -> Bool in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { output -> Int32 in
                    stream.next_out = output.baseAddress
                    stream.avail_out = uInt(output.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                result.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END { return stream.avail_in == 0 }
                guard status == Z_OK else { return false }
            }
        }
        return finished ? result : nil
    }
}
