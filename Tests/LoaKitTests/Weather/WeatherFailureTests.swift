import Foundation
import LoaKit
import LoaTestSupport
import LoaWeather
import Testing

/// Every documented way a source can fail, served by a real HTTP server on 127.0.0.1: none may
/// publish garbage or hang; each is one warning line; the last good box stays.
@Suite struct WeatherFailureTests {
  typealias Response = HTTPTestServer.Response

  /// The result of a good run followed, 30 minutes later, by a failing one.
  struct Scenario {
    let harness: WeatherHarness
    let server: HTTPTestServer
    let outcome: WeatherOutcome
    let goodHTML: String
    /// Monotonic seconds the failing run took: for a hang guard only (``HangGuard``).
    let seconds: Double
  }

  /// Runs a good fetch at `now` with the fixture's generous limits, then a fetch 30 minutes
  /// later, with `configure`'s limits, that gets `failing` (in order, the last repeating), and
  /// returns what the second run did.
  func afterGoodRun(
    _ format: WeatherConfiguration.Format = .openMeteo, failing: [Response],
    configure: (inout WeatherConfiguration) -> Void = { _ in }
  ) throws -> Scenario {
    let route = WeatherFixture.route(format)
    let server = try HTTPTestServer(routes: [route: [.json(WeatherFixture.goodBody(format))]])
    var c = WeatherFixture.network(format, url: WeatherFixture.template(format, server))
    let h = try WeatherHarness(c)
    let first = try h.run()
    #expect(first.state == .fresh)
    let goodHTML = h.html
    // The same source (limits are not part of its identity), so the saved data stays.
    configure(&c)
    h.configuration = c
    server.setRoute(route, failing)
    var outcome: WeatherOutcome?
    let seconds = try HangGuard.measure { outcome = try h.run(at: WeatherFixture.now + 1800) }
    return Scenario(
      harness: h, server: server, outcome: try #require(outcome), goodHTML: goodHTML,
      seconds: seconds)
  }

