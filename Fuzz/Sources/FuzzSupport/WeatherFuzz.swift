import LoaCore
import LoaKit
import LoaWeather

/// The shared body of the three weather targets: a response body through
/// `WeatherPayload.decode` for one format, for Phường Bãi Cháy (20.95 N, 107.05 E, UTC+7) at
/// the fixtures' "now". Invariants (a crash otherwise): decoding never traps, and a snapshot it
/// returns holds only values inside the ranges `WeatherPayload.checkRanges` enforces, its
/// outlook days come after the day of the observation, and the text helpers the renderer uses
/// accept every value.
public enum WeatherFuzz {
  public static let context = WeatherPayload.Context(
    location: .init(name: "Phường Bãi Cháy, TP. Hạ Long", latitude: 20.95, longitude: 107.05),
    zone: SiteTimeZone(offsetSeconds: 25_200), now: 1_795_936_032)

  public static func run(
    _ format: WeatherConfiguration.Format, _ data: UnsafePointer<UInt8>, _ size: Int
  ) {
    let bytes = FuzzInput.bytes(data, size)
    let snapshot: WeatherSnapshot
    do {
      snapshot = try WeatherPayload.decode(bytes, format: format, context: context)
    } catch {
      return
    }
    var problems: [String] = []
    func check(_ v: Double, _ range: ClosedRange<Double>, _ what: String) {
      if !v.isFinite || !range.contains(v) { problems.append("\(what) \(v) outside \(range)") }
    }
    let c = snapshot.current
    if snapshot.format != format { problems.append("format \(snapshot.format), expected \(format)") }
    check(c.temperatureC, -90...60, "temperature")
    if let a = c.apparentTemperatureC { check(a, -100...75, "feels-like temperature") }
    check(c.humidityPercent, 0...100, "humidity")
    check(c.windSpeedMs, 0...80, "wind speed")
    if let d = c.windFromDegrees { check(d, 0...360, "wind direction") }
    let offset = context.zone.offset(atUTC: snapshot.observedAt)
    let today = WeatherText.localDay(utc: snapshot.observedAt, offset: offset)
    for d in snapshot.daily {
      check(d.minC, -90...60, "daily minimum")
      check(d.maxC, -90...60, "daily maximum")
      if d.minC > d.maxC { problems.append("daily minimum \(d.minC) above maximum \(d.maxC)") }
      if let p = d.precipitationProbabilityPercent { check(p, 0...100, "rain probability") }
      if d.day <= today { problems.append("outlook day \(d.day) is not after today \(today)") }
    }
    if !problems.isEmpty {
      fuzzFailure(
        "a decoded \(format.rawValue) snapshot is within the validated ranges",
        problems.joined(separator: "\n") + "\nbody: "
          + swiftLiteral(String(decoding: bytes, as: UTF8.self)))
    }
    // What the renderer does with the numbers must not trap either.
    _ = WeatherText.integer(c.temperatureC)
    if let a = c.apparentTemperatureC { _ = WeatherText.integer(a) }
    _ = WeatherText.integer(c.humidityPercent)
    for unit in [WeatherConfiguration.WindUnit.metresPerSecond, .kilometresPerHour] {
      _ = WeatherText.wind(speed: c.windSpeedMs, fromDegrees: c.windFromDegrees, unit: unit, showBeaufort: true)
    }
    _ = c.condition.text(isDay: c.isDay)
    for d in snapshot.daily {
      _ = WeatherText.integer(d.minC)
      _ = WeatherText.integer(d.maxC)
      _ = d.condition.text(isDay: true)
    }
  }
}
