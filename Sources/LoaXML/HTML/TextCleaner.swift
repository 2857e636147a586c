import CLibXML2
import FoundationEssentials
import LoaCore

/// Cleans plain-text fields (title, summary, author, tags, caption): what editors, Word and
/// PDFs leave behind must not reach a feed.
///
/// In order: characters XML 1.0 forbids are removed; HTML entities (`&nbsp;`, `&eacute;`,
/// `&hellip;`, `&#x1F600;`) become characters; stray tags are stripped (with the content of
/// `script` and `style`), also those that arrived as entities; invisible noise (zero-width space, BOM, soft hyphen, bidi controls) is
/// removed; the text is normalized to NFC; white space is collapsed. Each step runs only when
/// a cheap scan says it is needed, so clean text costs one pass over its bytes.
public enum TextCleaner {
  /// What was changed, for the report.
  public struct Repairs: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let forbiddenCharacters = Repairs(rawValue: 1)
    public static let tags = Repairs(rawValue: 2)
    public static let entities = Repairs(rawValue: 4)
    public static let invisible = Repairs(rawValue: 8)
    public static let normalized = Repairs(rawValue: 16)
    public static let truncated = Repairs(rawValue: 32)
    public static let c1Controls = Repairs(rawValue: 64)

    /// Human-readable list, for a report line.
    public var summary: String {
      var parts: [String] = []
      if contains(.forbiddenCharacters) { parts.append("removed characters XML does not allow") }
      if contains(.c1Controls) { parts.append("replaced C1 control characters (Windows-1252 text read as Latin-1)") }
      if contains(.tags) { parts.append("removed HTML tags") }
      if contains(.entities) { parts.append("decoded HTML entities") }
      if contains(.invisible) { parts.append("removed invisible characters") }
      if contains(.normalized) { parts.append("normalized to Unicode NFC") }
      if contains(.truncated) { parts.append("shortened") }
      return parts.joined(separator: ", ")
    }
  }

  /// Cleans `text`; nil or empty results come back as nil.
  ///
  /// - Parameters:
  ///   - maxCharacters: cut longer text at a word boundary and end it with "…".
  public static func clean(_ text: String?, maxCharacters: Int? = nil) -> (
    text: String?, repairs: Repairs
  ) {
    guard var s = text else { return (nil, []) }
    var repairs: Repairs = []
    let (sanitized, removed) = XMLText.sanitized(s)
    if removed > 0 {
      repairs.insert(.forbiddenCharacters)
      s = sanitized
    }
    if let fixed = repairedC1Controls(s) {
      repairs.insert(.c1Controls)
      s = fixed
    }
    // Entities first: a title stored as `&lt;img onerror=…&gt; Tin` is a tag all the same,
    // and must not reach readers as one. Text escaped twice (`&amp;quot;3 không&amp;quot;`,
    // a CMS that escapes on save and again on output) is decoded again, a few rounds at most:
    // a plain-text field shows what a person reads on the portal.
    var rounds = 0
    // Byte scans of the contiguous UTF-8 (`s.utf8.contains` goes through the generic iterator:
    // a third of cleaning a title).
    while rounds < maxEntityRounds, HTMLSanitizer.contains(UInt8(ascii: "&"), in: s) {
      let decoded = decodeEntities(s)
      guard decoded != s else { break }
      repairs.insert(.entities)
      s = decoded
      rounds += 1
    }
    if HTMLSanitizer.contains(UInt8(ascii: "<"), in: s) {
      let stripped = stripTags(s)
      if stripped != s {
        repairs.insert(.tags)
        s = stripped
      }
    }
    if hasInvisibleNoise(s) {
      s = String(String.UnicodeScalarView(s.unicodeScalars.filter { !isInvisibleNoise($0.value) }))
      repairs.insert(.invisible)
    }
    if !isNFC(s) {
      let n = Unicode.composed(s)
      if n.utf8.count != s.utf8.count || !n.utf8.elementsEqual(s.utf8) {
        repairs.insert(.normalized)
        s = n
      }
    }
    s = Whitespace.collapsed(s)
    if let maxCharacters, let head = prefix(s, scalars: maxCharacters) {
      s = truncated(head, maxCharacters: maxCharacters)
      repairs.insert(.truncated)
    }
    return (s.isEmpty ? nil : s, repairs)
  }

  /// How many times entity references are decoded in a plain-text field: once for the text,
  /// and again for text escaped twice or three times over.
  public static let maxEntityRounds = 3

  /// Whether `s` is in NFC. The standard library's quick check answers from the bytes and
  /// rejects at the first combining mark; "maybe" counts as no.
  public static func isNFC(_ s: String) -> Bool { Unicode.isNFC(s) }

  /// NFC of `s`, normalizing only when the quick check fails (Foundation's normalization costs
  /// about 230 µs per article; notes/performance.md §3.4).
  public static func nfc(_ s: String) -> String { Unicode.nfc(s) }

  /// `s` with C1 control characters (U+0080–U+009F) replaced by what those bytes mean in
  /// Windows-1252 (U+0093 → “, U+0096 → –), or removed when Windows-1252 has nothing there;
  /// nil when `s` has none. They come from Windows-1252 text decoded as Latin-1: XML allows
  /// them but no reader shows them.
  public static func repairedC1Controls(_ s: String) -> String? {
    // U+0080–U+009F are encoded C2 80 … C2 9F. Scanned on the contiguous bytes: iterating
    // `s.utf8` cost a twentieth of an article's cleaning.
    var copy = s
    let found = copy.withUTF8 { b -> Bool in
      let n = b.count
      let base = UnsafeRawPointer(b.baseAddress)
      let ones: UInt64 = 0x0101_0101_0101_0101
      var i = 0
      while i + 1 < n {
        // Eight bytes at a time when none is C2 (the has-zero-byte word test).
        if i + 8 <= n, let base {
          let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 0xC2)
          if (w &- ones) & ~w & (ones &* 0x80) == 0 {
            i += 8
            continue
          }
        }
        let stop = min(i + 8, n - 1)
        while i < stop {
          if b[i] == 0xC2 && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F { return true }
          i += 1
        }
      }
      return false
    }
    guard found else { return nil }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      if (0x80...0x9F).contains(u.value) {
        if let w = windows1252[u.value], let mapped = Unicode.Scalar(w) { out.append(mapped) }
      } else {
        out.append(u)
      }
    }
    return String(out)
  }

  /// Zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator, directional
  /// marks and embeddings: invisible in a title, harmful in search and dedupe.
  @inline(__always)
  static func isInvisibleNoise(_ v: UInt32) -> Bool {
    switch v {
    case 0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      return true
    default:
      return false
    }
  }

  static func hasInvisibleNoise(_ s: String) -> Bool {
    // Every one of them is encoded with a lead byte C2 (two bytes), E1, E2 or EF (three): only
    // those are decoded, over the contiguous bytes (E1 leads every Vietnamese letter with a
    // tone mark, so a scan of the scalar view was the usual path).
    var copy = s
    return copy.withUTF8 { b in
      let n = b.count
      var i = 0
      while i < n {
        let c = b[i]
        if c == 0xC2, i + 1 < n {
          if isInvisibleNoise(UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)) { return true }
          i += 2
        } else if c == 0xE1 || c == 0xE2 || c == 0xEF, i + 2 < n {
          let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
          if isInvisibleNoise(v) { return true }
          i += 3
        } else {
          i += 1
        }
      }
      return false
    }
  }

  /// `s` cut at a word boundary when it has more than `maxCharacters` characters.
  public static func truncatedIfLonger(_ s: String, maxCharacters: Int) -> String {
    // Only the first `maxCharacters` scalars matter: found over the bytes (an article's text
    // is thousands of them; counting them all through the scalar view cost 300,000
    // instructions a summary), then cut from that prefix alone.
    guard let head = prefix(s, scalars: maxCharacters) else { return s }
    return truncated(head, maxCharacters: maxCharacters)
  }

  /// The first `n` Unicode scalars of `s` when it has more than `n`, else nil.
  static func prefix(_ s: String, scalars n: Int) -> String? {
    var copy = s
    return copy.withUTF8 { b -> String? in
      // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
      var count = 0
      for i in 0..<b.count where b[i] & 0xC0 != 0x80 {
        if count == n { return String(decoding: UnsafeBufferPointer(rebasing: b[..<i]), as: UTF8.self) }
        count += 1
      }
      return nil
    }
  }

  /// Cuts at the last word boundary before `maxCharacters` and adds "…".
  ///
  /// Over the bytes (building a scalar array and a `UnicodeScalarView` from it cost 280,000
  /// instructions a summary): the scalars are decoded only to test them for white space and
  /// the punctuation trimmed from the end.
  static func truncated(_ s: String, maxCharacters: Int) -> String {
    var copy = s
    return copy.withUTF8 { b -> String in
      let n = b.count
      /// The scalar starting at byte `i` (`s` is valid UTF-8).
      func scalar(at i: Int) -> UInt32 {
        let c = UInt32(b[i])
        if c < 0x80 { return c }
        if c < 0xE0 { return (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F) }
        if c < 0xF0 {
          return (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        }
        return (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
          | UInt32(b[i + 3] & 0x3F)
      }
      // The first `maxCharacters` scalars end at byte `end`; the last space among them.
      var end = n
      var count = 0
      var space: (byte: Int, scalar: Int)?
      var i = 0
      while i < n {
        if b[i] & 0xC0 != 0x80 {
          if count == maxCharacters {
            end = i
            break
          }
          if Whitespace.isSpace(scalar(at: i)) { space = (i, count) }
          count += 1
        }
        i += 1
      }
      if let space, space.scalar > maxCharacters / 2 { end = space.byte }
      // Trailing white space and ",;:.-–" go.
      while end > 0 {
        var start = end - 1
        while start > 0 && b[start] & 0xC0 == 0x80 { start -= 1 }
        let v = scalar(at: start)
        guard Whitespace.isSpace(v) || Self.trimmedAtCut.contains(v) else { break }
        end = start
      }
      return String(decoding: UnsafeBufferPointer(rebasing: b[..<end]), as: UTF8.self) + "…"
    }
  }

  /// What a cut text may not end with, besides white space.
  static let trimmedAtCut: [UInt32] = ",;:.-–".unicodeScalars.map(\.value)

  /// Removes tags (`<b>`, `</p>`, `<!-- … -->`, `<br/>`), and the content of `script` and
  /// `style`; the text of a CDATA section (`<![CDATA[ lồng ]]>`) is kept. A `<` not followed by a letter, `/`, `!` or `?` is text ("Lễ hội <2026>").
  /// Tags that break lines become a space.
  static func stripTags(_ s: String) -> String {
    let b = Array(s.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var i = 0
    func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
    func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
    func startsTag(_ at: Int, _ name: String) -> Bool {
      let n = Array(name.utf8)
      guard at + n.count <= b.count else { return false }
      for k in 0..<n.count where lower(b[at + k]) != n[k] { return false }
      let after = at + n.count
      return after == b.count || !isLetter(b[after])
    }
    while i < b.count {
      let c = b[i]
      guard c == UInt8(ascii: "<"), i + 1 < b.count else {
        out.append(c)
        i += 1
        continue
      }
      let n = b[i + 1]
      if startsCDATA(b, i) {
        // A CDATA section (a summary pasted from a feed): its text is text. Up to "]]>" or the end.
        var j = i + 9
        while j < b.count && !(j + 2 < b.count && b[j] == 93 && b[j + 1] == 93 && b[j + 2] == 62) {
          out.append(b[j])
          j += 1
        }
        i = min(b.count, j + 3)
        continue
      }
      if n == UInt8(ascii: "!"), i + 3 < b.count, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
        // Comment: up to "-->" or the end.
        var j = i + 4
        while j + 2 < b.count && !(b[j] == 45 && b[j + 1] == 45 && b[j + 2] == 62) { j += 1 }
        i = min(b.count, j + 3)
        continue
      }
      guard isLetter(n) || n == UInt8(ascii: "/") || n == UInt8(ascii: "!") || n == UInt8(ascii: "?")
      else {
        out.append(c)
        i += 1
        continue
      }
      // Find the end of the tag, skipping quoted attribute values.
      var j = i + 1
      var quote: UInt8 = 0
      while j < b.count {
        if quote != 0 {
          if b[j] == quote { quote = 0 }
        } else if b[j] == 34 || b[j] == 39 {
          quote = b[j]
        } else if b[j] == 62 {
          break
        }
        j += 1
      }
      if j >= b.count {
        // No closing ">": not a tag after all.
        out.append(c)
        i += 1
        continue
      }
      let raw = isLetter(n) && (startsTag(i + 1, "script") || startsTag(i + 1, "style"))
      if raw {
        let closing = startsTag(i + 1, "script") ? "</script" : "</style"
        var k = j + 1
        while k < b.count && !startsTag(k, closing) { k += 1 }
        while k < b.count && b[k] != 62 { k += 1 }
        i = min(b.count, k + 1)
      } else {
        i = j + 1
      }
      if out.last != 0x20 { out.append(0x20) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `<![CDATA[` starts at `i`.
  static func startsCDATA(_ b: [UInt8], _ i: Int) -> Bool {
    let marker = Array("<![CDATA[".utf8)
    guard i + marker.count <= b.count else { return false }
    for k in 0..<marker.count where b[i + k] != marker[k] { return false }
    return true
  }

  /// Decodes `&name;`, `&#123;` and `&#x1F600;`. Names come from libxml2's HTML 4 entity
  /// table (`htmlEntityLookup`, 253 entities) plus `&apos;`. Numeric references to characters
  /// XML forbids (`&#1;`) are removed, like the characters themselves; to no character at all
  /// (a surrogate, past U+10FFFF) they become U+FFFD; Windows-1252 code points 128–159 are
  /// mapped the way browsers do (`&#150;` is "–"). Anything else is left as text.
  static func decodeEntities(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      guard c == "&", let semi = scalars[(i + 1)...].prefix(34).firstIndex(of: ";"), semi > i + 1
      else {
        out.append(c)
        i += 1
        continue
      }
      let body = String(String.UnicodeScalarView(scalars[(i + 1)..<semi]))
      if let v = entityValue(body) {
        if let v { out.append(v) }
        i = semi + 1
      } else {
        out.append(c)
        i += 1
      }
    }
    return String(out)
  }

  /// The character a reference names: nil when `body` is no reference (left as text),
  /// `.some(nil)` when it decodes to nothing (removed).
  static func entityValue(_ body: String) -> Unicode.Scalar?? {
    if body.hasPrefix("#") {
      var digits = body.dropFirst()
      var radix = 10
      if digits.first == "x" || digits.first == "X" {
        digits = digits.dropFirst()
        radix = 16
      }
      guard !digits.isEmpty, digits.count <= 8, let n = UInt32(digits, radix: radix) else {
        return nil
      }
      if (128...159).contains(n), let w = windows1252[n] { return Unicode.Scalar(w) }
      if n < 0x20 || n == 0xFFFE || n == 0xFFFF {
        return XMLText.isAllowed(n) ? Unicode.Scalar(n) : .some(nil)
      }
      guard XMLText.isAllowed(n), let u = Unicode.Scalar(n) else { return "\u{FFFD}" }
      return u
    }
    guard body.utf8.allSatisfy({ WebAddress.isAlpha($0) || ($0 >= 48 && $0 <= 57) }) else {
      return nil
    }
    if body == "apos" { return "'" }
    guard let entity = htmlEntityLookup(body) else { return nil }
    return Unicode.Scalar(entity.pointee.value)
  }

  /// Windows-1252 meanings of 0x80–0x9F, which HTML maps numeric references to.
  static let windows1252: [UInt32: UInt32] = [
    0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
    0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
    0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
    0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
    0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
  ]
}
