import Foundation
import LoaCore
import LoaTestSupport
@testable import LoaXML
import Testing

/// The fast paths of issue 16 give what the slow ones give: the byte scan of the NFC quick
/// check, NFC by cached pieces, white space collapsed in place, the trim of numeric attributes.
@Suite struct NormalizationFastPathTests {
  /// The standard library's quick check alone (what `Unicode.isNFC` was before its byte scan).
  static func stdlibIsNFC(_ s: String) -> Bool {
    var span = s.utf8Span
    return span.checkForNFC(quickCheck: true)
  }

  @Test func everyCharacterTheByteScanPassesIsAStarterThatNothingComposesWith() {
    let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x1E00...0x1EFF, 0x2002...0x207F]
    for range in ranges {
      for v in range {
        guard let u = Unicode.Scalar(v) else { continue }
        let s = String(Character(u))
        var copy = s
        #expect(copy.withUTF8 { Unicode.hasStartersOnly($0) }, "U+\(String(v, radix: 16))")
        #expect(u.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
        #expect(Self.stdlibIsNFC(s), "U+\(String(v, radix: 16))")
        // Nothing before it composes with it.
        for before in ["a", "e", "\u{1EA1}", " "] {
          let pair = before + s
          #expect(pair._nfcCodeUnits == Array(pair.utf8), "U+\(String(v, radix: 16))")
        }
      }
    }
  }

  @Test(arguments: [
    "Bãi Cháy", "Việt Nam – “tin” …", "é\u{301}", "Vie\u{302}\u{323}t", "\u{2000}", "a\u{2001}b",
    "\u{301}abc", "\u{1100}\u{1161}", "가\u{11A8}", "Ω\u{2126}", "क़", "\u{0958}", "",
    "\u{1EA1}\u{302}", "ơ\u{309}", "\u{FB1D}",
  ])
  func theQuickCheckAgreesWithTheStandardLibrary(_ s: String) {
    #expect(Unicode.isNFC(s) == Self.stdlibIsNFC(s))
  }

  @Test(arguments: [
    "Vie\u{302}\u{323}t Nam", "ngu\u{31B}o\u{31B}\u{300}i da\u{302}n", "a\u{323}\u{302}", "a\u{302}\u{323}",
    "\u{301}abc", "\u{1100}\u{1161}\u{11A8} \u{1100}\u{1161}", "가\u{11A8}", "\u{2126}\u{212B}",
    "\u{0958}\u{0959}", "\u{F900}\u{F901}\u{F902}\u{F903}\u{F904}\u{F905}\u{F906}e\u{301}",
    "x\u{F900}\u{F901}\u{F902}\u{F903}\u{F904}\u{F905}\u{F906}\u{F907}\u{F908}",
    "<p>Ba\u{303}i Cha\u{301}y</p>\n<img alt=\"A\u{309}nh\">", "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    "\u{1E9B}\u{323}", "\u{0344}", "\u{0F73}",
  ])
  func nfcByPiecesIsTheWholeTextsNFC(_ s: String) {
    // The reference is the standard library's NFC of the whole text (Foundation's leaves
    // Hangul LV + T apart: NFCTests).
    #expect(Array(Unicode.nfc(s).utf8) == s._nfcCodeUnits)
  }

  @Test func nfcByPiecesIsTheWholeTextsNFCOnGeneratedText() {
    // ASCII, Vietnamese letters composed and not, combining marks in any order, Hangul jamo,
    // a singleton and an expansion: a fixed sequence of pseudo-random strings.
    let alphabet: [String] = [
      "a", "e", "o", "u", "y", "D", " ", "<", "&", "\u{300}", "\u{301}", "\u{303}", "\u{309}",
      "\u{323}", "\u{302}", "\u{306}", "\u{31B}", "\u{1EA1}", "ơ", "ư", "đ", "\u{1100}",
      "\u{1161}", "\u{11A8}", "가", "\u{2126}", "\u{0958}", "\u{0344}", "\u{3099}", "か",
    ]
    var rng = SeededRandom(state: 16)
    func next() -> Int { Int(rng.next() >> 33) }
    for _ in 0..<2000 {
      let s = (0..<(next() % 24)).map { _ in alphabet[next() % alphabet.count] }.joined()
      #expect(Array(Unicode.nfc(s).utf8) == s._nfcCodeUnits, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test(arguments: [
    "", " ", "a", " a ", "a  b", "a\u{A0}\u{A0}b", "\u{3000}Bãi\u{2003}Cháy\n\n", "a b c",
    "\t\ttin\r\nmới ", "Việt\u{2028}Nam", "x\u{85}y", "a \u{1680} b", "ạ\u{1680}ệ",
    "“Tin” … – mới\u{2009}\u{200A}x\u{205F}y\u{2060}z", "\u{1E9A}\u{1680}", "ồ\u{202F}\u{2029}",
  ])
  func collapsingInPlaceGivesTheSameText(_ s: String) {
    #expect(Whitespace.collapsed(s) == Self.collapsedByScalars(s))
  }

  /// Whitespace.collapsed, by scalars: every run of white space one space, none at the ends.
  static func collapsedByScalars(_ s: String) -> String {
    var out = ""
    var pending = false
    for u in s.unicodeScalars {
      if Whitespace.isSpace(u.value) {
        pending = !out.isEmpty
      } else {
        if pending { out += " " }
        pending = false
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  @Test func collapsingInPlaceGivesWhatTheScalarsGiveOnGeneratedText() {
    // White space of every kind (U+1680 is E1 9A 80, next to Vietnamese letters E1 BA/BB),
    // at every offset, in 6,000 generated texts.
    let pieces = [
      "a", "Bãi", "Cháy", "ệ", "Ớ", "ẚ", "\u{1E9A}", "“Tin”", "…", "–", "©", "«", "x", "0123456",
      " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
      "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}",
      "\u{3001}", "\u{1}", "\u{1F}", "!", "ś", "Ś", "ꀀ",
    ]
    var r = SeededRandom(state: 18)
    for _ in 0..<6_000 {
      var s = ""
      for _ in 0..<r.below(40) { s += pieces[r.below(pieces.count)] }
      let out = Self.collapsedByScalars(s)
      #expect(Whitespace.collapsed(s) == out, "\(s.debugDescription)")
      #expect(Whitespace.collapsed(" " + s) == out, "\(s.debugDescription)")
    }
  }

  @Test(arguments: [
    "800", " 800 ", "\t533\t", "\u{3000}12\u{A0}", "\u{200B}5", "5\u{2028}", "", " ", "1 2",
    "\u{2003}\u{2009}7\u{202F}", "\u{180E}4\u{FEFF}", "\n6\r", "\u{85}7",
  ])
  func numericAttributesAreTrimmedAsFoundationTrims(_ s: String) {
    #expect(HTMLSanitizer.trimmingHorizontalSpace(s) == s.trimmingCharacters(in: .whitespaces))
  }

  @Test func theTrimmedSetIsFoundationsWhitespaces() {
    for v in UInt32(0)...0x3100 {
      guard let u = Unicode.Scalar(v) else { continue }
      let s = "1" + String(Character(u))
      #expect(
        HTMLSanitizer.trimmingHorizontalSpace(s) == s.trimmingCharacters(in: .whitespaces),
        "U+\(String(v, radix: 16))")
    }
  }
}

extension NormalizationFastPathTests {
  @Test(arguments: [
    ("", true), (" \t\n", true), ("\u{A0}\u{3000}\u{2003}", true), ("\u{A0}x", false),
    ("  ạ", false), ("\u{200B}", false), ("\u{2028}\u{85}", true),
  ])
  func aParagraphIsBlankExactlyWhenItsTextIsWhiteSpace(_ text: String, _ blank: Bool) {
    let result = text.withCString { c in
      c.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) {
        HTMLSanitizer.isSpaceOnly($0)
      }
    }
    #expect(result == blank)
    #expect(result == text.unicodeScalars.allSatisfy { Whitespace.isSpace($0.value) })
  }

  @Test func invalidUTF8IsNoWhiteSpace() {
    let bytes: [UInt8] = [0x20, 0xE1, 0xBA, 0x20, 0]
    #expect(!bytes.withUnsafeBufferPointer { HTMLSanitizer.isSpaceOnly($0.baseAddress!) })
  }
}

