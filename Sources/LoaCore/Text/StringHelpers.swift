/// loa's own replacements for the few string operations it used to take from corelibs
/// `Foundation` (`trimmingCharacters(in:)`, `range(of:options: .backwards)`,
/// `addingPercentEncoding`/`removingPercentEncoding`; NFC is `Unicode.composed`).
/// The shipped targets import only `FoundationEssentials`: corelibs `Foundation` links
/// CoreFoundation and 37 MB of ICU data into the static binary (Benchmarks/analysis.md,
/// "Binary size and the no-op"). Forward searches and replacements use the standard library's
/// `firstRange(of:)`, `contains(_:)` and `replacing(_:with:)`.

/// The scalars of Foundation's `CharacterSet.whitespaces`: CHARACTER TABULATION, the Unicode
/// space separators (general category Zs) and, as CoreFoundation has it, ZERO WIDTH SPACE.
@inline(__always)
package func isHorizontalWhitespace(_ s: Unicode.Scalar) -> Bool {
  switch s.value {
  case 0x9, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
  default: return false
  }
}

/// The scalars of Foundation's `CharacterSet.whitespacesAndNewlines`: ``isHorizontalWhitespace(_:)``,
/// U+000A–U+000D, NEL (U+0085) and the line and paragraph separators (U+2028, U+2029).
@inline(__always)
package func isWhitespaceOrNewline(_ s: Unicode.Scalar) -> Bool {
  switch s.value {
  case 0xA...0xD, 0x85, 0x2028, 0x2029: return true
  default: return isHorizontalWhitespace(s)
  }
}

extension StringProtocol {
  /// The text without leading and trailing scalars for which `drop` holds, cut at scalar
  /// boundaries as Foundation's `trimmingCharacters(in:)` does.
  package func trimmingScalars(where drop: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !drop($0) }),
      let last = scalars.lastIndex(where: { !drop($0) })
    else { return "" }
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: scalars[first...last])
    return String(kept)
  }

  /// The text without leading and trailing tabs and space separators
  /// (`trimmingCharacters(in: .whitespaces)`).
  package func trimmingWhitespace() -> String { trimmingScalars(where: isHorizontalWhitespace) }

  /// The text without leading and trailing white space and line breaks
  /// (`trimmingCharacters(in: .whitespacesAndNewlines)`).
  package func trimmingWhitespaceAndNewlines() -> String {
    trimmingScalars(where: isWhitespaceOrNewline)
  }

  /// The range of the first occurrence of `needle`, comparing characters; nil when there is
  /// none or `needle` is empty (Foundation's `range(of:)`).
  package func firstOccurrence(of needle: some StringProtocol) -> Range<Index>? {
    guard let first = needle.first else { return nil }
    var start = startIndex
    while let found = self[start...].firstIndex(of: first) {
      if let end = index(found, offsetBy: needle.count, limitedBy: endIndex),
        self[found..<end].elementsEqual(needle)
      {
        return found..<end
      }
      start = index(after: found)
    }
    return nil
  }

  /// The range of the last occurrence of `needle`, comparing characters; nil when there is
  /// none or `needle` is empty (`range(of:options: .backwards)`).
  package func lastOccurrence(of needle: some StringProtocol) -> Range<Index>? {
    guard !needle.isEmpty else { return nil }
    var end = endIndex
    while let start = self.index(end, offsetBy: -needle.count, limitedBy: startIndex) {
      if self[start..<end].elementsEqual(needle) { return start..<end }
      guard end > startIndex else { return nil }
      end = index(before: end)
    }
    return nil
  }

  /// Whether `needle` occurs in the text (``firstOccurrence(of:)``).
  package func containsText(_ needle: some StringProtocol) -> Bool {
    firstOccurrence(of: needle) != nil
  }

  /// The text with every occurrence of `needle`, left to right and not overlapping, replaced
  /// by `replacement` (Foundation's `replacingOccurrences(of:with:)`).
  package func replacingAll(_ needle: some StringProtocol, with replacement: some StringProtocol)
    -> String
  {
    var out = ""
    var rest = self[...]
    while let r = rest.firstOccurrence(of: needle) {
      out.append(contentsOf: rest[..<r.lowerBound])
      out.append(contentsOf: replacement)
      rest = rest[r.upperBound...]
    }
    out.append(contentsOf: rest)
    return out
  }
}

/// Percent-encoding of UTF-8 bytes (RFC 3986 §2.1), with loa's own allowed sets in place of
/// Foundation's `CharacterSet.url…Allowed`.
package enum PercentEncoding {
  /// The bytes left as they are.
  package struct Allowed: Sendable {
    let bytes: [Bool]

    /// `unreserved` (RFC 3986 §2.3) and the ASCII bytes of `extra`.
    package init(unreservedAnd extra: String = "") {
      var bytes = [Bool](repeating: false, count: 256)
      for b in UInt8(ascii: "a")...UInt8(ascii: "z") { bytes[Int(b)] = true }
      for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { bytes[Int(b)] = true }
      for b in UInt8(ascii: "0")...UInt8(ascii: "9") { bytes[Int(b)] = true }
      for b in "-._~".utf8 { bytes[Int(b)] = true }
      for b in extra.utf8 where b < 0x80 { bytes[Int(b)] = true }
      self.bytes = bytes
    }

    /// `unreserved` only: what a query value or path segment may hold unescaped.
    package static let unreserved = Allowed()
  }

  /// `text` with every UTF-8 byte outside `allowed` written as `%XX` (upper-case hex).
  package static func encode(_ text: some StringProtocol, allowing allowed: Allowed) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for b in text.utf8 {
      if allowed.bytes[Int(b)] {
        out.append(b)
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` with each `%XX` replaced by its byte; nil when a `%` is not followed by two hex
  /// digits or the bytes are not valid UTF-8 (as Foundation's `removingPercentEncoding`).
  package static func decode(_ text: some StringProtocol) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var it = text.utf8.makeIterator()
    while let b = it.next() {
      guard b == UInt8(ascii: "%") else {
        out.append(b)
        continue
      }
      guard let h = it.next().flatMap(hexValue), let l = it.next().flatMap(hexValue) else {
        return nil
      }
      out.append(h << 4 | l)
    }
    return String(validating: out, as: UTF8.self)
  }

  private static func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
