/// URL slugs from Vietnamese text: "Bãi Cháy" → "bai-chay", "Đông Hồ" → "dong-ho".
///
/// Each letter maps to its base Latin letter with the tone and vowel marks removed. `đ`/`Đ`
/// does not decompose under Unicode (it is a letter with a stroke, not a mark), so it is mapped
/// explicitly; decomposed (NFD) input works too because combining marks are dropped.
package enum Slug {
  /// The slug of `text`: lowercase ASCII letters and digits, runs of anything else turned into
  /// one `-`, no leading or trailing `-`. Empty when `text` has no letter or digit.
  package static func make(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for u in text.unicodeScalars {
      let base = baseLetter(u)
      if let base {
        if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
        pendingDash = false
        out.append(base)
      } else if isCombiningMark(u.value) {
        continue
      } else {
        pendingDash = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `slug` cut to at most `maxBytes` bytes, without a trailing `-`.
  ///
  /// A slug is ASCII, so every byte ends a whole character; the cut prefers the end of a word
  /// (the last `-` in the second half of the allowance) so a folder name does not end halfway
  /// through a syllable.
  package static func capped(_ slug: String, maxBytes: Int) -> String {
    let bytes = Array(slug.utf8)
    guard bytes.count > maxBytes, maxBytes > 0 else { return slug }
    var end = maxBytes
    if bytes[end] != UInt8(ascii: "-"),
      let dash = bytes[(maxBytes / 2)..<maxBytes].lastIndex(of: UInt8(ascii: "-"))
    {
      end = dash
    }
    while end > 0 && bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
    return String(decoding: bytes[..<end], as: UTF8.self)
  }

  @inline(__always)
  static func isCombiningMark(_ v: UInt32) -> Bool {
    (0x0300...0x036F).contains(v) || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
  }

  /// The lowercase ASCII letter or digit that `u` stands for, or nil.
  static func baseLetter(_ u: Unicode.Scalar) -> UInt8? {
    let v = u.value
    if v < 0x80 {
      let b = UInt8(v)
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return b
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): return b + 32
      default: return nil
      }
    }
    if let mapped = vietnamese[v] { return mapped }
    return nil
  }

  /// Precomposed Latin letters used in Vietnamese (and common Western European ones) mapped to
  /// their base letter.
  static let vietnamese: [UInt32: UInt8] = {
    var table: [UInt32: UInt8] = [:]
    let groups: [(Character, String)] = [
      ("a", "àáảãạăằắẳẵặâầấẩẫậäåāÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ"),
      ("e", "èéẻẽẹêềếểễệëēÈÉẺẼẸÊỀẾỂỄỆËĒ"),
      ("i", "ìíỉĩịïīÌÍỈĨỊÏĪ"),
      ("o", "òóỏõọôồốổỗộơờớởỡợöøōÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌ"),
      ("u", "ùúủũụưừứửữựüūÙÚỦŨỤƯỪỨỬỮỰÜŪ"),
      ("y", "ỳýỷỹỵÿỲÝỶỸỴ"),
      ("d", "đĐ"),
      ("c", "çÇ"),
      ("n", "ñÑ"),
    ]
    for (base, letters) in groups {
      let b = base.asciiValue!
      for scalar in letters.unicodeScalars { table[scalar.value] = b }
    }
    return table
  }()
}
