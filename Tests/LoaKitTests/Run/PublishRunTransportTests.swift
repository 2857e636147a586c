import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// A run sends every HTTP request (the weather box's GET, the WebSub pings) through the
/// transport it is given, so tests run it in process without a network and see exactly what
/// it asks for.
@Suite struct PublishRunTransportTests {
  /// Answers a GET with the saved Open-Meteo response and a POST with 204, and keeps every
  /// request.
  final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    let weatherBody: [UInt8]

    init(weatherBody: [UInt8]) { self.weatherBody = weatherBody }

    func send(_ request: HTTPRequest, maxBytes: Int, deadline: Double) -> Result<
      HTTPReply, HTTPError
    > {
      lock.withLock { sent.append(request) }
      if request.method == "POST" {
        return .success(HTTPReply(status: 204, headers: [:], body: []))
      }
      return .success(
        HTTPReply(
          status: 200, headers: ["content-type": "application/json; charset=utf-8"],
          body: weatherBody))
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }
  }

  /// 2026-11-29T07:07:12Z: 7 minutes after the Open-Meteo fixture's 14:00 (Hạ Long) data.
  static let now: Int64 = 1_795_936_032

  @Test func aRunSendsTheWeatherRequestAndTheHubPingsThroughTheGivenTransport() throws {
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("bai-chay.sqlite"))
    var config = try Configuration.load(path: ExamplePortal.configPath)
    config.output.directory = dir.path("feeds")
    config.state.directory = dir.path("state")
    config.database.location = .sqlite(path: dir.path("bai-chay.sqlite"))
    config.websub.hubs = ["https://hub.example.net/"]
    config.weather?.source = .network(
      .openMeteo,
      urlTemplate: "https://api.open-meteo.com/v1/forecast?latitude={lat}&longitude={lon}")
    let body = FileManager.default.contents(
      atPath: PackagePaths.path("Tests/LoaKitTests/Fixtures/weather/open-meteo-current.json"))
    let transport = ScriptedTransport(weatherBody: [UInt8](try #require(body)))

    var run = PublishRun(configuration: config, clock: FixedClock(Self.now))
    run.transport = transport
    let outcome = try run.run(report: RunReport())

    let gets = transport.requests.filter { $0.method == "GET" }
    let posts = transport.requests.filter { $0.method == "POST" }
    #expect(gets.map(\.url) == ["https://api.open-meteo.com/v1/forecast?latitude=20.95&longitude=107.05"])
    #expect(outcome.weather?.state == .fresh)
    let html = try String(contentsOfFile: dir.path("feeds/weather.html"), encoding: .utf8)
    #expect(html.contains("°C"))
    // One ping per feed the run wrote, each to the configured hub, naming its feed.
    #expect(!posts.isEmpty)
    #expect(posts.allSatisfy { $0.url == "https://hub.example.net/" })
    let topics = posts.compactMap { $0.body.map { String(decoding: $0, as: UTF8.self) } }
    #expect(topics.contains { $0.hasPrefix("hub.mode=publish&hub.url=https%3A%2F%2F") && $0.hasSuffix("rss.xml") })
  }
}