  /// The common promises: last good box unchanged, one warning, `lastError` in the JSON.
  func expectKeptLastGood(
    _ s: Scenario, code: WeatherError.Code, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(s.outcome.state == .fresh, sourceLocation: sourceLocation)
    #expect(s.outcome.error?.code == code, sourceLocation: sourceLocation)
    #expect(
      s.outcome.problem?.contains("kept the data from 14:00 29/11/2026") == true,
      sourceLocation: sourceLocation)
    #expect(
      s.harness.html == s.goodHTML, "the published box changed", sourceLocation: sourceLocation)
    #expect(
      s.harness.warnings.count == 1, "\(s.harness.sink.lines)", sourceLocation: sourceLocation)
    #expect(
      s.harness.warnings.first?.hasPrefix("loa: warning: [weather] open-meteo: ") == true,
      sourceLocation: sourceLocation)
    let lastError = s.harness.jsonObject["lastError"] as? [String: Any]
    #expect(lastError?["kind"] as? String == code.rawValue, sourceLocation: sourceLocation)
    #expect(s.harness.json.contains("\"state\": \"fresh\""), sourceLocation: sourceLocation)
  }

  // MARK: Status codes

  @Test func retriesA500OnceThenKeepsTheLastGoodBox() throws {
    let s = try afterGoodRun(failing: [.json(Array("{\"error\":true}".utf8), status: 500)])
    expectKeptLastGood(s, code: .httpStatus)
    #expect(s.server.requestCount("/v1/forecast") == 2)
    #expect(s.outcome.problem?.contains("HTTP 500 after 2 attempts") == true)
    #expect(s.outcome.error?.isTransient == true)
  }

  @Test func succeedsWhenTheRetryDoes() throws {
    let s = try afterGoodRun(failing: [
      .json(Array("{}".utf8), status: 502), .json(WeatherFixture.goodBody(.openMeteo)),
    ])
    #expect(s.outcome.problem == nil)
    #expect(s.outcome.state == .fresh)
    #expect(s.server.requestCount("/v1/forecast") == 2)
    #expect(s.harness.jsonObject["lastError"] is NSNull)
  }

  @Test func neverRetriesA4xxAndLogsTheDocumentedReason() throws {
    let s = try afterGoodRun(failing: [
      .json(WeatherFixture.bytes("open-meteo-error-400.json"), status: 400)
    ])
    expectKeptLastGood(s, code: .httpStatus)
    #expect(s.server.requestCount("/v1/forecast") == 1)
    #expect(
      s.outcome.problem?.contains(
        "HTTP 400: Cannot initialize WeatherVariable from invalid String value tempeture_2m")
        == true)
    #expect(s.outcome.error?.isTransient == false)
  }

  @Test func honoursRetryAfterOn429AndSkipsUntilThen() throws {
    let s = try afterGoodRun(failing: [
      .json(
        Array("{\"error\":true,\"reason\":\"Minutely API request limit exceeded.\"}".utf8),
        status: 429, headers: [("Retry-After", "600")])
    ])
    expectKeptLastGood(s, code: .rateLimited)
    #expect(s.server.requestCount("/v1/forecast") == 1, "429 is never retried in the same run")
    let failedAt = WeatherFixture.now + 1800
    // Within the 600 s: not asked at all, no warning.
    let skipped = try s.harness.run(at: failedAt + 300)
    #expect(skipped.sourceAsked == false)
    #expect(skipped.problem == nil)
    #expect(s.server.requestCount("/v1/forecast") == 1)
    // After it: asked again.
    s.server.setRoute("/v1/forecast", [.json(WeatherFixture.goodBody(.openMeteo))])
    let again = try s.harness.run(at: failedAt + 700)
    #expect(again.sourceAsked)
    #expect(again.problem == nil)
    #expect(s.server.requestCount("/v1/forecast") == 1)
  }

  // MARK: Bodies that are not what they claim

  @Test(arguments: [
    ("html-error-page.html", "text/html", WeatherError.Code.contentType),
    ("html-error-page.html", "application/json", .invalidJSON),
    ("empty.json", "application/json", .empty),
    ("truncated.json", "application/json", .invalidJSON),
    ("wrong-schema.json", "application/json", .wrongShape),
  ])
  func refusesBadBodiesSentWith200(file: String, contentType: String, code: WeatherError.Code)
    throws
  {
    let s = try afterGoodRun(failing: [
      .body(WeatherFixture.bytes(file), contentType: contentType)
    ])
    expectKeptLastGood(s, code: code)
    #expect(s.server.requestCount("/v1/forecast") == 1, "a bad payload is not retried")
    // Nothing of the body reaches the box.
    #expect(!s.harness.html.contains("Bad Gateway"))
    #expect(!s.harness.html.contains("nginx"))
  }

  @Test(arguments: WeatherConfiguration.Format.allCases)
  func everyAdapterRefusesTheWrongSchema(format: WeatherConfiguration.Format) throws {
    let server = try HTTPTestServer(routes: [
      WeatherFixture.route(format): [.json(WeatherFixture.bytes("wrong-schema.json"))]
    ])
    defer { server.stop() }
    let h = try WeatherHarness(
      WeatherFixture.network(format, url: WeatherFixture.template(format, server)))
    let outcome = try h.run()
    #expect(outcome.state == .unavailable)
    #expect(outcome.error?.code == .wrongShape)
    #expect(h.html.contains("Hiện chưa có số liệu thời tiết"))
    #expect(h.warnings.count == 1)
  }

  @Test func refusesAStaleModelRunAndAFutureTimestamp() throws {
    let text = String(decoding: WeatherFixture.goodBody(.openMeteo), as: UTF8.self)
    let old = text.replacingOccurrences(of: "\"2026-11-29T14:00\"", with: "\"2026-11-29T06:00\"")
    var s = try afterGoodRun(failing: [.json(Array(old.utf8))])
    expectKeptLastGood(s, code: .badTimestamp)
    #expect(s.outcome.problem?.contains("older than 360 minutes") == true)
    let future = text.replacingOccurrences(of: "\"2026-11-29T14:00\"", with: "\"2026-11-29T17:00\"")
    s = try afterGoodRun(failing: [.json(Array(future.utf8))])
    expectKeptLastGood(s, code: .badTimestamp)
  }

  @Test func refusesValuesOutOfRangeAndAnotherPlace() throws {
    let text = String(decoding: WeatherFixture.goodBody(.openMeteo), as: UTF8.self)
    let kelvin = text.replacingOccurrences(
      of: "\"temperature_2m\": 21.8", with: "\"temperature_2m\": 295.0")
    var s = try afterGoodRun(failing: [.json(Array(kelvin.utf8))])
    expectKeptLastGood(s, code: .outOfRange)
    let elsewhere = text.replacingOccurrences(
      of: "\"latitude\": 20.9375", with: "\"latitude\": 10.8")
    s = try afterGoodRun(failing: [.json(Array(elsewhere.utf8))])
    expectKeptLastGood(s, code: .outOfRange)
    let unknownCode = text.replacingOccurrences(
      of: "\"weather_code\": 3,", with: "\"weather_code\": 123,")
    s = try afterGoodRun(failing: [.json(Array(unknownCode.utf8))])
    expectKeptLastGood(s, code: .outOfRange)
  }

  // MARK: Size

  /// The body never comes (silence after the headers, longer than the idle timeout): only the
  /// announced `Content-Length` can give `.tooLarge`; without that check the run would end
  /// with the idle timeout's `.timeout`.
  @Test func cancelsAnOversizedBodyAnnouncedByContentLength() throws {
    let big = [UInt8](repeating: UInt8(ascii: " "), count: 5_000_000)
    let s = try afterGoodRun(failing: [.json(big).with { $0.delayBeforeBody = 120 }])
    expectKeptLastGood(s, code: .tooLarge)
    #expect(s.server.requestCount("/v1/forecast") == 1)
    s.server.stop()
    #expect(s.server.requests.last?.bodyBytesSent == 0)
  }

  @Test func cancelsAnOversizedChunkedBodyAsItArrives() throws {
    let big = [UInt8](repeating: UInt8(ascii: " "), count: 5_000_000)
    let slow = Response.json(big).with {
      $0.chunked = true
      $0.trickle = (bytes: 32_768, interval: 0.02)
    }
    let s = try afterGoodRun(failing: [slow])
    // Without the cap the 5 MB would arrive (in 3.2 s or more) and fail to parse instead.
    expectKeptLastGood(s, code: .tooLarge)
    s.server.stop()
    let served = s.server.requests.last
    #expect(served?.clientWentAway == true)
    #expect((served?.bodyBytesSent ?? .max) < 1_000_000, "the download was not cut short")
  }

  // MARK: Compressed answers (issue 12)

  /// A JSON answer compressed with `encoding` whatever the request asked for, decoding to
  /// 512 MiB (gzip, deflate) or 2 GiB (br, zstd) of zeros from 0.5 MB or less.
  static func bomb(_ encoding: CompressionBomb.Encoding) -> Response {
    .json(CompressionBomb.body(encoding), headers: [("Content-Encoding", encoding.rawValue)])
  }

  /// Under URLSession, libcurl decoded every encoding it knows whatever loa asked for, so a
  /// 66 KB zstd answer grew to 2 GiB in memory, past the cap and the deadline. loa asks for
  /// `identity` and refuses anything else unread; the memory bound is checked on the real
  /// binary in `WeatherCLITests`.
  @Test(arguments: CompressionBomb.Encoding.allCases)
  func refusesACompressedAnswerItDidNotAskFor(encoding: CompressionBomb.Encoding) throws {
    let body = CompressionBomb.body(encoding)
    #expect(body.count > 1_000 && body.count < 1_048_576, "\(body.count) bytes")
    let s = try afterGoodRun(failing: [Self.bomb(encoding)]) {
      // The compressed bytes are under the cap: the refusal is not the size check's.
      $0.http.maxResponseBytes = 1_048_576
    }
    expectKeptLastGood(s, code: .contentEncoding)
    #expect(
      s.harness.warnings.first?.contains(
        "answered with Content-Encoding \(encoding), which was not asked for") == true,
      "\(s.harness.warnings)")
    #expect(s.server.requestCount("/v1/forecast") == 1, "a refused encoding is not retried")
    #expect(s.server.requests.last?.headers["accept-encoding"] == "identity")
    #expect(s.outcome.error?.isTransient == false)
  }

  @Test func acceptsAnAnswerThatSaysIdentity() throws {
    let plain = Response.json(
      WeatherFixture.goodBody(.openMeteo), headers: [("Content-Encoding", "identity")])
    let s = try afterGoodRun(failing: [plain])
    #expect(s.outcome.problem == nil)
    #expect(s.harness.warnings.isEmpty)
  }

  // MARK: Connections

  @Test func reportsARedirectLoopWithoutFollowingItForever() throws {
    let s = try afterGoodRun(failing: [.redirect(to: "/v1/forecast")])
    expectKeptLastGood(s, code: .redirect)
    // 1 + 5 redirects, and a redirect loop is not retried.
    #expect(s.server.requestCount("/v1/forecast") == 6)
  }

  @Test func followsASingleRedirect() throws {
    let server = try HTTPTestServer(routes: [
      "/old": [.redirect(to: "/v1/forecast", status: 301)],
      "/v1/forecast": [.json(WeatherFixture.goodBody(.openMeteo))],
    ])
    defer { server.stop() }
    let h = try WeatherHarness(WeatherFixture.network(.openMeteo, url: server.url("/old")))
    let outcome = try h.run()
    #expect(outcome.state == .fresh)
    #expect(outcome.problem == nil)
  }

  /// Without waiting for a timeout: the error is `.connection`, not `.timeout`, and both
  /// attempts failed that way.
  @Test func reportsConnectionRefusedWithoutWaitingForATimeout() throws {
    let closed = try HTTPTestServer()
    let url = closed.url("/v1/forecast")
    closed.stop()
    let server = try HTTPTestServer(routes: [
      "/v1/forecast": [.json(WeatherFixture.goodBody(.openMeteo))]
    ])
    defer { server.stop() }
    var c = WeatherFixture.network(.openMeteo, url: WeatherFixture.template(.openMeteo, server))
    let h = try WeatherHarness(c)
    try h.run()
    c.source = .network(.openMeteo, urlTemplate: url)
    h.configuration = c
    // A new URL is another source: the saved data is not used, so the box is unavailable.
    let outcome = try h.run(at: WeatherFixture.now + 60)
    #expect(outcome.error?.code == .connection)
    #expect(
      outcome.problem?.contains("connection refused (curl error 7) after 2 attempts") == true,
      "\(outcome.problem ?? "")")
    #expect(outcome.state == .unavailable)
  }

  @Test func reportsADNSFailureWithinTheDeadline() throws {
    var c = WeatherFixture.network(
      .openMeteo, url: "http://loa-weather-test.invalid/v1/forecast", total: 3, retries: 0)
    c.http.idleTimeoutSeconds = 2
    let h = try WeatherHarness(c)
    var outcome: WeatherOutcome?
    let seconds = try HangGuard.measure { outcome = try h.run() }
    // `.invalid` never resolves (RFC 6761); without a resolver at all it may time out instead.
    #expect([.dns, .timeout].contains(outcome?.error?.code))
    #expect(outcome?.state == .unavailable)
    // A hang guard only: the deadline is 3 s.
    #expect(seconds < HangGuard.seconds(expecting: 3), "took \(seconds) s")
    #expect(h.warnings.count == 1)
  }

  @Test func reportsABodyCutShortOfItsContentLength() throws {
    let cut = Response.json(WeatherFixture.goodBody(.openMeteo)).with {
      $0.closeAfterBodyBytes = 100
    }
    let s = try afterGoodRun(failing: [cut]) { $0.http.retries = 0 }
    expectKeptLastGood(s, code: .connection)
  }

  // MARK: Deadlines
  //
  // Proven by the error and the request log, not the clock. Whatever the deadline cuts (a
  // silence, a trickle, a stall) lasts a minute or more, so an ignored deadline makes the run
  // outlast the hang guard (the deadline + 20 s) or end with another error.

  /// The deadline's own message: an attempt that ended by the idle timeout (60 s here) or the
  /// server (120 s) would say otherwise, and take longer than the hang guard.
  @Test func holdsTheDeadlineWhenTheServerNeverAnswers() throws {
    let silent = Response.json(WeatherFixture.goodBody(.openMeteo)).with {
      $0.delayBeforeHeaders = 120
    }
    let s = try afterGoodRun(failing: [silent]) {
      $0.http.totalTimeoutSeconds = 3
      $0.http.idleTimeoutSeconds = 60
    }
    expectKeptLastGood(s, code: .timeout)
    #expect(
      s.outcome.problem?.contains("before the deadline") == true, "\(s.outcome.problem ?? "")")
    // Cut at the deadline, nothing left for the retry.
    #expect(s.server.requestCount("/v1/forecast") == 1)
    #expect(s.seconds < HangGuard.seconds(expecting: 3), "hang guard: took \(s.seconds) s")
  }

  /// 1,230 bytes, one every 50 ms: a minute and more. Without the deadline the trickle would
  /// end in a good answer (and a fresh box without a problem) after the hang guard.
  @Test func holdsTheDeadlineAgainstATrickleTheIdleTimeoutNeverCatches() throws {
    let drip = Response.json(WeatherFixture.goodBody(.openMeteo)).with {
      $0.trickle = (bytes: 1, interval: 0.05)
    }
    #expect(
      WeatherFixture.goodBody(.openMeteo).count >= 1_200, "the trickle must outlast the guard")
    let s = try afterGoodRun(failing: [drip]) {
      $0.http.totalTimeoutSeconds = 3
      // Far above the trickle's pauses, even on a loaded machine.
      $0.http.idleTimeoutSeconds = 10
    }
    expectKeptLastGood(s, code: .timeout)
    #expect(
      s.outcome.problem?.contains("before the deadline") == true, "\(s.outcome.problem ?? "")")
    #expect(s.server.requestCount("/v1/forecast") == 1)
    #expect(s.seconds < HangGuard.seconds(expecting: 3), "hang guard: took \(s.seconds) s")
  }

  /// The first answer stalls after its headers until the 1 s idle timeout ends it; the retry
  /// gets a good answer. The deadline is far away, so the count is exact on any machine.
  @Test func retriesAfterAnIdleTimeout() throws {
    let stall = Response.json(WeatherFixture.goodBody(.openMeteo)).with { $0.delayBeforeBody = 120 }
    let s = try afterGoodRun(failing: [stall, .json(WeatherFixture.goodBody(.openMeteo))]) {
      $0.http.totalTimeoutSeconds = 60
      $0.http.idleTimeoutSeconds = 1
      $0.http.retries = 1
    }
    #expect(s.outcome.problem == nil, "\(s.outcome.problem ?? "")")
    #expect(s.outcome.state == .fresh)
    #expect(s.server.requestCount("/v1/forecast") == 2)
    #expect(s.harness.jsonObject["lastError"] is NSNull)
  }

  /// Every answer stalls; idle timeouts are retried, up to 30 times, but never past the
  /// deadline. How many attempts fit depends on the machine, so the test checks the bounds: a
  /// retry loop that ignored the deadline would run 31 idle timeouts (31 s and more, past the
  /// hang guard), and one that kept "attempting" after it would report attempts that never
  /// reached the server.
  @Test func retriesAfterIdleTimeoutsButStopsAtTheDeadline() throws {
    let stall = Response.json(WeatherFixture.goodBody(.openMeteo)).with { $0.delayBeforeBody = 120 }
    let retries = 30
    let s = try afterGoodRun(failing: [stall]) {
      $0.http.totalTimeoutSeconds = 3
      $0.http.idleTimeoutSeconds = 1
      $0.http.retries = retries
    }
    expectKeptLastGood(s, code: .timeout)
    #expect(s.seconds < HangGuard.seconds(expecting: 3), "hang guard: took \(s.seconds) s")
    let served = s.server.requestCount("/v1/forecast")
    let reported = Self.attempts(s.outcome.problem)
    #expect((1...(retries + 1)).contains(served), "\(served) requests")
    // Each attempt but the last ran a whole idle second, so it reached the server; the last
    // may have been cut by the deadline before it did.
    #expect(
      reported == served || reported == served + 1, "\(reported) attempts, \(served) requests")
  }

  /// The attempts a problem line reports ("after N attempts"; none said: 1).
  static func attempts(_ problem: String?) -> Int {
    guard let problem, let range = problem.range(of: " after ") else { return 1 }
    let digits = problem[range.upperBound...].prefix { $0.isNumber }
    return Int(digits) ?? 1
  }

  // MARK: No data ever

  @Test func publishesTheNeutralBoxWhenThereWasNeverData() throws {
    let server = try HTTPTestServer(routes: ["/v1/forecast": [.json(Array("{}".utf8), status: 503)]]
    )
    defer { server.stop() }
    var c = WeatherFixture.network(.openMeteo, url: WeatherFixture.template(.openMeteo, server))
    c.http.retries = 0
    let h = try WeatherHarness(c)
    let outcome = try h.run(stateDirectory: false)
    #expect(outcome.state == .unavailable)
    #expect(outcome.problem == "open-meteo: HTTP 503; the box says no data is available")
    #expect(h.html.contains("Hiện chưa có số liệu thời tiết"))
    #expect(h.jsonObject["current"] is NSNull)
    #expect(h.warnings.count == 1)
  }
}