extension NormalizationFastPathTests {
  /// The word-at-a-time scans find a character at any offset, next to line breaks and
  /// Vietnamese letters, and nothing where there is none.
  @Test(arguments: ["\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{B}"])
  func aForbiddenCharacterIsFoundAtEveryOffset(_ bad: String) {
    for length in 0..<24 {
      for offset in 0...length {
        var scalars = Array("ạb\ncdđ\tef\r\nghiêk lmnoprstu".unicodeScalars.prefix(length))
        scalars.insert(contentsOf: bad.unicodeScalars, at: offset)
        let s = String(String.UnicodeScalarView(scalars))
        #expect(XMLText.needsCleaning(s), "\(length) \(offset)")
      }
    }
    #expect(!XMLText.needsCleaning("ạb\ncdđ\tef\r\nghiêk lmnoprstu\u{FFFD}\u{FEFF}ï¿½"))
  }

  @Test func aC1ControlIsFoundAtEveryOffset() {
    for length in 0..<24 {
      for offset in 0...length {
        var scalars = Array("ạb\u{A0}cdđ\tef\r\nghiêk ©lmnoprstu".unicodeScalars.prefix(length))
        scalars.insert("\u{93}", at: offset)
        let s = String(String.UnicodeScalarView(scalars))
        #expect(TextCleaner.repairedC1Controls(s) != nil, "\(length) \(offset)")
      }
    }
    #expect(TextCleaner.repairedC1Controls("ạb\u{A0}cdđ\tef\r\nghiêk ©lmnoprstu\u{A0}") == nil)
  }
}

