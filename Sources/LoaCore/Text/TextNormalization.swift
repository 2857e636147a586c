import FoundationEssentials

/// Whitespace helpers that work on Unicode scalars, never on Foundation's NSString bridge
/// (see ../shared/notes/performance.md §6.3).
package enum Whitespace {
  /// Whether the scalar counts as white space for collapsing: ASCII space and controls,
  /// NBSP, the Unicode space separators, line and paragraph separators.
  @inline(__always)
  package static func isSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x9, 0xA, 0xB, 0xC, 0xD, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
      0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  /// The length in bytes of the white-space scalar (``isSpace(_:)``) that starts at `i`, or 0.
  @inline(__always)
  static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let c = b[i]
    if c < 0x80 { return c == 0x20 || (c >= 0x9 && c <= 0xD) ? 1 : 0 }
    guard i + 1 < b.count else { return 0 }
    let d = b[i + 1]
    switch c {
    case 0xC2: return d == 0x85 || d == 0xA0 ? 2 : 0
    case 0xE1: return d == 0x9A && i + 2 < b.count && b[i + 2] == 0x80 ? 3 : 0  // U+1680
    case 0xE2:
      guard i + 2 < b.count else { return 0 }
      let e = b[i + 2]
      if d == 0x80 { return (e >= 0x80 && e <= 0x8A) || e == 0xA8 || e == 0xA9 || e == 0xAF ? 3 : 0 }
      return d == 0x81 && e == 0x9F ? 3 : 0  // U+205F
    case 0xE3: return d == 0x80 && i + 2 < b.count && b[i + 2] == 0x80 ? 3 : 0  // U+3000
    default: return 0
    }
  }

  /// Collapses every run of white space to one ASCII space and trims both ends. Works on the
  /// UTF-8 bytes: Vietnamese text (`E1 BA …`) is scanned once and returned as it is when
  /// nothing needs collapsing.
  package static func collapsed(_ s: String) -> String {
    var s = s
    let changed: [UInt8]? = s.withUTF8 { b in
      // Fast path: only single ASCII spaces inside, none at the ends.
      var i = 0
      var previousSpace = true
      var clean = true
      while i < b.count {
        let n = spaceLength(b, i)
        if n == 0 {
          previousSpace = false
          i += 1
        } else if n == 1 && b[i] == 0x20 && !previousSpace {
          previousSpace = true
          i += 1
        } else {
          clean = false
          break
        }
      }
      if clean && (!previousSpace || b.isEmpty) { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(b.count)
      var pendingSpace = false
      i = 0
      while i < b.count {
        let n = spaceLength(b, i)
        if n > 0 {
          pendingSpace = !out.isEmpty
          i += n
        } else {
          if pendingSpace { out.append(0x20) }
          pendingSpace = false
          out.append(b[i])
          i += 1
        }
      }
      return out
    }
    guard let changed else { return s }
    return String(decoding: changed, as: UTF8.self)
  }

  /// Trims white space from both ends.
  package static func trimmed(_ s: Substring) -> Substring {
    var start = s.unicodeScalars.startIndex
    var end = s.unicodeScalars.endIndex
    while start < end, isSpace(s.unicodeScalars[start].value) {
      start = s.unicodeScalars.index(after: start)
    }
    while end > start, isSpace(s.unicodeScalars[s.unicodeScalars.index(before: end)].value) {
      end = s.unicodeScalars.index(before: end)
    }
    return Substring(s.unicodeScalars[start..<end])
  }
}

extension Unicode {
  /// Whether `s` is in NFC. The standard library's quick check answers from the bytes and
  /// rejects at the first combining mark; "maybe" counts as no.
  package static func isNFC(_ s: String) -> Bool {
    var span = s.utf8Span
    return span.checkForNFC(quickCheck: true)
  }

  /// NFC of `s`, normalizing only when the quick check fails (Foundation's normalization costs
  /// about 230 µs per article; notes/performance.md §3.4).
  package static func nfc(_ s: String) -> String {
    isNFC(s) ? s : s.canonicallyComposed
  }
}
