/// Splits a byline into author names.
///
/// Vietnamese portals write several authors in one field: "Trần Thanh – Lương Huấn",
/// "Thu Hà - Quang Huy", "Phạm Minh Đức, Lê Thu Trang", "Hoàng Yến và Vũ Nam". Separators: en
/// dash, em dash, hyphen, comma, semicolon and the word "và" (and). Names keep their spelling;
/// white space is collapsed; duplicates are dropped, first occurrence kept.
package enum Byline {
  package static func authors(_ byline: String) -> [String] {
    var names: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      let name = Whitespace.collapsed(String(current))
      current = String.UnicodeScalarView()
      if !name.isEmpty && !names.contains(name) { names.append(name) }
    }
    let scalars = Array(byline.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let v = scalars[i].value
      switch v {
      case 0x2013, 0x2014, 0x2012, 0x2015, 0x2D, 0x2C, 0x3B, 0xFF0C:  // – — ‒ ― - , ; ，
        flush()
        i += 1
        continue
      default:
        break
      }
      // " và " as a whole word between spaces.
      if Whitespace.isSpace(v), i + 3 < scalars.count, scalars[i + 1] == "v",
        scalars[i + 2] == "à" || isDecomposedA(scalars, at: i + 2),
        Whitespace.isSpace(scalars[i + (scalars[i + 2] == "à" ? 3 : 4)].value)
      {
        flush()
        i += scalars[i + 2] == "à" ? 4 : 5
        continue
      }
      current.append(scalars[i])
      i += 1
    }
    flush()
    return names
  }

  /// "a" followed by a combining grave accent (the decomposed form of "à").
  private static func isDecomposedA(_ s: [Unicode.Scalar], at i: Int) -> Bool {
    i + 2 < s.count && s[i] == "a" && s[i + 1].value == 0x300
  }
}
