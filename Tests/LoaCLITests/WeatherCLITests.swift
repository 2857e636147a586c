import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// The weather box as cron runs it: the real binary, a weather source on 127.0.0.1.
@Suite(.serialized) struct WeatherCLITests {
  let dir = try! TemporaryDirectory("loa-weather-cli")
  /// Ten minutes after the fixture's observation, so its data is fresh.
  static let now = "2026-11-29T14:10:00+07:00"

  static func fixture(_ name: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: PackagePaths.path("Tests/LoaKitTests/Fixtures/weather/" + name)) ?? Data())
  }

  /// The example config with its weather section pointed at `url` (`kind` a network source).
  ///
  /// The deadline (20 s) is generous: no test here waits for it, and a good answer from
  /// 127.0.0.1 must never miss it on a loaded machine.
  func config(kind: String = "open-meteo", url: String) throws -> String {
    let text = try String(contentsOfFile: ExamplePortal.configPath, encoding: .utf8)
      .replacingOccurrences(
        of: #""source": { "kind": "file", "format": "open-meteo", "path": "weather/open-meteo-halong.json" }"#,
        with: #""source": { "kind": "\#(kind)", "url": "\#(url)" }, "http": { "totalTimeoutSeconds": 20, "retries": 0 }"#)
    #expect(text.contains(url), "the example's weather section changed; update this test")
    let path = dir.path("weather.json")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func loa(_ args: [String], _ config: String, env extra: [String: String] = [:]) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "OWM_API_KEY")
    for (k, v) in extra { env[k] = v }
    let database = args.first == "weather" ? [] : ["--database", dir.path("db.sqlite")]
    return try Subprocess.run(
      try #require(LoaBinary.path),
      args + ["--config", config, "--output", dir.path("out"), "--now", Self.now] + database,
      environment: env)
  }

  /// `loa weather` run through ``Subprocess/runMeasuringMemory``: the result and its peak RSS.
  func loaWeatherMeasured(_ config: String) throws -> MeasuredProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "OWM_API_KEY")
    return try Subprocess.runMeasuringMemory(
      try #require(LoaBinary.path),
      ["weather", "--config", config, "--output", dir.path("out"), "--now", Self.now],
      environment: env)
  }

  /// Issue 12: a compressed answer (sent although loa asks for `identity`) is refused unread:
  /// the weather box keeps its data, one warning names the encoding, exit 69, and the process
  /// never holds more than the 1 MiB cap plus its usual footprint. Under URLSession a 66 KB
  /// zstd body that decodes to 2 GiB took 2.3 GB and 9.75 s against an 8 s deadline.
  @Test(arguments: CompressionBomb.Encoding.allCases)
  func aCompressionBombNeitherGrowsMemoryNorOutlastsTheDeadline(
    encoding: CompressionBomb.Encoding
  ) throws {
    let good200 = HTTPTestServer.Response.json(Self.fixture("open-meteo-current.json"))
    let server = try HTTPTestServer(routes: ["/v1/forecast": [good200]])
    defer { server.stop() }
    let config = try config(url: server.url("/v1/forecast") + "?latitude={lat}&longitude={lon}")
    let good = try loaWeatherMeasured(config)
    #expect(good.result.status == 0, "\(good.result.stderr)")
    let box = try String(contentsOfFile: dir.path("out/weather.html"), encoding: .utf8)

    #expect(CompressionBomb.body(encoding).count > 1_000, "the bomb is missing")
    server.setRoute(
      "/v1/forecast",
      [.json(CompressionBomb.body(encoding), headers: [("Content-Encoding", encoding.rawValue)])])
    let bomb = try loaWeatherMeasured(config)
    // A hang guard only (120 s; the configured deadline is 20 s); never a timing assertion.
    #expect(!bomb.killedByHangGuard)
    #expect(bomb.result.status == 69, "\(bomb.result.stderr)")
    let lines = bomb.result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(bomb.result.stderr)")
    #expect(
      bomb.result.stderr.contains(
        "answered with Content-Encoding \(encoding), which was not asked for"),
      "\(bomb.result.stderr)")
    #expect(try String(contentsOfFile: dir.path("out/weather.html"), encoding: .utf8) == box)
    // The bound: far below what decoding takes (512 MiB or 2 GiB), far above a normal run
    // (35 MB measured) plus the 1 MiB cap.
    let bound = 128 << 20
    #expect(
      good.peakResidentBytes < bound, "a normal run took \(good.peakResidentBytes >> 20) MiB")
    let sent = CompressionBomb.body(encoding).count
    #expect(
      bomb.peakResidentBytes < bound,
      "peak RSS \(bomb.peakResidentBytes >> 20) MiB for a \(encoding) answer of \(sent) bytes")
  }

  func inode(_ path: String) -> UInt64 {
    var st = stat()
    return stat(dir.path(path), &st) == 0 ? UInt64(st.st_ino) : 0
  }

  @Test func exitCodesOfTheWeatherCommandFollowTheProblem() throws {
    let server = try HTTPTestServer(routes: ["/v1/forecast": [.json(Self.fixture("open-meteo-current.json"))]])
    defer { server.stop() }
    let config = try config(url: server.url("/v1/forecast") + "?latitude={lat}&longitude={lon}")
    let good = try loa(["weather"], config)
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stderr.isEmpty, "\(good.stderr)")
    let box = try String(contentsOfFile: dir.path("out/weather.html"), encoding: .utf8)
    #expect(box.contains("22°C") && box.contains("Nhiều mây"))

    // A 5xx is worth retrying soon: 75. The box keeps the last good data.
    server.setRoute("/v1/forecast", [HTTPTestServer.Response(status: 500)])
    let failed = try loa(["weather"], config)
    #expect(failed.status == 75, "\(failed.stderr)")
    #expect(failed.stderr.split(separator: "\n").count == 1)
    #expect(failed.stderr.hasPrefix("loa: warning: [weather] "), "\(failed.stderr)")
    #expect(try String(contentsOfFile: dir.path("out/weather.html"), encoding: .utf8) == box)

    // A 404 needs a person: 69.
    server.setRoute("/v1/forecast", [HTTPTestServer.Response(status: 404)])
    #expect(try loa(["weather"], config).status == 69)
  }

  @Test func aMissingAPIKeyIsAConfigurationProblem() throws {
    let config = try config(
      kind: "openweathermap", url: "http://127.0.0.1:9/data/2.5/weather?lat={lat}&lon={lon}&units=metric&appid={apiKey}")
    let r = try loa(["weather"], config)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains("OWM_API_KEY"))
  }

  /// Issue 16: libcurl is opened with dlopen at the first request; when it cannot be, the
  /// weather command fails like any unusable source (exit 69) with one line naming the
  /// package to install (a debug-build hook replaces the soname).
  @Test func aMissingLibcurlIsOneLineNamingThePackage() throws {
    let config = try config(url: "http://127.0.0.1:9/v1/forecast?latitude={lat}&longitude={lon}")
    let r = try loa(["weather"], config, env: ["LOA_TEST_DLOPEN_CURL": "libloa-test-missing.so.0"])
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("cannot load libloa-test-missing.so.0"), "\(r.stderr)")
    #expect(r.stderr.contains("install the libcurl4 package"), "\(r.stderr)")
  }

  @Test func aFailingSourceNeverFailsTheFeedsExceptUnderStrict() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let server = try HTTPTestServer(routes: ["/v1/forecast": [.json(Self.fixture("open-meteo-current.json"))]])
    defer { server.stop() }
    let config = try config(url: server.url("/v1/forecast") + "?latitude={lat}&longitude={lon}")
    #expect(try loa(["publish"], config).status == 0)
    let box = try String(contentsOfFile: dir.path("out/weather.html"), encoding: .utf8)

    server.setRoute("/v1/forecast", [HTTPTestServer.Response(status: 503)])
    try SQLiteFixture.execute(
      "UPDATE articles SET title = title || ' (sửa)', updated_at = '2026-11-28 09:00:00' WHERE id = 31",
      in: dir.path("db.sqlite"))
    let plain = try loa(["publish"], config)
    #expect(plain.status == 0, "a weather failure is one warning: \(plain.stderr)")
    #expect(plain.stderr.split(separator: "\n").count == 1, "\(plain.stderr)")
    #expect(try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8).contains("(sửa)"))

    // --strict covers every output of the run: the weather failure holds back the feeds too
    // (exit 1, no file replaced, one line saying so); the next plain run publishes them.
    try SQLiteFixture.execute(
      "UPDATE articles SET title = title || ' (lần 2)', updated_at = '2026-11-28 10:00:00' WHERE id = 31",
      in: dir.path("db.sqlite"))
    let strict = try loa(["publish", "--strict"], config)
    #expect(strict.status == 1, "\(strict.stderr)")
    #expect(strict.stderr.contains("no file was replaced"), "\(strict.stderr)")
    #expect(try !String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8).contains("(lần 2)"))
    #expect(try String(contentsOfFile: dir.path("out/weather.html"), encoding: .utf8) == box)
    #expect(try loa(["publish"], config).status == 0)
    #expect(try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8).contains("(lần 2)"))
  }

  @Test func forceRewritesTheBoxToo() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let server = try HTTPTestServer(routes: ["/v1/forecast": [.json(Self.fixture("open-meteo-current.json"))]])
    defer { server.stop() }
    let config = try config(url: server.url("/v1/forecast") + "?latitude={lat}&longitude={lon}")
    #expect(try loa(["publish"], config).status == 0)
    let before = (inode("out/weather.html"), inode("out/weather.json"), inode("out/rss.xml"))
    #expect(try loa(["publish"], config).status == 0)
    #expect(inode("out/weather.html") == before.0, "unchanged bytes are not rewritten")
    #expect(try loa(["publish", "--force"], config).status == 0)
    #expect(inode("out/weather.html") != before.0)
    #expect(inode("out/weather.json") != before.1)
    #expect(inode("out/rss.xml") != before.2)
  }
}
