/// Whitespace helpers that work on Unicode scalars, never on Foundation's NSString bridge
/// (see ../shared/notes/performance.md §6.3).
enum Whitespace {
  /// Whether the scalar counts as white space for collapsing: ASCII space and controls,
  /// NBSP, the Unicode space separators, line and paragraph separators.
  @inline(__always)
  static func isSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x9, 0xA, 0xB, 0xC, 0xD, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
      0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  /// Collapses every run of white space to one ASCII space and trims both ends.
  static func collapsed(_ s: String) -> String {
    // Fast path: only single ASCII spaces inside, none at the ends.
    var clean = true
    var previousSpace = true
    for b in s.utf8 {
      if b == 0x20 {
        if previousSpace { clean = false; break }
        previousSpace = true
      } else if b < 0x20 || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 {
        clean = false
        break
      } else {
        previousSpace = false
      }
    }
    if clean && !previousSpace { return s }
    if clean && s.isEmpty { return s }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for u in s.unicodeScalars {
      if isSpace(u.value) {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(u)
      }
    }
    return String(out)
  }

  /// Trims white space from both ends.
  static func trimmed(_ s: Substring) -> Substring {
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
