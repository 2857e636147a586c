import FoundationEssentials
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// What asking the source gave.
enum SourceResult {
  /// A validated snapshot, with MET Norway's caching headers when sent.
  case data(WeatherSnapshot, expires: Int64?, lastModified: String?)
  /// 304 to our `If-Modified-Since`: the saved snapshot is still the latest.
  case notModified(expires: Int64?, lastModified: String?)
  case failed(WeatherError, attempts: Int)
}

/// Reads the configured source once: the HTTP exchange (with retries inside one deadline) or
/// the local file, then every check of ``WeatherPayload``.
struct WeatherSource {
  let configuration: WeatherConfiguration
  let zone: SiteTimeZone
  let environment: [String: String]
  let logger: Logger
  /// Sends the request (``HTTPClient`` in `loa`).
  let transport: any HTTPTransport

  private var apiKey: String? {
    guard let name = configuration.apiKeyEnvironmentVariable, let v = environment[name],
      !v.isEmpty
    else { return nil }
    return v
  }

  /// The URL with its placeholders filled; `{apiKey}` from the environment.
  func url(apiKey: String) -> String {
    guard case .network(_, let template) = configuration.source else { return "" }
    let loc = configuration.location
    // MET refuses more than 4 decimals (403).
    return Self.fill(
      template,
      [
        "lat": WeatherText.decimal(loc.latitude, places: 4),
        "lon": WeatherText.decimal(loc.longitude, places: 4),
        "days": String(configuration.outlookDays + 1),
        "apiKey": Self.percentEncoded(apiKey),
      ])
  }

  /// The URL as it may be printed: the key replaced by `REDACTED`.
  var printableURL: String { url(apiKey: "REDACTED") }

