/// Escaping plain text for HTML.
package enum HTMLText {
  /// `text` with `& < > "` escaped, for HTML element content or a quoted attribute.
  package static func escaped(_ text: String) -> String {
    var probe = text
    let needed = probe.withUTF8 { b in
      for c in b where c == 0x26 || c == 0x3C || c == 0x3E || c == 0x22 { return true }
      return false
    }
    guard needed else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Plain text as one HTML paragraph.
  package static func paragraph(_ text: String) -> String { "<p>" + escaped(text) + "</p>" }
}
