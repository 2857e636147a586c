import FoundationEssentials

/// The site's time zone: turns naive wall-clock times from the database into instants, and
/// gives the UTC offset written next to every date.
///
/// Built from an IANA name (`Asia/Ho_Chi_Minh`) or a fixed offset (`+07:00`). A zone with no
/// transitions since 2000 (Vietnam has had none since 1975) is handled as a fixed offset, so
/// the common case needs no time-zone database lookups per item.
public struct SiteTimeZone: Sendable, Equatable {
  /// The name from the configuration.
  public let identifier: String
  private let fixedOffset: Int?
  private let zone: ZoneInfo?

  /// - Throws: ``ConfigError`` with code `.invalidValue` when the name is not a known zone.
  public init(_ identifier: String) throws {
    self.identifier = identifier
    if let offset = Self.parseOffset(identifier) {
      fixedOffset = offset
      zone = nil
      return
    }
    guard let tz = ZoneInfo(identifier: identifier) else {
      throw ConfigError(.invalidValue, key: "site.timeZone", "unknown time zone \"\(identifier)\"")
    }
    let since2000: Int64 = 946_684_800
    if tz.isFixed(after: since2000) {
      fixedOffset = tz.offset(atUTC: since2000)
      zone = nil
    } else {
      fixedOffset = nil
      zone = tz
    }
  }

  /// A zone at a fixed offset from UTC.
  public init(offsetSeconds: Int) {
    identifier = Self.offsetString(offsetSeconds, colon: true)
    fixedOffset = offsetSeconds
    zone = nil
  }

  /// The offset from UTC, in seconds, at the instant `utc`.
  public func offset(atUTC utc: Int64) -> Int {
    if let fixedOffset { return fixedOffset }
    return zone?.offset(atUTC: utc) ?? 0
  }

  /// The instant at which the site's clocks show `local` (seconds of a civil time counted as
  /// if it were UTC). In a gap or overlap of a zone with DST, the earlier offset wins.
  public func utc(fromLocal local: Int64) -> Int64 {
    if let fixedOffset { return local - Int64(fixedOffset) }
    let first = local - Int64(offset(atUTC: local))
    return local - Int64(offset(atUTC: first))
  }

  /// `+07:00` (with colon) or `+0700`.
  static func offsetString(_ seconds: Int, colon: Bool) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let m = abs(seconds) / 60
    let hh = m / 60
    let mm = m % 60
    let h2 = hh < 10 ? "0\(hh)" : "\(hh)"
    let m2 = mm < 10 ? "0\(mm)" : "\(mm)"
    return colon ? "\(sign)\(h2):\(m2)" : "\(sign)\(h2)\(m2)"
  }

  /// Parses `+07:00`, `+0700`, `-05:30`, `UTC`, `Z`.
  static func parseOffset(_ s: String) -> Int? {
    if s == "UTC" || s == "Z" || s == "GMT" { return 0 }
    let b = Array(s.utf8)
    guard b.count == 6 || b.count == 5, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-")
    else { return nil }
    let digits = b.count == 6 ? [b[1], b[2], b[4], b[5]] : [b[1], b[2], b[3], b[4]]
    if b.count == 6 && b[3] != UInt8(ascii: ":") { return nil }
    guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    let h = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
    let m = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
    guard h <= 14, m < 60 else { return nil }
    let total = (h * 60 + m) * 60
    return b[0] == UInt8(ascii: "-") ? -total : total
  }
}
