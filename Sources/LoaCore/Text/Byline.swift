/// Splits a byline into author names.
///
/// Vietnamese portals write several authors in one field: "Trần Thanh – Lương Huấn",
/// "Thu Hà - Quang Huy", "Phạm Minh Đức, Lê Thu Trang", "Hoàng Yến và Vũ Nam". Separators:
/// comma, semicolon, the word "và" (and), an en dash, em dash, figure dash or horizontal bar
/// anywhere (no name contains one), and a hyphen (`-`, U+2010) only with white space on at
/// least one side: "Jean-Pierre Dupont" and "Nguyễn Thị Minh-Khai" are one name each. Names
/// keep their spelling; white space is collapsed; duplicates are dropped, first occurrence kept.
package enum Byline {
  /// The names of a byline, in reading order.
  package static func authors(_ byline: String) -> [String] { parse(byline).names }

  /// The names of a byline, and the byline as one line for readers that show a single
  /// author (RSS `dc:creator`): the names in reading order with the separators the editor
  /// wrote between them, spaced the usual way ("Trần Thanh – Lương Huấn", "A, B và C"); empty
  /// parts and repeated names are left out with their separator. Empty for an empty byline.
  package static func parse(_ byline: String) -> (names: [String], text: String) {
    var names: [String] = []
    var text = ""
    var current = String.UnicodeScalarView()
    // The separator written before the name being read (the first one after the last name).
    var pending: String?
    func flush(then separator: String?) {
      let name = Whitespace.collapsed(String(current))
      current = String.UnicodeScalarView()
      if !name.isEmpty && !names.contains(name) {
        if !names.isEmpty { text += pending ?? ", " }
        names.append(name)
        text += name
        pending = nil
      }
      if pending == nil, !names.isEmpty { pending = separator }
    }
    let scalars = Array(byline.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let v = scalars[i].value
      if let separator = Self.separator(scalars, at: i) {
        flush(then: separator)
        i += 1
        continue
      }
      // " và " as a whole word between spaces.
      if Whitespace.isSpace(v), i + 3 < scalars.count, scalars[i + 1] == "v",
        scalars[i + 2] == "à" || isDecomposedA(scalars, at: i + 2),
        Whitespace.isSpace(scalars[i + (scalars[i + 2] == "à" ? 3 : 4)].value)
      {
        flush(then: " và ")
        i += scalars[i + 2] == "à" ? 4 : 5
        continue
      }
      current.append(scalars[i])
      i += 1
    }
    flush(then: nil)
    return (names, text)
  }

  /// The separator (as written between two names) that the scalar at `i` is, or nil when it
  /// belongs to a name.
  private static func separator(_ s: [Unicode.Scalar], at i: Int) -> String? {
    switch s[i].value {
    case 0x2C, 0xFF0C: return ", "  // , ，
    case 0x3B: return "; "
    case 0x2012, 0x2013, 0x2014, 0x2015: return " " + String(s[i]) + " "  // ‒ – — ―
    case 0x2D, 0x2010:  // - ‐: only as a dash, with white space beside it.
      let spaceBefore = i == 0 || Whitespace.isSpace(s[i - 1].value)
      let spaceAfter = i + 1 == s.count || Whitespace.isSpace(s[i + 1].value)
      return spaceBefore || spaceAfter ? " " + String(s[i]) + " " : nil
    default: return nil
    }
  }

  /// "a" followed by a combining grave accent (the decomposed form of "à").
  private static func isDecomposedA(_ s: [Unicode.Scalar], at i: Int) -> Bool {
    i + 2 < s.count && s[i] == "a" && s[i + 1].value == 0x300
  }
}
