/// Parses the date values the article database contract allows (docs/database.md):
///
/// - `YYYY-MM-DD HH:MM[:SS[.fff]]` (also with `T`), a naive wall-clock time in the site's zone;
/// - the same followed by `Z` or an offset (`+07:00`, `+0700`, `+07`), an ISO 8601 instant;
/// - `YYYY-MM-DD` alone, midnight in the site's zone;
/// - `YYYYMMDD` (ISO 8601's basic form: eight digits that make a calendar date of the years
///   1900–2999), midnight in the site's zone; as Unix seconds it would be a time in 1970–1973,
///   which no news article has, and the W3C validator calls it implausible;
/// - any other integer: Unix seconds;
/// - any extra patterns configured for the site (`dd/MM/yyyy HH:mm` …), naive.
///
/// Hand-written over UTF-8 bytes: no `DateFormatter`, whose per-call cost and shared mutable
/// time zone are both traps (notes/performance.md §3.5).
public struct DateParser: Sendable {
  public let zone: SiteTimeZone
  public let extraPatterns: [DatePattern]

  public init(zone: SiteTimeZone, extraPatterns: [DatePattern] = []) {
    self.zone = zone
    self.extraPatterns = extraPatterns
  }

  /// The instant `text` names, shown in the site's zone; nil when it is not a date this parser
  /// accepts (or not a real calendar date, such as 2026-02-30).
  public func parse(_ text: String) -> Timestamp? {
    var text = text
    return text.withUTF8 { raw -> Timestamp? in
      var lo = 0
      var hi = raw.count
      while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
      while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 || raw[hi - 1] == 0x0A
        || raw[hi - 1] == 0x0D
      {
        hi -= 1
      }
      guard lo < hi else { return nil }
      let b = UnsafeBufferPointer(rebasing: raw[lo..<hi])
      if let local = Self.basicDate(b) { return representable(zone.utc(fromLocal: local)) }
      if let utc = Self.unixSeconds(b) { return representable(utc) }
      if let r = Self.iso(b) {
        if let off = r.offset { return representable(r.local - Int64(off)) }
        return representable(zone.utc(fromLocal: r.local))
      }
      for p in extraPatterns {
        if let local = p.match(b) { return representable(zone.utc(fromLocal: local)) }
      }
      return nil
    }
  }

  /// `utc` in the site's zone, when its local year is 1–9999: RFC 3339 and RFC 822 have
  /// four-digit years, so a Unix time such as 999999999999 (year 33658), or an offset that
  /// pushes 9999-12-31 into year 10000, is not a date a feed can carry.
  func representable(_ utc: Int64) -> Timestamp? {
    let t = stamp(utc)
    guard (-62_135_596_800...253_402_300_799).contains(t.utc + Int64(t.offset)) else { return nil }
    return t
  }

  /// `utc` shown in the site's zone.
  public func stamp(_ utc: Int64) -> Timestamp {
    Timestamp(utc: utc, offset: zone.offset(atUTC: utc))
  }

  /// Whether `text` is an integer (Unix seconds), as opposed to a date written out.
  public static func isUnixSeconds(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { b in
      var lo = 0
      var hi = b.count
      while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
      while hi > lo, b[hi - 1] <= 0x20 { hi -= 1 }
      let digits = UnsafeBufferPointer(rebasing: b[lo..<hi])
      return lo < hi && basicDate(digits) == nil && unixSeconds(digits) != nil
    }
  }

  /// `YYYYMMDD` with a year from 1900 to 2999 and a real month and day: the local seconds of
  /// its midnight.
  static func basicDate(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard b.count == 8, let y = digits(b, 0, 4), (1900...2999).contains(y),
      let mo = digits(b, 4, 2), let d = digits(b, 6, 2)
    else { return nil }
    return civilSeconds(y, mo, d, 0, 0, 0)
  }

