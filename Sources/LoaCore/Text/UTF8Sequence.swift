/// The well-formed UTF-8 byte sequences of Unicode's table 3-7 (RFC 3629 §4: no overlongs,
/// no surrogates, nothing past U+10FFFF), for the byte scanners that check UTF-8 themselves
/// (``JSONReader``).
package enum UTF8Sequence {
  /// Bytes end inside the sequence: ``length(in:at:)``'s answer for a truncated one.
  package static let truncated = -1

  /// What starts at `k` (a byte of 0x80 or more): the length of a well-formed sequence
  /// (2 to 4), 0 when the bytes there are not one, or ``truncated`` when the lead byte asks
  /// for more bytes than are left.
  package static func length(in bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Int {
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch bytes[k] {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return 0
    }
    guard k + length <= bytes.count else { return truncated }
    let second = bytes[k + 1]
    guard second >= low && second <= high else { return 0 }
    var j = k + 2
    while j < k + length {
      guard bytes[j] & 0xC0 == 0x80 else { return 0 }
      j += 1
    }
    return length
  }
}
