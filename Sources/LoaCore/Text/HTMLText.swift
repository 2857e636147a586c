/// Escaping plain text for HTML.
package enum HTMLText {
  /// `text` with `& < > "` escaped, for HTML element content or a quoted attribute; `text`
  /// itself, not a copy, when it has none of them (nearly always: the RSS serializer escapes
  /// every summary, and 0 of the 10,000 in the benchmark corpus needed it).
  package static func escaped(_ text: String) -> String {
    var text = text
    let escaped: String? = text.withUTF8 { u in
      guard var special = firstSpecial(u, from: 0) else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(u.count + 16)
      var runStart = 0
      while true {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<special]))
        switch u[special] {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        default: out.append(contentsOf: "&quot;".utf8)
        }
        runStart = special + 1
        guard let next = firstSpecial(u, from: runStart) else { break }
        special = next
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart...]))
      // Only ASCII bytes were replaced, so `out` is as valid UTF-8 as `text`.
      return String(decoding: out, as: UTF8.self)
    }
    return escaped ?? text
  }

  /// The offset of the first `&`, `<`, `>` or `"` in `u` at or after `start`. Clean runs are
  /// skipped eight bytes at a time: the has-zero-byte test on the word XORed with each
  /// character is exact about whether the word holds one (only *which* byte it is can be
  /// misreported, so the byte loop finds it within the word).
  private static func firstSpecial(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    if let base = UnsafeRawPointer(u.baseAddress) {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      @inline(__always) func has(_ w: UInt64, _ c: UInt8) -> Bool {
        let x = w ^ (ones &* UInt64(c))
        return (x &- ones) & ~x & highs != 0
      }
      while i + 8 <= u.count {
        let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if has(w, 0x26) || has(w, 0x3C) || has(w, 0x3E) || has(w, 0x22) { break }
        i += 8
      }
    }
    while i < u.count {
      let b = u[i]
      if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 { return i }
      i += 1
    }
    return nil
  }

  /// Plain text as one HTML paragraph.
  package static func paragraph(_ text: String) -> String { "<p>" + escaped(text) + "</p>" }
}
