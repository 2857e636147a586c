import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaWeather
import Testing

/// Fixtures, configurations and a harness shared by the weather tests.
enum WeatherFixture {
  /// 2026-11-29T07:07:12Z = 14:07:12 in Hạ Long: 7 minutes after the fixtures' 14:00 data.
  static let now: Int64 = 1_795_936_032
  static let zone = SiteTimeZone(offsetSeconds: 25_200)
  static let location = WeatherConfiguration.Location(
    name: "Phường Bãi Cháy, TP. Hạ Long", latitude: 20.95, longitude: 107.05)

  static func path(_ name: String) -> String {
    PackagePaths.path("Tests/LoaKitTests/Fixtures/weather/" + name)
  }

  static func bytes(_ name: String) -> [UInt8] {
    [UInt8](FileManager.default.contents(atPath: path(name)) ?? Data())
  }

  /// A network configuration pointing at `url`, with test-friendly limits.
  ///
  /// The deadline is generous (30 s) so that no good exchange misses it on a loaded machine; a
  /// test about the deadline sets its own and makes what it cuts last longer than a hang guard.
  static func network(
    _ format: WeatherConfiguration.Format, url: String, total: Double = 30, idle: Int = 2,
    retries: Int = 1, retryDelay: Double = 0.1, maxBytes: Int = 65_536
  ) -> WeatherConfiguration {
    var c = WeatherConfiguration(source: .network(format, urlTemplate: url), location: location)
    c.userAgent = "phuong-bai-chay-test/1.0 (+https://baichay.example.org/lien-he)"
    c.http.totalTimeoutSeconds = total
    c.http.idleTimeoutSeconds = idle
    c.http.retries = retries
    c.http.retryDelaySeconds = retryDelay
    c.http.maxResponseBytes = maxBytes
    return c
  }

  /// The route each format is served under, and its URL template (OpenWeatherMap with a key).
  static func template(_ format: WeatherConfiguration.Format, _ server: HTTPTestServer) -> String {
    switch format {
    case .openMeteo: return server.url("/v1/forecast") + "?latitude={lat}&longitude={lon}"
    case .metNorway: return server.url("/compact") + "?lat={lat}&lon={lon}"
    case .openWeatherMap:
      return server.url("/data/2.5/weather") + "?lat={lat}&lon={lon}&units=metric&appid={apiKey}"
    }
  }

  static func route(_ format: WeatherConfiguration.Format) -> String {
    switch format {
    case .openMeteo: return "/v1/forecast"
    case .metNorway: return "/compact"
    case .openWeatherMap: return "/data/2.5/weather"
    }
  }

  static func goodBody(_ format: WeatherConfiguration.Format) -> [UInt8] {
    switch format {
    case .openMeteo: return bytes("open-meteo-current.json")
    case .metNorway: return bytes("met-norway-compact.json")
    case .openWeatherMap: return bytes("openweathermap-current.json")
    }
  }

  static let apiKey = "k3y-S3CRET-0d9f8e7a6b5c4d3e"
}

/// One output directory and one state directory, run after run, with captured logs.
final class WeatherHarness {
  let dir: TemporaryDirectory
  let sink = CapturingSink()
  var configuration: WeatherConfiguration
  var environment: [String: String] = ["OWM_API_KEY": WeatherFixture.apiKey]
  var level = LogLevel.warning
  var zone = WeatherFixture.zone

  init(_ configuration: WeatherConfiguration) throws {
    dir = try TemporaryDirectory("loa-weather")
    self.configuration = configuration
  }

  var outputPath: String { dir.path("feeds") }
  var statePath: String { dir.path("state") }

  @discardableResult
  func run(at now: Int64 = WeatherFixture.now, stateDirectory: Bool = true) throws
    -> WeatherOutcome
  {
    let transaction = OutputTransaction(try OutputDirectory(path: outputPath))
    let publisher = WeatherPublisher(
      configuration: configuration, transaction: transaction,
      stateDirectory: stateDirectory ? statePath : nil, siteTimeZone: zone,
      clock: FixedClock(now), logger: Logger(level: level, sink: sink),
      environment: environment)
    let outcome = try publisher.run()
    try transaction.commit()
    return outcome
  }

  var html: String { read(configuration.htmlFile) }
  var json: String { read(configuration.jsonFile) }
  var htmlBytes: [UInt8] { Array(html.utf8) }
  var jsonBytes: [UInt8] { Array(json.utf8) }

  func read(_ name: String) -> String {
    (try? String(contentsOfFile: outputPath + "/" + name, encoding: .utf8)) ?? ""
  }

  /// `weather.json`, parsed.
  var jsonObject: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
  }

  var warnings: [String] { sink.lines.filter { $0.contains(": warning: ") } }
}
