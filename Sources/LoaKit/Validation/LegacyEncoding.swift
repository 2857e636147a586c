import LoaCore

/// Spots Vietnamese text that was typed in a legacy 8-bit encoding (TCVN3/ABC with `.Vn`
/// fonts, or VNI-Windows) and stored as if it were Latin-1: "Céng hßa x· héi" instead of
/// "Cộng hòa xã hội" (TCVN3), "Coäng hoøa xaõ hoäi" instead of the same (VNI).
///
/// Detection only: the text is published as it is and reported, because conversion is lossy
/// (TCVN3 has no capital toned vowels) and the markers also occur in real text (`µ`, `°`).
/// A field is flagged when it has no genuine Vietnamese letters at all and at least two words
/// carry the marks of one of the encodings (for VNI, one of them a mark no European language
/// puts after a vowel, so "Zoë Noël Citroën" is not VNI).
package enum LegacyEncoding: String, Sendable {
  case tcvn3 = "TCVN3"
  case vni = "VNI"

  /// The legacy encoding `text` looks like, or nil.
  package static func detect(_ text: String) -> LegacyEncoding? {
    // Cheap gate: both encodings show up as Latin-1 supplement characters (UTF-8 C2/C3 lead).
    guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xC3 }) else { return nil }
    var tcvnWords = 0
    var vniWords = 0
    var wordHasTCVN = false
    var wordHasVNI = false
    var strongVNIWords = 0
    var wordHasStrongVNI = false
    var wordHasASCII = false
    var previousWasVowel = false
    for u in text.unicodeScalars {
      let v = u.value
      if isVietnameseLetter(v) { return nil }
      let isLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xA0 && v <= 0xFF)
      if !isLetter {
        // A marker counts only inside a word that also has ASCII letters ("héi", "x·"), not
        // as a symbol on its own ("© 2026").
        if wordHasTCVN && wordHasASCII { tcvnWords += 1 }
        if wordHasVNI { vniWords += 1 }
        if wordHasStrongVNI { strongVNIWords += 1 }
        wordHasTCVN = false
        wordHasVNI = false
        wordHasStrongVNI = false
        wordHasASCII = false
        previousWasVowel = false
        continue
      }
      if v < 0x80 { wordHasASCII = true }
      if tcvnMarkers.contains(v) { wordHasTCVN = true }
      if previousWasVowel && vniMarks.contains(v) {
        wordHasVNI = true
        if strongVNIMarks.contains(v) { wordHasStrongVNI = true }
      }
      previousWasVowel = "aeiouyAEIOUY".unicodeScalars.contains(u)
    }
    if wordHasTCVN && wordHasASCII { tcvnWords += 1 }
    if wordHasVNI { vniWords += 1 }
    if wordHasStrongVNI { strongVNIWords += 1 }
    if tcvnWords >= 2 && tcvnWords >= vniWords { return .tcvn3 }
    if vniWords >= 2 && strongVNIWords >= 1 { return .vni }
    return nil
  }

  /// Letters only Vietnamese Unicode text has: ă â đ ê ô ơ ư and the Latin Extended
  /// Additional block of toned vowels.
  static func isVietnameseLetter(_ v: UInt32) -> Bool {
    switch v {
    case 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0,
      0x1EA0...0x1EF9:
      return true
    default:
      return false
    }
  }

  /// TCVN3 bytes for toned lowercase vowels and đ that, read as Windows-1252/Latin-1, are
  /// symbols or letters foreign to Vietnamese: ¸ µ ¶ · ¹ ¨ © ª « ¬ ® ¡ ¢ £ ¤ ¥ ¦ § Ç Ë Ì Î Ñ Ö Ü ß ñ ÷ ø þ.
  static let tcvnMarkers: Set<UInt32> = [
    0xB8, 0xB5, 0xB6, 0xB7, 0xB9, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAE, 0xA1, 0xA2, 0xA3,
    0xA4, 0xA5, 0xA6, 0xA7, 0xC7, 0xCB, 0xCC, 0xCE, 0xD1, 0xD6, 0xDC, 0xDF, 0xF1, 0xF7,
    0xF8, 0xFE,
  ]

  /// Of those, the ones European languages do not put after a vowel (French has "Noël",
  /// "naïve", "où"; German "Bauämter" is rare): VNI text is flagged only with one of them.
  static let strongVNIMarks: Set<UInt32> = [0xF8, 0xF5, 0xFB, 0xE4, 0xE5, 0xE6]

  /// VNI tone and vowel marks that follow a base vowel: ø ù û õ ï ä å æ ç è é ê ë ì í î ò ó ô ö.
  static let vniMarks: Set<UInt32> = [
    0xF8, 0xF9, 0xFB, 0xF5, 0xEF, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED,
    0xEE, 0xF2, 0xF3, 0xF4, 0xF6,
  ]
}
