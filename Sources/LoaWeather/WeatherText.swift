import LoaCore

/// The small pieces of Vietnamese text in the weather box: wind, temperatures, dates.
///
/// Everything is formatted by hand from numbers and the fixed UTC offset, never with
/// `DateFormatter` or `NumberFormatter`: a formatter with an identifier-based zone crashes
/// (SIGILL) on a machine without tzdata (notes/weather.md §4.4), and formatters are slow and
/// locale-dependent.
public enum WeatherText {
  /// The 8 compass points, clockwise from north, capitalised as in a label ("Gió: Đông Bắc").
  public static let compassPoints = [
    "Bắc", "Đông Bắc", "Đông", "Đông Nam", "Nam", "Tây Nam", "Tây", "Tây Bắc",
  ]

  /// Below this speed the wind is "Lặng gió" and has no direction.
  public static let calmBelowMs = 0.5

  /// The point the wind blows **from**, for a meteorological direction in degrees (48° gives
  /// "Đông Bắc").
  public static func compassPoint(degrees: Double) -> String {
    let d = (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(
      dividingBy: 360)
    return compassPoints[Int((d + 22.5) / 45) % 8]
  }

  /// Upper limits (m/s) of Beaufort forces 0…11 (WMO); anything faster is force 12.
  static let beaufortLimits = [0.2, 1.5, 3.3, 5.4, 7.9, 10.7, 13.8, 17.1, 20.7, 24.4, 28.4, 32.6]

  /// The Beaufort force ("cấp") of a wind speed in m/s.
  public static func beaufort(metresPerSecond v: Double) -> Int {
    // Speeds are compared at 0.1 m/s, the precision the scale is published in.
    let tenths = (v * 10).rounded() / 10
    for (force, limit) in beaufortLimits.enumerated() where tenths <= limit { return force }
    return 12
  }

  /// "Đông Bắc, 4 m/s (cấp 3)", or "Lặng gió" below 0.5 m/s.
  ///
  /// - Parameters:
  ///   - speed: m/s.
  ///   - fromDegrees: direction the wind blows from; nil when the source gives none.
  ///   - unit: the speed unit shown.
  ///   - showBeaufort: append "(cấp N)".
  public static func wind(
    speed: Double, fromDegrees: Double?, unit: WeatherConfiguration.WindUnit, showBeaufort: Bool
  ) -> String {
    if speed < calmBelowMs { return "Lặng gió" }
    var s = ""
    if let fromDegrees { s = compassPoint(degrees: fromDegrees) + ", " }
    switch unit {
    case .metresPerSecond: s += integer(speed) + " m/s"
    case .kilometresPerHour: s += integer(speed * 3.6) + " km/h"
    }
    if showBeaufort { s += " (cấp \(beaufort(metresPerSecond: speed)))" }
    return s
  }

  /// `v` rounded half away from zero, without a minus sign on zero: −0.4 gives "0".
  public static func integer(_ v: Double) -> String {
    let r = v.rounded(.toNearestOrAwayFromZero)
    guard abs(r) < 1e15 else { return "\(r)" }  // NaN, infinities, absurd values: no Int
    return r == 0 ? "0" : String(Int(r))
  }

  /// "22°C".
  public static func temperature(_ celsius: Double) -> String { integer(celsius) + "°C" }

  /// `v` with at most `places` decimals, trailing zeros dropped, `.` as the separator (for
  /// JSON and URLs): 20.95 → "20.95", 21.0 → "21", −0.04 (1 place) → "0".
  /// A value too large for that (NaN, infinities, a hostile payload's 1e300) is written as
  /// Swift prints it, for error messages.
  public static func decimal(_ v: Double, places: Int) -> String {
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    guard abs(v * Double(scale)) < 1e15 else { return "\(v)" }
    let scaled = Int64((v * Double(scale)).rounded(.toNearestOrAwayFromZero))
    if scaled == 0 { return "0" }
    let magnitude = scaled.magnitude
    var whole = String(magnitude / UInt64(scale))
    var fraction = magnitude % UInt64(scale)
    if scaled < 0 { whole = "-" + whole }
    guard fraction != 0 else { return whole }
    var digits = places
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var f = String(fraction)
    while f.count < digits { f = "0" + f }
    return whole + "." + f
  }

  /// Vietnamese weekday names, Sunday first.
  public static let weekdays = [
    "Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
  ]

  private static func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : String(v) }

  /// "14:00 29/11/2026": the instant `t` in its own offset.
  public static func clockAndDate(_ t: Timestamp) -> String {
    let f = DateFormats.fields(t)
    return "\(two(f.h)):\(two(f.mi)) \(two(f.d))/\(two(f.mo))/\(f.y)"
  }

  /// "Thứ Hai 30/11" for a local day (days since 1970-01-01).
  public static func dayLabel(day: Int64) -> String {
    let (_, m, d) = Civil.date(days: day)
    return weekdays[Civil.weekday(days: day)] + " \(two(d))/\(two(m))"
  }

  /// "Thứ Hai": the weekday name of a local day.
  public static func weekdayName(day: Int64) -> String { weekdays[Civil.weekday(days: day)] }

  /// "2026-11-30" for a local day.
  public static func isoDate(day: Int64) -> String {
    let (y, m, d) = Civil.date(days: day)
    return "\(y)-\(two(m))-\(two(d))"
  }

  /// The local day (days since 1970-01-01) of `utc` at `offset` seconds east of UTC.
  public static func localDay(utc: Int64, offset: Int) -> Int64 {
    let local = utc + Int64(offset)
    return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
  }
}
