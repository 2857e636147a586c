import Foundation

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
    guard let changed = s.withUTF8({ collapsed(utf8: $0) }) else { return s }
    return String(decoding: changed, as: UTF8.self)
  }

  /// ``collapsed(_:)`` of UTF-8 bytes, or nil when they need no change.
  package static func collapsed(utf8 b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
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
    // Written in place: the result is never longer than the input.
    return [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
      var n = 0
      var pendingSpace = false
      i = 0
      while i < b.count {
        let c = b[i]
        // Most bytes start no white space: ASCII above the space, continuation bytes, and
        // lead bytes other than C2, E1, E2, E3.
        if (c > 0x20 && c < 0xC2) || c > 0xE3 || (c > 0xC2 && c < 0xE1) {
          if pendingSpace {
            out[n] = 0x20
            n += 1
            pendingSpace = false
          }
          out[n] = c
          n += 1
          i += 1
          continue
        }
        let length = spaceLength(b, i)
        if length > 0 {
          pendingSpace = n > 0
          i += length
          continue
        }
        if pendingSpace {
          out[n] = 0x20
          n += 1
          pendingSpace = false
        }
        out[n] = b[i]
        n += 1
        i += 1
      }
      count = n
    }
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
    var copy = s
    if copy.withUTF8({ hasStartersOnly($0) }) { return true }
    var span = s.utf8Span
    return span.checkForNFC(quickCheck: true)
  }

  /// Whether `utf8` holds only characters that are NFC whatever stands around them (canonical
  /// combining class 0, NFC quick check Yes, and none composes with what precedes it): ASCII,
  /// U+0080–U+02FF, U+1E00–U+1EFF (Vietnamese letters with their marks) and U+2002–U+207F
  /// (dashes, quotes, the ellipsis). A byte scan, several times faster than the standard
  /// library's quick check, which looks every character up; anything else is left to it.
  /// The ranges are checked character by character against it in TextTests.
  package static func hasStartersOnly(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = utf8.count
    while i < n {
      let lead = utf8[i]
      if lead < 0x80 {
        i += 1
      } else if lead < 0xCC {
        // C2 80 … CB BF: U+0080–U+02FF (the string is valid UTF-8).
        i += 2
      } else if i + 2 < n, lead == 0xE1, utf8[i + 1] >= 0xB8, utf8[i + 1] <= 0xBB {
        i += 3
      } else if i + 2 < n, lead == 0xE2,
        (utf8[i + 1] == 0x80 && utf8[i + 2] >= 0x82) || utf8[i + 1] == 0x81
      {
        i += 3
      } else {
        return false
      }
    }
    return true
  }

  /// NFC of `s`, normalizing only when the quick check fails (Foundation's normalization costs
  /// about 230 µs per article; notes/performance.md §3.4).
  package static func nfc(_ s: String) -> String {
    isNFC(s) ? s : NFCSegments.shared.normalized(s)
  }
}

/// NFC by pieces, each normalized once per process: Foundation's normalization costs about
/// 800 instructions per byte of decomposed Vietnamese (a quarter of cleaning an article
/// stored NFD), and an article repeats the same few hundred syllables.
///
/// The text is cut before every ASCII character: ASCII characters are starters that nothing
/// composes with, so NFC(x + y) = NFC(x) + NFC(y) when y begins with one (UAX #15's
/// normalization boundaries), and a piece is an ASCII letter and the non-ASCII characters that
/// follow it (`e` U+0302 U+0323 is `ệ`). Pieces of at most 16 bytes are looked up in a table
/// filled from Foundation (`precomposedStringWithCanonicalMapping`); longer ones go to
/// Foundation each time. Compared with Foundation on whole strings in TextTests.
package final class NFCSegments: @unchecked Sendable {
  package static let shared = NFCSegments()

  /// A piece of at most 16 bytes, packed.
  struct Key: Hashable {
    var low: UInt64
    var high: UInt64
    var count: Int
  }

  private let lock = Mutex()
  private var table: [Key: [UInt8]] = [:]
  /// Entries at most: a bound on memory whatever the text (CJK has tens of thousands).
  static let capacity = 65_536

  /// NFC of `s`.
  package func normalized(_ s: String) -> String {
    var copy = s
    let bytes: [UInt8] = copy.withUTF8 { b in
      var out: [UInt8] = []
      out.reserveCapacity(b.count)
      lock.withLock {
        var start = 0
        while start < b.count {
          // ASCII not followed by a non-ASCII character: copied as it is, a run at once.
          var ascii = start
          while ascii + 1 < b.count && b[ascii] < 0x80 && b[ascii + 1] < 0x80 { ascii += 1 }
          if ascii == b.count - 1 && b[ascii] < 0x80 { ascii = b.count }
          if ascii > start {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<ascii]))
            start = ascii
            if start == b.count { break }
          }
          // A piece: one character and the non-ASCII ones after it.
          var end = start + 1
          while end < b.count && b[end] >= 0x80 { end += 1 }
          append(UnsafeBufferPointer(rebasing: b[start..<end]), to: &out)
          start = end
        }
      }
      return out
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private func append(_ piece: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    guard piece.count <= 16 else {
      out.append(contentsOf: Self.foundationNFC(piece))
      return
    }
    var key = Key(low: 0, high: 0, count: piece.count)
    for (i, b) in piece.enumerated() {
      if i < 8 {
        key.low |= UInt64(b) << (8 * UInt64(i))
      } else {
        key.high |= UInt64(b) << (8 * UInt64(i - 8))
      }
    }
    if let known = table[key] {
      out.append(contentsOf: known)
      return
    }
    let composed = Self.foundationNFC(piece)
    if table.count < Self.capacity { table[key] = composed }
    out.append(contentsOf: composed)
  }

  private static func foundationNFC(_ piece: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    Array(String(decoding: piece, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
  }
}