  static func unixSeconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    var i = 0
    var negative = false
    if b[0] == UInt8(ascii: "-") {
      negative = true
      i = 1
    }
    guard i < b.count, b.count - i <= 12 else { return nil }
    var v: Int64 = 0
    while i < b.count {
      let d = b[i] &- 48
      guard d < 10 else { return nil }
      v = v * 10 + Int64(d)
      i += 1
    }
    return negative ? -v : v
  }

  /// Reads `n` digits at `i`.
  @inline(__always)
  static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Int64? {
    guard i + n <= b.count else { return nil }
    var v: Int64 = 0
    for k in i..<(i + n) {
      let d = b[k] &- 48
      guard d < 10 else { return nil }
      v = v * 10 + Int64(d)
    }
    return v
  }

  /// Seconds of a civil time counted as if UTC, after range checks.
  package static func civilSeconds(
    _ y: Int64, _ mo: Int64, _ d: Int64, _ h: Int64, _ mi: Int64, _ s: Int64
  ) -> Int64? {
    guard (1...9999).contains(y), (1...12).contains(mo), d >= 1, d <= Civil.daysInMonth(y, mo),
      (0...23).contains(h), (0...59).contains(mi), (0...60).contains(s)
    else { return nil }
    return Civil.days(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + min(s, 59)
  }

  /// ISO 8601 / SQL timestamps. `offset` is nil for a naive time.
  package static func iso(_ b: UnsafeBufferPointer<UInt8>) -> (local: Int64, offset: Int?)? {
    guard let y = digits(b, 0, 4), b.count >= 10, b[4] == UInt8(ascii: "-"),
      let mo = digits(b, 5, 2), b[7] == UInt8(ascii: "-"), let d = digits(b, 8, 2)
    else { return nil }
    var i = 10
    var h: Int64 = 0
    var mi: Int64 = 0
    var s: Int64 = 0
    if i < b.count, b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") {
      guard let hh = digits(b, i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"),
        let mm = digits(b, i + 4, 2)
      else { return nil }
      h = hh
      mi = mm
      i += 6
      if i < b.count, b[i] == UInt8(ascii: ":") {
        guard let ss = digits(b, i + 1, 2) else { return nil }
        s = ss
        i += 3
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
          i += 1
          let start = i
          while i < b.count, b[i] &- 48 < 10 { i += 1 }
          guard i > start else { return nil }
        }
      }
    }
    guard let local = civilSeconds(y, mo, d, h, mi, s) else { return nil }
    if i == b.count { return (local, nil) }
    // Optional single space before the zone (PostgreSQL prints none; some CMSs print one).
    if b[i] == UInt8(ascii: " "), i + 1 < b.count { i += 1 }
    if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
      return i + 1 == b.count ? (local, 0) : nil
    }
    if i + 3 == b.count, b[i] == UInt8(ascii: "U"), b[i + 1] == UInt8(ascii: "T"),
      b[i + 2] == UInt8(ascii: "C")
    {
      return (local, 0)
    }
    guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
    let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
    guard let oh = digits(b, i + 1, 2) else { return nil }
    var om: Int64 = 0
    var j = i + 3
    if j < b.count {
      if b[j] == UInt8(ascii: ":") { j += 1 }
      guard let m2 = digits(b, j, 2), j + 2 == b.count else { return nil }
      om = m2
    }
    guard oh <= 14, om < 60 else { return nil }
    return (local, Int(sign * (oh * 3600 + om * 60)))
  }
}

