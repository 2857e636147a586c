import CZlib

#if canImport(Glibc)
  import Glibc
#endif

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

extension Gzip {
  /// Bytes read and written per step of ``compress(file:to:level:)``.
  package static let chunkSize = 1 << 18

  /// Compresses the file open as `input` (from its start to its end) into `output`, a chunk at
  /// a time, so a feed written to its staged file is never held whole (issue 16). zlib gives
  /// the same bytes as ``compress(_:level:)`` on the whole file: its output does not depend on
  /// how the input is split.
  ///
  /// - Throws: ``GzipError`` naming the zlib call, or ``SystemCallError`` for `pread`/`write`.
  package static func compress(file input: Int32, to output: Int32, level: Int32) throws {
    var stream = z_stream()
    let rc = czlib_deflate_init_gzip(&stream, level)
    guard rc == Z_OK else { throw GzipError(function: "deflateInit2", code: rc) }
    defer { deflateEnd(&stream) }
    let inBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    let outBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer {
      inBuffer.deallocate()
      outBuffer.deallocate()
    }
    guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
    var offset = 0
    while true {
      let n = try retryingSyscall("pread") { pread(input, inBase, chunkSize, off_t(offset)) }
      offset += n
      let flush = n == 0 ? Z_FINISH : Z_NO_FLUSH
      stream.next_in = inBase.assumingMemoryBound(to: UInt8.self)
      stream.avail_in = UInt32(n)
      // "deflate() ... until it has no more room in the output buffer": run it until it
      // leaves room, writing what each call produced.
      repeat {
        stream.next_out = outBase.assumingMemoryBound(to: UInt8.self)
        stream.avail_out = UInt32(chunkSize)
        let r = deflate(&stream, flush)
        guard r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR else {
          throw GzipError(function: "deflate", code: r)
        }
        let produced = chunkSize - Int(stream.avail_out)
        if produced > 0 {
          let out = UnsafeRawBufferPointer(rebasing: outBuffer[0..<produced])
          try OutputDirectory.writeAll(output, out)
        }
        if r == Z_STREAM_END { return }
      } while stream.avail_out == 0
    }
  }
}
