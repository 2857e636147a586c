/// Date strings for the feed formats, formatted by hand into ASCII bytes.
///
/// - RSS 2.0 uses RFC 822 (with four-digit years, as the RSS profile recommends):
///   `Sun, 29 Nov 2026 14:00:00 +0700`, English day and month names whatever the locale.
/// - Atom (RFC 4287 §3.3) and JSON Feed 1.1 use RFC 3339: `2026-11-29T14:00:00+07:00`.
public enum DateFormats {
  private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Local civil fields of `t` in its own offset.
  package static func fields(_ t: Timestamp) -> (
    y: Int64, mo: Int64, d: Int64, h: Int64, mi: Int64, s: Int64, days: Int64
  ) {
    let local = t.utc + Int64(t.offset)
    var days = local / 86_400
    var secs = local % 86_400
    if secs < 0 {
      secs += 86_400
      days -= 1
    }
    let (y, mo, d) = Civil.date(days: days)
    return (y, mo, d, secs / 3600, (secs % 3600) / 60, secs % 60, days)
  }

  @inline(__always)
  private static func two(_ v: Int64, _ out: inout [UInt8]) {
    out.append(UInt8(48 + v / 10))
    out.append(UInt8(48 + v % 10))
  }

  private static func four(_ v: Int64, _ out: inout [UInt8]) {
    let y = max(0, min(9999, v))
    out.append(UInt8(48 + y / 1000))
    out.append(UInt8(48 + (y / 100) % 10))
    out.append(UInt8(48 + (y / 10) % 10))
    out.append(UInt8(48 + y % 10))
  }

  private static func offset(_ seconds: Int32, colon: Bool, _ out: inout [UInt8]) {
    out.append(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
    let m = Int64(abs(Int(seconds)) / 60)
    two(m / 60, &out)
    if colon { out.append(UInt8(ascii: ":")) }
    two(m % 60, &out)
  }

  /// `Sun, 29 Nov 2026 14:00:00 +0700`.
  public static func rfc822(_ t: Timestamp) -> String {
    let f = fields(t)
    var out: [UInt8] = []
    out.reserveCapacity(31)
    out.append(contentsOf: dayNames[Civil.weekday(days: f.days)].utf8)
    out.append(contentsOf: ", ".utf8)
    two(f.d, &out)
    out.append(0x20)
    out.append(contentsOf: monthNames[Int(f.mo) - 1].utf8)
    out.append(0x20)
    four(f.y, &out)
    out.append(0x20)
    two(f.h, &out)
    out.append(UInt8(ascii: ":"))
    two(f.mi, &out)
    out.append(UInt8(ascii: ":"))
    two(f.s, &out)
    out.append(0x20)
    offset(t.offset, colon: false, &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `2026-11-29T14:00:00+07:00`.
  public static func rfc3339(_ t: Timestamp) -> String {
    let f = fields(t)
    var out: [UInt8] = []
    out.reserveCapacity(25)
    four(f.y, &out)
    out.append(UInt8(ascii: "-"))
    two(f.mo, &out)
    out.append(UInt8(ascii: "-"))
    two(f.d, &out)
    out.append(UInt8(ascii: "T"))
    two(f.h, &out)
    out.append(UInt8(ascii: ":"))
    two(f.mi, &out)
    out.append(UInt8(ascii: ":"))
    two(f.s, &out)
    offset(t.offset, colon: true, &out)
    return String(decoding: out, as: UTF8.self)
  }
}
