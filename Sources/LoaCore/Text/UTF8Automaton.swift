#if canImport(Glibc)
  import Glibc
#endif

/// A finite automaton over bytes, for the scans a run makes over every text it reads and
/// writes: UTF-8 validity (RFC 3629), XML characters, the characters known to be NFC.
///
/// One table look-up and one shift a byte (`state = rows[byte] >> state`: the look-up depends
/// on the byte alone, so the processor runs it ahead and the chain from byte to byte is the
/// shift), and runs of ASCII skipped eight bytes at a time from the accepting state: about 4
/// instructions a byte of Vietnamese text, where the branchy scans they replace took about 10
/// (issue 16, Benchmarks/analysis.md "Round seven": over 500 M of a cold run's 2.55 G went to
/// such scans). Each automaton is built from its rules written once (``init(states:reject:controlsAccepted:noncharactersRefused:_:)``),
/// and UTF8AutomatonTests compare each with the code or the standard library it replaces on
/// every sequence class and on random bytes.
package struct UTF8Automaton: Sendable {
  /// `rows[byte]`: for each state, at that state's bit offset (6 × its number), the offset of
  /// the state the byte leads to ("shift-based" automaton: the next state is one shift of a
  /// word loaded by the byte alone, so the loads run ahead of the chain of states).
  private let rows: [UInt64]
  /// Whether a run of ASCII may skip bytes below 0x20 (else such a word goes byte by byte).
  private let controlsAccepted: Bool
  /// Whether U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`) are refused (found apart, with memchr
  /// for their first byte: they would take two more states than a word holds).
  private let noncharactersRefused: Bool

  /// The automaton with `states` states (at most 10), 0 the start and only accepting one,
  /// `reject` the sink; `next(state, byte)` gives each transition.
  init(
    states: Int, reject: Int, controlsAccepted: Bool, noncharactersRefused: Bool = false,
    _ next: (Int, UInt8) -> Int
  ) {
    precondition(states <= 10)
    var rows = [UInt64](repeating: 0, count: 256)
    for b in 0...255 {
      var row: UInt64 = 0
      for s in 0..<states {
        let n = s == reject ? reject : next(s, UInt8(b))
        row |= UInt64(n * 6) << UInt64(s * 6)
      }
      rows[b] = row
    }
    self.rows = rows
    self.controlsAccepted = controlsAccepted
    self.noncharactersRefused = noncharactersRefused
  }

  /// Whether the bytes take the automaton from its start back to its start.
  @inline(__always)
  package func accepts(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = b.baseAddress else { return true }
    let n = b.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let skipControls = controlsAccepted
    let accepted = rows.withUnsafeBufferPointer { r in
      let r = r.baseAddress!
      var s: UInt64 = 0
      var i = 0
      while i < n {
        if s & 63 == 0 {
          // From the start, eight ASCII bytes at a time (none below 0x20 unless allowed).
          while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let low = skipControls ? 0 : (w &- ones &* 0x20) & ~w & highs
            guard (w | low) & highs == 0 else { break }
            i += 8
          }
        }
        let end = min(n, i + 32)
        while i < end {
          s = r[Int(p[i])] &>> s
          i += 1
        }
      }
      return s & 63 == 0
    }
    guard accepted, noncharactersRefused else { return accepted }
    var from = 0
    while from < n, let hit = memchr(p + from, 0xEF, n - from) {
      let k = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if k + 2 < n, p[k + 1] == 0xBF, p[k + 2] >= 0xBE { return false }
      from = k + 1
    }
    return true
  }

  // MARK: The automata

  /// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing past U+10FFFF.
  package static let utf8 = utf8(xmlCharacters: false)

  /// ``utf8`` of XML 1.0 characters only (`Char`: tab, LF, CR, U+0020–U+D7FF,
  /// U+E000–U+FFFD, U+10000–U+10FFFF).
  package static let xmlCharacters = utf8(xmlCharacters: true)

  private static func utf8(xmlCharacters xml: Bool) -> UTF8Automaton {
    // 0 start; 1, 2, 3 continuation bytes still needed; 4 after E0; 5 after ED; 6 after F0;
    // 7 after F4; 8 reject.
    UTF8Automaton(states: 9, reject: 8, controlsAccepted: !xml, noncharactersRefused: xml) { s, b in
      let continuation = b >= 0x80 && b <= 0xBF
      switch s {
      case 0:
        switch b {
        case 0x00..<0x20: return !xml || b == 0x09 || b == 0x0A || b == 0x0D ? 0 : 8
        case 0x20..<0x80: return 0
        case 0xC2...0xDF: return 1
        case 0xE0: return 4
        case 0xED: return 5
        case 0xE1...0xEF: return 2
        case 0xF0: return 6
        case 0xF1...0xF3: return 3
        case 0xF4: return 7
        default: return 8
        }
      case 1: return continuation ? 0 : 8
      case 2: return continuation ? 1 : 8
      case 3: return continuation ? 2 : 8
      case 4: return b >= 0xA0 && b <= 0xBF ? 1 : 8
      case 5: return b >= 0x80 && b <= 0x9F ? 1 : 8
      case 6: return b >= 0x90 && b <= 0xBF ? 2 : 8
      case 7: return b >= 0x80 && b <= 0x8F ? 2 : 8
      default: return 8
      }
    }
  }

  /// Valid UTF-8 of the characters ``Unicode/hasStartersOnly(_:)`` passes (U+0000–U+02FF,
  /// U+1E00–U+1EFF, U+2002–U+207F): so it is NFC.
  package static let startersOnly = starters(clean: false)

  /// ``startersOnly`` without the C0 controls other than tab, LF and CR, and without the C1
  /// controls (`C2 80`–`C2 9F`): ``Unicode/hasCleanStartersOnly(_:)``.
  package static let cleanStartersOnly = starters(clean: true)

  private static func starters(clean: Bool) -> UTF8Automaton {
    // 0 start; 1 one continuation byte needed; 2 after C2 (clean: A0–BF); 3 after E1 (B8–BB);
    // 4 after E2 (80 or 81); 5 after E2 80 (82–BF); 6 reject.
    UTF8Automaton(states: 7, reject: 6, controlsAccepted: !clean) { s, b in
      let continuation = b >= 0x80 && b <= 0xBF
      switch s {
      case 0:
        switch b {
        case 0x00..<0x20: return !clean || b == 0x09 || b == 0x0A || b == 0x0D ? 0 : 6
        case 0x20..<0x80: return 0
        case 0xC2: return clean ? 2 : 1
        case 0xC3...0xCB: return 1
        case 0xE1: return 3
        case 0xE2: return 4
        default: return 6
        }
      case 1: return continuation ? 0 : 6
      case 2: return b >= 0xA0 && b <= 0xBF ? 0 : 6
      case 3: return b >= 0xB8 && b <= 0xBB ? 1 : 6
      case 4: return b == 0x80 ? 5 : b == 0x81 ? 1 : 6
      case 5: return b >= 0x82 && b <= 0xBF ? 0 : 6
      default: return 6
      }
    }
  }
}
