import Foundation
import LoaTestSupport
import Testing

/// Examples/deploy/nginx-feeds.conf served by a real nginx on 127.0.0.1, in a temporary
/// prefix, in one foreground process (Debian's `nginx`; skipped where it is not installed,
/// required when LOA_REQUIRE_NGINX=1).
@Suite struct NginxExampleTests {
  static let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  static var enabled: Bool {
    nginx != nil || ProcessInfo.processInfo.environment["LOA_REQUIRE_NGINX"] == "1"
  }

  /// A free TCP port on 127.0.0.1 (bound to port 0, then released).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// nginx.conf for a test instance whose server block includes the example, with its
  /// `alias` pointed at `feeds`.
  static func writeConfig(in dir: TemporaryDirectory, feeds: String, port: Int) throws -> String {
    let example = try String(
      contentsOfFile: PackagePaths.path("Examples/deploy/nginx-feeds.conf"), encoding: .utf8)
    let snippet = example.replacingOccurrences(of: "/var/www/portal/feeds/", with: feeds + "/")
    try snippet.write(toFile: dir.path("feeds.conf"), atomically: true, encoding: .utf8)
    let config = """
      daemon off;
      master_process off;
      pid \(dir.path("nginx.pid"));
      error_log \(dir.path("error.log")) warn;
      events { worker_connections 64; }
      http {
          include /etc/nginx/mime.types;
          access_log off;
          client_body_temp_path \(dir.path("tmp"));
          server {
              listen 127.0.0.1:\(port);
              server_name localhost;
              include \(dir.path("feeds.conf"));
          }
      }

      """
    try config.write(toFile: dir.path("nginx.conf"), atomically: true, encoding: .utf8)
    return dir.path("nginx.conf")
  }

  /// `curl` status, redirect target and content type of one request.
  static func get(_ url: String) throws -> String {
    try Subprocess.run(
      "/usr/bin/curl",
      [
        "-sS", "--max-time", "20", "-o", "/dev/null", "-w",
        "%{http_code} %{redirect_url} %{content_type}", url,
      ]
    ).stdout
  }

  @Test(.enabled(if: enabled)) func servesFeedsWithoutTheTrailingSlashAsARedirect() throws {
    let nginx = try #require(Self.nginx, "LOA_REQUIRE_NGINX=1 but nginx is not installed")
    let dir = try TemporaryDirectory("loa-nginx")
    try FileManager.default.createDirectory(
      atPath: dir.path("feeds"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: dir.path("tmp"), withIntermediateDirectories: true)
    try "<rss version=\"2.0\"/>\n".write(
      toFile: dir.path("feeds/rss.xml"), atomically: true, encoding: .utf8)
    try "<!doctype html>\n".write(
      toFile: dir.path("feeds/index.html"), atomically: true, encoding: .utf8)
    let port = try Self.freePort()
    let config = try Self.writeConfig(in: dir, feeds: dir.path("feeds"), port: port)
    let check = try Subprocess.run(nginx, ["-t", "-q", "-p", dir.path, "-c", config])
    #expect(check.status == 0, "nginx -t: \(check.stderr)")

    let server = Process()
    server.executableURL = URL(fileURLWithPath: nginx)
    server.arguments = ["-p", dir.path, "-c", config]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer {
      // SIGKILL: a child started from the test runner may not see SIGTERM (measured: nginx
      // kept running after it); a throwaway instance has nothing to finish.
      kill(server.processIdentifier, SIGKILL)
      server.waitUntilExit()
    }
    let base = "http://127.0.0.1:\(port)"
    // Wait until it listens (a hang guard, not a measurement).
    var ready = false
    for _ in 0..<200 where !ready {
      ready = (try? Self.get(base + "/feeds/rss.xml"))?.hasPrefix("200") == true
      if !ready { Thread.sleep(forTimeInterval: 0.05) }
    }
    try #require(
      ready,
      "nginx did not answer: \((try? String(contentsOfFile: dir.path("error.log"), encoding: .utf8)) ?? "")"
    )

    #expect(try Self.get(base + "/feeds") == "301 \(base)/feeds/ text/html")
    #expect(try Self.get(base + "/feeds?x=1").hasPrefix("301 \(base)/feeds/?x=1 "))
    #expect(try Self.get(base + "/feeds/").hasPrefix("200  text/html"))
    #expect(try Self.get(base + "/feeds/rss.xml") == "200  application/rss+xml; charset=utf-8")
  }
}
