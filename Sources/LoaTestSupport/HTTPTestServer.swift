import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small real HTTP/1.1 server on 127.0.0.1 (never another interface) for tests of code that
/// talks HTTP: BSD sockets, an accept thread, one thread per connection, scripted responses.
///
/// Each path has a list of ``Response``s: the n-th request to it gets the n-th response (the
/// last one repeats). A response can wait before its headers, trickle its body, stop short of
/// its `Content-Length` and close, be chunked, or redirect. Every connection is closed after
/// one response (`Connection: close`). ``stop()`` (also run by `deinit`) closes the listening
/// socket, interrupts slow responses and waits for every thread to end.
///
/// ```swift
/// let server = try HTTPTestServer(routes: [
///   "/ok": [.json(bytes)], "/loop": [.redirect(to: "/loop")],
/// ])
/// defer { server.stop() }
/// let url = server.url("/ok")
/// ```
public final class HTTPTestServer: @unchecked Sendable {
  /// A scripted response.
  public struct Response: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait after reading the request, before sending anything.
    public var delayBeforeHeaders: Double = 0
    /// Seconds of silence between the headers and the body.
    public var delayBeforeBody: Double = 0
    /// Send the body `bytes` at a time, pausing `interval` seconds between pieces.
    public var trickle: (bytes: Int, interval: Double)?
    /// Send only this many body bytes (after announcing the full length), then close.
    public var closeAfterBodyBytes: Int?
    /// Use `Transfer-Encoding: chunked` instead of `Content-Length`.
    public var chunked = false

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
      self.status = status
      self.headers = headers
      self.body = body
    }

    /// A JSON body (`application/json; charset=utf-8`).
    public static func json(_ body: [UInt8], status: Int = 200, headers: [(String, String)] = [])
      -> Response
    {
      Response(
        status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
        body: body)
    }

    /// A body with any content type.
    public static func body(_ body: [UInt8], contentType: String, status: Int = 200) -> Response {
      Response(status: status, headers: [("Content-Type", contentType)], body: body)
    }

    /// A redirect to `location` (absolute or a path on this server).
    public static func redirect(to location: String, status: Int = 302) -> Response {
      Response(status: status, headers: [("Location", location)])
    }

    /// The same response, modified.
    public func with(_ change: (inout Response) -> Void) -> Response {
      var copy = self
      change(&copy)
      return copy
    }
  }

  /// A request as received.
  public struct Request: Sendable {
    public let method: String
    /// The request target, query included: `/forecast?lat=20.95`.
    public let target: String
    /// Header names lowercased.
    public let headers: [String: String]
    /// The request body (read up to its `Content-Length`).
    public var body: [UInt8] = []
    /// Body bytes written before the response ended or the client went away.
    public var bodyBytesSent = 0
    /// Whether the client closed the connection before the whole response was sent.
    public var clientWentAway = false

    public var path: String {
      target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }
  }

  /// The port the server listens on.
  public let port: Int
  private let listener: Int32
  private let lock = NSCondition()
  private var routes: [String: [Response]]
  private var counts: [String: Int] = [:]
  private var received: [Request] = []
  private var running = 0
  private var stopping = false
  private var stopped = false

  /// Starts listening on 127.0.0.1 with a port chosen by the kernel.
  ///
  /// - Throws: `POSIXError` when the socket cannot be set up.
  public init(routes: [String: [Response]] = [:]) throws {
    self.routes = routes
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Self.posix("socket") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      let e = Self.posix("bind/listen")
      close(fd)
      throw e
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else {
      let e = Self.posix("getsockname")
      close(fd)
      throw e
    }
    listener = fd
    port = Int(UInt16(bigEndian: addr.sin_port))
    running = 1
    let thread = Thread { [self] in acceptLoop() }
    thread.name = "HTTPTestServer accept"
    thread.start()
  }

  deinit { stop() }

  private static func posix(_ what: String) -> Error {
    POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO, userInfo: ["call": what])
  }

  /// `http://127.0.0.1:PORT` + `path`.
  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)" + path }

  /// Replaces the responses of `path` and resets its request count.
  public func setRoute(_ path: String, _ responses: [Response]) {
    lock.withLock {
      routes[path] = responses
      counts[path] = 0
    }
  }

  /// Every request received so far, in order.
  public var requests: [Request] { lock.withLock { received } }

  /// How many requests `path` has had.
  public func requestCount(_ path: String) -> Int { lock.withLock { counts[path] ?? 0 } }

  /// Stops accepting, interrupts responses in progress and waits for every thread to end.
  ///
  /// The threads notice within 10-50 ms; the wait gives up after 60 s, a hang guard only
  /// (``HangGuard``), so that a loaded machine never leaves a thread running past `stop()`.
  /// Safe to call more than once.
  public func stop() {
    lock.lock()
    if stopped {
      lock.unlock()
      return
    }
    stopping = true
    lock.unlock()
    shutdown(listener, Int32(SHUT_RDWR))
    lock.lock()
    let limit = Date(timeIntervalSinceNow: 60)
    while running > 0 && lock.wait(until: limit) {}
    stopped = true
    lock.unlock()
    close(listener)
  }

  private var isStopping: Bool { lock.withLock { stopping } }

  private func finished() {
    lock.withLock {
      running -= 1
      lock.broadcast()
    }
  }

  private func acceptLoop() {
    defer { finished() }
    while !isStopping {
      var p = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
      let n = poll(&p, 1, 50)
      if n <= 0 { continue }
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return
      }
      let ok: Bool = lock.withLock {
        guard !stopping else { return false }
        running += 1
        return true
      }
      guard ok else {
        close(client)
        return
      }
      let thread = Thread { [self] in
        defer { finished() }
        serve(client)
        close(client)
      }
      thread.name = "HTTPTestServer connection"
      thread.start()
    }
  }

  /// Reads one request head (up to 64 KiB) and whatever body bytes came with it; nil when the
  /// client closed or the server stops.
  private func readHead(_ fd: Int32) -> (head: [UInt8], rest: [UInt8])? {
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !isStopping {
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      if poll(&p, 1, 50) <= 0 { continue }
      let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return nil }
      buffer += chunk[0..<n]
      if let end = Self.find([13, 10, 13, 10], in: buffer) {
        return (Array(buffer[0..<end]), Array(buffer[(end + 4)...]))
      }
      if buffer.count > 65_536 { return nil }
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count else { return nil }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
      if Array(hay[i..<(i + needle.count)]) == needle { return i }
    }
    return nil
  }

  /// Reads the rest of a body of `length` bytes.
  private func readBody(_ fd: Int32, have: [UInt8], length: Int) -> [UInt8] {
    var body = have
    var chunk = [UInt8](repeating: 0, count: 4096)
    while body.count < length && !isStopping {
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      if poll(&p, 1, 50) <= 0 { continue }
      let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      body += chunk[0..<n]
    }
    return Array(body.prefix(length))
  }

  private func serve(_ fd: Int32) {
    guard let (head, rest) = readHead(fd) else { return }
    let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
    let parts = (lines.first ?? "").split(separator: " ")
    guard parts.count >= 2 else { return }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    var request = Request(method: String(parts[0]), target: String(parts[1]), headers: headers)
    if let length = headers["content-length"].flatMap({ Int($0) }), length > 0, length < 1_048_576 {
      request.body = readBody(fd, have: rest, length: length)
    }
    let (response, index): (Response, Int) = lock.withLock {
      let n = counts[request.path] ?? 0
      counts[request.path] = n + 1
      received.append(request)
      let list = routes[request.path] ?? []
      let r =
        list.isEmpty
        ? Response.body(Array("not found\n".utf8), contentType: "text/plain", status: 404)
        : list[min(n, list.count - 1)]
      return (r, received.count - 1)
    }
    defer {
      lock.withLock { received[index] = request }
    }
    guard pause(response.delayBeforeHeaders, fd) else {
      request.clientWentAway = true
      return
    }
    var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
    for (k, v) in response.headers { text += "\(k): \(v)\r\n" }
    if response.chunked {
      text += "Transfer-Encoding: chunked\r\n"
    } else {
      text += "Content-Length: \(response.body.count)\r\n"
    }
    text += "Connection: close\r\n\r\n"
    guard send(fd, Array(text.utf8)) else {
      request.clientWentAway = true
      return
    }
    guard pause(response.delayBeforeBody, fd) else {
      request.clientWentAway = true
      return
    }
    let limit = min(response.body.count, response.closeAfterBodyBytes ?? Int.max)
    let piece = max(1, response.trickle?.bytes ?? 65_536)
    var offset = 0
    while offset < limit {
      let end = min(limit, offset + piece)
      var bytes = Array(response.body[offset..<end])
      if response.chunked {
        bytes = Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
      }
      guard send(fd, bytes) else {
        request.clientWentAway = true
        return
      }
      offset = end
      request.bodyBytesSent = offset
      if let t = response.trickle, offset < limit, !pause(t.interval, fd) {
        request.clientWentAway = true
        return
      }
    }
    if response.chunked && response.closeAfterBodyBytes == nil {
      _ = send(fd, Array("0\r\n\r\n".utf8))
    }
    // Let the client read everything before the close (no RST on unread request bytes).
    shutdown(fd, Int32(SHUT_WR))
  }

  /// Waits `seconds` in 10 ms steps; false when the server stops or the client hangs up.
  private func pause(_ seconds: Double, _ fd: Int32) -> Bool {
    guard seconds > 0 else { return true }
    let end = Date(timeIntervalSinceNow: seconds)
    while Date() < end {
      if isStopping { return false }
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let remaining = max(0, min(10, Int32(end.timeIntervalSinceNow * 1000)))
      if poll(&p, 1, remaining) > 0 {
        // Readable while we owe a response: the client closed (or sent junk).
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return false }
        if (p.revents & Int16(POLLHUP | POLLERR)) != 0 { return false }
        Thread.sleep(forTimeInterval: 0.01)
      }
    }
    return !isStopping
  }

  /// Writes all of `bytes`; false when the peer is gone.
  ///
  /// `MSG_NOSIGNAL`: no SIGPIPE.
  private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.send(fd, base + done, raw.count - done, Int32(MSG_NOSIGNAL))
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      done += n
    }
    return true
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 203: return "Non-Authoritative Information"
    case 301: return "Moved Permanently"
    case 302: return "Found"
    case 304: return "Not Modified"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    default: return "Status"
    }
  }
}
