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

  /// The bytes that may start white space (``spaceLength(_:_:)``), as bits: 00–20 in `low`
  /// (bytes 00–3F), C2, E1, E2 and E3 in `high` (bytes C0–FF); no byte of 40–BF does.
  package static let mayStartSpace: (low: UInt64, high: UInt64) = (
    (1 << 33) - 1, (1 << (0xC2 - 0xC0)) | (1 << (0xE1 - 0xC0)) | (1 << (0xE2 - 0xC0)) | (1 << (0xE3 - 0xC0))
  )

  /// ``mayStartSpace`` as one byte per byte value (1: may start white space), for the
  /// collapse's inner loop. A static array's storage lives as long as the process.
  package static let mayStartSpaceTable: [UInt8] = (0..<256).map { c in
    let (low, high) = mayStartSpace
    let bit = (c < 0x40 ? low : c >= 0xC0 ? high : 0) >> UInt64(c & 0x3F)
    return UInt8(bit & 1)
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
      guard let source = b.baseAddress, let target = out.baseAddress else { return }
      let end = b.count
      Self.mayStartSpaceTable.withUnsafeBufferPointer { table in
        /// Whether the byte at `j` starts no white space: ASCII above the space, continuation
        /// bytes, and lead bytes other than C2, E1, E2, E3, or E1 not followed by 9A (U+1680 is
        /// the only white space that starts E1, and Vietnamese letters start E1 BA, E1 BB).
        /// Looked up in ``mayStartSpaceTable``: one load instead of five comparisons.
        @inline(__always) func startsNoSpace(_ j: Int) -> Bool {
          let c = source[j]
          if table[Int(c)] == 0 { return true }
          return c == 0xE1 && j + 1 < end && source[j + 1] != 0x9A
        }
        var n = 0
        var pendingSpace = false
        i = 0
        while i < end {
          // A run of bytes that start no white space, with the single ASCII spaces between
          // them (they stay as they are), copied at once.
          var j = i
          while j < end {
            if startsNoSpace(j) {
              j += 1
            } else if source[j] == 0x20 && j > i && j + 1 < end && startsNoSpace(j + 1) {
              j += 2
            } else {
              break
            }
          }
          if j > i {
            if pendingSpace {
              target[n] = 0x20
              n += 1
              pendingSpace = false
            }
            (target + n).update(from: source + i, count: j - i)
            n += j - i
            i = j
            guard i < end else { break }
          }
          let length = spaceLength(b, i)
          if length > 0 {
            pendingSpace = n > 0
            i += length
            continue
          }
          if pendingSpace {
            target[n] = 0x20
            n += 1
            pendingSpace = false
          }
          target[n] = source[i]
          n += 1
          i += 1
        }
        count = n
      }
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
    UTF8Automaton.startersOnly.accepts(utf8)
  }

  /// Whether `utf8` needs none of the cleaning a text gets before it is published: only
  /// characters ``hasStartersOnly(_:)`` passes (so it is NFC, and none is U+FFFE or U+FFFF),
  /// and among them no C0 control other than tab, LF and CR (XML forbids them) and no C1
  /// control (U+0080–U+009F, `C2 80`–`C2 9F`). One scan instead of three (characters XML
  /// forbids, C1 controls, the NFC quick check); false sends the text through all three.
  package static func hasCleanStartersOnly(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    UTF8Automaton.cleanStartersOnly.accepts(utf8)
  }

  /// Whether `utf8` is valid UTF-8 made only of the characters ``hasStartersOnly(_:)`` passes
  /// (so it is NFC): the same ranges, with every continuation byte checked and overlong or
  /// other lead bytes rejected (``UTF8Automaton/startersOnly``, which ``hasStartersOnly(_:)``
  /// runs too: a `String`'s bytes are valid, so checking its continuation bytes changes no
  /// answer).
  package static func isValidWithStartersOnly(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    UTF8Automaton.startersOnly.accepts(utf8)
  }

  /// `utf8` as a string, and whether it is known to be NFC. When ``isValidWithStartersOnly(_:)``
  /// passes, that one scan stands for both the validation `String(decoding:as:)` does and the
  /// NFC quick check (about a tenth of a body's cleaning); otherwise the bytes are decoded as
  /// `String(decoding:as:)` decodes them (invalid sequences become U+FFFD) and `isNFC` is
  /// false, which means "not known", not "not NFC".
  package static func stringCheckingNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> (string: String, isNFC: Bool) {
    guard isValidWithStartersOnly(utf8) else { return (String(decoding: utf8, as: UTF8.self), false) }
    let span = unsafe Span(_unsafeElements: utf8)
    return (String(copying: unsafe UTF8Span(unchecked: span)), true)
  }

  /// NFC of `s`, normalizing only when the quick check fails.
  package static func nfc(_ s: String) -> String {
    isNFC(s) ? s : composed(s)
  }

  /// NFC of `s`, computed piece by piece.
  ///
  /// Normalization never reaches across a character that is its own boundary: one with
  /// canonical combining class 0 that never composes with what comes before it (NFC quick
  /// check "yes", UAX #15 §9; what ICU's normalizer splits its input at). Every ASCII
  /// character is one, so the text is cut before each ASCII byte: a piece is one ASCII
  /// character (or none, at the start) and the non-ASCII bytes up to the next ASCII one, like
  /// `e` + U+0323 U+0302 in decomposed Vietnamese, or a whole word of a script written
  /// without ASCII spaces. Pieces of ASCII alone are copied; the others are normalized by the
  /// standard library (`_nfcCodeUnits`), and short ones (7 bytes or fewer: a Vietnamese
  /// letter with its marks) are remembered for the whole run, since decomposed text is made
  /// of the same few dozen letters. This is about twice the standard library's speed on
  /// whole articles and agrees with its NFC of the whole text; Foundation's NFC on Linux,
  /// used before, is slower and leaves some Hangul apart (Tests/LoaKitTests/Text/NFCTests).
  package static func composed(_ s: String) -> String {
    var s = s
    let bytes: [UInt8] = s.withUTF8 { b in
      guard let input = b.baseAddress else { return [] }
      let n = b.count
      // NFC is at most three times as long in UTF-8 (UAX #15 §9), and a remembered piece is
      // stored as one 8-byte word: room for both, so nothing is checked or grown per piece.
      return [UInt8](unsafeUninitializedCapacity: 3 * n + 8) { buffer, count in
        guard let output = buffer.baseAddress else { return }
        let out = UnsafeMutableRawPointer(output)
        var recent = NFCPieces.Recent()
        var written = 0
        var i = 0
        while i < n {
          // ASCII up to the last ASCII byte before non-ASCII ones, copied as it is.
          var ascii = i
          while ascii < n && input[ascii] < 0x80 { ascii += 1 }
          let start = ascii > i && ascii < n ? ascii - 1 : ascii
          if start > i {
            (out + written).copyMemory(from: input + i, byteCount: start - i)
            written += start - i
          }
          guard start < n else { break }
          // The piece: at most one ASCII byte, then every non-ASCII byte after it.
          var end = input[start] < 0x80 ? start + 1 : start
          while end < n && input[end] >= 0x80 { end += 1 }
          written += NFCPieces.shared.write(
            UnsafeBufferPointer(start: input + start, count: end - start), to: out + written,
            recent: &recent)
          i = end
        }
        count = written
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The NFC of short pieces of text already seen (``Unicode/composed(_:)``), shared by the
/// cleaning threads. Bounded: past `capacity` distinct pieces (hostile text made of ever
/// new combinations), new ones are normalized without being kept.
final class NFCPieces: @unchecked Sendable {
  static let shared = NFCPieces()
  static let capacity = 8192
  private let lock = Mutex()
  /// Read and written only under `lock`, so the runtime's exclusivity check (a thread-local
  /// access set on every use, 10% of this function's time) is left out.
  @exclusivity(unchecked) private var known: [UInt64: [UInt8]] = [:]

  /// The pieces one call of ``Unicode/composed(_:)`` met last, with their NFC, in a small
  /// table of its own: a decomposed article repeats the same few dozen letters, and a look-up
  /// here needs no lock and no hashing of the shared dictionary (most of the time it took).
  /// Only pieces whose NFC is 7 bytes or fewer are kept, packed with their length in one word.
  struct Recent {
    static let slots = 256
    /// The piece's key (``NFCPieces/key(_:)``, never 0) and its NFC: bytes in the low seven
    /// bytes, the length in the top one.
    var keys = [UInt64](repeating: 0, count: slots)
    var values = [UInt64](repeating: 0, count: slots)

    @inline(__always)
    static func slot(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }
  }

  /// A piece of 7 bytes or fewer and its length in one word: distinct pieces, distinct keys,
  /// never 0.
  @inline(__always)
  static func key(_ piece: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var key = UInt64(piece.count) << 56
    for k in 0..<piece.count { key |= UInt64(piece[k]) << (8 * k) }
    return key
  }

  /// Writes the NFC of `piece` at `out`, from `recent` when this call met it already, and
  /// returns its length. `out` has room for three times the piece's length, and 8 bytes.
  @inline(__always)
  func write(_ piece: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableRawPointer, recent: inout Recent)
    -> Int
  {
    guard piece.count <= 7 else {
      let nfc = String(decoding: piece, as: UTF8.self)._nfcCodeUnits
      nfc.withUnsafeBytes { out.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(out), byteCount: $0.count) }
      return nfc.count
    }
    let key = Self.key(piece)
    let slot = Recent.slot(key)
    if recent.keys[slot] == key {
      let packed = recent.values[slot]
      // All eight bytes are stored; the length says how many count.
      out.storeBytes(of: packed.littleEndian, as: UInt64.self)
      return Int(truncatingIfNeeded: packed >> 56)
    }
    let nfc = self.nfc(key: key, piece)
    if nfc.count <= 7 {
      var packed = UInt64(nfc.count) << 56
      for (k, byte) in nfc.enumerated() { packed |= UInt64(byte) << (8 * k) }
      recent.keys[slot] = key
      recent.values[slot] = packed
    }
    nfc.withUnsafeBytes { out.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(out), byteCount: $0.count) }
    return nfc.count
  }

  /// The NFC of a piece of 7 bytes or fewer, from the shared table or computed (and kept
  /// while there is room).
  func nfc(key: UInt64, _ piece: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    if let nfc = lock.withLock({ known[key] }) { return nfc }
    let nfc = String(decoding: piece, as: UTF8.self)._nfcCodeUnits
    lock.withLock {
      if known.count < Self.capacity { known[key] = nfc }
    }
    return nfc
  }

}
