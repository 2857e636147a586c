/// Date strings for the feed formats, formatted by hand into ASCII bytes.
///
/// - RSS 2.0 uses RFC 822 (with four-digit years, as the RSS profile recommends):
///   `Sun, 29 Nov 2026 14:00:00 +0700`, English day and month names whatever the locale.
/// - Atom (RFC 4287 §3.3) and JSON Feed 1.1 use RFC 3339: `2026-11-29T14:00:00+07:00`.
public enum DateFormats {
  private static let dayNames: StaticString = "SunMonTueWedThuFriSat"
  private static let monthNames: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"

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

  /// ASCII written straight into a new string's storage: one allocation per date, no
  /// intermediate array (a feed formats one or two dates per item).
  private struct ASCIIOut {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always) mutating func byte(_ b: UInt8) {
      buffer[count] = b
      count += 1
    }

    /// The `index`th three-letter name of `table`.
    @inline(__always) mutating func name(_ table: StaticString, _ index: Int) {
      for k in 0..<3 { byte(table.utf8Start[3 * index + k]) }
    }

    @inline(__always) mutating func two(_ v: Int64) {
      byte(UInt8(48 + v / 10))
      byte(UInt8(48 + v % 10))
    }

    mutating func four(_ v: Int64) {
      let y = max(0, min(9999, v))
      byte(UInt8(48 + y / 1000))
      byte(UInt8(48 + (y / 100) % 10))
      byte(UInt8(48 + (y / 10) % 10))
      byte(UInt8(48 + y % 10))
    }

    mutating func offset(_ seconds: Int32, colon: Bool) {
      byte(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      let m = Int64(abs(Int(seconds)) / 60)
      two(m / 60)
      if colon { byte(UInt8(ascii: ":")) }
      two(m % 60)
    }
  }

  /// `Sun, 29 Nov 2026 14:00:00 +0700`.
  public static func rfc822(_ t: Timestamp) -> String {
    let f = fields(t)
    return String(unsafeUninitializedCapacity: 31) { buffer in
      var out = ASCIIOut(buffer)
      out.name(dayNames, Civil.weekday(days: f.days))
      out.byte(UInt8(ascii: ","))
      out.byte(0x20)
      out.two(f.d)
      out.byte(0x20)
      out.name(monthNames, Int(f.mo) - 1)
      out.byte(0x20)
      out.four(f.y)
      out.byte(0x20)
      out.two(f.h)
      out.byte(UInt8(ascii: ":"))
      out.two(f.mi)
      out.byte(UInt8(ascii: ":"))
      out.two(f.s)
      out.byte(0x20)
      out.offset(t.offset, colon: false)
      return out.count
    }
  }

  /// `2026-11-29T14:00:00+07:00`.
  public static func rfc3339(_ t: Timestamp) -> String {
    let f = fields(t)
    return String(unsafeUninitializedCapacity: 25) { buffer in
      var out = ASCIIOut(buffer)
      out.four(f.y)
      out.byte(UInt8(ascii: "-"))
      out.two(f.mo)
      out.byte(UInt8(ascii: "-"))
      out.two(f.d)
      out.byte(UInt8(ascii: "T"))
      out.two(f.h)
      out.byte(UInt8(ascii: ":"))
      out.two(f.mi)
      out.byte(UInt8(ascii: ":"))
      out.two(f.s)
      out.offset(t.offset, colon: true)
      return out.count
    }
  }
}
