/// A 128-bit hash of a file's bytes, fed in pieces as the file is produced, as 32 hex digits:
/// four independent 64-bit multiply–xor lanes, each taking one 8-byte little-endian word of
/// every 32-byte block (so the four multiplications of a block run side by side), the rest and
/// the length mixed in at the end (not cryptographic; the bytes are loa's own output, so nobody
/// chooses them to collide). The same bytes give the same hash however they are split.
///
/// Every byte a run publishes goes through it (32 MB in a warm W3, 44 MB in W2). Two lanes
/// over every word cost twice the multiplications in one dependency chain each: 41 M
/// instructions of a warm W3 (issue 16).
package struct ContentHash {
  private var s0: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var s1: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private var s2: UInt64 = 0x1656_67B1_9E37_79F9
  private var s3: UInt64 = 0x85EB_CA77_C2B2_AE63
  /// The bytes of an unfinished block, and how many.
  private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var pendingCount = 0
  private var count = 0

  private static let k0: UInt64 = 0xFF51_AFD7_ED55_8CCD
  private static let k1: UInt64 = 0xC4CE_B9FE_1A85_EC53

  package init() {}

  /// The hash of `bytes` at once.
  package static func of(_ bytes: [UInt8]) -> String {
    var h = ContentHash()
    bytes.withUnsafeBytes { h.add($0) }
    return h.hex
  }

  @inline(__always)
  private static func mix(_ s: UInt64, _ w: UInt64, _ k: UInt64) -> UInt64 {
    let m = (s ^ w) &* k
    return m ^ (m >> 29)
  }

  @inline(__always)
  private static func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 { v << n | v >> (64 - n) }

  /// Adds the next bytes of the file.
  package mutating func add(_ raw: UnsafeRawBufferPointer) {
    guard let base = raw.baseAddress, raw.count > 0 else { return }
    count += raw.count
    var i = 0
    // Complete a block begun by the previous piece.
    if pendingCount > 0 {
      let take = min(32 - pendingCount, raw.count)
      withUnsafeMutableBytes(of: &pending) { p in
        p.baseAddress!.advanced(by: pendingCount).copyMemory(from: base, byteCount: take)
      }
      pendingCount += take
      i = take
      guard pendingCount == 32 else { return }
      let (w0, w1, w2, w3) = pending
      s0 = Self.mix(s0, UInt64(littleEndian: w0), Self.k0)
      s1 = Self.mix(s1, UInt64(littleEndian: w1), Self.k1)
      s2 = Self.mix(s2, UInt64(littleEndian: w2), Self.k0)
      s3 = Self.mix(s3, UInt64(littleEndian: w3), Self.k1)
      pending = (0, 0, 0, 0)
      pendingCount = 0
    }
    // Whole blocks with the lanes in locals.
    var s0 = self.s0
    var s1 = self.s1
    var s2 = self.s2
    var s3 = self.s3
    while i + 32 <= raw.count {
      s0 = Self.mix(s0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), Self.k0)
      s1 = Self.mix(s1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)), Self.k1)
      s2 = Self.mix(s2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)), Self.k0)
      s3 = Self.mix(s3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)), Self.k1)
      i += 32
    }
    self.s0 = s0
    self.s1 = s1
    self.s2 = s2
    self.s3 = s3
    if i < raw.count {
      let rest = raw.count - i
      withUnsafeMutableBytes(of: &pending) { p in
        p.baseAddress!.copyMemory(from: base + i, byteCount: rest)
      }
      pendingCount = rest
    }
  }

  /// The hash of everything added, as 32 hex digits.
  package var hex: String {
    // The unfinished block: its words to the lanes in turn, the last zero-padded (the length,
    // mixed in below, tells the padding from zero bytes).
    var s0 = self.s0
    var s1 = self.s1
    var s2 = self.s2
    var s3 = self.s3
    let (w0, w1, w2, w3) = pending
    if pendingCount > 0 { s0 = Self.mix(s0, UInt64(littleEndian: w0), Self.k0) }
    if pendingCount > 8 { s1 = Self.mix(s1, UInt64(littleEndian: w1), Self.k1) }
    if pendingCount > 16 { s2 = Self.mix(s2, UInt64(littleEndian: w2), Self.k0) }
    if pendingCount > 24 { s3 = Self.mix(s3, UInt64(littleEndian: w3), Self.k1) }
    let n = UInt64(count)
    var a = (s0 &* Self.k1) ^ Self.rotl(s1 &* Self.k0, 23) ^ Self.rotl(s2 &* Self.k1, 41) ^ s3 ^ n
    var b = (s3 &* Self.k0) ^ Self.rotl(s2 &* Self.k1, 19) ^ Self.rotl(s1 &* Self.k0, 37) ^ s0 &+ n
    a = Self.mix(a, a >> 33, Self.k0)
    a ^= a >> 33
    b = Self.mix(b, b >> 31, Self.k1)
    b ^= b >> 33
    return Self.hex(a) + Self.hex(b)
  }

  private static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
