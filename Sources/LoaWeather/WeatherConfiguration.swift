import FoundationEssentials
import LoaCore

/// The `weather` section of the configuration (docs/weather.md documents every key).
public struct WeatherConfiguration: Sendable {
  /// A payload format: which decoder and which code table apply.
  public enum Format: String, Sendable, CaseIterable {
    /// Open-Meteo `/v1/forecast` (WMO codes, current + daily).
    case openMeteo = "open-meteo"
    /// MET Norway Locationforecast 2.0 `compact` (symbol codes, a time series).
    case metNorway = "met-norway"
    /// OpenWeatherMap current weather 2.5 (condition ids, no outlook).
    case openWeatherMap = "openweathermap"
  }

  /// Where the data comes from.
  public enum Source: Sendable, Equatable {
    /// An HTTP(S) API; `urlTemplate` may hold `{lat}`, `{lon}`, `{apiKey}` and `{days}`.
    case network(Format, urlTemplate: String)
    /// A local JSON file (absolute path) in one of the formats, for offline use and tests.
    case file(Format, path: String)

    public var format: Format {
      switch self {
      case .network(let f, _), .file(let f, _): return f
      }
    }

    /// `open-meteo`, `met-norway`, `openweathermap` or `file`.
    public var kind: String {
      switch self {
      case .network(let f, _): return f.rawValue
      case .file: return "file"
      }
    }
  }

  /// The unit wind speeds are shown in.
  public enum WindUnit: String, Sendable {
    /// m/s, as KTTV writes it (the default).
    case metresPerSecond = "m/s"
    case kilometresPerHour = "km/h"
  }

  /// The place the box is about.
  public struct Location: Sendable, Equatable {
    /// The place name shown under the heading, such as `Phường Bãi Cháy, TP. Hạ Long`.
    public var name: String
    public var latitude: Double
    public var longitude: Double

    public init(name: String, latitude: Double, longitude: Double) {
      self.name = name
      self.latitude = latitude
      self.longitude = longitude
    }
  }

  /// Limits of one fetch (notes/weather.md §4.3).
  public struct HTTP: Sendable, Equatable {
    /// libcurl's idle timeout (`CURLOPT_LOW_SPEED_TIME`), whole seconds ≥ 1.
    public var idleTimeoutSeconds: Int = 10
    /// Hard deadline for the whole fetch, retries included.
    public var totalTimeoutSeconds: Double = 20
    /// Largest accepted body; a larger one is cancelled as soon as it shows.
    public var maxResponseBytes: Int = 1_048_576
    /// Extra attempts after a timeout, a connection failure or a 5xx.
    public var retries: Int = 1
    /// Pause before a retry.
    public var retryDelaySeconds: Double = 2

    public init() {}
  }

  /// Whether the section is active (`enabled: false` keeps it in the file but off).
  public var enabled = true
  public var source: Source
  /// Name of the environment variable holding the API key (`{apiKey}`); never the key itself.
  public var apiKeyEnvironmentVariable: String?
  /// Sent as `User-Agent`; MET Norway requires one that identifies the site and a contact.
  public var userAgent: String
  /// The credit line ("Open-Meteo.com (CC BY 4.0)") and its link.
  public var attributionText: String
  public var attributionURL: String
  public var location: Location
  public var windUnit = WindUnit.metresPerSecond
  public var showBeaufort = true
  public var http = HTTP()
  /// Past this age (from the source's own time) the box is marked "Số liệu cũ".
  public var staleAfterSeconds: Int64 = 180 * 60
  /// Past this age the box says "Chưa có số liệu" instead.
  public var hideAfterSeconds: Int64 = 48 * 3600
  /// A fetched payload older than this is refused (the source serves an old model run).
  public var maxSourceAgeSeconds: Int64 = 360 * 60
  /// Days in the outlook, after today.
  public var outlookDays = 3
  /// The box's colours: light by default, whatever the visitor's system prefers.
  public var colorScheme = WeatherColorScheme.light
  /// For a `file` source: apply the age rules against the clock.
  ///
  /// Off by default, so a saved response shows as it was observed ("as of" its own time),
  /// deterministically.
  public var checkFileAge = false
  /// Output names, relative to the feeds output directory.
  public var htmlFile = "weather.html"
  public var jsonFile = "weather.json"

