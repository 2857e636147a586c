import FoundationEssentials
import LoaCore

/// Turns a response body into a ``WeatherSnapshot`` and checks it, in the order of notes/weather.md
/// §4.3: empty body, strict decoding (every field used is required and typed), units, codes, value
/// ranges, then the source's timestamp.
///
/// Any failure is a ``WeatherError``; nothing half-decoded ever comes out.
public enum WeatherPayload {
  /// What decoding needs besides the bytes.
  public struct Context: Sendable {
    /// Where the data should be for; a payload for a point more than 0.5° away is refused.
    public var location: WeatherConfiguration.Location
    /// The site's zone, for local days and the day/night fallback.
    public var zone: SiteTimeZone
    /// "Now", to pick MET Norway's current step; nil picks the first step.
    public var now: Int64?

    public init(location: WeatherConfiguration.Location, zone: SiteTimeZone, now: Int64?) {
      self.location = location
      self.zone = zone
      self.now = now
    }
  }

  /// Decodes `data` as `format`.
  ///
  /// - Parameter notes: receives one line per harmless oddity (an unknown code mapped by its
  ///   group), for the log.
  /// - Throws: ``WeatherError`` (`empty`, `invalidJSON`, `wrongShape`, `outOfRange`).
  public static func decode(
    _ data: [UInt8], format: WeatherConfiguration.Format, context: Context,
    notes: (String) -> Void = { _ in }
  ) throws -> WeatherSnapshot {
    guard !data.isEmpty else { throw WeatherError(.empty, "empty body") }
    let snapshot: WeatherSnapshot
    switch format {
    case .openMeteo:
      snapshot = try openMeteo(strictly(OpenMeteoPayload.self, data), context, notes)
    case .metNorway:
      snapshot = try metNorway(strictly(METPayload.self, data), context, notes)
    case .openWeatherMap:
      snapshot = try openWeatherMap(strictly(OWMPayload.self, data), context, notes)
    }
    try checkRanges(snapshot)
    return snapshot
  }

  /// Refuses a snapshot whose own time is older than `maxAge` or more than an hour ahead of
  /// `now` (a source serving an old model run, or a wrong clock somewhere).
  public static func checkTimestamp(
    _ s: WeatherSnapshot, now: Int64, maxAge: Int64, zone: SiteTimeZone
  ) throws {
    let shown = WeatherText.clockAndDate(
      Timestamp(utc: s.observedAt, offset: zone.offset(atUTC: s.observedAt)))
    if s.observedAt < now - maxAge {
      throw WeatherError(
        .badTimestamp,
        "data is from \(shown), older than \(maxAge / 60) minutes (maxSourceAgeMinutes)")
    }
    if s.observedAt > now + 3600 {
      throw WeatherError(.badTimestamp, "data claims to be from \(shown), more than an hour ahead")
    }
  }

  // MARK: - Decoding

