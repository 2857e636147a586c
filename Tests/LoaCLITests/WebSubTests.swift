import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// WebSub through the real binary and a stub hub on 127.0.0.1.
@Suite(.serialized) struct WebSubTests {
  let dir = try! TemporaryDirectory("loa-websub")

  /// The example config with one hub. The timeout covers all 33 pings together: generous by
  /// default, so that a hub on 127.0.0.1 hears every one of them on a loaded machine too.
  func config(hub: String, timeoutSeconds: Int = 60) throws -> String {
    let text = try String(contentsOfFile: ExamplePortal.configPath, encoding: .utf8)
      .replacingOccurrences(
        of: "\"links\": {",
        with: "\"websub\": {\"hubs\": [\"\(hub)\"], \"timeoutSeconds\": \(timeoutSeconds)},\n  \"links\": {")
      // The config moves to a temporary folder: its weather file stays where it is.
      .replacingOccurrences(
        of: "\"weather/open-meteo-halong.json\"",
        with: "\"\(PackagePaths.path("Examples/weather/open-meteo-halong.json"))\"")
    let path = dir.path("websub.json")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func loa(_ config: String, _ extra: [String] = [], hangGuardSeconds: Double? = nil) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    return try Subprocess.run(
      try #require(LoaBinary.path),
      ["publish", "--config", config, "--database", dir.path("db.sqlite"), "--output", dir.path("out")] + extra,
      environment: env, hangGuardSeconds: hangGuardSeconds)
  }

  /// The topics the hub was told about, from the form bodies it received.
  func topics(_ hub: HTTPTestServer) -> [String] {
    hub.requests.filter { $0.method == "POST" }.compactMap { request in
      let form = String(decoding: request.body, as: UTF8.self)
      guard form.hasPrefix("hub.mode=publish&hub.url=") else { return nil }
      return form.dropFirst("hub.mode=publish&hub.url=".count).removingPercentEncoding
    }.sorted()
  }

  @Test func theHubHearsExactlyTheFeedsThatChanged() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let hub = try HTTPTestServer(routes: ["/hub": [HTTPTestServer.Response(status: 204)]])
    defer { hub.stop() }
    let config = try config(hub: hub.url("/hub"))
    let first = try loa(config)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.isEmpty, "\(first.stderr)")
    // Every feed file is new: 11 feeds × 3 formats.
    #expect(topics(hub).count == 33)
    #expect(topics(hub).contains("https://baichay.example.org/feeds/le-hoi/atom.xml"))
    #expect(!topics(hub).contains { $0.hasSuffix("index.html") || $0.hasSuffix(".opml") })
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rss.contains("<atom:link href=\"\(hub.url("/hub"))\" rel=\"hub\"/>"))
    let json = try String(contentsOfFile: dir.path("out/feed.json"), encoding: .utf8)
    #expect(json.contains("\"type\": \"WebSub\""))

    // Nothing changed: no ping.
    let before = hub.requests.count
    #expect(try loa(config).status == 0)
    #expect(hub.requests.count == before)

    // One article of "Lễ hội" edited: its feeds, its parent's and the site's, nothing else.
    try SQLiteFixture.execute(
      "UPDATE articles SET title = title || '!', updated_at = '2026-11-28 09:00:00' WHERE id = 31",
      in: dir.path("db.sqlite"))
    let seen = Set(topics(hub))
    #expect(try loa(config).status == 0)
    let all = topics(hub)
    var newOnes = all
    for t in seen { if let i = newOnes.firstIndex(of: t) { newOnes.remove(at: i) } }
    let base = "https://baichay.example.org/feeds/"
    #expect(
      newOnes == [
        "atom.xml", "du-lich/atom.xml", "du-lich/feed.json", "du-lich/rss.xml", "feed.json",
        "le-hoi/atom.xml", "le-hoi/feed.json", "le-hoi/rss.xml", "rss.xml",
      ].map { base + $0 }.sorted())
  }

  @Test func aFailingHubIsOneWarningAndIsRetriedNextRun() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    // The hub fails for the whole first run (33 pings, one retry each at most), then works.
    let failures = (0..<66).map { _ in HTTPTestServer.Response(status: 503) }
    let hub = try HTTPTestServer(routes: ["/hub": failures + [HTTPTestServer.Response(status: 202)]])
    defer { hub.stop() }
    let config = try config(hub: hub.url("/hub"))
    let first = try loa(config)
    #expect(first.status == 0, "publishing must not fail because of the hub")
    let lines = first.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(first.stderr)")
    #expect(lines.first?.hasPrefix("loa: warning: [websub] 33 of 33 hub notifications not delivered, will retry next run") == true)
    #expect(FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
    // Let the hub recover, then run again with nothing changed: the 33 are sent again.
    hub.setRoute("/hub", [HTTPTestServer.Response(status: 202)])
    let countBefore = hub.requests.count
    let second = try loa(config, ["-v"])
    #expect(second.status == 0)
    #expect(second.stderr.contains("[websub] 33 hub notifications delivered"), "\(second.stderr)")
    #expect(hub.requests.count - countBefore == 33)
    // And not a third time.
    let third = try loa(config)
    #expect(third.stderr.isEmpty)
    #expect(hub.requests.count - countBefore == 33)
  }

  /// Proven by the timeout's own message and a hang guard: the hub stays silent for 5
  /// minutes, and a timeout per ping instead of one for all (9 rounds of 4 lanes × 5 s) would
  /// outlast the hang guard too.
  @Test func anUnreachableHubDoesNotDelayPublishingBeyondItsTimeout() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    // A hub that never answers.
    let hub = try HTTPTestServer(routes: ["/hub": [HTTPTestServer.Response(status: 204).with { $0.delayBeforeHeaders = 300 }]])
    defer { hub.stop() }
    let r = try loa(
      try config(hub: hub.url("/hub"), timeoutSeconds: 5),
      hangGuardSeconds: HangGuard.seconds(expecting: 5 + 2))
    #expect(!r.killedByHangGuard, "the run outlasted timeoutSeconds (5 s) by far")
    #expect(r.status == 0)
    #expect(r.stderr.contains("33 of 33 hub notifications not delivered, will retry next run"), "\(r.stderr)")
    #expect(r.stderr.contains("no answer within 5 s"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
  }
}