  /// A configuration with every default for `source` and `location`.
  public init(source: Source, location: Location) {
    self.source = source
    self.location = location
    let d = Self.defaults(source.format)
    attributionText = d.attributionText
    attributionURL = d.attributionURL
    userAgent = "loa/\(LoaVersion.current)"
    if source.format == .openWeatherMap { apiKeyEnvironmentVariable = "OWM_API_KEY" }
  }

  /// Per-format defaults.
  public static func defaults(_ format: Format) -> (
    urlTemplate: String, attributionText: String, attributionURL: String
  ) {
    switch format {
    case .openMeteo:
      return (
        "https://api.open-meteo.com/v1/forecast?latitude={lat}&longitude={lon}"
          + "&current=temperature_2m,relative_humidity_2m,apparent_temperature,weather_code,"
          + "wind_speed_10m,wind_direction_10m,is_day"
          + "&daily=weather_code,temperature_2m_max,temperature_2m_min,"
          + "precipitation_probability_max&timezone=Asia/Ho_Chi_Minh&forecast_days={days}",
        "Open-Meteo.com (CC BY 4.0)", "https://open-meteo.com/"
      )
    case .metNorway:
      return (
        "https://api.met.no/weatherapi/locationforecast/2.0/compact?lat={lat}&lon={lon}",
        "MET Norway (met.no)", "https://www.met.no/en"
      )
    case .openWeatherMap:
      return (
        "https://api.openweathermap.org/data/2.5/weather?lat={lat}&lon={lon}&units=metric"
          + "&appid={apiKey}",
        "OpenWeather", "https://openweathermap.org/"
      )
    }
  }

  /// Parses the JSON text of a `weather` section (the object itself), for tests and tools.
  ///
  /// - Throws: ``ConfigError`` naming the key (`weather.http.idleTimeoutSeconds`).
  public static func parse(json: Data, baseDirectory: String) throws -> WeatherConfiguration {
    let value: JSONValue
    do {
      value = try JSONValue.parse(json)
    } catch {
      throw ConfigError(
        .syntax, key: "weather",
        "is not valid JSON (\(JSONReader.summary(error)))")
    }
    guard case .object(let top) = value else {
      throw ConfigError(.invalidValue, key: "weather", "expected an object")
    }
    var o = ConfigObject(top, path: "weather")
    return try parse(&o, baseDirectory: baseDirectory)
  }

