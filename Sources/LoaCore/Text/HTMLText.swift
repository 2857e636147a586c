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
  /// skipped eight bytes at a time with two has-zero-byte tests per word: `b | 0x02 == 0x3E`
  /// holds only for `<` (0x3C) and `>`, and `b | 0x04 == 0x26` only for `"` (0x22) and `&`.
  /// The test is exact about whether the word holds such a byte (only *which* byte it is can
  /// be misreported), so the byte loop then finds it within the word.
  private static func firstSpecial(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    if let base = UnsafeRawPointer(u.baseAddress) {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while i + 8 <= u.count {
        let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let angle = (w | ones &* 0x02) ^ (ones &* 0x3E)
        let quoteOrAmp = (w | ones &* 0x04) ^ (ones &* 0x26)
        let zeroes = ((angle &- ones) & ~angle) | ((quoteOrAmp &- ones) & ~quoteOrAmp)
        if zeroes & highs != 0 { break }
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
