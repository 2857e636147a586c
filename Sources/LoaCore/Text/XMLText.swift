#if canImport(Glibc)
  import Glibc
#endif

/// The characters XML 1.0 allows (§2.2 `Char`), and removing the rest.
///
/// libxml2's xmlTextWriter writes forbidden characters through unchanged (a `\u{1}` in text
/// gives a malformed document), so every string passes through here before serialization.
public enum XMLText {
  /// Whether the scalar is a legal XML 1.0 `Char`:
  /// `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
  @inline(__always)
  public static func isAllowed(_ v: UInt32) -> Bool {
    if v >= 0x20 { return v <= 0xD7FF || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000 }
    return v == 0x9 || v == 0xA || v == 0xD
  }

  /// Whether `s` contains a character XML 1.0 forbids. Scans UTF-8 bytes: the forbidden set
  /// is C0 controls other than tab/LF/CR and U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`).
  public static func needsCleaning(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { bytes in
      let n = bytes.count
      let base = UnsafeRawPointer(bytes.baseAddress)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var i = 0
      while i < n {
        // Eight bytes at a time when none is below 0x20 or is 0xEF (the has-less-than and
        // has-zero-byte word tests); a word with one (a line break) is looked at byte by byte.
        if i + 8 <= n, let base {
          let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          let below20 = (w &- ones &* 0x20) & ~w & highs
          let ef = w ^ (ones &* 0xEF)
          if below20 | ((ef &- ones) & ~ef & highs) == 0 {
            i += 8
            continue
          }
        }
        let stop = min(i + 8, n)
        while i < stop {
          let b = bytes[i]
          if b < 0x20 {
            if b != 0x9 && b != 0xA && b != 0xD { return true }
          } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
            return true
          }
          i += 1
        }
      }
      return false
    }
  }

  /// `s` without the characters XML 1.0 forbids; `s` itself when it has none.
  ///
  /// - Returns: the cleaned string and how many characters were removed.
  public static func sanitized(_ s: String) -> (text: String, removed: Int) {
    guard needsCleaning(s) else { return (s, 0) }
    // On the bytes, runs between forbidden characters copied at once: a string rebuilt
    // scalar by scalar cost more than the rest of a hostile body's cleaning. The forbidden
    // characters of a valid string are exactly the bytes 00–1F but tab, LF and CR, and the
    // sequences EF BF BE and EF BF BF (``isAllowed(_:)``; surrogates cannot be in a `String`).
    var s = s
    return s.withUTF8 { b -> (text: String, removed: Int) in
      var out: [UInt8] = []
      out.reserveCapacity(b.count)
      var removed = 0
      var copied = 0
      var i = 0
      while i < b.count {
        let c = b[i]
        var length = 0
        if c < 0x20 {
          if c != 0x9 && c != 0xA && c != 0xD { length = 1 }
        } else if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE {
          length = 3
        }
        guard length > 0 else {
          i += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
        removed += 1
        i += length
        copied = i
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
      return (String(decoding: out, as: UTF8.self), removed)
    }
  }

  /// Splits `]]>` so that `text` can sit inside CDATA sections: each occurrence ends the
  /// section after `]]` and opens a new one before `>`. Returns the pieces to write as
  /// consecutive CDATA sections.
  public static func cdataPieces(_ text: String) -> [Substring] {
    var pieces: [Substring] = []
    let u = text.utf8
    var start = u.startIndex
    var i = u.startIndex
    while i != u.endIndex {
      if u[i] == UInt8(ascii: "]") {
        let j = u.index(after: i)
        if j != u.endIndex, u[j] == UInt8(ascii: "]") {
          let k = u.index(after: j)
          if k != u.endIndex, u[k] == UInt8(ascii: ">") {
            // Cut after "]]": the first section ends "]]", the next starts ">".
            pieces.append(Substring(text.utf8[start..<k]))
            start = k
            i = k
            continue
          }
        }
      }
      i = u.index(after: i)
    }
    pieces.append(Substring(text.utf8[start..<u.endIndex]))
    return pieces
  }
}

extension XMLText {
  /// Whether libxml2's escaping of element content, which `xmlTextWriterWriteString` runs,
  /// would change any of these `count` bytes. libxml2 2.9.14 (`xmlEncodeSpecialChars`,
  /// entities.c) rewrites `<`, `>`, `&`, `"` and CR as references and copies every other byte
  /// up to the first NUL as it is; newer releases (`xmlEscapeText`, xmlIO.c) also replace the
  /// C0 controls other than tab and line feed. Any of those counts as a change here, so a
  /// `false` holds for every release. When nothing would change, writing the bytes raw gives
  /// the same document without the escaped copy (a malloc'd buffer and a byte-by-byte loop
  /// per call: 7% of a warm run).
  @inline(__always)
  public static func changesAsElementText(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
    changedByEscaping(p, count: n, asAttribute: false)
  }

  /// Whether libxml2's escaping of an attribute value (`xmlBufAttrSerializeTxtContent` in
  /// 2.9.14, `xmlEscapeText` with `XML_ESCAPE_ATTR` later) could change any of these `count`
  /// bytes. It rewrites `<`, `>`, `&`, `"`, tab, LF and CR, replaces other C0 controls in newer
  /// releases, and turns non-ASCII characters into references when the document has no
  /// encoding; so anything but printable ASCII other than those four counts as a change here.
  @inline(__always)
  public static func changesAsAttribute(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
    changedByEscaping(p, count: n, asAttribute: true)
  }

  /// Whether any byte is `<`, `>`, `&`, `"` or a C0 control (in text, tab and line feed
  /// excepted), or, in an attribute, past 0x7F: sixteen bytes at a time, then one by one.
  @inline(__always)
  private static func changedByEscaping(
    _ p: UnsafePointer<UInt8>, count n: Int, asAttribute: Bool
  ) -> Bool {
    let raw = UnsafeRawPointer(p)
    // Locals, not static lets: a static costs a `swift_once` check per use.
    let space = SIMD16<UInt8>(repeating: 0x20)
    let tab = SIMD16<UInt8>(repeating: 0x09)
    let lf = SIMD16<UInt8>(repeating: 0x0A)
    let ascii = SIMD16<UInt8>(repeating: 0x7F)
    let lt = SIMD16<UInt8>(repeating: 0x3C)
    let gt = SIMD16<UInt8>(repeating: 0x3E)
    let amp = SIMD16<UInt8>(repeating: 0x26)
    let quote = SIMD16<UInt8>(repeating: 0x22)
    var i = 0
    while i + 16 <= n {
      let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
      let markup = (v .== lt) .| (v .== gt) .| (v .== amp) .| (v .== quote)
      let changed =
        asAttribute
        ? markup .| (v .< space) .| (v .> ascii)
        : markup .| ((v .< space) .& (v .!= tab) .& (v .!= lf))
      if any(changed) { return true }
      i += 16
    }
    while i < n {
      switch p[i] {
      case 0x09, 0x0A: if asAttribute { return true }
      case 0..<0x20, 0x3C, 0x3E, 0x26, 0x22: return true
      case 0x80...: if asAttribute { return true }
      default: break
      }
      i += 1
    }
    return false
  }
}

extension XMLText {
  /// Whether these `count` bytes hold a `]` (which may begin the `]]>` that would end a
  /// CDATA section) or a NUL (where libxml2's C-string functions stop): when neither, they
  /// can go into one CDATA section as they are. (glibc's `memchr`, 32 bytes at a time, reads
  /// HTML faster than a loop of 16-byte compares here, and faster than `strstr` for `]]>`.)
  @inline(__always)
  public static func mayEndCDATA(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
    memchr(p, 0x5D, n) != nil || memchr(p, 0, n) != nil
  }
}
