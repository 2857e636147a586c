import Foundation
import LoaKit
import LoaTestSupport
import LoaWeather
import Testing

/// Decoding the fixtures straight from disk, without HTTP.
@Suite struct WeatherPayloadTests {
  let context = WeatherPayload.Context(
    location: WeatherFixture.location, zone: WeatherFixture.zone, now: WeatherFixture.now)

  func decode(_ file: String, _ format: WeatherConfiguration.Format) throws -> WeatherSnapshot {
    try WeatherPayload.decode(WeatherFixture.bytes(file), format: format, context: context)
  }

  @Test func decodesOpenMeteoWithItsUnitsAndLocalTimes() throws {
    let s = try decode("open-meteo-current.json", .openMeteo)
    #expect(s.observedAt == 1_795_935_600)  // 14:00 at +07:00 = 07:00Z
    #expect(s.current.temperatureC == 21.8)
    #expect(s.current.apparentTemperatureC == 21.2)
    #expect(s.current.humidityPercent == 78)
    #expect(abs(s.current.windSpeedMs - 13.0 / 3.6) < 1e-9)  // km/h, read from current_units
    #expect(s.current.windFromDegrees == 48)
    #expect(s.current.condition == .overcast)
    #expect(s.current.isDay)
    #expect(
      s.daily.map { WeatherText.isoDate(day: $0.day) } == [
        "2026-11-30", "2026-12-01", "2026-12-02",
      ])
    #expect(s.daily.map(\.condition) == [.rainLight, .overcast, .partlyCloudy])
    #expect(s.daily[0].minC == 17.2)
    #expect(s.daily[0].maxC == 20.4)
    #expect(s.daily[0].precipitationProbabilityPercent == 68)
  }

  @Test func decodesMETCompactAndComputesDaysFromTheSteps() throws {
    let s = try decode("met-norway-compact.json", .metNorway)
    #expect(s.observedAt == 1_795_935_600)  // the 07:00Z step, the last one not after now
    #expect(s.current.temperatureC == 21.6)
    #expect(s.current.windSpeedMs == 3.6)
    #expect(s.current.windFromDegrees == 46.2)
    #expect(s.current.condition == .overcast)  // next_1_hours "cloudy"
    #expect(s.current.apparentTemperatureC == nil)
    // 30/11 has no step; 01/12 has one (its 6-hour symbol); 09/12's step has no symbol.
    #expect(s.daily.map { WeatherText.isoDate(day: $0.day) } == ["2026-12-01"])
    #expect(s.daily[0].minC == 16.9)
    #expect(s.daily[0].condition == .overcast)
  }

  @Test func decodesOpenWeatherMapByIdNotDescription() throws {
    let s = try decode("openweathermap-current.json", .openWeatherMap)
    #expect(s.observedAt == 1_795_935_151)
    #expect(s.current.condition == .overcast)
    #expect(s.current.windFromDegrees == 50)
    #expect(s.current.isDay)  // between sys.sunrise and sys.sunset
    #expect(s.daily.isEmpty)
  }

  @Test func eachGoodFixtureDecodesWithItsOwnAdapterOnly() {
    let files: [(String, WeatherConfiguration.Format)] = [
      ("open-meteo-current.json", .openMeteo), ("met-norway-compact.json", .metNorway),
      ("openweathermap-current.json", .openWeatherMap),
    ]
    for (file, own) in files {
      for format in WeatherConfiguration.Format.allCases {
        let decoded = (try? decode(file, format)) != nil
        #expect(decoded == (format == own), "\(file) as \(format)")
      }
    }
  }

  @Test(arguments: [
    ("empty.json", WeatherError.Code.empty), ("truncated.json", .invalidJSON),
    ("html-error-page.html", .invalidJSON), ("wrong-schema.json", .wrongShape),
    ("open-meteo-error-400.json", .wrongShape), ("openweathermap-error-401.json", .wrongShape),
  ])
  func refusesBadFilesInEveryFormat(file: String, code: WeatherError.Code) {
    for format in WeatherConfiguration.Format.allCases {
      #expect(throws: WeatherError.self) { try decode(file, format) }
      do {
        _ = try decode(file, format)
      } catch let e as WeatherError {
        #expect(e.code == code, "\(file) as \(format): \(e)")
        #expect(!e.message.contains("\n"))
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  @Test func checksTheSourceTimestamp() throws {
    let s = try decode("open-meteo-current.json", .openMeteo)
    let z = WeatherFixture.zone
    try WeatherPayload.checkTimestamp(s, now: s.observedAt + 6 * 3600, maxAge: 6 * 3600, zone: z)
    #expect(throws: WeatherError.self) {
      try WeatherPayload.checkTimestamp(
        s, now: s.observedAt + 6 * 3600 + 1, maxAge: 6 * 3600, zone: z)
    }
    #expect(throws: WeatherError.self) {
      try WeatherPayload.checkTimestamp(s, now: s.observedAt - 3601, maxAge: 6 * 3600, zone: z)
    }
  }

  /// Found by fuzzing: an absurd number used to crash while the error message was written.
  @Test(arguments: [
    ("open-meteo-current.json", WeatherConfiguration.Format.openMeteo, "\"apparent_temperature\": 21.2", "\"apparent_temperature\": 2e105"),
    ("openweathermap-current.json", .openWeatherMap, "\"speed\": 3.6", "\"speed\": -1e300"),
  ])
  func refusesAbsurdNumbersWithoutCrashing(
    file: String, format: WeatherConfiguration.Format, value: String, absurd: String
  ) throws {
    let text = String(decoding: WeatherFixture.bytes(file), as: UTF8.self)
    #expect(text.contains(value))
    let bytes = Array(text.replacingOccurrences(of: value, with: absurd).utf8)
    do {
      _ = try WeatherPayload.decode(bytes, format: format, context: context)
      Issue.record("an absurd value was accepted")
    } catch let e as WeatherError {
      #expect(e.code == .outOfRange, "\(e)")
    }
  }
}
