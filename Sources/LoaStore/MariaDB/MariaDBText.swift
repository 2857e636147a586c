/// Turns the bytes of a text column, as the server stored them (the session sets
/// `character_set_results = NULL`, so nothing is converted on the way), into UTF-8.
///
/// - UTF-8 columns (`utf8mb4`, `utf8mb3`), `binary` and `ascii`: the bytes as they are;
///   invalid UTF-8 is then repaired with U+FFFD and reported per row, like any database's.
/// - `latin1` columns (MariaDB's latin1 is Windows-1252): a WordPress site that wrote UTF-8
///   through a latin1 connection left UTF-8 bytes in them, which the server, converting,
///   would turn into mojibake ("Tráº§n" for "Trần"). Bytes that are valid UTF-8 are that case
///   and are taken as UTF-8 (the repair round-trips: the Windows-1252 reading of the result
///   is what the server would have sent). Bytes with no UTF-8 sequence at all are genuine
///   latin1 text and are decoded as Windows-1252. Bytes that mix both cannot be repaired
///   safely: they are passed on as they are, so the row is reported as holding invalid UTF-8.
/// - Any other character set: the bytes as they are (reported when not UTF-8); convert such
///   a column in `database.articlesQuery` (`CONVERT(col USING utf8mb4)`).
package enum MariaDBText {
  /// `charsetnr` values of latin1 collations (`SHOW COLLATION WHERE Charset = 'latin1'`).
  static let latin1: Set<UInt32> = [5, 8, 15, 31, 47, 48, 49, 94]

  /// The UTF-8 bytes of a column value stored in character set `charset`.
  package static func utf8(_ bytes: [UInt8], charset: UInt32) -> [UInt8] {
    guard latin1.contains(charset), bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
    if String(validating: bytes, as: UTF8.self) != nil { return bytes }
    if containsUTF8Sequence(bytes) { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 4)
    for b in bytes {
      let scalar = b >= 0x80 && b < 0xA0 ? windows1252[Int(b - 0x80)] : UInt32(b)
      out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
    }
    return out
  }

  /// Whether `bytes` hold at least one well-formed multi-byte UTF-8 sequence.
  static func containsUTF8Sequence(_ bytes: [UInt8]) -> Bool {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b < 0xF0 ? 3 : 0) : b >= 0xC2 ? 2 : 0
      if length > 0, i + length <= bytes.count,
        String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
      {
        return true
      }
      i += 1
    }
    return false
  }

  /// Windows-1252 for 0x80–0x9F (MariaDB maps the five undefined bytes to the C1 controls).
  static let windows1252: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
    0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
  ]
}
