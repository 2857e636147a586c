/// An instant plus the UTC offset it is shown in. All three feed formats write the same
/// instant from one `Timestamp`, so an item's dates agree across RSS, Atom and JSON Feed.
public struct Timestamp: Sendable, Hashable, Comparable {
  /// Seconds since the Unix epoch (UTC).
  public let utc: Int64
  /// Seconds east of UTC to display it in.
  public let offset: Int32

  public init(utc: Int64, offset: Int) {
    self.utc = utc
    self.offset = Int32(offset)
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool { a.utc < b.utc }
  public static func == (a: Timestamp, b: Timestamp) -> Bool { a.utc == b.utc }
  public func hash(into h: inout Hasher) { h.combine(utc) }
}

/// Civil-calendar arithmetic (proleptic Gregorian), after Howard Hinnant's `days_from_civil`
/// and `civil_from_days`. Pure integer functions: no `DateFormatter`, no locale, no time-zone
/// database (notes/performance.md §3.5: 40–100 ns against 2 µs for a formatter).
public enum Civil {
  /// Days since 1970-01-01 of the date `y-m-d`.
  public static func days(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date `(year, month, day)` of a day count since 1970-01-01.
  public static func date(days z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// 0 = Sunday.
  package static func weekday(days: Int64) -> Int {
    let w = (days + 4) % 7
    return Int(w >= 0 ? w : w + 7)
  }
}