  /// Parses the `weather` object (`o` is that object, its path `weather`) and rejects unknown keys
  /// in it.
  ///
  /// Relative file paths are taken from `baseDirectory`.
  ///
  /// - Throws: ``ConfigError``.
  package static func parse(_ o: inout ConfigObject, baseDirectory: String) throws
    -> WeatherConfiguration
  {
    let enabled = try o.bool("enabled") ?? true

    guard var loc = try o.object("location") else {
      throw ConfigError(.missingKey, key: o.keyPath("location"), "is required")
    }
    let name = try loc.requiredText("name")
    guard let latitude = try loc.double("latitude") else {
      throw ConfigError(.missingKey, key: loc.keyPath("latitude"), "is required")
    }
    guard let longitude = try loc.double("longitude") else {
      throw ConfigError(.missingKey, key: loc.keyPath("longitude"), "is required")
    }
    guard (-90...90).contains(latitude) else {
      throw ConfigError(.invalidValue, key: loc.keyPath("latitude"), "must be -90…90")
    }
    guard (-180...180).contains(longitude) else {
      throw ConfigError(.invalidValue, key: loc.keyPath("longitude"), "must be -180…180")
    }
    try loc.rejectUnknownKeys()
    let location = Location(name: name, latitude: latitude, longitude: longitude)

    guard var s = try o.object("source") else {
      throw ConfigError(.missingKey, key: o.keyPath("source"), "is required")
    }
    let kind = try s.string("kind") ?? Format.openMeteo.rawValue
    let source: Source
    var apiKeyEnv: String?
    var checkFileAge = false
    if kind == "file" {
      let formatName = try s.requiredString("format")
      guard let format = Format(rawValue: formatName) else {
        throw ConfigError(
          .invalidValue, key: s.keyPath("format"),
          "unknown format \"\(formatName)\"; use open-meteo, met-norway or openweathermap")
      }
      let path = Paths.absolute(try s.requiredString("path"), relativeTo: baseDirectory)
      source = .file(format, path: path)
      checkFileAge = try s.bool("checkAge") ?? false
    } else {
      guard let format = Format(rawValue: kind) else {
        throw ConfigError(
          .invalidValue, key: s.keyPath("kind"),
          "unknown kind \"\(kind)\"; use open-meteo, met-norway, openweathermap or file")
      }
      let template = try s.string("url") ?? defaults(format).urlTemplate
      guard template.hasPrefix("https://") || template.hasPrefix("http://") else {
        throw ConfigError(.invalidValue, key: s.keyPath("url"), "must be an http(s) URL")
      }
      apiKeyEnv = try s.string("apiKeyEnv")
      if format == .openWeatherMap {
        apiKeyEnv = apiKeyEnv ?? "OWM_API_KEY"
        guard template.contains("{apiKey}") else {
          throw ConfigError(
            .invalidValue, key: s.keyPath("url"), "must contain {apiKey} for openweathermap")
        }
        guard template.contains("units=metric") else {
          throw ConfigError(
            .invalidValue, key: s.keyPath("url"),
            "must ask for units=metric (°C and m/s) for openweathermap")
        }
      }
      if let env = apiKeyEnv, !Self.isEnvironmentName(env) {
        throw ConfigError(
          .invalidValue, key: s.keyPath("apiKeyEnv"),
          "must be the name of an environment variable (such as OWM_API_KEY), not the key")
      }
      if template.contains("{apiKey}") && apiKeyEnv == nil {
        throw ConfigError(
          .missingKey, key: s.keyPath("apiKeyEnv"), "is required when url contains {apiKey}")
      }
      source = .network(format, urlTemplate: template)
    }
    for key in ["format", "path", "checkAge"] where kind != "file" {
      if try s.isPresent(key) {
        throw ConfigError(.invalidValue, key: s.keyPath(key), "is only used with kind \"file\"")
      }
    }
    for key in ["url", "apiKeyEnv"] where kind == "file" {
      if try s.isPresent(key) {
        throw ConfigError(.invalidValue, key: s.keyPath(key), "is not used with kind \"file\"")
      }
    }
    try s.rejectUnknownKeys()

    var c = WeatherConfiguration(source: source, location: location)
    c.enabled = enabled
    c.apiKeyEnvironmentVariable = apiKeyEnv
    c.checkFileAge = checkFileAge
    if let ua = try o.string("userAgent") {
      guard !ua.isEmpty, ua.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
        throw ConfigError(
          .invalidValue, key: o.keyPath("userAgent"), "must be printable ASCII, not empty")
      }
      c.userAgent = ua
    } else if case .network(.metNorway, _) = source {
      throw ConfigError(
        .missingKey, key: o.keyPath("userAgent"),
        "is required for met-norway: name the site and a contact, e.g. "
          + "\"phuong-bai-chay-portal/1.0 (+https://example.org/lien-he)\"")
    }

    if var a = try o.object("attribution") {
      c.attributionText = try a.text("text") ?? c.attributionText
      if let u = try a.string("url") {
        guard let address = WebAddress(u) else {
          throw ConfigError(.invalidValue, key: a.keyPath("url"), "must be an absolute http(s) URL")
        }
        c.attributionURL = address.description
      }
      try a.rejectUnknownKeys()
    }

    if var u = try o.object("units") {
      if let t = try u.string("temperature"), t != "celsius" {
        throw ConfigError(.invalidValue, key: u.keyPath("temperature"), "only celsius is supported")
      }
      if let w = try u.string("windSpeed") {
        guard let unit = WindUnit(rawValue: w) else {
          throw ConfigError(.invalidValue, key: u.keyPath("windSpeed"), "use m/s or km/h")
        }
        c.windUnit = unit
      }
      c.showBeaufort = try u.bool("showBeaufort") ?? true
      try u.rejectUnknownKeys()
    }

    if var h = try o.object("http") {
      if let n = try h.int("idleTimeoutSeconds") {
        guard (1...60).contains(n) else {
          throw ConfigError(
            .invalidValue, key: h.keyPath("idleTimeoutSeconds"), "must be a whole number 1…60")
        }
        c.http.idleTimeoutSeconds = n
      }
      if let n = try h.double("totalTimeoutSeconds") {
        guard n >= 0.1 && n <= 300 else {
          throw ConfigError(.invalidValue, key: h.keyPath("totalTimeoutSeconds"), "must be 0.1…300")
        }
        c.http.totalTimeoutSeconds = n
      }
      if let n = try h.int("maxResponseBytes") {
        guard (1024...67_108_864).contains(n) else {
          throw ConfigError(
            .invalidValue, key: h.keyPath("maxResponseBytes"), "must be 1024…67108864")
        }
        c.http.maxResponseBytes = n
      }
      if let n = try h.int("retries") {
        guard (0...3).contains(n) else {
          throw ConfigError(.invalidValue, key: h.keyPath("retries"), "must be 0…3")
        }
        c.http.retries = n
      }
      if let n = try h.double("retryDelaySeconds") {
        guard n >= 0 && n <= 60 else {
          throw ConfigError(.invalidValue, key: h.keyPath("retryDelaySeconds"), "must be 0…60")
        }
        c.http.retryDelaySeconds = n
      }
      try h.rejectUnknownKeys()
    }

