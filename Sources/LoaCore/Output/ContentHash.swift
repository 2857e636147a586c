/// A 128-bit hash of a file's bytes, fed in pieces as the file is produced, as 32 hex digits:
/// two 64-bit lanes, each folding 16 bytes of every 32-byte block into its state with one
/// 64×64→128-bit multiplication (the high and low halves xor-ed: wyhash's "mum"), the rest and
/// the length mixed in at the end. Not cryptographic: the bytes are loa's own output, so nobody
/// chooses them to collide. The same bytes give the same hash however they are split.
///
/// Every byte a run publishes goes through it (32 MB in a warm W3, 44 MB in W2): two 64-bit
/// multiply–xor chains over every word cost 41 M instructions of a warm W3, four lanes of one
/// word each 34 M, this about half of that (issue 16).
///
/// A lane's multiplication loses its state only when one factor is zero. The second factor is
/// a word xor-ed with a constant whose every byte is 0xF8 or above, which never occurs in UTF-8,
/// so for loa's output (UTF-8 text) it is never zero; the first is zero by chance, 2^-64.
package struct ContentHash {
  private var s0: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var s1: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  /// The bytes of an unfinished block, and how many.
  private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var pendingCount = 0
  private var count = 0

  /// Bytes 0xF8–0xFF only (see above).
  private static let k1: UInt64 = 0xFBF9_FEFA_FCFF_F8FD
  private static let k3: UInt64 = 0xFEFA_F9FD_FFF8_FBFC

  package init() {}

  /// The hash of `bytes` at once.
  package static func of(_ bytes: [UInt8]) -> String {
    var h = ContentHash()
    bytes.withUnsafeBytes { h.add($0) }
    return h.hex
  }

  @inline(__always)
  private static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    return high ^ low
  }

  @inline(__always)
  private static func block(
    _ s0: inout UInt64, _ s1: inout UInt64, _ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64
  ) {
    s0 = mum(w0 ^ s0, w1 ^ k1)
    s1 = mum(w2 ^ s1, w3 ^ k3)
  }

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
      Self.block(
        &s0, &s1, UInt64(littleEndian: w0), UInt64(littleEndian: w1), UInt64(littleEndian: w2),
        UInt64(littleEndian: w3))
      pending = (0, 0, 0, 0)
      pendingCount = 0
    }
    // Whole blocks with the lanes in locals.
    var s0 = self.s0
    var s1 = self.s1
    while i + 32 <= raw.count {
      Self.block(
        &s0, &s1,
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)),
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)),
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)),
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
      i += 32
    }
    self.s0 = s0
    self.s1 = s1
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
    // The unfinished block, zero-padded (the length, mixed in below, tells the padding from
    // zero bytes), as one more block.
    var s0 = self.s0
    var s1 = self.s1
    if pendingCount > 0 {
      let (w0, w1, w2, w3) = pending
      Self.block(
        &s0, &s1, UInt64(littleEndian: w0), UInt64(littleEndian: w1), UInt64(littleEndian: w2),
        UInt64(littleEndian: w3))
    }
    let n = UInt64(count)
    let a = Self.mum(s0 ^ n ^ 0xA076_1D64_78BD_642F, s1 ^ 0xE703_7ED1_A0B4_28DB)
    let b = Self.mum(s1 ^ n ^ 0x8EBC_6AF0_9C88_C6E3, a ^ 0x5899_65CC_7537_4CC3)
    return Self.hex(a) + Self.hex(b)
  }

  private static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