/// A configured naive date pattern such as `dd/MM/yyyy HH:mm`, for CMSs that store dates
/// their own way. Fields: `yyyy`, `MM`, `dd`, `HH`, `mm`, `ss` (all fixed-width digits); any
/// other character must match itself. Missing time fields are zero.
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
  enum Token: Sendable, Hashable {
    case year, month, day, hour, minute, second
    case literal(UInt8)
  }

  let tokens: [Token]
  public let description: String

  /// - Throws: ``ConfigError`` when the pattern has no `yyyy`, `MM` and `dd`, or uses a
  ///   letter that is not one of the fields.
  public init(_ pattern: String) throws {
    description = pattern
    var tokens: [Token] = []
    let b = Array(pattern.utf8)
    var i = 0
    func starts(_ s: String) -> Bool {
      let u = Array(s.utf8)
      return i + u.count <= b.count && Array(b[i..<(i + u.count)]) == u
    }
    while i < b.count {
      if starts("yyyy") {
        tokens.append(.year)
        i += 4
      } else if starts("MM") {
        tokens.append(.month)
        i += 2
      } else if starts("dd") {
        tokens.append(.day)
        i += 2
      } else if starts("HH") {
        tokens.append(.hour)
        i += 2
      } else if starts("mm") {
        tokens.append(.minute)
        i += 2
      } else if starts("ss") {
        tokens.append(.second)
        i += 2
      } else if (b[i] >= 65 && b[i] <= 90) || (b[i] >= 97 && b[i] <= 122) {
        throw ConfigError(
          .invalidValue, key: "database.dateFormats",
          "pattern \"\(pattern)\" uses \"\(Character(Unicode.Scalar(b[i])))\"; allowed fields are yyyy MM dd HH mm ss")
      } else {
        tokens.append(.literal(b[i]))
        i += 1
      }
    }
    guard tokens.contains(.year), tokens.contains(.month), tokens.contains(.day) else {
      throw ConfigError(
        .invalidValue, key: "database.dateFormats", "pattern \"\(pattern)\" needs yyyy, MM and dd")
    }
    self.tokens = tokens
  }

  /// The SQL sort key of `published_at` for a database that stores dates in these patterns:
  /// each value that has a pattern's shape is rearranged into `yyyy-MM-dd HH:mm:ss`, which
  /// sorts like the instant it names, and any other value (ISO 8601 text) is kept as it is.
  /// Plain `published_at` when there are no patterns.
  ///
  /// Built from the configuration only (fixed positions and the pattern's separators), never
  /// from data. Sorting on an expression means an index on `published_at` is not used.
  /// `asText` and `concatenated` write the cast and the concatenation in a dialect that has
  /// no `CAST(… AS TEXT)` and no `||` (MariaDB: `CAST(… AS CHAR)`, `CONCAT(…)`).
  package static func sqlSortKey(
    _ patterns: [DatePattern], asText: String = "CAST(published_at AS TEXT)",
    concatenated: ([String]) -> String = { $0.joined(separator: " || ") }
  ) -> String {
    guard !patterns.isEmpty else { return "published_at" }
    let v = asText
    var sql = "CASE"
    for p in patterns {
      var like = ""
      var position = 1
      var at: [Token: Int] = [:]
      for t in p.tokens {
        switch t {
        case .literal(let c):
          // Separators that are safe in a SQL string and a LIKE pattern; any other byte
          // matches any character.
          let safe = Array("/-.: ,T".utf8)
          like += safe.contains(c) ? String(Unicode.Scalar(c)) : "_"
          position += 1
        case .year:
          at[.year] = position
          like += "____"
          position += 4
        default:
          at[t] = position
          like += "__"
          position += 2
        }
      }
      func part(_ t: Token, _ width: Int) -> String {
        at[t].map { "substr(\(v), \($0), \(width))" } ?? "'00'"
      }
      sql += " WHEN \(v) LIKE '\(like)' THEN " + concatenated([
        part(.year, 4), "'-'", part(.month, 2), "'-'", part(.day, 2), "' '", part(.hour, 2),
        "':'", part(.minute, 2), "':'", part(.second, 2),
      ])
    }
    return sql + " ELSE \(v) END"
  }

  func match(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    var i = 0
    var y: Int64 = 0
    var mo: Int64 = 0
    var d: Int64 = 0
    var h: Int64 = 0
    var mi: Int64 = 0
    var s: Int64 = 0
    for t in tokens {
      switch t {
      case .year:
        guard let v = DateParser.digits(b, i, 4) else { return nil }
        y = v
        i += 4
      case .literal(let c):
        guard i < b.count, b[i] == c else { return nil }
        i += 1
      default:
        guard let v = DateParser.digits(b, i, 2) else { return nil }
        switch t {
        case .month: mo = v
        case .day: d = v
        case .hour: h = v
        case .minute: mi = v
        default: s = v
        }
        i += 2
      }
    }
    guard i == b.count else { return nil }
    return DateParser.civilSeconds(y, mo, d, h, mi, s)
  }
}
