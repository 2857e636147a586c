import CZlib

/// A zlib failure while compressing.
package struct GzipError: Error, Sendable, CustomStringConvertible {
  package let function: String
  package let code: Int32
  package var description: String { "zlib \(function) failed (\(code))" }
}

/// gzip (RFC 1952) through zlib, for the precompressed `.gz` siblings nginx's `gzip_static`
/// serves. The output is deterministic: zlib writes a header with no file name and a zero
/// modification time, so the same bytes compress to the same bytes.
package enum Gzip {
  /// Compresses `bytes` at `level` (1 fastest … 9 smallest).
  ///
  /// - Throws: ``GzipError`` naming the zlib call.
  package static func compress(_ bytes: [UInt8], level: Int32) throws -> [UInt8] {
    var stream = z_stream()
    let rc = czlib_deflate_init_gzip(&stream, level)
    guard rc == Z_OK else { throw GzipError(function: "deflateInit2", code: rc) }
    defer { deflateEnd(&stream) }
    // "deflateBound() returns an upper bound on the compressed size after deflation of
    // sourceLen bytes." It assumes a zlib wrapper; gzip's is 12 bytes longer.
    let bound = Int(deflateBound(&stream, UInt(bytes.count))) + 32
    var out = [UInt8](repeating: 0, count: bound)
    let produced: Int = try bytes.withUnsafeBufferPointer { input in
      try out.withUnsafeMutableBufferPointer { output in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        stream.next_out = output.baseAddress
        stream.avail_out = UInt32(output.count)
        let r = deflate(&stream, Z_FINISH)
        guard r == Z_STREAM_END else { throw GzipError(function: "deflate", code: r) }
        return output.count - Int(stream.avail_out)
      }
    }
    out.removeSubrange(produced...)
    return out
  }
}
