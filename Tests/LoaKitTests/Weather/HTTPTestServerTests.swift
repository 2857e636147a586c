import Foundation
import LoaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The test server itself: scripted answers, and a stop that never waits for a slow response.
@Suite struct HTTPTestServerTests {
  /// Connects to 127.0.0.1:`port`, sends a GET, returns the socket.
  func connect(_ port: Int, _ target: String) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = UInt16(port).bigEndian
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let r = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(r == 0)
    let request = Array("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    return fd
  }

  func readAll(_ fd: Int32) -> String {
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 { break }
      out += buffer[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
  }

  @Test func answersInScriptedOrderAndRecordsRequests() throws {
    let server = try HTTPTestServer(routes: [
      "/a": [.body(Array("one".utf8), contentType: "text/plain"), .redirect(to: "/b")]
    ])
    defer { server.stop() }
    var fd = try connect(server.port, "/a?x=1")
    #expect(readAll(fd).hasSuffix("\r\n\r\none"))
    close(fd)
    fd = try connect(server.port, "/a")
    #expect(readAll(fd).contains("Location: /b\r\n"))
    close(fd)
    fd = try connect(server.port, "/nowhere")
    #expect(readAll(fd).hasPrefix("HTTP/1.1 404 "))
    close(fd)
    #expect(server.requests.map(\.target) == ["/a?x=1", "/a", "/nowhere"])
    #expect(server.requests.first?.headers["host"] == "x")
    #expect(server.requestCount("/a") == 2)
  }

  /// Proven by what the client got, not by the clock: a stop that waited for the response
  /// (30 s, within `stop()`'s own 60 s wait) would let its headers through.
  @Test func stopsAtOnceWhileAResponseIsStillWaiting() throws {
    let server = try HTTPTestServer(routes: [
      "/slow": [HTTPTestServer.Response(status: 200).with { $0.delayBeforeHeaders = 30 }]
    ])
    let fd = try connect(server.port, "/slow")
    defer { close(fd) }
    #expect(HangGuard.wait(seconds: 60) { !server.requests.isEmpty })
    let seconds = HangGuard.measure { server.stop() }
    // A hang guard only (a stop that waited would take the 30 s delay).
    #expect(seconds < HangGuard.seconds(expecting: 0))
    #expect(readAll(fd).isEmpty, "the response was sent: stop() waited for it")
    #expect(server.requests.first?.clientWentAway == true, "the response was not cut short")
    #expect(server.requests.first?.bodyBytesSent == 0)
  }
}
