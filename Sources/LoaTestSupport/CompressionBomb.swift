import CZlib
import Foundation

/// Compressed answers that decode to far more than they weigh, for tests of code that must
/// never decode what it did not ask for (issue 12).
///
/// gzip and deflate are built here with zlib; zstd and br come from fixture files made once
/// with the Debian `zstd` and `brotli` tools (`Tests/LoaKitTests/Fixtures/weather/README.md`),
/// so no test needs those tools.
public enum CompressionBomb {
  /// The `Content-Encoding` names HTTP uses (RFC 9110 §8.4.1, RFC 7932, RFC 8878).
  public enum Encoding: String, Sendable, CaseIterable, CustomStringConvertible {
    case gzip, deflate, br, zstd
    public var description: String { rawValue }
  }

  /// How much every bomb from ``body(_:)`` decodes to: gzip and deflate 512 MiB (so that
  /// they stay under a 1 MiB cap, about 0.5 MB each), br and zstd 2 GiB.
  public static func decodedBytes(_ encoding: Encoding) -> Int {
    encoding == .gzip || encoding == .deflate ? 512 << 20 : 2 << 30
  }

  /// The compressed body for `encoding` (see ``decodedBytes(_:)``), built or read once per
  /// process.
  public static func body(_ encoding: Encoding) -> [UInt8] {
    cache.withLock { bodies in
      if let b = bodies[encoding] { return b }
      let b: [UInt8]
      switch encoding {
      case .gzip, .deflate: b = zlib(encoding, decodedBytes: decodedBytes(encoding))
      case .br, .zstd:
        let path = PackagePaths.path(
          "Tests/LoaKitTests/Fixtures/weather/bomb-2GiB.json." + (encoding == .br ? "br" : "zst"))
        b = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
      }
      bodies[encoding] = b
      return b
    }
  }

  private static let cache = LockedBodies()

  /// zeros compressed by zlib at level 9: gzip (RFC 1952) or, for `deflate`, the zlib wrapper
  /// (RFC 1950), which is what HTTP's `deflate` means. About 1 KB per decoded MiB.
  ///
  /// - Parameter decodedBytes: a multiple of 1 MiB.
  public static func zlib(_ encoding: Encoding, decodedBytes: Int) -> [UInt8] {
    precondition(encoding == .gzip || encoding == .deflate, "zlib makes gzip and deflate only")
    var stream = z_stream()
    let rc =
      encoding == .gzip
      ? czlib_deflate_init_gzip(&stream, 9) : czlib_deflate_init_zlib(&stream, 9)
    precondition(rc == Z_OK, "deflateInit2 failed (\(rc))")
    defer { deflateEnd(&stream) }
    let zeros = [UInt8](repeating: 0, count: 1 << 20)
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let pieces = max(1, decodedBytes >> 20)
    for piece in 0..<pieces {
      let flush = piece == pieces - 1 ? Z_FINISH : Z_NO_FLUSH
      zeros.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        repeat {
          let produced = buffer.withUnsafeMutableBufferPointer { output -> Int in
            stream.next_out = output.baseAddress
            stream.avail_out = UInt32(output.count)
            let r = deflate(&stream, flush)
            precondition(r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR, "deflate (\(r))")
            return output.count - Int(stream.avail_out)
          }
          out += buffer[0..<produced]
        } while stream.avail_out == 0 || stream.avail_in > 0
      }
    }
    return out
  }
}

/// The bombs built so far, behind a lock (parallel tests ask at once).
private final class LockedBodies: @unchecked Sendable {
  private let lock = NSLock()
  private var bodies: [CompressionBomb.Encoding: [UInt8]] = [:]

  func withLock<T>(_ body: (inout [CompressionBomb.Encoding: [UInt8]]) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&bodies)
  }
}
