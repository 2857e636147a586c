import LoaCore

/// Why a weather source gave nothing usable.
///
/// Never thrown out of ``WeatherPublisher/run()``: it comes back, as one line, in
/// ``WeatherOutcome/problem``.
///
/// The message is built by loa from codes and numbers only: it never contains the request
/// URL (which may carry the API key), the key itself, or text from the response body other
/// than a short, cleaned `reason` from a documented JSON error object.
public struct WeatherError: Error, Sendable, CustomStringConvertible {
  public enum Code: String, Sendable, Equatable {
    /// No complete answer before the deadline, or libcurl's idle timeout.
    case timeout
    /// Refused, reset, or closed before the promised body was complete.
    case connection
    /// The host name does not resolve.
    case dns
    /// The body is larger than `http.maxResponseBytes`.
    case tooLarge
    /// More redirects than allowed (a loop), or a redirect to something other than http(s).
    case redirect
    /// A compressed answer (`Content-Encoding` gzip, deflate, br, zstd…) although loa asks for
    /// `identity` only: refused unread, so no decompression bomb can pass the size cap.
    case contentEncoding
    /// A status other than 2xx (and other than 429 / MET's 503).
    case httpStatus
    /// 429 (or MET Norway's 503): asked to come back later.
    case rateLimited
    /// `Content-Type` is not JSON (an HTML error page sent with 200, say).
    case contentType
    /// An empty body.
    case empty
    /// Not JSON, or cut short.
    case invalidJSON
    /// JSON of the wrong shape: a required field missing or of the wrong type.
    case wrongShape
    /// A value outside its plausible range, an unknown unit or code.
    case outOfRange
    /// The source's timestamp is too old or in the future.
    case badTimestamp
    /// The API key's environment variable is not set.
    case missingAPIKey
    /// The `file` source cannot be read.
    case file
    /// Anything else libcurl reported.
    case other
  }

  public let code: Code
  /// The HTTP status, when there was one.
  public let httpStatus: Int?
  /// One line, no URL, no key.
  public let message: String
  /// For ``Code/rateLimited``: do not ask again before this instant (UTC seconds).
  public var retryAfter: Int64?

  public init(_ code: Code, _ message: String, httpStatus: Int? = nil, retryAfter: Int64? = nil) {
    self.code = code
    self.message = message
    self.httpStatus = httpStatus
    self.retryAfter = retryAfter
  }

  /// The weather error for a failed HTTP exchange; a too-large answer names the setting.
  init(_ e: HTTPError, maxBytesKey: String) {
    switch e.code {
    case .timeout: self.init(.timeout, e.message, httpStatus: e.httpStatus)
    case .connection: self.init(.connection, e.message, httpStatus: e.httpStatus)
    case .dns: self.init(.dns, e.message, httpStatus: e.httpStatus)
    case .tooLarge: self.init(.tooLarge, e.message + " (\(maxBytesKey))", httpStatus: e.httpStatus)
    case .redirect: self.init(.redirect, e.message, httpStatus: e.httpStatus)
    case .contentEncoding: self.init(.contentEncoding, e.message, httpStatus: e.httpStatus)
    case .other: self.init(.other, e.message, httpStatus: e.httpStatus)
    }
  }

  public var description: String { message }

  /// Whether trying again later may help by itself (timeouts, network, 5xx, rate limits), as
  /// opposed to a problem someone has to fix (a 4xx, a bad payload, a missing key).
  public var isTransient: Bool {
    switch code {
    case .timeout, .connection, .dns, .rateLimited: return true
    case .httpStatus: return (httpStatus ?? 0) >= 500
    default: return false
    }
  }

  /// Whether another attempt within the same run is allowed (notes §4.3): timeouts, connection
  /// failures and 5xx; never 4xx, 429 or bad payloads.
  var isRetryable: Bool {
    switch code {
    case .timeout, .connection: return true
    case .httpStatus: return (httpStatus ?? 0) >= 500
    default: return false
    }
  }
}
