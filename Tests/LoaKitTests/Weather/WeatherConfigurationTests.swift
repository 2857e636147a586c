import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaWeather
import Testing

@Suite struct WeatherConfigurationTests {
  func parse(_ json: String) throws -> WeatherConfiguration {
    try WeatherConfiguration.parse(json: Data(json.utf8), baseDirectory: "/srv/loa")
  }

  static let place =
    "\"location\": {\"name\": \"Phường Bãi Cháy\", \"latitude\": 20.95, \"longitude\": 107.05}"

  @Test func appliesTheDocumentedDefaults() throws {
    let c = try parse("{\"source\": {}, \(Self.place)}")
    #expect(c.enabled)
    #expect(c.source.format == .openMeteo)
    guard case .network(.openMeteo, let template) = c.source else {
      Issue.record("not the open-meteo network source")
      return
    }
    #expect(
      template.hasPrefix("https://api.open-meteo.com/v1/forecast?latitude={lat}&longitude={lon}"))
    #expect(c.location.latitude == 20.95)
    #expect(c.location.longitude == 107.05)
    #expect(c.http.idleTimeoutSeconds == 10)
    #expect(c.http.totalTimeoutSeconds == 20)
    #expect(c.http.maxResponseBytes == 1_048_576)
    #expect(c.http.retries == 1)
    #expect(c.http.retryDelaySeconds == 2)
    #expect(c.staleAfterSeconds == 180 * 60)
    #expect(c.hideAfterSeconds == 48 * 3600)
    #expect(c.maxSourceAgeSeconds == 360 * 60)
    #expect(c.outlookDays == 3)
    #expect(c.htmlFile == "weather.html")
    #expect(c.jsonFile == "weather.json")
    #expect(c.attributionText == "Open-Meteo.com (CC BY 4.0)")
    #expect(c.windUnit == .metresPerSecond)
    #expect(c.showBeaufort)
    #expect(c.colorScheme == .light)
  }

  @Test func readsEveryKey() throws {
    let c = try parse(
      """
      {"enabled": true,
       "source": {"kind": "openweathermap",
                  "url": "https://api.openweathermap.org/data/2.5/weather?units=metric&appid={apiKey}",
                  "apiKeyEnv": "LOA_OWM_KEY"},
       "userAgent": "phuong/1.0 (+https://p.example.org/lien-he)",
       "attribution": {"text": "OpenWeather", "url": "https://openweathermap.org/"},
       \(Self.place),
       "units": {"temperature": "celsius", "windSpeed": "km/h", "showBeaufort": false},
       "http": {"idleTimeoutSeconds": 5, "totalTimeoutSeconds": 7.5, "maxResponseBytes": 200000,
                "retries": 2, "retryDelaySeconds": 0.5},
       "staleAfterMinutes": 90, "hideAfterHours": 24, "maxSourceAgeMinutes": 120, "outlookDays": 2,
       "colorScheme": "auto",
       "output": {"html": "snippets/weather.html", "json": "snippets/weather.json"}}
      """)
    #expect(c.source.format == .openWeatherMap)
    #expect(c.apiKeyEnvironmentVariable == "LOA_OWM_KEY")
    #expect(c.userAgent == "phuong/1.0 (+https://p.example.org/lien-he)")
    #expect(c.windUnit == .kilometresPerHour)
    #expect(!c.showBeaufort)
    #expect(c.http.totalTimeoutSeconds == 7.5)
    #expect(c.http.retryDelaySeconds == 0.5)
    #expect(c.http.retries == 2)
    #expect(c.staleAfterSeconds == 90 * 60)
    #expect(c.htmlFile == "snippets/weather.html")
    #expect(c.colorScheme == .auto)
  }

  @Test func resolvesAFileSourceAgainstTheConfigFolder() throws {
    let source =
      "\"source\": {\"kind\": \"file\", \"format\": \"met-norway\", \"path\": \"weather/saved.json\"}"
    let c = try parse("{\(source), \(Self.place)}")
    #expect(c.source == .file(.metNorway, path: "/srv/loa/weather/saved.json"))
    #expect(c.source.kind == "file")
    #expect(!c.checkFileAge)
  }

  // JSON with ' for ", and PLACE for a valid location.
  @Test(arguments: [
    ("{'source': {}}", "weather.location"),
    ("{'source': {'kind': 'kttv'}, PLACE}", "weather.source.kind"),
    ("{'source': {'kind': 'file', 'path': 'x.json'}, PLACE}", "weather.source.format"),
    (
      "{'source': {'kind': 'file', 'format': 'open-meteo', 'path': 'x', 'url': 'https://x/'}, PLACE}",
      "weather.source.url"
    ),
    ("{'source': {'path': 'x.json'}, PLACE}", "weather.source.path"),
    ("{'source': {'url': 'ftp://x/{lat}'}, PLACE}", "weather.source.url"),
    (
      "{'source': {'kind': 'openweathermap', 'url': 'https://x/?lat={lat}&units=metric'}, PLACE}",
      "weather.source.url"
    ),
    (
      "{'source': {'kind': 'openweathermap', 'url': 'https://x/?appid={apiKey}'}, PLACE}",
      "weather.source.url"
    ),
    (
      "{'source': {'kind': 'openweathermap', 'apiKeyEnv': '0123456789abcdef0123'}, PLACE}",
      "weather.source.apiKeyEnv"
    ),
    ("{'source': {'kind': 'met-norway'}, PLACE}", "weather.userAgent"),
    (
      "{'source': {}, PLACE, 'http': {'idleTimeoutSeconds': 1.5}}",
      "weather.http.idleTimeoutSeconds"
    ),
    ("{'source': {}, PLACE, 'http': {'idleTimeoutSeconds': 0}}", "weather.http.idleTimeoutSeconds"),
    (
      "{'source': {}, PLACE, 'http': {'totalTimeoutSeconds': '20'}}",
      "weather.http.totalTimeoutSeconds"
    ),
    ("{'source': {}, PLACE, 'http': {'retries': 9}}", "weather.http.retries"),
    ("{'source': {}, PLACE, 'http': {'timeout': 9}}", "weather.http.timeout"),
    ("{'source': {}, PLACE, 'staleAfterMinutes': 3000}", "weather.hideAfterHours"),
    ("{'source': {}, PLACE, 'units': {'temperature': 'fahrenheit'}}", "weather.units.temperature"),
    ("{'source': {}, PLACE, 'output': {'html': '../weather.html'}}", "weather.output.html"),
    ("{'source': {}, PLACE, 'output': {'json': 'weather.html'}}", "weather.output.json"),
    (
      "{'source': {}, PLACE, 'output': {'html': 'thoi-su/head-links.html'}}",
      "weather.output.html"
    ),
    ("{'source': {}, PLACE, 'outlookDay': 3}", "weather.outlookDay"),
    ("{'source': {}, PLACE, 'colorScheme': 'system'}", "weather.colorScheme"),
    (
      "{'source': {}, 'location': {'name': 'x', 'latitude': 95, 'longitude': 1}}",
      "weather.location.latitude"
    ),
    (
      "{'source': {}, 'location': {'name': 'x', 'latitude': '20.95', 'longitude': 1}}",
      "weather.location.latitude"
    ),
  ])
  func namesTheKeyThatIsWrong(json: String, key: String) throws {
    let e = try #require(throws: ConfigError.self) {
      let text = json.replacingOccurrences(of: "'", with: "\"")
      _ = try parse(text.replacingOccurrences(of: "PLACE", with: Self.place))
    }
    #expect(e.key == key, "\(e)")
    #expect(!e.description.contains("\n"))
  }
}
