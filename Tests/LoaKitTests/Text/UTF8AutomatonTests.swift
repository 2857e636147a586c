import LoaCore
import LoaTestSupport
import Testing

/// The byte automata (`UTF8Automaton`, issue 16) against what they replace, written from the
/// definitions: the standard library's UTF-8 validation, XML 1.0's `Char`, and the character
/// ranges known to be NFC (`Unicode.hasStartersOnly`). Every one- and two-byte sequence, every
/// three- and four-byte lead with every second byte (the others from a set around each
/// boundary), each alone, after 7, 9 and 40 ASCII bytes (the eight-byte skip and the 32-byte
/// steps) and before ASCII; then random strings of pieces.
@Suite struct UTF8AutomatonTests {
  static func scalars(_ b: [UInt8]) -> [UInt32]? {
    b.withUnsafeBufferPointer { (try? UTF8Span(validating: $0.span)) != nil }
      ? String(decoding: b, as: UTF8.self).unicodeScalars.map(\.value) : nil
  }

  static func isXMLChar(_ v: UInt32) -> Bool {
    switch v {
    case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  static func isStarter(_ v: UInt32) -> Bool {
    v <= 0x2FF || (0x1E00...0x1EFF).contains(v) || (0x2002...0x207F).contains(v)
  }

  static func isCleanStarter(_ v: UInt32) -> Bool {
    isStarter(v) && !(v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) && !(0x80...0x9F).contains(v)
  }

  /// What each automaton should answer for `b`, and what it does.
  static func mismatches(_ b: [UInt8]) -> [String] {
    let s = scalars(b)
    let expected: [(String, UTF8Automaton, Bool)] = [
      ("utf8", .utf8, s != nil),
      ("xmlCharacters", .xmlCharacters, s?.allSatisfy(isXMLChar) ?? false),
      ("startersOnly", .startersOnly, s?.allSatisfy(isStarter) ?? false),
      ("cleanStartersOnly", .cleanStartersOnly, s?.allSatisfy(isCleanStarter) ?? false),
    ]
    return b.withUnsafeBufferPointer { p in
      expected.compactMap { name, automaton, answer in
        automaton.accepts(p) == answer ? nil : "\(name) \(b)"
      }
    }
  }

  static let prefixes: [[UInt8]] = [
    [], Array("abcdefg".utf8), Array("abcdefghi".utf8), Array(repeating: 0x61, count: 40),
  ]

  @Test func everySequenceClassAgreesWithItsDefinition() {
    var failures: [String] = []
    func check(_ bytes: [UInt8]) {
      for prefix in Self.prefixes {
        for all in [prefix + bytes, prefix + bytes + Array("xyz".utf8)] {
          let m = Self.mismatches(all)
          if !m.isEmpty && failures.count < 10 { failures += m }
        }
      }
    }
    for a in 0...255 {
      check([UInt8(a)])
      for b in 0...255 { check([UInt8(a), UInt8(b)]) }
    }
    let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x81, 0x8F, 0x90, 0x9F, 0xA0, 0xB7, 0xB8, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF]
    for lead in 0xE0...0xEF {
      for c1 in 0...255 {
        for c2 in edges { check([UInt8(lead), UInt8(c1), c2]) }
      }
    }
    for lead in 0xF0...0xFF {
      for c1 in 0...255 {
        for c2 in edges { for c3: UInt8 in [0x41, 0x80, 0xBF, 0xC0] { check([UInt8(lead), UInt8(c1), c2, c3]) } }
      }
    }
    #expect(failures.isEmpty, "\(failures)")
  }

  @Test func randomTextAgreesWithItsDefinition() {
    var r = SeededRandom(state: 3629)
    let pieces: [[UInt8]] = [
      Array("Bãi Cháy ".utf8), Array("Trần Thanh – Lương Huấn".utf8), Array("🎆".utf8), Array("abcdefgh".utf8),
      Array("Vie\u{302}\u{323}t".utf8), Array("“ngoặc” … ‰".utf8), [0x09], [0x0A], [0x0D], [0x00], [0x1F], [0x7F],
      [0xC2, 0x85], [0xC2, 0xA0], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0xED, 0xA0, 0x80],
      [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0xBA], [0x80], [0xFF], Array("\u{10FFFF}\u{E000}\u{D7FF}".utf8),
    ]
    var failures: [String] = []
    for _ in 0..<30_000 {
      var b: [UInt8] = []
      for _ in 0..<r.below(16) { b += pieces[r.below(pieces.count)] }
      let m = Self.mismatches(b)
      if !m.isEmpty && failures.count < 10 { failures += m }
    }
    #expect(failures.isEmpty, "\(failures)")
  }
}
