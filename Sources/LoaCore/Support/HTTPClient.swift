import CCurl
import FoundationEssentials

/// Why an HTTP exchange gave no reply: one line built from codes only, never the URL (which
/// may carry an API key) or the response body.
package struct HTTPError: Error, Sendable, CustomStringConvertible {
  package enum Code: Sendable {
    /// No complete answer before the deadline, or libcurl's idle timeout.
    case timeout
    /// Refused, reset, or closed before the promised body was complete.
    case connection
    /// The host name does not resolve.
    case dns
    /// The body is larger than the caller's cap.
    case tooLarge
    /// Too many redirects, or a redirect to something other than http(s).
    case redirect
    /// The body came with a `Content-Encoding` (or `Transfer-Encoding`) that was not asked for.
    case contentEncoding
    /// Anything else libcurl reported.
    case other
  }

  package let code: Code
  package let message: String
  /// The HTTP status, when a response had arrived.
  package let httpStatus: Int?

  package init(_ code: Code, _ message: String, httpStatus: Int? = nil) {
    self.code = code
    self.message = message
    self.httpStatus = httpStatus
  }

  package var description: String { message }
}

/// One request to send: what ``HTTPClient/send(_:maxBytes:deadline:)`` needs, nothing more.
package struct HTTPRequest: Sendable {
  /// An http(s) URL; it may carry an API key, so it is never printed.
  package var url: String
  package var method = "GET"
  /// Extra header lines, sent as given. A name or value holding CR or LF is dropped (no header
  /// injection from configuration text); `Accept-Encoding` is always `identity`.
  package var headers: [(name: String, value: String)] = []
  package var body: [UInt8]?
  /// Seconds without a byte (while connecting, waiting or receiving) before giving up.
  package var idleTimeoutSeconds = 10

  package init(url: String, method: String = "GET", idleTimeoutSeconds: Int = 10) {
    self.url = url
    self.method = method
    self.idleTimeoutSeconds = idleTimeoutSeconds
  }

  /// Adds (or replaces) a header.
  package mutating func setHeader(_ name: String, _ value: String) {
    headers.removeAll { $0.name.lowercased() == name.lowercased() }
    headers.append((name, value))
  }
}

/// What came back from one HTTP exchange that completed (any status).
package struct HTTPReply: Sendable {
  package let status: Int
  /// Header names lowercased; a repeated header's values joined with ", ".
  package let headers: [String: String]
  package let body: [UInt8]

  package init(status: Int, headers: [String: String], body: [UInt8]) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}

/// What sends a run's HTTP requests: ``HTTPClient`` in `loa`; tests pass their own to run
/// ``PublishRun`` without a network, or to see exactly what a run asks for.
package protocol HTTPTransport: Sendable {
  /// Performs one request, returning at the latest at `deadline` (monotonic seconds).
  ///
  /// - Returns: the reply for any completed exchange (including 4xx/5xx), or the error. Never
  ///   more than `maxBytes` of body.
  func send(_ request: HTTPRequest, maxBytes: Int, deadline: Double) -> Result<
    HTTPReply, HTTPError
  >
}

