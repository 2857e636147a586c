import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaWeather
import Testing

/// Source-specific duties: the OpenWeatherMap key stays secret, MET Norway's terms
/// (User-Agent, `Expires`, `If-Modified-Since`, 203, 503) are honoured.
@Suite struct WeatherSourceTests {
  typealias Response = HTTPTestServer.Response

  /// Every place the key could leak to: log lines (debug included), the problem, both files.
  func expectNoKey(
    _ h: WeatherHarness, _ o: WeatherOutcome, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let key = WeatherFixture.apiKey
    for line in h.sink.lines {
      #expect(
        !line.contains(key), "log line leaks the key: \(line)", sourceLocation: sourceLocation)
    }
    let texts = [o.problem ?? "", o.error?.message ?? "", o.error?.description ?? ""]
    #expect(texts.allSatisfy { !$0.contains(key) }, sourceLocation: sourceLocation)
    #expect(!h.html.contains(key), sourceLocation: sourceLocation)
    #expect(!h.json.contains(key), sourceLocation: sourceLocation)
    let stateFiles = (try? FileManager.default.contentsOfDirectory(atPath: h.statePath)) ?? []
    for f in stateFiles {
      let text = (try? String(contentsOfFile: h.statePath + "/" + f, encoding: .utf8)) ?? ""
      #expect(!text.contains(key), "state file leaks the key", sourceLocation: sourceLocation)
    }
  }

  @Test func sendsTheKeyButNeverPrintsIt() throws {
    // A server that echoes the key back in its error message, as some proxies do.
    let echo =
      "{\"cod\":401,\"message\":\"Invalid API key \(WeatherFixture.apiKey). Please see "
      + "https://openweathermap.org/faq#error401 for more info.\"}"
    let server = try HTTPTestServer(routes: [
      "/data/2.5/weather": [
        .json(WeatherFixture.goodBody(.openWeatherMap)), .json(Array(echo.utf8), status: 401),
      ]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(.openWeatherMap, url: WeatherFixture.template(.openWeatherMap, server))
    )
    h.level = .debug
    let good = try h.run()
    #expect(good.state == .fresh)
    #expect(server.requests.first?.target.contains("appid=\(WeatherFixture.apiKey)") == true)
    #expect(server.requests.first?.target.contains("units=metric") == true)
    #expect(
      h.sink.lines.contains { $0.contains("appid=REDACTED") },
      "the debug line shows the redacted URL")
    expectNoKey(h, good)
    // OWM's own Vietnamese text is never shown.
    #expect(!h.html.contains("mây đen u ám"))

    let bad = try h.run(at: WeatherFixture.now + 600)
    #expect(bad.error?.code == .httpStatus)
    #expect(
      bad.problem?.contains("HTTP 401: Invalid API key REDACTED.") == true, "\(bad.problem ?? "")")
    #expect(server.requestCount("/data/2.5/weather") == 2, "401 is not retried")
    expectNoKey(h, bad)
  }

  @Test func neverPrintsTheKeyOnNetworkFailures() throws {
    let closed = try HTTPTestServer()
    let refused = closed.url("/weather?lat={lat}&lon={lon}&units=metric&appid={apiKey}")
    closed.stop()
    for url in [refused, "http://owm.invalid/w?lat={lat}&lon={lon}&units=metric&appid={apiKey}"] {
      let h = try WeatherHarness(
        WeatherFixture.network(.openWeatherMap, url: url, total: 2, retries: 0))
      h.level = .debug
      let o = try h.run()
      #expect(o.state == .unavailable)
      #expect(o.problem != nil)
      expectNoKey(h, o)
    }
  }

  @Test func reportsAMissingKeyWithoutAsking() throws {
    let server = try HTTPTestServer(routes: [
      "/data/2.5/weather": [.json(WeatherFixture.goodBody(.openWeatherMap))]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(.openWeatherMap, url: WeatherFixture.template(.openWeatherMap, server))
    )
    h.environment = [:]
    let o = try h.run()
    #expect(o.error?.code == .missingAPIKey)
    #expect(
      o.problem == "openweathermap: the API key variable OWM_API_KEY is not set; "
        + "the box says no data is available")
    #expect(server.requests.isEmpty)
  }

  // MARK: MET Norway

  @Test func followsMETTermsForUserAgentExpiresAndIfModifiedSince() throws {
    let lastModified = "Sun, 29 Nov 2026 06:41:12 GMT"
    let headers = [("Expires", "Sun, 29 Nov 2026 07:37:12 GMT"), ("Last-Modified", lastModified)]
    let server = try HTTPTestServer(routes: [
      "/compact": [
        .json(WeatherFixture.goodBody(.metNorway), headers: headers),
        Response(status: 304, headers: [("Expires", "Sun, 29 Nov 2026 08:40:00 GMT")]),
      ]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(.metNorway, url: WeatherFixture.template(.metNorway, server)))
    let first = try h.run()
    #expect(first.state == .fresh)
    let request = try #require(server.requests.first)
    #expect(
      request.headers["user-agent"]
        == "phuong-bai-chay-test/1.0 (+https://baichay.example.org/lien-he)")
    #expect(request.target == "/compact?lat=20.95&lon=107.05")
    #expect(request.headers["if-modified-since"] == nil)
    let html = h.html
    let json = h.json

    // Before Expires (07:37:12Z): not asked.
    let early = try h.run(at: WeatherFixture.now + 20 * 60)
    #expect(early.sourceAsked == false)
    #expect(early.problem == nil)
    #expect(server.requests.count == 1)

    // After it: asked with If-Modified-Since; 304 keeps the data.
    let later = try h.run(at: WeatherFixture.now + 40 * 60)
    #expect(later.sourceAsked)
    #expect(later.problem == nil)
    #expect(later.state == .fresh)
    #expect(server.requests.count == 2)
    #expect(server.requests.last?.headers["if-modified-since"] == lastModified)
    #expect(h.html == html)
    #expect(h.warnings.isEmpty)
    // No "now" in the box: the same data is the same bytes, so nothing was rewritten.
    #expect(h.json == json)
    #expect(later.filesWritten.isEmpty)

    // The new Expires (08:40Z) holds the next run off too.
    _ = try h.run(at: WeatherFixture.now + 60 * 60)
    #expect(server.requests.count == 2)
  }

  @Test func aFarOffExpiresDoesNotStopAskingForever() throws {
    let headers = [("Expires", "Fri, 31 Dec 2099 23:59:59 GMT")]
    let server = try HTTPTestServer(routes: [
      "/compact": [.json(WeatherFixture.goodBody(.metNorway), headers: headers)]
    ])
    defer { server.stop() }
    var c = WeatherFixture.network(.metNorway, url: WeatherFixture.template(.metNorway, server))
    c.staleAfterSeconds = 60 * 60
    let h = try WeatherHarness(c)
    _ = try h.run()
    #expect(try h.run(at: WeatherFixture.now + 30 * 60).sourceAsked == false)
    // Capped at staleAfterMinutes: asked again before the box would go stale.
    #expect(try h.run(at: WeatherFixture.now + 61 * 60).sourceAsked)
    #expect(server.requests.count == 2)
  }

  @Test func treatsMET503AsRateLimitingAnd203AsAWarning() throws {
    let server = try HTTPTestServer(routes: [
      "/compact": [Response.json(WeatherFixture.goodBody(.metNorway), status: 203)]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(.metNorway, url: WeatherFixture.template(.metNorway, server)))
    let o = try h.run()
    #expect(o.state == .fresh)
    #expect(o.problem == nil)
    #expect(h.warnings.count == 1)
    #expect(h.warnings.first?.contains("deprecated") == true)

    server.setRoute("/compact", [Response(status: 503, headers: [("Retry-After", "120")])])
    let busy = try h.run(at: WeatherFixture.now + 3600)
    #expect(busy.error?.code == .rateLimited)
    #expect(server.requestCount("/compact") == 1, "MET's 503 is not retried")
    let skipped = try h.run(at: WeatherFixture.now + 3600 + 60)
    #expect(skipped.sourceAsked == false)
  }

  // MARK: Memory

  @Test func keepsTheLastGoodSnapshotAcrossRunsAndForgetsItForAnotherPlace() throws {
    let server = try HTTPTestServer(routes: [
      "/v1/forecast": [
        .json(WeatherFixture.goodBody(.openMeteo)), .json(Array("{}".utf8), status: 500),
      ]
    ])
    defer { server.stop() }
    var c = WeatherFixture.network(.openMeteo, url: WeatherFixture.template(.openMeteo, server))
    c.http.retries = 0
    let h = try WeatherHarness(c)
    try h.run()
    // An hour later the source fails: the box is the same, still fresh.
    let kept = try h.run(at: WeatherFixture.now + 3600)
    #expect(kept.state == .fresh)
    #expect(kept.observedAt == 1_795_935_600)
    // Another place: the saved data is not shown for it.
    h.configuration.location.latitude = 21.0
    let moved = try h.run(at: WeatherFixture.now + 3600)
    #expect(moved.state == .unavailable)
  }

  @Test func ignoresABrokenStateFileWithOneWarning() throws {
    let server = try HTTPTestServer(routes: [
      "/v1/forecast": [.json(WeatherFixture.goodBody(.openMeteo))]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(.openMeteo, url: WeatherFixture.template(.openMeteo, server)))
    try h.run()
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: h.statePath).first)
    #expect(name.hasPrefix("weather-") && name.hasSuffix(".json"))
    try Data("{\"schemaVersion\": 1, \"trunc".utf8).write(
      to: URL(fileURLWithPath: h.statePath + "/" + name))
    let o = try h.run(at: WeatherFixture.now + 60)
    #expect(o.state == .fresh)
    #expect(h.warnings.count == 1)
    #expect(h.warnings.first?.contains("ignoring the unreadable weather state file") == true)
    // It was rewritten whole.
    let text = try String(contentsOfFile: h.statePath + "/" + name, encoding: .utf8)
    #expect(text.contains("\"observedAt\": 1795935600"))
  }

  @Test func aFileSourceReadsTheSavedResponseAndRefusesABrokenOne() throws {
    let dir = try TemporaryDirectory("loa-weather-file")
    let path = dir.path("saved.json")
    try Data(WeatherFixture.goodBody(.metNorway)).write(to: URL(fileURLWithPath: path))
    var c = WeatherConfiguration(
      source: .file(.metNorway, path: path), location: WeatherFixture.location)
    c.checkFileAge = true
    let h = try WeatherHarness(c)
    #expect(try h.run().state == .fresh)
    try Data(WeatherFixture.bytes("truncated.json")).write(to: URL(fileURLWithPath: path))
    let broken = try h.run(at: WeatherFixture.now + 60)
    #expect(broken.error?.code == .invalidJSON)
    #expect(broken.state == .fresh)
    #expect(broken.problem?.hasPrefix("file: not valid JSON") == true)
    try FileManager.default.removeItem(atPath: path)
    let missing = try h.run(at: WeatherFixture.now + 120)
    #expect(missing.error?.code == .file)
  }

  @Test func throwsOnlyWhenTheSnippetCannotBeWrittenAndWarnsWhenTheStateCannot() throws {
    var c = WeatherConfiguration(
      source: .file(.openMeteo, path: WeatherFixture.path("open-meteo-current.json")),
      location: WeatherFixture.location)
    c.htmlFile = "blocked/weather.html"
    let h = try WeatherHarness(c)
    try FileManager.default.createDirectory(atPath: h.outputPath, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: h.outputPath + "/blocked", contents: Data("x".utf8))
    // The state directory is a file too: only a warning.
    _ = FileManager.default.createFile(atPath: h.statePath, contents: Data("x".utf8))
    let e = try #require(throws: WriteError.self) { try h.run() }
    #expect(e.code == .cannotCreate)
    #expect(h.warnings.count == 1)
    #expect(h.warnings.first?.contains("cannot save the last good weather data") == true)
  }
}