  static func strictly<T: Decodable>(_ type: T.Type, _ data: [UInt8]) throws -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(data))
    } catch let e as DecodingError {
      throw describe(e)
    } catch {
      throw WeatherError(.invalidJSON, "not valid JSON")
    }
  }

  /// A one-line description built from our own key names only (never from the body).
  static func describe(_ e: DecodingError) -> WeatherError {
    func path(_ p: [CodingKey], _ last: CodingKey? = nil) -> String {
      var s = ""
      for k in p + (last.map { [$0] } ?? []) {
        if let i = k.intValue {
          s += "[\(i)]"
        } else {
          s += (s.isEmpty ? "" : ".") + k.stringValue
        }
      }
      return s.isEmpty ? "the top level" : s
    }
    switch e {
    case .dataCorrupted(let ctx):
      if ctx.codingPath.isEmpty {
        return WeatherError(.invalidJSON, "not valid JSON (cut short, or not JSON at all)")
      }
      return WeatherError(.wrongShape, "wrong JSON shape: \(path(ctx.codingPath)) is invalid")
    case .keyNotFound(let key, let ctx):
      return WeatherError(.wrongShape, "wrong JSON shape: \(path(ctx.codingPath, key)) is missing")
    case .typeMismatch(_, let ctx):
      return WeatherError(
        .wrongShape, "wrong JSON shape: \(path(ctx.codingPath)) has the wrong type")
    case .valueNotFound(_, let ctx):
      return WeatherError(.wrongShape, "wrong JSON shape: \(path(ctx.codingPath)) is null")
    @unknown default:
      return WeatherError(.wrongShape, "wrong JSON shape")
    }
  }

  /// A local date-time with an optional offset (`2026-11-29T14:00`, `2026-11-29T07:00:00Z`,
  /// `2026-11-30`), by the hand-written ISO parser.
  static func isoTime(_ text: String) -> (local: Int64, offset: Int?)? {
    var text = text
    return text.withUTF8 { raw -> (local: Int64, offset: Int?)? in
      guard !raw.isEmpty else { return nil }
      return DateParser.iso(raw)
    }
  }

  static func checkPlace(_ lat: Double, _ lon: Double, _ context: Context) throws {
    guard abs(lat - context.location.latitude) <= 0.5,
      abs(lon - context.location.longitude) <= 0.5
    else {
      throw WeatherError(
        .outOfRange,
        "data is for \(WeatherText.decimal(lat, places: 2)), "
          + "\(WeatherText.decimal(lon, places: 2)), not the configured location")
    }
  }

  /// Daytime by the clock (06:00–18:00 local), when the source does not say.
  static func isDaytime(_ utc: Int64, _ zone: SiteTimeZone) -> Bool {
    let local = utc + Int64(zone.offset(atUTC: utc))
    let hour = ((local % 86_400) + 86_400) % 86_400 / 3600
    return (6..<18).contains(hour)
  }

  // MARK: Open-Meteo

  struct OpenMeteoPayload: Decodable {
    struct CurrentUnits: Decodable {
      let temperature: String
      let windSpeed: String
      enum CodingKeys: String, CodingKey {
        case temperature = "temperature_2m"
        case windSpeed = "wind_speed_10m"
      }
    }
    struct Current: Decodable {
      let time: String
      let temperature: Double
      let humidity: Double
      let apparentTemperature: Double?
      let weatherCode: Int
      let windSpeed: Double
      let windDirection: Double
      let isDay: Int?
      enum CodingKeys: String, CodingKey {
        case time
        case temperature = "temperature_2m"
        case humidity = "relative_humidity_2m"
        case apparentTemperature = "apparent_temperature"
        case weatherCode = "weather_code"
        case windSpeed = "wind_speed_10m"
        case windDirection = "wind_direction_10m"
        case isDay = "is_day"
      }
    }
    struct DailyUnits: Decodable {
      let max: String
      enum CodingKeys: String, CodingKey { case max = "temperature_2m_max" }
    }
    struct Daily: Decodable {
      let time: [String]
      let weatherCode: [Int?]
      let max: [Double?]
      let min: [Double?]
      let precipitationProbability: [Double?]?
      enum CodingKeys: String, CodingKey {
        case time
        case weatherCode = "weather_code"
        case max = "temperature_2m_max"
        case min = "temperature_2m_min"
        case precipitationProbability = "precipitation_probability_max"
      }
    }
    let latitude: Double
    let longitude: Double
    let utcOffsetSeconds: Int
    let currentUnits: CurrentUnits
    let current: Current
    let dailyUnits: DailyUnits?
    let daily: Daily?
    enum CodingKeys: String, CodingKey {
      case latitude, longitude, current, daily
      case utcOffsetSeconds = "utc_offset_seconds"
      case currentUnits = "current_units"
      case dailyUnits = "daily_units"
    }
  }

  /// m/s per unit of an Open-Meteo `wind_speed_unit`.
  static func openMeteoWindFactor(_ unit: String) -> Double? {
    switch unit {
    case "m/s": return 1
    case "km/h": return 1 / 3.6
    case "mp/h", "mph": return 0.44704
    case "kn", "knots": return 0.514444
    default: return nil
    }
  }

  static func openMeteo(
    _ p: OpenMeteoPayload, _ context: Context, _ notes: (String) -> Void
  ) throws -> WeatherSnapshot {
    try checkPlace(p.latitude, p.longitude, context)
    guard abs(p.utcOffsetSeconds) <= 14 * 3600 else {
      throw WeatherError(.outOfRange, "utc_offset_seconds \(p.utcOffsetSeconds) is not an offset")
    }
    guard p.currentUnits.temperature == "°C" else {
      throw WeatherError(.outOfRange, "current temperature is not in °C")
    }
    guard let windFactor = openMeteoWindFactor(p.currentUnits.windSpeed) else {
      throw WeatherError(.outOfRange, "unknown wind speed unit")
    }
    guard let t = isoTime(p.current.time) else {
      throw WeatherError(.wrongShape, "wrong JSON shape: current.time is not a date-time")
    }
    let observedAt = t.local - Int64(t.offset ?? p.utcOffsetSeconds)
    guard let (condition, approximate) = WeatherCondition.wmo(p.current.weatherCode) else {
      throw WeatherError(.outOfRange, "unknown WMO weather_code \(p.current.weatherCode)")
    }
    if approximate {
      notes("unknown WMO weather_code \(p.current.weatherCode); shown as \(condition.rawValue)")
    }
    let isDay: Bool
    switch p.current.isDay {
    case 1?: isDay = true
    case 0?: isDay = false
    case nil: isDay = isDaytime(observedAt, context.zone)
    case let v?: throw WeatherError(.outOfRange, "is_day is \(v), not 0 or 1")
    }
    let current = WeatherSnapshot.Current(
      temperatureC: p.current.temperature, apparentTemperatureC: p.current.apparentTemperature,
      humidityPercent: p.current.humidity, windSpeedMs: p.current.windSpeed * windFactor,
      windFromDegrees: p.current.windDirection, condition: condition, isDay: isDay)

    var days: [WeatherSnapshot.Day] = []
    if let d = p.daily {
      if let units = p.dailyUnits, units.max != "°C" {
        throw WeatherError(.outOfRange, "daily temperatures are not in °C")
      }
      let n = d.time.count
      guard d.weatherCode.count == n, d.max.count == n, d.min.count == n,
        d.precipitationProbability.map({ $0.count == n }) ?? true
      else {
        throw WeatherError(.wrongShape, "wrong JSON shape: daily arrays differ in length")
      }
      let today = WeatherText.localDay(
        utc: observedAt, offset: context.zone.offset(atUTC: observedAt))
      for i in 0..<n {
        guard let date = isoTime(d.time[i]), date.offset == nil else {
          throw WeatherError(.wrongShape, "wrong JSON shape: daily.time[\(i)] is not a date")
        }
        let day = WeatherText.localDay(utc: date.local, offset: 0)
        guard day > today, let code = d.weatherCode[i], let hi = d.max[i], let lo = d.min[i] else {
          continue
        }
        guard let (c, approx) = WeatherCondition.wmo(code) else {
          notes(
            "unknown WMO weather_code \(code) on \(WeatherText.isoDate(day: day)); day left out")
          continue
        }
        if approx { notes("unknown WMO weather_code \(code); shown as \(c.rawValue)") }
        days.append(
          .init(
            day: day, minC: lo, maxC: hi, condition: c,
            precipitationProbabilityPercent: d.precipitationProbability?[i]))
      }
    }
    return WeatherSnapshot(
      format: .openMeteo, observedAt: observedAt, current: current, daily: days)
  }

  // MARK: MET Norway

  struct METPayload: Decodable {
    struct Geometry: Decodable { let coordinates: [Double] }
    struct Units: Decodable {
      let airTemperature: String
      let windSpeed: String
      enum CodingKeys: String, CodingKey {
        case airTemperature = "air_temperature"
        case windSpeed = "wind_speed"
      }
    }
    struct Meta: Decodable {
      let updatedAt: String
      let units: Units
      enum CodingKeys: String, CodingKey {
        case updatedAt = "updated_at"
        case units
      }
    }
    struct Details: Decodable {
      let airTemperature: Double
      let relativeHumidity: Double
      let windSpeed: Double
      let windFromDirection: Double?
      enum CodingKeys: String, CodingKey {
        case airTemperature = "air_temperature"
        case relativeHumidity = "relative_humidity"
        case windSpeed = "wind_speed"
        case windFromDirection = "wind_from_direction"
      }
    }
    struct Instant: Decodable { let details: Details }
    struct Summary: Decodable {
      let symbolCode: String
      enum CodingKeys: String, CodingKey { case symbolCode = "symbol_code" }
    }
    struct Period: Decodable { let summary: Summary }
    struct StepData: Decodable {
      let instant: Instant
      let next1: Period?
      let next6: Period?
      let next12: Period?
      enum CodingKeys: String, CodingKey {
        case instant
        case next1 = "next_1_hours"
        case next6 = "next_6_hours"
        case next12 = "next_12_hours"
      }
    }
    struct Step: Decodable {
      let time: String
      let data: StepData
    }
    struct Properties: Decodable {
      let meta: Meta
      let timeseries: [Step]
    }
    let type: String
    let geometry: Geometry
    let properties: Properties
  }

  static func metNorway(
    _ p: METPayload, _ context: Context, _ notes: (String) -> Void
  ) throws -> WeatherSnapshot {
    guard p.type == "Feature" else {
      throw WeatherError(.wrongShape, "wrong JSON shape: type is not Feature")
    }
    guard p.geometry.coordinates.count >= 2 else {
      throw WeatherError(.wrongShape, "wrong JSON shape: geometry.coordinates is too short")
    }
    // GeoJSON order: [lon, lat, alt].
    try checkPlace(p.geometry.coordinates[1], p.geometry.coordinates[0], context)
    guard p.properties.meta.units.airTemperature == "celsius",
      p.properties.meta.units.windSpeed == "m/s"
    else {
      throw WeatherError(.outOfRange, "units are not celsius and m/s")
    }
    var steps: [(utc: Int64, step: METPayload.Step)] = []
    for (i, s) in p.properties.timeseries.enumerated() {
      guard let t = isoTime(s.time), let offset = t.offset else {
        throw WeatherError(
          .wrongShape, "wrong JSON shape: properties.timeseries[\(i)].time is not a UTC time")
      }
      steps.append((t.local - Int64(offset), s))
    }
    guard !steps.isEmpty else {
      throw WeatherError(.wrongShape, "wrong JSON shape: properties.timeseries is empty")
    }
    steps.sort { $0.utc < $1.utc }
    var index = 0
    if let now = context.now {
      for (i, s) in steps.enumerated() where s.utc <= now { index = i }
    }
    let chosen = steps[index]
    let data = chosen.step.data
    guard let symbol = (data.next1 ?? data.next6 ?? data.next12)?.summary.symbolCode else {
      throw WeatherError(.wrongShape, "wrong JSON shape: the current step has no symbol_code")
    }
    guard let (condition, dayFromSymbol) = WeatherCondition.metNorway(symbol) else {
      throw WeatherError(.outOfRange, "unknown MET symbol_code")
    }
    let details = data.instant.details
    let current = WeatherSnapshot.Current(
      temperatureC: details.airTemperature, apparentTemperatureC: nil,
      humidityPercent: details.relativeHumidity, windSpeedMs: details.windSpeed,
      windFromDegrees: details.windFromDirection, condition: condition,
      isDay: dayFromSymbol ?? isDaytime(chosen.utc, context.zone))

    // No daily aggregates in compact: per local day, min/max of the instants and the most
    // severe period symbol (6 h preferred, as it covers the day best).
    let today = WeatherText.localDay(
      utc: chosen.utc, offset: context.zone.offset(atUTC: chosen.utc))
    var days: [(day: Int64, lo: Double, hi: Double, condition: WeatherCondition?)] = []
    for s in steps {
      let day = WeatherText.localDay(utc: s.utc, offset: context.zone.offset(atUTC: s.utc))
      guard day > today else { continue }
      let temperature = s.step.data.instant.details.airTemperature
      var c: WeatherCondition?
      let data = s.step.data
      if let sym = (data.next6 ?? data.next12 ?? data.next1)?.summary.symbolCode {
        c = WeatherCondition.metNorway(sym)?.condition
        if c == nil {
          notes("unknown MET symbol_code on \(WeatherText.isoDate(day: day)); step ignored")
        }
      }
      if let last = days.last, last.day == day {
        var merged = last
        merged.lo = min(last.lo, temperature)
        merged.hi = max(last.hi, temperature)
        if let c, (last.condition?.severity ?? -1) < c.severity { merged.condition = c }
        days[days.count - 1] = merged
      } else {
        days.append((day, temperature, temperature, c))
      }
    }
    let daily = days.compactMap { d -> WeatherSnapshot.Day? in
      guard let c = d.condition else { return nil }  // a day of instants only: no condition
      return .init(
        day: d.day, minC: d.lo, maxC: d.hi, condition: c, precipitationProbabilityPercent: nil)
    }
    return WeatherSnapshot(
      format: .metNorway, observedAt: chosen.utc, current: current, daily: daily)
  }

  // MARK: OpenWeatherMap

  struct OWMPayload: Decodable {
    struct Coord: Decodable {
      let lon: Double
      let lat: Double
    }
    struct Weather: Decodable { let id: Int }
    struct Main: Decodable {
      let temp: Double
      let feelsLike: Double?
      let humidity: Double
      enum CodingKeys: String, CodingKey {
        case temp, humidity
        case feelsLike = "feels_like"
      }
    }
    struct Wind: Decodable {
      let speed: Double
      let deg: Double?
    }
    struct Sys: Decodable {
      let sunrise: Int64?
      let sunset: Int64?
    }
    let coord: Coord
    let weather: [Weather]
    let main: Main
    let wind: Wind
    let dt: Int64
    let sys: Sys?
  }

  static func openWeatherMap(
    _ p: OWMPayload, _ context: Context, _ notes: (String) -> Void
  ) throws -> WeatherSnapshot {
    try checkPlace(p.coord.lat, p.coord.lon, context)
    guard let first = p.weather.first else {
      throw WeatherError(.wrongShape, "wrong JSON shape: weather is empty")
    }
    guard let (condition, approximate) = WeatherCondition.openWeatherMap(first.id) else {
      throw WeatherError(.outOfRange, "unknown OpenWeatherMap condition id \(first.id)")
    }
    if approximate {
      notes("unknown OpenWeatherMap condition id \(first.id); shown as \(condition.rawValue)")
    }
    let isDay: Bool
    if let rise = p.sys?.sunrise, let set = p.sys?.sunset, rise < set {
      isDay = p.dt >= rise && p.dt < set
    } else {
      isDay = isDaytime(p.dt, context.zone)
    }
    let current = WeatherSnapshot.Current(
      temperatureC: p.main.temp, apparentTemperatureC: p.main.feelsLike,
      humidityPercent: p.main.humidity, windSpeedMs: p.wind.speed, windFromDegrees: p.wind.deg,
      condition: condition, isDay: isDay)
    return WeatherSnapshot(format: .openWeatherMap, observedAt: p.dt, current: current, daily: [])
  }

  // MARK: - Ranges

  /// Plausible values anywhere on Earth (notes §4.3); a Kelvin temperature (a template without
  /// `units=metric`) or a percentage of 780 fails here.
  static func checkRanges(_ s: WeatherSnapshot) throws {
    func check(_ v: Double, _ range: ClosedRange<Double>, _ what: String) throws {
      guard v.isFinite, range.contains(v) else {
        throw WeatherError(
          .outOfRange, "\(what) \(WeatherText.decimal(v, places: 1)) is out of range")
      }
    }
    let c = s.current
    try check(c.temperatureC, -90...60, "temperature")
    if let a = c.apparentTemperatureC { try check(a, -100...75, "feels-like temperature") }
    try check(c.humidityPercent, 0...100, "humidity")
    try check(c.windSpeedMs, 0...80, "wind speed")
    if let d = c.windFromDegrees { try check(d, 0...360, "wind direction") }
    for d in s.daily {
      try check(d.minC, -90...60, "daily minimum")
      try check(d.maxC, -90...60, "daily maximum")
      guard d.minC <= d.maxC else {
        throw WeatherError(.outOfRange, "daily minimum above maximum")
      }
      if let p = d.precipitationProbabilityPercent { try check(p, 0...100, "rain probability") }
    }
  }
}
