/// A fixed map from element names to values, looked up without hashing a `String`
/// (`Dictionary<String, …>` runs SipHash over the name: about 250 instructions a look-up,
/// four look-ups for every element the sanitizer walks; issue 16).
///
/// A name of 1 to 15 bytes is packed with its length into two words and found by open
/// addressing with a multiplicative hash; any other name (longer, or empty) in a plain
/// dictionary. It answers exactly what the dictionary it is built from answers
/// (HTMLSanitizerNameTableTests).
struct NameTable<Value: Sendable>: Sendable {
  private struct Key: Equatable, Sendable {
    var low: UInt64
    var high: UInt64
  }

  private var keys: [Key]
  private var values: [Value?]
  private let shift: UInt64
  private let mask: Int
  private var others: [String: Value] = [:]

  init(_ map: [String: Value]) {
    var size = 16
    while size < map.count * 4 { size *= 2 }
    keys = Array(repeating: Key(low: 0, high: 0), count: size)
    values = Array(repeating: nil, count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
    for (name, value) in map {
      var name = name
      let key = name.withUTF8 { Self.key($0) }
      guard let key else {
        others[name] = value
        continue
      }
      var slot = slot(key)
      while keys[slot] != Key(low: 0, high: 0) { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = value
    }
  }

  /// The bytes and the length in two words (never both 0), or nil for a name of 0 or more
  /// than 15 bytes.
  @inline(__always)
  private static func key(_ b: UnsafeBufferPointer<UInt8>) -> Key? {
    guard b.count > 0 && b.count <= 15 else { return nil }
    var low: UInt64 = 0
    var high = UInt64(b.count) << 56
    for k in 0..<b.count {
      if k < 8 { low |= UInt64(b[k]) << (8 * k) } else { high |= UInt64(b[k]) << (8 * (k - 8)) }
    }
    return Key(low: low, high: high)
  }

  @inline(__always)
  private func slot(_ key: Key) -> Int {
    Int(truncatingIfNeeded: ((key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)) >> shift)
  }

  subscript(_ name: String) -> Value? {
    var name = name
    return name.withUTF8 { self[utf8: $0] }
  }

  /// The value for the name whose UTF-8 is `b` (a name straight from a libxml2 node).
  subscript(utf8 b: UnsafeBufferPointer<UInt8>) -> Value? {
    guard let key = Self.key(b) else { return others.isEmpty ? nil : others[String(decoding: b, as: UTF8.self)] }
    var slot = slot(key)
    while true {
      let k = keys[slot]
      if k == key { return values[slot] }
      if k == Key(low: 0, high: 0) { return nil }
      slot = (slot + 1) & mask
    }
  }
}