  static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let v = values[String(after[..<close])] {
        out += v
        rest = after[after.index(after: close)...]
      } else {
        out += "{"
        rest = after
      }
    }
    return out + rest
  }

  /// RFC 3986 unreserved characters kept, everything else `%XX`.
  static func percentEncoded(_ s: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    for b in s.utf8 {
      if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
      {
        out.append(b)
      } else {
        out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  func context(now: Int64?) -> WeatherPayload.Context {
    WeatherPayload.Context(location: configuration.location, zone: zone, now: now)
  }

  private func note(_ line: String) { logger.info("weather", line) }

  // MARK: File

  /// Reads and checks the `file` source.
  ///
  /// The age check applies only with `checkAge`.
  func readFile(path: String, format: WeatherConfiguration.Format, now: Int64) -> SourceResult {
    let max = configuration.http.maxResponseBytes
    guard let data = Self.read(path, upTo: max + 1) else {
      return .failed(WeatherError(.file, "cannot read \(path)"), attempts: 1)
    }
    guard data.count <= max else {
      return .failed(
        WeatherError(.tooLarge, "\(path) is larger than \(max) bytes (http.maxResponseBytes)"),
        attempts: 1)
    }
    do {
      let checkAge = configuration.checkFileAge
      let s = try WeatherPayload.decode(
        data, format: format, context: context(now: checkAge ? now : nil), notes: note)
      if checkAge {
        try WeatherPayload.checkTimestamp(
          s, now: now, maxAge: configuration.maxSourceAgeSeconds, zone: zone)
      }
      return .data(s, expires: nil, lastModified: nil)
    } catch let e as WeatherError {
      return .failed(e, attempts: 1)
    } catch {
      return .failed(WeatherError(.other, "\(error)"), attempts: 1)
    }
  }

  /// The first `limit` bytes of the file at `path` (all of it when shorter), or nil when it
  /// cannot be opened or read.
  static func read(_ path: String, upTo limit: Int) -> [UInt8]? {
    guard let fd = try? retryingSyscall("open", { open(path, O_RDONLY | O_CLOEXEC) }) else {
      return nil
    }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while bytes.count < limit {
      let want = min(chunk.count, limit - bytes.count)
      let n = chunk.withUnsafeMutableBytes { buffer -> Int? in
        guard let base = buffer.baseAddress else { return nil }
        return try? retryingSyscall("read") { Glibc.read(fd, base, want) }
      }
      guard let n else { return nil }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[..<n])
    }
    return bytes
  }

  /// Waits `seconds` on the calling thread (`nanosleep`, resumed after a signal).
  static func sleep(seconds: Double) {
    var wait = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
    var left = timespec()
    while nanosleep(&wait, &left) != 0 && errno == EINTR { wait = left }
  }

  // MARK: Network

  /// Fetches with retries, all within `http.totalTimeoutSeconds` of the call.
  func fetch(format: WeatherConfiguration.Format, now: Int64, ifModifiedSince: String?)
    -> SourceResult
  {
    let http = configuration.http
    let deadline = monotonicSeconds() + http.totalTimeoutSeconds
    let key = apiKey
    if case .network(_, let template) = configuration.source, template.contains("{apiKey}"),
      key == nil
    {
      let name = configuration.apiKeyEnvironmentVariable ?? "?"
      return .failed(
        WeatherError(.missingAPIKey, "the API key variable \(name) is not set"), attempts: 0)
    }
    let address = url(apiKey: key ?? "")
    guard URL(string: address) != nil else {
      return .failed(WeatherError(.other, "source.url does not give a valid URL"), attempts: 0)
    }
    // HTTPClient sends `Accept-Encoding: identity` and refuses compressed answers.
    var request = HTTPRequest(url: address, idleTimeoutSeconds: max(1, http.idleTimeoutSeconds))
    request.setHeader("User-Agent", configuration.userAgent)
    request.setHeader("Accept", "application/json")
    if let ifModifiedSince {
      request.setHeader("If-Modified-Since", ifModifiedSince)
    }
    logger.debug("weather", "GET \(printableURL)")

    var attempt = 0
    while true {
      attempt += 1
      let error: WeatherError
      switch transport.send(
        request, maxBytes: http.maxResponseBytes, deadline: deadline)
      {
      case .success(let reply):
        switch check(reply, format: format, now: now, apiKey: key) {
        case .data(let s, let e, let l): return .data(s, expires: e, lastModified: l)
        case .notModified(let e, let l): return .notModified(expires: e, lastModified: l)
        case .failed(let e, _): error = e
        }
      case .failure(let e):
        error = WeatherError(e, maxBytesKey: "http.maxResponseBytes")
      }
      let remaining = deadline - monotonicSeconds()
      if error.isRetryable, attempt <= http.retries, remaining > http.retryDelaySeconds + 0.1 {
        logger.debug("weather", "attempt \(attempt) failed (\(error.message)); retrying")
        if http.retryDelaySeconds > 0 {
          Self.sleep(seconds: http.retryDelaySeconds)
        }
        continue
      }
      return .failed(error, attempts: attempt)
    }
  }

  /// Status, headers and body of a completed exchange.
  func check(_ reply: HTTPReply, format: WeatherConfiguration.Format, now: Int64, apiKey: String?)
    -> SourceResult
  {
    let expires = reply.headers["expires"].flatMap(HTTPDate.parse)
    let lastModified = reply.headers["last-modified"]
    switch reply.status {
    case 304:
      return .notModified(expires: expires, lastModified: lastModified)
    case 429:
      let until = HTTPDate.retryAfter(reply.headers["retry-after"], now: now)
      return .failed(
        WeatherError(.rateLimited, "HTTP 429 (rate limited)", httpStatus: 429, retryAfter: until),
        attempts: 1)
    case 503 where format == .metNorway:
      let until = HTTPDate.retryAfter(reply.headers["retry-after"], now: now)
      return .failed(
        WeatherError(
          .rateLimited, "HTTP 503 (MET Norway overloaded)", httpStatus: 503, retryAfter: until),
        attempts: 1)
    case 200..<300:
      break
    default:
      var message = "HTTP \(reply.status)"
      if let reason = Self.errorReason(reply.body, apiKey: apiKey) { message += ": " + reason }
      return .failed(WeatherError(.httpStatus, message, httpStatus: reply.status), attempts: 1)
    }
    if reply.status == 203 && format == .metNorway {
      logger.warning(
        "weather", "MET Norway answers 203: this product version is deprecated; update source.url")
    }
    let type = (reply.headers["content-type"] ?? "").lowercased()
    guard type.contains("json") else {
      let shown = type.isEmpty ? "none" : String(Self.cleaned(type, apiKey: nil).prefix(60))
      return .failed(
        WeatherError(
          .contentType, "HTTP \(reply.status) but Content-Type is \(shown), not JSON",
          httpStatus: reply.status), attempts: 1)
    }
    do {
      let s = try WeatherPayload.decode(
        reply.body, format: format, context: context(now: now), notes: note)
      try WeatherPayload.checkTimestamp(
        s, now: now, maxAge: configuration.maxSourceAgeSeconds, zone: zone)
      return .data(s, expires: expires, lastModified: lastModified)
    } catch let e as WeatherError {
      return .failed(
        WeatherError(e.code, e.message, httpStatus: reply.status), attempts: 1)
    } catch {
      return .failed(WeatherError(.other, "\(error)"), attempts: 1)
    }
  }

  /// The `reason` (Open-Meteo) or `message` (OpenWeatherMap) of a JSON error body, cleaned
  /// for a log line: at most 160 characters, no control characters, the key redacted.
  static func errorReason(_ body: [UInt8], apiKey: String?) -> String? {
    guard body.count <= 16_384,
      case .object(let o)? = try? JSONReader.parse(body)
    else { return nil }
    let text: String
    switch (o["reason"], o["message"]) {
    case (.string(let s)?, _), (_, .string(let s)?): text = s
    default: return nil
    }
    guard !text.isEmpty else { return nil }
    return cleaned(text, apiKey: apiKey)
  }

  /// One line of at most 160 characters: C0/C1 controls become spaces; the API key (and its
  /// percent-encoded form) becomes `REDACTED`.
  static func cleaned(_ text: String, apiKey: String?) -> String {
    var s = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0
        }))
    if let apiKey, !apiKey.isEmpty {
      s = s.replacingAll(apiKey, with: "REDACTED")
      s = s.replacingAll(percentEncoded(apiKey), with: "REDACTED")
    }
    if s.count > 160 { s = String(s.prefix(159)) + "…" }
    return s
  }
}
