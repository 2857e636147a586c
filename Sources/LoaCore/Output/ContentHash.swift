/// A 128-bit hash of a file's bytes, fed in pieces as the file is produced, as 32 hex digits:
/// two independent 64-bit multiply–xor lanes over 8-byte little-endian words, the length
/// mixed in at the end (not cryptographic; the bytes are loa's own output, so nobody chooses
/// them to collide). The same bytes give the same hash however they are split.
package struct ContentHash {
  private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  /// Bytes of an unfinished word (little-endian), and how many.
  private var partial: UInt64 = 0
  private var partialCount = 0
  private var count = 0

  package init() {}

  /// The hash of `bytes` at once.
  package static func of(_ bytes: [UInt8]) -> String {
    var h = ContentHash()
    bytes.withUnsafeBytes { h.add($0) }
    return h.hex
  }

  @inline(__always)
  private mutating func mix(_ w: UInt64) {
    a = (a ^ w) &* 0xFF51_AFD7_ED55_8CCD
    a ^= a >> 29
    b = (b &+ w) &* 0xC4CE_B9FE_1A85_EC53
    b ^= b >> 31
  }

  /// Adds the next bytes of the file.
  package mutating func add(_ raw: UnsafeRawBufferPointer) {
    count += raw.count
    var i = 0
    // Complete a word begun by the previous piece.
    while partialCount > 0 && partialCount < 8 && i < raw.count {
      partial |= UInt64(raw[i]) << (8 * UInt64(partialCount))
      partialCount += 1
      i += 1
    }
    if partialCount == 8 {
      mix(partial)
      partial = 0
      partialCount = 0
    }
    // Whole words with the lanes in locals and no bounds checks: the hash runs over every
    // byte a run writes (44 MB for W2).
    if let base = raw.baseAddress, i + 8 <= raw.count {
      var a = self.a
      var b = self.b
      let words = (raw.count - i) / 8
      var p = base + i
      for _ in 0..<words {
        let w = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        a = (a ^ w) &* 0xFF51_AFD7_ED55_8CCD
        a ^= a >> 29
        b = (b &+ w) &* 0xC4CE_B9FE_1A85_EC53
        b ^= b >> 31
        p += 8
      }
      self.a = a
      self.b = b
      i += words * 8
    }
    while i < raw.count {
      partial |= UInt64(raw[i]) << (8 * UInt64(partialCount))
      partialCount += 1
      i += 1
    }
  }

  /// The hash of everything added, as 32 hex digits.
  package var hex: String {
    var a = (self.a ^ partial ^ UInt64(partialCount) << 56) &* 0xFF51_AFD7_ED55_8CCD
    var b = (self.b &+ partial &+ UInt64(count)) &* 0xC4CE_B9FE_1A85_EC53
    a ^= UInt64(count)
    a = (a ^ (a >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    b ^= b >> 33
    a ^= a >> 33
    return Self.hex(a) + Self.hex(b)
  }

  private static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