extension NormalizationFastPathTests {
  /// `escapingStrayLessThan` jumps from `<` to `<`; it escapes exactly what a byte-by-byte
  /// look at every `<` escapes.
  @Test(arguments: [
    "", "<", "a<", "<<", "<<<p>", "1 < 2 <b>x</b> <3 <", "<p>Lễ <2026> và <đ</p><", "x<_y <:z <.w </a> <!-- --> <?pi?>",
    "<\u{FFFD}b>", "tin < mới << <<a", "a <9", "<p>ạ</p>\n<\n",
  ])
  func strayLessThanSignsAreEscapedAsByteByByte(_ html: String) {
    func reference(_ s: String) -> String? {
      let b = Array(s.utf8)
      var out: [UInt8] = []
      var found = false
      for (i, c) in b.enumerated() {
        guard c == 0x3C else {
          out.append(c)
          continue
        }
        let stray: Bool
        if i + 1 < b.count {
          let next = b[i + 1]
          let l = next | 0x20
          stray = !((l >= 0x61 && l <= 0x7A) || next == 0x5F || next == 0x3A || next == 0x2E
            || next == 0x2F || next == 0x21 || next == 0x3F)
        } else {
          stray = true
        }
        if stray {
          out += Array("&lt;".utf8)
          found = true
        } else {
          out.append(c)
        }
      }
      return found ? String(decoding: out, as: UTF8.self) : nil
    }
    #expect(HTMLSanitizer.escapingStrayLessThan(html) == reference(html))
  }
}

extension NormalizationFastPathTests {
  /// The three checks a body went through before the one scan (`ItemBuilder.sanitizedContent`).
  static func needsNoCleaningByTheThreeChecks(_ s: String) -> Bool {
    !XMLText.needsCleaning(s) && TextCleaner.repairedC1Controls(s) == nil && Unicode.isNFC(s)
  }

  /// Characters next to every edge of the scan: C0 and C1 controls, U+FFFE/U+FFFF, the ends
  /// of the ranges the NFC byte scan passes, combining marks, Hangul, a singleton, noncharacters
  /// and characters outside the Basic Multilingual Plane (a surrogate pair in CESU-8 cannot be
  /// in a `String`: decoding turns it into U+FFFD, tested here too).
  static let edgeCharacters: [String] = [
    "a", " ", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{E}", "\u{1F}", "\u{7F}",
    "\u{80}", "\u{85}", "\u{93}", "\u{9F}", "\u{A0}", "©", "đ", "\u{2FF}", "\u{300}", "\u{302}",
    "\u{323}", "\u{344}", "\u{1DFF}", "\u{1E00}", "ạ", "\u{1EFF}", "\u{1F00}", "\u{2001}", "\u{2002}",
    "“", "…", "\u{207F}", "\u{2080}", "€", "\u{2126}", "\u{2329}", "\u{1100}", "\u{1161}", "\u{11A8}",
    "가", "\u{D7FF}", "\u{E000}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10000}",
    "\u{1D15E}", "\u{10FFFF}", String(decoding: [0xED, 0xA0, 0x80], as: UTF8.self),
    "<p>", "&#x302;",
  ]

