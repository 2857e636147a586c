import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Why an HTTP exchange gave no reply: one line built from codes only, never the URL (which
/// may carry an API key) or the response body.
struct HTTPError: Error, Sendable, CustomStringConvertible {
  enum Code: Sendable {
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
    /// Anything else URLSession reported.
    case other
  }

  let code: Code
  let message: String
  /// The HTTP status, when a response had arrived.
  let httpStatus: Int?

  init(_ code: Code, _ message: String, httpStatus: Int? = nil) {
    self.code = code
    self.message = message
    self.httpStatus = httpStatus
  }

  var description: String { message }
}

/// What came back from one HTTP exchange that completed (any status).
struct HTTPReply: Sendable {
  let status: Int
  /// Header names lowercased.
  let headers: [String: String]
  let body: [UInt8]
}

/// HTTP requests (the weather box's GETs, WebSub's POSTs) with the guarantees URLSession on
/// Linux lacks (docs/weather.md, "Fetching"): a hard deadline, a body size cap, a redirect
/// limit, and no hang on cancellation.
///
/// - **One URLSession per process**, never invalidated: creating and tearing down sessions
///   per request races in `_MultiHandle` on Linux (swift-corelibs-foundation #4791).
/// - **Session-level delegate**, not a per-task one: only the session's delegate receives
///   `willPerformHTTPRedirection` and `didCompleteWithError` on Linux.
/// - **Size cap**: `didReceive response` cancels at once when `Content-Length` is too big
///   (with `.allow`: `.cancel` alone lets libcurl download everything); `didReceive data`
///   cancels on the first byte over; chunks arriving after `cancel()` are dropped; the size is
///   checked again on completion (a fast server can finish before the cancel lands).
/// - **Deadline**: the calling thread waits on a semaphore for at most the remaining time,
///   then cancels the task and reports a timeout. URLSession's own `timeoutInterval` is only
///   an idle timeout (re-armed by every byte) and `timeoutIntervalForResource` is ignored.
///
/// Why a semaphore rather than the notes' task-group race with the `async` API: `loa` is
/// synchronous, and bridging an `async` race back to a synchronous caller means blocking a
/// thread until a task on the cooperative pool finishes. On a 2-core machine that pool has 2
/// threads; two blocked callers starve it and deadlock. Worse, cancelling an `async`
/// `data(for:)` while the request is failing deadlocks inside FoundationNetworking 6.3.1 (the
/// cancellation handler waits on the task's work queue while that queue waits on the task's
/// status lock; seen with a hub that never answered). The delegate-based task runs on
/// URLSession's own queues, and `cancel()` is called from the waiting thread, outside any
/// Swift task, so neither can happen.
final class HTTPClient: @unchecked Sendable {
  /// The process-wide client.
  static let shared = HTTPClient()

  /// Redirects followed before giving up (URLSession's own limit is 20).
  static let maxRedirects = 5

  private let delegate = Delegate()
  private let session: URLSession

  private init() {
    let c = URLSessionConfiguration.ephemeral
    c.urlCache = nil
    c.requestCachePolicy = .reloadIgnoringLocalCacheData
    c.httpCookieStorage = nil
    c.httpShouldSetCookies = false
    // The per-request `timeoutInterval` overrides this (PR #1018); whole seconds only.
    c.timeoutIntervalForRequest = 10
    session = URLSession(configuration: c, delegate: delegate, delegateQueue: nil)
  }

  /// Performs one request, returning at the latest at `deadline` (monotonic seconds).
  ///
  /// - Returns: the reply for any completed exchange (including 4xx/5xx), or the error.
  func send(_ request: URLRequest, maxBytes: Int, deadline: Double) -> Result<
    HTTPReply, HTTPError
  > {
    let task = session.dataTask(with: request)
    let exchange = Exchange(maxBytes: maxBytes)
    delegate.register(task.taskIdentifier, exchange)
    task.resume()
    let remaining = max(0, deadline - monotonicSeconds())
    let waited = exchange.done.wait(timeout: .now() + remaining)
    delegate.unregister(task.taskIdentifier)
    if waited == .timedOut {
      // Late callbacks find no exchange and are ignored.
      task.cancel()
      return .failure(HTTPError(.timeout, "no complete answer before the deadline"))
    }
    return exchange.result()
  }

  /// The state of one task, shared between the delegate queue and the waiting thread.
  final class Exchange: @unchecked Sendable {
    let maxBytes: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = Mutex()
    private var response: HTTPURLResponse?
    private var body: [UInt8] = []
    private var tooLarge = false
    private var redirects = 0
    private var redirectRefused = false
    private var error: Error?

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Records the response; false when its announced length is already over the cap.
    func receive(_ r: URLResponse) -> Bool {
      lock.withLock {
        response = r as? HTTPURLResponse
        if r.expectedContentLength > Int64(maxBytes) { tooLarge = true }
        return !tooLarge
      }
    }

    /// Appends a chunk; false when the body just went over the cap (or already had).
    func receive(_ data: Data) -> Bool {
      lock.withLock {
        guard !tooLarge else { return false }
        if body.count + data.count > maxBytes {
          tooLarge = true
          body = []
          return false
        }
        body.append(contentsOf: data)
        return true
      }
    }

    /// Counts a redirect; false when it must not be followed.
    func redirect(to url: URL?) -> Bool {
      lock.withLock {
        redirects += 1
        let scheme = url?.scheme?.lowercased()
        if redirects > HTTPClient.maxRedirects || (scheme != "http" && scheme != "https") {
          redirectRefused = true
        }
        return !redirectRefused
      }
    }

    func complete(_ e: Error?) {
      lock.withLock { error = e }
      done.signal()
    }

    func result() -> Result<HTTPReply, HTTPError> {
      lock.withLock {
        if tooLarge || body.count > maxBytes {
          return .failure(
            HTTPError(
              .tooLarge, "answer larger than \(maxBytes) bytes",
              httpStatus: response?.statusCode))
        }
        if redirectRefused {
          return .failure(
            HTTPError(
              .redirect,
              "more than \(HTTPClient.maxRedirects) redirects (a loop?) or a redirect "
                + "away from http(s)", httpStatus: response?.statusCode))
        }
        if let error { return .failure(Self.describe(error)) }
        guard let response else {
          return .failure(HTTPError(.other, "no HTTP response"))
        }
        var headers: [String: String] = [:]
        for (k, v) in response.allHeaderFields {
          if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return .success(HTTPReply(status: response.statusCode, headers: headers, body: body))
      }
    }

    /// Our own one-line text for a URLSession error.
    ///
    /// Never `localizedDescription` or the error's `userInfo`, which carry the failing URL (and so
    /// the API key).
    static func describe(_ error: Error) -> HTTPError {
      let ns = error as NSError
      guard ns.domain == NSURLErrorDomain else {
        return HTTPError(.other, "network error (\(ns.domain) \(ns.code))")
      }
      let code = ns.code
      switch code {
      case NSURLErrorTimedOut:
        return HTTPError(.timeout, "no data for too long (idle timeout, URLError \(code))")
      case NSURLErrorCannotConnectToHost:
        return HTTPError(.connection, "connection refused (URLError \(code))")
      case NSURLErrorNetworkConnectionLost:
        return HTTPError(.connection, "connection lost (URLError \(code))")
      case NSURLErrorNotConnectedToInternet:
        return HTTPError(.connection, "no network (URLError \(code))")
      case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
        return HTTPError(.dns, "host name does not resolve (URLError \(code))")
      case NSURLErrorHTTPTooManyRedirects, NSURLErrorRedirectToNonExistentLocation:
        return HTTPError(.redirect, "too many redirects (URLError \(code))")
      case NSURLErrorUnknown, NSURLErrorBadServerResponse, NSURLErrorZeroByteResource,
        NSURLErrorCannotParseResponse, NSURLErrorCannotDecodeRawData,
        NSURLErrorCannotDecodeContentData:
        return HTTPError(
          .connection, "broken answer: closed early or malformed (URLError \(code))")
      case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
        NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
        NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorClientCertificateRejected:
        return HTTPError(.connection, "TLS failed (URLError \(code))")
      case NSURLErrorCancelled:
        return HTTPError(.timeout, "cancelled (URLError \(code))")
      default:
        return HTTPError(.other, "network error (URLError \(code))")
      }
    }
  }

  /// The session's delegate: routes callbacks to the exchange of their task.
  final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = Mutex()
    private var exchanges: [Int: Exchange] = [:]

    func register(_ id: Int, _ e: Exchange) { lock.withLock { exchanges[id] = e } }
    func unregister(_ id: Int) { lock.withLock { _ = exchanges.removeValue(forKey: id) } }
    private func exchange(_ id: Int) -> Exchange? { lock.withLock { exchanges[id] } }

    func urlSession(
      _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
      completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
      // Always `.allow`, then `cancel()`: `.cancel` alone completes the task but leaves
      // libcurl downloading the whole body (measured, notes §4.2).
      completionHandler(.allow)
      if let e = exchange(dataTask.taskIdentifier), !e.receive(response) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
      if let e = exchange(dataTask.taskIdentifier), !e.receive(data) { dataTask.cancel() }
    }

    func urlSession(
      _ session: URLSession, task: URLSessionTask,
      willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
      completionHandler: @escaping (URLRequest?) -> Void
    ) {
      guard let e = exchange(task.taskIdentifier) else {
        completionHandler(nil)
        return
      }
      // Returning nil completes the task with the redirect response and no body.
      completionHandler(e.redirect(to: request.url) ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?)
    {
      exchange(task.taskIdentifier)?.complete(error)
    }
  }
}
