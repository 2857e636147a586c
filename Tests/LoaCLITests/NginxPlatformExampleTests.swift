import Foundation
import LoaTestSupport
import Testing

/// Examples/deploy/nginx-platform.conf served by a real nginx on 127.0.0.1 over a platform's
/// output root (docs/multisite.md): each ward host gets its own folder at /feeds/, the
/// province host the roll-up (skipped where nginx is not installed, required when
/// LOA_REQUIRE_NGINX=1).
@Suite struct NginxPlatformExampleTests {
  /// `curl` status, content type and body of one request to `path` with `Host: host`.
  static func get(_ port: Int, host: String, _ path: String) throws -> String {
    try Subprocess.run(
      "/usr/bin/curl",
      [
        "-sS", "--max-time", "20", "-H", "Host: \(host)", "-w", " %{http_code} %{content_type}",
        "http://127.0.0.1:\(port)\(path)",
      ]
    ).stdout
  }

  @Test(.enabled(if: NginxExampleTests.enabled))
  func eachWardHostServesItsOwnFolderAndTheProvinceHostTheRollUp() throws {
    let nginx = try #require(NginxExampleTests.nginx, "LOA_REQUIRE_NGINX=1 but nginx is not installed")
    let dir = try TemporaryDirectory("loa-nginx-platform")
    let files = [
      "feeds/rss.xml": "roll-up", "feeds/bai-chay/rss.xml": "bai-chay",
      "feeds/bai-chay/tin-tuc/atom.xml": "bai-chay tin-tuc", "feeds/hong-gai/rss.xml": "hong-gai",
      "feeds/hong-gai/feed.json": "{}", "feeds/hong-gai/.rss.xml.loa-1.tmp": "staged",
    ]
    for (path, text) in files {
      try FileManager.default.createDirectory(
        atPath: (dir.path(path) as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      try text.write(toFile: dir.path(path), atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(
      atPath: dir.path("tmp"), withIntermediateDirectories: true)
    let port = try NginxExampleTests.freePort()
    let example = try String(
      contentsOfFile: PackagePaths.path("Examples/deploy/nginx-platform.conf"), encoding: .utf8)
    #expect(example.contains("/var/www/quangninh/feeds/"))
    try example.replacingOccurrences(of: "/var/www/quangninh/feeds/", with: dir.path("feeds") + "/")
      .replacingOccurrences(
        of: "    server_name ", with: "    listen 127.0.0.1:\(port);\n    server_name ")
      .write(toFile: dir.path("platform.conf"), atomically: true, encoding: .utf8)
    try """
    daemon off;
    master_process off;
    pid \(dir.path("nginx.pid"));
    error_log \(dir.path("error.log")) warn;
    events { worker_connections 64; }
    http {
        include /etc/nginx/mime.types;
        access_log off;
        client_body_temp_path \(dir.path("tmp"));
        include \(dir.path("platform.conf"));
    }

    """.write(toFile: dir.path("nginx.conf"), atomically: true, encoding: .utf8)
    let check = try Subprocess.run(nginx, ["-t", "-q", "-p", dir.path, "-c", dir.path("nginx.conf")])
    #expect(check.status == 0, "nginx -t: \(check.stderr)")

    let server = Process()
    server.executableURL = URL(fileURLWithPath: nginx)
    server.arguments = ["-p", dir.path, "-c", dir.path("nginx.conf")]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer {
      kill(server.processIdentifier, SIGKILL)
      server.waitUntilExit()
    }
    // Wait until it listens (a hang guard, not a measurement).
    var ready = false
    for _ in 0..<200 where !ready {
      ready = (try? Self.get(port, host: "quangninh.example.org", "/feeds/rss.xml"))?.contains(" 200 ") == true
      if !ready { Thread.sleep(forTimeInterval: 0.05) }
    }
    try #require(
      ready,
      "nginx did not answer: \((try? String(contentsOfFile: dir.path("error.log"), encoding: .utf8)) ?? "")")

    let rss = "application/rss+xml; charset=utf-8"
    #expect(try Self.get(port, host: "baichay.example.org", "/feeds/rss.xml") == "bai-chay 200 \(rss)")
    #expect(
      try Self.get(port, host: "baichay.example.org", "/feeds/tin-tuc/atom.xml")
        == "bai-chay tin-tuc 200 application/atom+xml; charset=utf-8")
    #expect(try Self.get(port, host: "honggai.example.org", "/feeds/rss.xml") == "hong-gai 200 \(rss)")
    #expect(
      try Self.get(port, host: "honggai.example.org", "/feeds/feed.json")
        == "{} 200 application/feed+json; charset=utf-8")
    #expect(try Self.get(port, host: "honggai.example.org", "/feeds/.rss.xml.loa-1.tmp").contains(" 403 "))
    #expect(
      try Self.get(port, host: "quangninh.example.org", "/feeds/rss.xml") == "roll-up 200 \(rss)")
    // A ward's folder only on its own host; a host not in the map has no feeds.
    #expect(try Self.get(port, host: "quangninh.example.org", "/feeds/bai-chay/rss.xml").contains(" 404 "))
    #expect(try Self.get(port, host: "tuanchau.example.org", "/feeds/rss.xml").contains(" 404 "))
    #expect(try Self.get(port, host: "other.example.org", "/feeds/rss.xml").contains(" 404 "))
    #expect(
      try Self.get(port, host: "honggai.example.org", "/feeds").hasSuffix(" 301 text/html"))
  }
}