    if let n = try o.int("staleAfterMinutes") {
      guard n >= 1 else {
        throw ConfigError(.invalidValue, key: o.keyPath("staleAfterMinutes"), "must be at least 1")
      }
      c.staleAfterSeconds = Int64(n) * 60
    }
    if let n = try o.int("hideAfterHours") {
      guard n >= 1 else {
        throw ConfigError(.invalidValue, key: o.keyPath("hideAfterHours"), "must be at least 1")
      }
      c.hideAfterSeconds = Int64(n) * 3600
    }
    guard c.hideAfterSeconds > c.staleAfterSeconds else {
      throw ConfigError(
        .invalidValue, key: o.keyPath("hideAfterHours"), "must be longer than staleAfterMinutes")
    }
    if let n = try o.int("maxSourceAgeMinutes") {
      guard n >= 1 else {
        throw ConfigError(
          .invalidValue, key: o.keyPath("maxSourceAgeMinutes"), "must be at least 1")
      }
      c.maxSourceAgeSeconds = Int64(n) * 60
    }
    if let n = try o.int("outlookDays") {
      guard (0...7).contains(n) else {
        throw ConfigError(.invalidValue, key: o.keyPath("outlookDays"), "must be 0…7")
      }
      c.outlookDays = n
    }
    if let name = try o.string("colorScheme") {
      guard let scheme = WeatherColorScheme(rawValue: name) else {
        throw ConfigError(.invalidValue, key: o.keyPath("colorScheme"), "use light, dark or auto")
      }
      c.colorScheme = scheme
    }
    if var out = try o.object("output") {
      for (key, current) in [("html", c.htmlFile), ("json", c.jsonFile)] {
        let name = try out.string(key) ?? current
        guard OutputDirectory.isSafe(name) else {
          throw ConfigError(
            .invalidValue, key: out.keyPath(key),
            "must be a plain relative path inside the output directory")
        }
        // `loa weather` runs without the database, so it cannot know the category folders:
        // a feed's file name anywhere (`thoi-su/feed.json`) is refused here, for every command.
        let last = name.split(separator: "/").last.map(String.init) ?? name
        let feedNames = FeedFormat.allCases.map(\.fileName)
        if feedNames.contains(last) || feedNames.contains { last == $0 + ".gz" } {
          throw ConfigError(
            .invalidValue, key: out.keyPath(key),
            "\"\(name)\" is named like a feed (\(feedNames.joined(separator: ", "))): it would replace one")
        }
        // Likewise a category's `thoi-su/head-links.html` (the site's is claimed by name).
        if last == "head-links.html" || last == "head-links.html.gz" {
          throw ConfigError(
            .invalidValue, key: out.keyPath(key),
            "\"\(name)\" is named like the head-links snippets loa writes: it would replace one")
        }
        if key == "html" { c.htmlFile = name } else { c.jsonFile = name }
      }
      guard c.htmlFile != c.jsonFile else {
        throw ConfigError(.invalidValue, key: out.keyPath("json"), "must differ from output.html")
      }
      try out.rejectUnknownKeys()
    }
    try o.rejectUnknownKeys()
    return c
  }

  /// `[A-Za-z_][A-Za-z0-9_]*`: an environment variable name (a pasted key has other shapes
  /// only by luck, but this still catches URLs and keys with punctuation).
  static func isEnvironmentName(_ s: String) -> Bool {
    guard let first = s.utf8.first, !(first >= 48 && first <= 57) else { return false }
    return s.utf8.allSatisfy {
      ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95
    }
  }

  /// Identifies the data a snapshot belongs to: a snapshot saved for another source or place
  /// is never shown.
  var sourceKey: String {
    let place =
      WeatherText.decimal(location.latitude, places: 4) + ","
      + WeatherText.decimal(location.longitude, places: 4)
    switch source {
    case .network(let f, let t): return f.rawValue + " " + t + " " + place
    case .file(let f, let p): return "file " + f.rawValue + " " + p + " " + place
    }
  }
}