  /// The scan may send clean text the slow way (Greek, Hangul syllables, the euro sign), but
  /// never lets through text any of the three checks would change.
  static func expectTheScanAgrees(_ s: String) -> Bool {
    var copy = s
    let fast = copy.withUTF8 { Unicode.hasCleanStartersOnly($0) }
    if fast {
      #expect(Self.needsNoCleaningByTheThreeChecks(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    return fast
  }

  @Test func theOneScanAgreesWithTheThreeChecksOnEveryEdgeCharacter() {
    var passed = 0
    for c in Self.edgeCharacters {
      for s in [c, "a" + c, c + "b", "tin mới " + c + " ạ", "e" + c + "\u{301}"] {
        if Self.expectTheScanAgrees(s) { passed += 1 }
      }
    }
    // What it lets through is what the NFC byte scan passes, less the controls.
    #expect(passed > 60)
    #expect(Self.expectTheScanAgrees("Bãi Cháy “mới” – đẹp…\t\r\n\u{A0}©"))
    for bad in ["\u{1}", "\u{1F}", "\u{80}", "\u{93}", "\u{9F}", "\u{FFFE}", "\u{FFFF}", "e\u{301}"] {
      #expect(!Self.expectTheScanAgrees("Bãi Cháy" + bad))
    }
  }

  @Test func theOneScanAgreesWithTheThreeChecksOnGeneratedText() {
    var rng = SeededRandom(state: 17)
    func next() -> Int { Int(rng.next() >> 33) }
    for _ in 0..<4000 {
      // Mostly clean text, so the scan goes far before it meets an edge character.
      let s = (0..<(next() % 40)).map { _ -> String in
        next() % 8 == 0 ? Self.edgeCharacters[next() % Self.edgeCharacters.count]
          : ["a", "ạ", "đ", " ", "ư", "ờ", "“", "<b>", "\n"][next() % 9]
      }.joined()
      _ = Self.expectTheScanAgrees(s)
    }
  }

  @Test func nfcByPiecesIsTheWholeTextsNFCPastTheRecentPiecesTable() {
    // More distinct pieces than the per-call table holds (so slots are overwritten and
    // collide), pieces whose NFC is longer than they are (U+0344, U+FB2C, U+1D15E), pieces
    // of 7 and 8 bytes, in long texts.
    var pieces: [String] = []
    for base in ["a", "e", "o", "u", "i", "y", "A", "E", "O", "n"] {
      for marks in [
        "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}\u{301}", "\u{323}\u{302}",
        "\u{31B}\u{300}", "\u{306}\u{303}", "\u{308}\u{304}", "\u{30A}\u{301}", "\u{327}\u{306}",
        "\u{328}\u{304}", "\u{30C}", "\u{344}", "\u{301}\u{301}\u{301}",
      ] {
        pieces.append(base + marks)
      }
    }
    pieces += ["x\u{FB2C}", "\u{1D15E}", "\u{344}\u{344}", "가\u{11A8}", "\u{1100}\u{1161}\u{11A8}", "đ"]
    var rng = SeededRandom(state: 18)
    func next() -> Int { Int(rng.next() >> 33) }
    for _ in 0..<50 {
      let s = (0..<(next() % 2000)).map { _ in pieces[next() % pieces.count] + (next() % 3 == 0 ? " " : "") }
        .joined()
      #expect(Array(Unicode.composed(s).utf8) == s._nfcCodeUnits)
    }
  }
}

extension NormalizationFastPathTests {
  /// `XMLText.sanitized` works on the bytes; it removes exactly the scalars `isAllowed`
  /// rejects, and counts them, as the scalar-by-scalar rebuild did.
  @Test func forbiddenCharactersAreRemovedAsScalarByScalar() {
    func reference(_ s: String) -> (String, Int) {
      var scalars = String.UnicodeScalarView()
      var removed = 0
      for u in s.unicodeScalars {
        if XMLText.isAllowed(u.value) { scalars.append(u) } else { removed += 1 }
      }
      return (String(scalars), removed)
    }
    var rng = SeededRandom(state: 19)
    func next() -> Int { Int(rng.next() >> 33) }
    var changed = 0
    for _ in 0..<4000 {
      let s = (0..<(next() % 30)).map { _ in Self.edgeCharacters[next() % Self.edgeCharacters.count] }
        .joined()
      let (text, removed) = XMLText.sanitized(s)
      let (expected, expectedRemoved) = reference(s)
      #expect(text == expected && removed == expectedRemoved, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
      if removed > 0 { changed += 1 }
    }
    #expect(changed > 1000)
    #expect(XMLText.sanitized("\u{0}\u{FFFE}a\u{1}\u{FFFF}\u{FFFD}\u{EFBF}\u{1F}") == ("a\u{FFFD}\u{EFBF}", 5))
  }
}

extension NormalizationFastPathTests {
  /// `Unicode.stringCheckingNFC` builds a string without validating it when its own scan
  /// passes: that scan must pass only valid UTF-8 of characters the NFC byte scan passes, and
  /// give the string `String(decoding:)` gives. Random bytes, mostly from the edges of UTF-8
  /// (truncated sequences, stray continuation bytes, overlong leads, surrogates as CESU-8
  /// bytes, U+FFFE).
  @Test func theUncheckedStringIsBuiltOnlyFromValidUTF8ThatIsNFC() {
    let pieces: [[UInt8]] = [
      [0x61], [0x20], [0x3C], [0xC3, 0xA1], [0xC4, 0x91], [0xC2, 0x80], [0xCB, 0xBF], [0xCC, 0x80],
      [0xCC], [0xC3], [0xC0, 0x80], [0xC1, 0xBF], [0x80], [0xBF], [0xE1, 0xBA, 0xA1], [0xE1, 0xBA],
      [0xE1, 0xB8, 0x80], [0xE1, 0xBB, 0xBF], [0xE1, 0xBC, 0x80], [0xE1, 0x80, 0x80], [0xE1, 0xBA, 0x41],
      [0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x81], [0xE2, 0x81, 0xBF], [0xE2, 0x82, 0xAC], [0xE2, 0x80],
      [0xE2, 0x81, 0x20], [0xED, 0xA0, 0x80], [0xED, 0xB0, 0x80], [0xEF, 0xBF, 0xBE], [0xF0, 0x9F, 0x98, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x00],
    ]
    var rng = SeededRandom(state: 20)
    func next() -> Int { Int(rng.next() >> 33) }
    var passed = 0
    for _ in 0..<6000 {
      let bytes = (0..<(next() % 12)).flatMap { _ in pieces[next() % pieces.count] }
      let (string, isNFC) = bytes.withUnsafeBufferPointer { Unicode.stringCheckingNFC($0) }
      let decoded = String(decoding: bytes, as: UTF8.self)
      #expect(string == decoded && Array(string.utf8) == Array(decoded.utf8), "\(bytes)")
      if isNFC {
        passed += 1
        #expect(Array(decoded.utf8) == bytes, "not valid UTF-8: \(bytes)")
        #expect(decoded._nfcCodeUnits == bytes, "not NFC: \(bytes)")
        #expect(bytes.withUnsafeBufferPointer { Unicode.hasStartersOnly($0) })
      }
    }
    #expect(passed > 300)
  }
}

extension NormalizationFastPathTests {
  /// The bit table the collapse loop skips bytes by holds the first bytes of the white space
  /// it collapses, and besides them only C0 controls (rare; looked at one by one).
  @Test func theBytesThatMayStartWhiteSpaceAreTheFirstBytesOfWhiteSpace() {
    var first = Set<UInt8>()
    for v in UInt32(0)...0x3000 where Whitespace.isSpace(v) {
      if let u = Unicode.Scalar(v), let byte = String(Character(u)).utf8.first { first.insert(byte) }
    }
    let (low, high) = Whitespace.mayStartSpace
    for c in 0...255 {
      let bits: UInt64 = c < 0x40 ? low : c >= 0xC0 ? high : 0
      let inTable = (bits >> UInt64(c & 0x3F)) & 1 == 1
      #expect(inTable == (first.contains(UInt8(c)) || c < 0x20), "byte \(c)")
      #expect(Whitespace.mayStartSpaceTable[c] == (inTable ? 1 : 0), "byte \(c) in the byte table")
    }
  }
}

extension NormalizationFastPathTests {
  /// `WebAddress.cleaned` returns an address as it is after a byte scan; it gives what its
  /// slow path (trim, drop tab/LF/CR, `\` to `/`) gives, with the fast path's edges: spaces
  /// and controls anywhere, a backslash, non-ASCII at either end.
  @Test func aURLReturnedAsItIsIsWhatTheSlowPathGives() {
    func slow(_ s: String) -> String {
      var scalars = Substring(s).unicodeScalars[...]
      while let f = scalars.first, f.value <= 0x20 || Whitespace.isSpace(f.value) { scalars = scalars.dropFirst() }
      while let l = scalars.last, l.value <= 0x20 || Whitespace.isSpace(l.value) { scalars = scalars.dropLast() }
      var out = String.UnicodeScalarView()
      for u in scalars {
        switch u.value {
        case 0x09, 0x0A, 0x0D: continue
        case 0x5C: out.append("/")
        default: out.append(u)
        }
      }
      return String(out)
    }
    let parts = ["a", "/", "đ", " ", "\t", "\n", "\u{A0}", "\\", "\u{1}", "\u{7F}", "?q=1", "ạ", "\u{3000}", "https://x.vn"]
    var rng = SeededRandom(state: 21)
    func next() -> Int { Int(rng.next() >> 33) }
    for _ in 0..<3000 {
      let s = (0..<(next() % 8)).map { _ in parts[next() % parts.count] }.joined()
      #expect(WebAddress.cleaned(s) == slow(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }
}
