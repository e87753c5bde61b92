import Testing
@testable import TandemPreview

/// Whether a request's `Accept-Encoding` takes gzip, as RFC 9110 reads it.
@Suite struct AcceptEncodingTests {
    @Test func gzipIsTakenWhenListedWithAWeightAboveZero() {
        for header in ["gzip", "GZIP", "gzip, deflate, br, zstd", "x-gzip", "deflate;q=1, gzip;q=0.5", " gzip ; q=0.001 ", "*", "br, *;q=0.1"] {
            #expect(AcceptEncoding.takesGzip(header), "\(header)")
        }
    }

    @Test func gzipIsNotTakenWhenMissingOrRefused() {
        for header in [nil, "", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.0", "gzip;q=0, *", "*;q=0", "gzipped"] as [String?] {
            #expect(!AcceptEncoding.takesGzip(header), "\(header ?? "no header")")
        }
    }
}
