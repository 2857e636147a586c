import Foundation
import LoaKit
import LoaTestSupport
import LoaWeather
import LoaXML
import Testing

/// The published bytes for each source, served over real HTTP, and for the stale and
/// unavailable boxes.
///
/// `LOA_RECORD_GOLDEN=1` re-records (and fails).
@Suite struct WeatherGoldenTests {
  static let formats = WeatherConfiguration.Format.allCases

  func checkWellFormed(_ h: WeatherHarness, sourceLocation: SourceLocation = #_sourceLocation) {
    // The fragment is HTML, but it has no void element, so it must also parse as XML.
    #expect(OutputCheck.xmlProblem(h.htmlBytes) == nil, sourceLocation: sourceLocation)
    #expect(OutputCheck.jsonProblem(h.jsonBytes) == nil, sourceLocation: sourceLocation)
  }

  @Test(arguments: formats)
  func publishesTheGoldenBoxForEachSource(format: WeatherConfiguration.Format) throws {
    let server = try HTTPTestServer(routes: [
      WeatherFixture.route(format): [.json(WeatherFixture.goodBody(format))]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(format, url: WeatherFixture.template(format, server)))
    let outcome = try h.run()
    #expect(outcome.state == .fresh)
    #expect(outcome.problem == nil)
    #expect(outcome.filesWritten == ["weather.html", "weather.json"])
    #expect(h.warnings.isEmpty)
    Golden.check(h.htmlBytes, named: "Weather/\(format.rawValue).html")
    Golden.check(h.jsonBytes, named: "Weather/\(format.rawValue).json")
    checkWellFormed(h)
    // Same input and clock: same bytes, files untouched.
    let again = try h.run()
    #expect(again.filesUnchanged == ["weather.html", "weather.json"])
  }

  @Test func publishesTheExampleFileSourceAsOfItsOwnTime() throws {
    let c = WeatherConfiguration(
      source: .file(.openMeteo, path: PackagePaths.path("Examples/weather/open-meteo-halong.json")),
      location: WeatherFixture.location)
    let h = try WeatherHarness(c)
    // A year later: a file source without checkAge is shown as of its own time.
    let outcome = try h.run(at: WeatherFixture.now + 365 * 86_400)
    #expect(outcome.state == .fresh)
    #expect(outcome.problem == nil)
    Golden.check(h.htmlBytes, named: "Weather/example-file.html")
    Golden.check(h.jsonBytes, named: "Weather/example-file.json")
    checkWellFormed(h)
  }

  @Test func marksOldDataStaleAndThenHidesIt() throws {
    let server = try HTTPTestServer(routes: [
      "/v1/forecast": [
        .json(WeatherFixture.goodBody(.openMeteo)),
        .json(WeatherFixture.bytes("open-meteo-error-400.json"), status: 500),
      ]
    ])
    defer { server.stop() }
    var c = WeatherFixture.network(.openMeteo, url: WeatherFixture.template(.openMeteo, server))
    c.http.retries = 0
    let h = try WeatherHarness(c)
    try h.run()

    // 4 h later the source fails: the last good data is shown, marked old.
    let stale = try h.run(at: WeatherFixture.now + 4 * 3600)
    #expect(stale.state == .stale)
    #expect(stale.problem?.contains("marked as old") == true)
    Golden.check(h.htmlBytes, named: "Weather/stale.html")
    Golden.check(h.jsonBytes, named: "Weather/stale.json")
    checkWellFormed(h)

    // 49 h later: past hideAfterHours (48), the neutral box.
    let hidden = try h.run(at: WeatherFixture.now + 49 * 3600)
    #expect(hidden.state == .unavailable)
    #expect(hidden.observedAt == nil)
    Golden.check(h.htmlBytes, named: "Weather/unavailable.html")
    Golden.check(h.jsonBytes, named: "Weather/unavailable.json")
    checkWellFormed(h)
  }
}
