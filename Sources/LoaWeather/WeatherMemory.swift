import FoundationEssentials
import LoaCore

/// What the weather part remembers between runs: the last good snapshot and what the source asked
/// of us (MET Norway's `Expires` / `Last-Modified`, a `Retry-After`), plus the last error for the
/// JSON.
///
/// One small JSON file in the state directory, replaced atomically through ``OutputDirectory``.
struct WeatherMemory: Equatable {
  /// The error of the last failed run, for `weather.json`'s `lastError`.
  struct LastError: Equatable {
    var at: Int64
    var code: String
    var httpStatus: Int?
  }

  /// The configuration the snapshot was fetched for; a memory for another source or place
  /// is ignored.
  var sourceKey: String
  var snapshot: WeatherSnapshot?
  var fetchedAt: Int64?
  var expires: Int64?
  var lastModified: String?
  var retryAfter: Int64?
  var lastError: LastError?

  init(sourceKey: String) { self.sourceKey = sourceKey }

  static let schemaVersion: Int64 = 1

  /// The file's bytes (fixed key order; full-precision numbers).
  func encoded() -> [UInt8] {
    var j = JSONWriter(capacity: 2048)
    func number(_ key: String, _ v: Double?) {
      if let v { j.member(key, number: String(describing: v)) } else { j.memberNull(key) }
    }
    func integer(_ key: String, _ v: Int64?) {
      if let v { j.member(key, v) } else { j.memberNull(key) }
    }
    j.beginObject()
    j.member("schemaVersion", Self.schemaVersion)
    j.member("sourceKey", sourceKey)
    if let s = snapshot {
      j.beginObject("snapshot")
      j.member("format", s.format.rawValue)
      j.member("observedAt", s.observedAt)
      j.beginObject("current")
      number("temperatureC", s.current.temperatureC)
      number("apparentTemperatureC", s.current.apparentTemperatureC)
      number("humidityPercent", s.current.humidityPercent)
      number("windSpeedMs", s.current.windSpeedMs)
      number("windFromDegrees", s.current.windFromDegrees)
      j.member("condition", s.current.condition.rawValue)
      j.member("isDay", s.current.isDay)
      j.endObject()
      j.beginArray("daily")
      for d in s.daily {
        j.beginObject()
        j.member("day", d.day)
        number("minC", d.minC)
        number("maxC", d.maxC)
        j.member("condition", d.condition.rawValue)
        number("precipitationProbabilityPercent", d.precipitationProbabilityPercent)
        j.endObject()
      }
      j.endArray()
      j.endObject()
    } else {
      j.memberNull("snapshot")
    }
    integer("fetchedAt", fetchedAt)
    integer("expires", expires)
    if let lastModified {
      j.member("lastModified", lastModified)
    } else {
      j.memberNull("lastModified")
    }
    integer("retryAfter", retryAfter)
    if let e = lastError {
      j.beginObject("lastError")
      j.member("at", e.at)
      j.member("code", e.code)
      integer("httpStatus", e.httpStatus.map(Int64.init))
      j.endObject()
    } else {
      j.memberNull("lastError")
    }
    j.endObject()
    return j.bytes
  }

  private struct File: Decodable {
    struct Current: Decodable {
      let temperatureC: Double
      let apparentTemperatureC: Double?
      let humidityPercent: Double
      let windSpeedMs: Double
      let windFromDegrees: Double?
      let condition: String
      let isDay: Bool
    }
    struct Day: Decodable {
      let day: Int64
      let minC: Double
      let maxC: Double
      let condition: String
      let precipitationProbabilityPercent: Double?
    }
    struct Snapshot: Decodable {
      let format: String
      let observedAt: Int64
      let current: Current
      let daily: [Day]
    }
    struct LastError: Decodable {
      let at: Int64
      let code: String
      let httpStatus: Int?
    }
    let schemaVersion: Int64
    let sourceKey: String
    let snapshot: Snapshot?
    let fetchedAt: Int64?
    let expires: Int64?
    let lastModified: String?
    let retryAfter: Int64?
    let lastError: LastError?
  }

  /// Reads a memory file; nil when it is not one (any problem: the memory is only a cache of
  /// good data, and a broken one must not stop the box).
  static func decode(_ bytes: [UInt8]) -> WeatherMemory? {
    guard let f = try? JSONDecoder().decode(File.self, from: Data(bytes)),
      f.schemaVersion == schemaVersion
    else { return nil }
    var m = WeatherMemory(sourceKey: f.sourceKey)
    if let s = f.snapshot {
      guard let format = WeatherConfiguration.Format(rawValue: s.format),
        let condition = WeatherCondition(rawValue: s.current.condition)
      else { return nil }
      var days: [WeatherSnapshot.Day] = []
      for d in s.daily {
        guard let c = WeatherCondition(rawValue: d.condition) else { return nil }
        days.append(
          .init(
            day: d.day, minC: d.minC, maxC: d.maxC, condition: c,
            precipitationProbabilityPercent: d.precipitationProbabilityPercent))
      }
      let snapshot = WeatherSnapshot(
        format: format, observedAt: s.observedAt,
        current: .init(
          temperatureC: s.current.temperatureC,
          apparentTemperatureC: s.current.apparentTemperatureC,
          humidityPercent: s.current.humidityPercent, windSpeedMs: s.current.windSpeedMs,
          windFromDegrees: s.current.windFromDegrees, condition: condition,
          isDay: s.current.isDay),
        daily: days)
      // The same range checks as a fresh payload: a hand-edited file cannot inject nonsense.
      guard (try? WeatherPayload.checkRanges(snapshot)) != nil else { return nil }
      m.snapshot = snapshot
    }
    m.fetchedAt = f.fetchedAt
    m.expires = f.expires
    m.lastModified = f.lastModified.map { HTTPDate.trimmed($0) }.flatMap {
      // It goes back into a request header: printable ASCII only.
      $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && $0.utf8.count <= 64 ? $0 : nil
    }
    m.retryAfter = f.retryAfter
    if let e = f.lastError { m.lastError = .init(at: e.at, code: e.code, httpStatus: e.httpStatus) }
    return m
  }
}