/// HTTP requests (the weather box's GETs, WebSub's POSTs) over libcurl's easy interface, with a
/// hard deadline, a body size cap, a redirect limit and no content decoding (docs/weather.md,
/// "Fetching").
///
/// - **No decoding.** loa sends `Accept-Encoding: identity`, never sets
///   `CURLOPT_ACCEPT_ENCODING` (so libcurl decodes nothing), and refuses an answer that comes
///   with another `Content-Encoding` or `Transfer-Encoding` as soon as its headers end, before
///   any body byte is kept. The size cap therefore counts the bytes that will be parsed.
///   FoundationNetworking's URLSession could not do this: it always sets
///   `CURLOPT_ACCEPT_ENCODING` to "" (every encoding libcurl knows), whatever header the
///   request carries, and its write callback can never abort, so a 66 KB zstd body decoded to
///   2 GiB in memory before a cancel could land, and well past the deadline (issue 12).
/// - **Size cap**: an announced `Content-Length` over the cap stops the exchange when the
///   headers end; otherwise the write callback stops it on the first byte over.
/// - **Deadline**: `CURLOPT_TIMEOUT_MS` is the time left, covering DNS (threaded resolver),
///   connect, waiting and receiving; `CURLOPT_LOW_SPEED_TIME` is the idle timeout.
/// - **Redirects**: at most ``maxRedirects``, to http(s) only.
///
/// One easy handle per request, on the calling thread (`loa` is synchronous): no queues, no
/// cancellation races, no shared state between concurrent callers.
package final class HTTPClient: HTTPTransport {
  /// The process-wide client.
  package static let shared = HTTPClient()

  /// Redirects followed before giving up.
  static let maxRedirects = 5

  private init() {}

  /// Performs one request, returning at the latest at `deadline` (monotonic seconds).
  ///
  /// - Returns: the reply for any completed exchange (including 4xx/5xx), or the error.
  package func send(_ request: HTTPRequest, maxBytes: Int, deadline: Double) -> Result<
    HTTPReply, HTTPError
  > {
    let remaining = deadline - monotonicSeconds()
    guard remaining > 0.001 else {
      return .failure(HTTPError(.timeout, "no complete answer before the deadline"))
    }
    let curl: LibCurl
    do {
      curl = try LibCurl.load()
    } catch {
      return .failure(HTTPError(.other, error.description))
    }
    guard let easy = CurlEasy(curl) else {
      return .failure(HTTPError(.other, "cannot start libcurl (curl_easy_init)"))
    }
    let exchange = Exchange(maxBytes: maxBytes)
    let code: CURLcode
    do {
      try configure(easy, request, remaining: remaining, exchange: exchange)
      code = withExtendedLifetime(exchange) { easy.perform() }
    } catch {
      return .failure(HTTPError(.other, "cannot set up the request: \(error)"))
    }
    let status = easy.info(CURLINFO_RESPONSE_CODE).flatMap { $0 > 0 ? $0 : nil }
    if code == CURLE_OK, let status {
      return .success(exchange.reply(status: status))
    }
    return .failure(
      exchange.failure(
        code, status: status, redirects: easy.info(CURLINFO_REDIRECT_COUNT) ?? 0,
        pastDeadline: monotonicSeconds() >= deadline - 0.01))
  }

  /// Every option of one exchange.
  private func configure(
    _ easy: CurlEasy, _ request: HTTPRequest, remaining: Double, exchange: Exchange
  ) throws {
    let idle = max(1, request.idleTimeoutSeconds)
    let totalMilliseconds = max(1, Int(remaining * 1000))
    try easy.set(CURLOPT_URL, request.url)
    // Threads, not SIGALRM, for DNS timeouts; libcurl must never touch signals (libcurl(3)).
    try easy.set(CURLOPT_NOSIGNAL, 1)
    try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
    try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    try easy.set(CURLOPT_FOLLOWLOCATION, 1)
    try easy.set(CURLOPT_MAXREDIRS, Self.maxRedirects)
    try easy.set(CURLOPT_TIMEOUT_MS, totalMilliseconds)
    try easy.set(CURLOPT_CONNECTTIMEOUT_MS, min(totalMilliseconds, idle * 1000))
    // "Less than 1 byte per second during `idle` seconds": an idle timeout that also covers
    // the wait for the response headers.
    try easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
    try easy.set(CURLOPT_LOW_SPEED_TIME, idle)
    // Both are libcurl's defaults; stated because the size cap depends on them: no
    // CURLOPT_ACCEPT_ENCODING (so no decoding), and no transfer decoding other than chunked.
    try easy.set(CURLOPT_HTTP_CONTENT_DECODING, 0)
    try easy.set(CURLOPT_HTTP_TRANSFER_DECODING, 1)
    var lines = ["Accept-Encoding: identity"]
    for (name, value) in request.headers where name.lowercased() != "accept-encoding" {
      guard !(name + value).contains(where: { $0 == "\r" || $0 == "\n" }), !name.isEmpty
      else { continue }
      lines.append("\(name): \(value)")
    }
    if let body = request.body {
      // No `Expect: 100-continue` round trip for a small form.
      lines.append("Expect:")
      try easy.set(CURLOPT_POST, 1)
      try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
      if !body.isEmpty {
        try body.withUnsafeBytes { raw in
          // COPYPOSTFIELDS copies the bytes at once, so the buffer need not outlive this call.
          try easy.set(
            CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: raw.baseAddress))
        }
      }
    }
    if request.method != "GET" && !(request.method == "POST" && request.body != nil) {
      try easy.set(CURLOPT_CUSTOMREQUEST, request.method)
    }
    try easy.setHeaders(lines)
    let context = Unmanaged.passUnretained(exchange).toOpaque()
    try easy.set(
      CURLOPT_HEADERFUNCTION,
      callback: { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        let n = size * count
        return exchange.header(UnsafeRawBufferPointer(start: buffer, count: n)) ? n : 0
      })
    try easy.set(CURLOPT_HEADERDATA, pointer: context)
    try easy.set(
      CURLOPT_WRITEFUNCTION,
      callback: { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        let n = size * count
        return exchange.body(UnsafeRawBufferPointer(start: buffer, count: n)) ? n : 0
      })
    try easy.set(CURLOPT_WRITEDATA, pointer: context)
  }

  /// The state of one exchange, touched only by libcurl's callbacks on the calling thread.
  final class Exchange {
    let maxBytes: Int
    private var status = 0
    private var headers: [String: String] = [:]
    private var body: [UInt8] = []
    private var tooLarge = false
    /// The encoding that was refused, e.g. `Content-Encoding zstd`.
    private var refusedEncoding: String?

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// One header line of any response (redirects and `100 Continue` included); false stops
    /// the exchange.
    func header(_ raw: UnsafeRawBufferPointer) -> Bool {
      // Trimmed as bytes: "\r\n" is one Character, so `hasSuffix("\n")` would not see it.
      var end = raw.count
      while end > 0 && (raw[end - 1] == 0x0A || raw[end - 1] == 0x0D) { end -= 1 }
      let line = String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<end]), as: UTF8.self)
      if line.hasPrefix("HTTP/") {
        // A new response (after a redirect or a 1xx): forget the previous one's headers.
        let parts = line.split(separator: " ", maxSplits: 2)
        status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        headers = [:]
        return true
      }
      if line.isEmpty { return headersEnded() }
      guard let colon = line.firstIndex(of: ":") else { return true }
      let name = line[..<colon].trimmingWhitespace().lowercased()
      let value = line[line.index(after: colon)...].trimmingWhitespace()
      headers[name] = headers[name].map { $0 + ", " + value } ?? value
      return true
    }

    /// The checks made before any body byte is kept; false stops the exchange.
    private func headersEnded() -> Bool {
      // A redirect libcurl will follow, or an interim answer: its body is not ours.
      if (100..<200).contains(status) { return true }
      if (300..<400).contains(status) && headers["location"] != nil { return true }
      // 204 and 304 have no body, whatever they announce.
      if status == 204 || status == 304 { return true }
      if let value = headers["content-encoding"], let coding = Self.unwanted(value) {
        refusedEncoding = "Content-Encoding " + coding
        return false
      }
      if let value = headers["transfer-encoding"],
        let coding = Self.unwanted(value, alsoAllowed: "chunked")
      {
        refusedEncoding = "Transfer-Encoding " + coding
        return false
      }
      if let length = headers["content-length"].flatMap({ Int64($0) }), length > Int64(maxBytes) {
        tooLarge = true
        return false
      }
      return true
    }

    /// The first coding in a header value other than `identity` (and `alsoAllowed`), cleaned
    /// for a log line; nil when every coding is acceptable.
    static func unwanted(_ value: String, alsoAllowed: String = "identity") -> String? {
      let codings = value.split(separator: ",").map {
        $0.trimmingWhitespace().lowercased()
      }
      guard let bad = codings.first(where: { !$0.isEmpty && $0 != "identity" && $0 != alsoAllowed })
      else { return nil }
      let shown = bad.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }
      return String(String.UnicodeScalarView(shown).prefix(40))
    }

    /// A chunk of the (never decoded) body; false when it goes over the cap.
    func body(_ chunk: UnsafeRawBufferPointer) -> Bool {
      guard body.count + chunk.count <= maxBytes else {
        tooLarge = true
        body = []
        return false
      }
      body.append(contentsOf: chunk)
      return true
    }

    func reply(status: Int) -> HTTPReply {
      HTTPReply(status: status, headers: headers, body: body)
    }

    /// Our own one-line text for a failed exchange.
    ///
    /// Never libcurl's error buffer, which can quote the URL (and so the API key).
    func failure(_ code: CURLcode, status: Int?, redirects: Int, pastDeadline: Bool)
      -> HTTPError
    {
      if let refusedEncoding {
        return HTTPError(
          .contentEncoding, "answered with \(refusedEncoding), which was not asked for",
          httpStatus: status)
      }
      if tooLarge {
        return HTTPError(.tooLarge, "answer larger than \(maxBytes) bytes", httpStatus: status)
      }
      let n = code.rawValue
      switch code {
      case CURLE_OPERATION_TIMEDOUT where pastDeadline:
        return HTTPError(.timeout, "no complete answer before the deadline", httpStatus: status)
      case CURLE_OPERATION_TIMEDOUT:
        return HTTPError(
          .timeout, "no data for too long (idle timeout, curl error \(n))", httpStatus: status)
      case CURLE_COULDNT_CONNECT:
        return HTTPError(.connection, "connection refused (curl error \(n))")
      case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
        return HTTPError(.dns, "host name does not resolve (curl error \(n))")
      case CURLE_TOO_MANY_REDIRECTS:
        return HTTPError(
          .redirect, "more than \(HTTPClient.maxRedirects) redirects (a loop?)",
          httpStatus: status)
      case CURLE_UNSUPPORTED_PROTOCOL where redirects > 0:
        return HTTPError(.redirect, "a redirect away from http(s)", httpStatus: status)
      case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
        return HTTPError(.other, "not an http(s) URL (curl error \(n))")
      case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING,
        CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM:
        return HTTPError(
          .connection, "broken answer: closed early or malformed (curl error \(n))",
          httpStatus: status)
      case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
        CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
        return HTTPError(.connection, "TLS failed (curl error \(n))")
      default:
        return HTTPError(.other, "network error (curl error \(n))", httpStatus: status)
      }
    }
  }
}
