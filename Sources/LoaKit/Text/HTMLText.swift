/// Escaping plain text for HTML.
public enum HTMLText {
  /// `text` with `& < > "` escaped, for HTML element content or a quoted attribute.
  public static func escaped(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 })
    else { return text }
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
  public static func paragraph(_ text: String) -> String { "<p>" + escaped(text) + "</p>" }
}
