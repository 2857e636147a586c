import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// What readers and caches see across an upgrade of loa and a move of the portal to another
/// domain: the same bytes and the same ids (docs/upgrading.md), through the real binary.
@Suite struct UpgradeStabilityTests {
  let dir = try! TemporaryDirectory("loa-upgrade")

  init() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
  }

  /// Writes the example's configuration with `site.url` on `host`, with or without
  /// `site.idPrefix`, and without the weather box (its source path is relative to Examples/).
  func writeConfig(host: String, idPrefix: String?) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: ExamplePortal.configPath))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var site = try #require(json["site"] as? [String: Any])
    site["url"] = "https://\(host)/"
    site["author"] = ["name": "UBND phường Bãi Cháy"]
    site["idPrefix"] = idPrefix
    json["site"] = site
    json["output"] = ["directory": "out", "baseURL": "https://\(host)/feeds/"]
    json["weather"] = nil
    let path = dir.path("portal-\(host)-\(idPrefix == nil ? "derived" : "explicit").json")
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    return path
  }

  func publish(config: String) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    return try Subprocess.run(
      try #require(LoaBinary.path),
      ["publish", "--config", config, "--database", dir.path("db.sqlite")], environment: env)
  }

  func read(_ path: String) throws -> String {
    try String(contentsOfFile: dir.path("out/" + path), encoding: .utf8)
  }

  @Test func aDomainMoveKeepsThePublishedIdsAndWarnsOnceNamingSiteIdPrefix() throws {
    let first = try publish(config: try writeConfig(host: "baichay.example.org", idPrefix: nil))
    #expect(first.status == 0, "\(first.stderr)")
    #expect(!first.stderr.contains("site.idPrefix"))
    let rss = try read("rss.xml")
    #expect(
      rss.contains("<guid isPermaLink=\"false\">tag:baichay.example.org,2026:article:45</guid>"))

    let moved = try publish(config: try writeConfig(host: "baichay.halong.gov.vn", idPrefix: nil))
    #expect(moved.status == 0, "\(moved.stderr)")
    let warnings = moved.stderr.split(separator: "\n").filter { $0.contains("site.idPrefix") }
    #expect(warnings.count == 1, "\(moved.stderr)")
    #expect(warnings.first?.contains("warning") == true)
    #expect(warnings.first?.contains("tag:baichay.example.org,2026:") == true)
    // Links follow the new domain; ids stay what readers have seen.
    let after = try read("rss.xml")
    #expect(after.contains("https://baichay.halong.gov.vn/"))
    #expect(
      after.contains("<guid isPermaLink=\"false\">tag:baichay.example.org,2026:article:45</guid>"))
    #expect(!after.contains("tag:baichay.halong.gov.vn"))
    #expect(try read("atom.xml").contains("<id>tag:baichay.example.org,2026:feed</id>"))
    #expect(try read("feed.json").contains("\"id\": \"tag:baichay.example.org,2026:article:45\""))
    #expect(!(try read("thoi-su/atom.xml")).contains("tag:baichay.halong.gov.vn"))
  }

  @Test func aDomainMoveWithAnExplicitIdPrefixPrintsNoWarning() throws {
    let prefix = "tag:baichay.example.org,2026:"
    #expect(
      try publish(config: try writeConfig(host: "baichay.example.org", idPrefix: prefix)).status
        == 0)
    let moved = try publish(
      config: try writeConfig(host: "baichay.halong.gov.vn", idPrefix: prefix))
    #expect(moved.status == 0, "\(moved.stderr)")
    #expect(moved.stderr.isEmpty, "\(moved.stderr)")
    #expect(try read("rss.xml").contains("tag:baichay.example.org,2026:article:45"))
  }

  @Test func anExplicitIdPrefixWinsOverThePublishedOne() throws {
    #expect(
      try publish(config: try writeConfig(host: "baichay.example.org", idPrefix: nil)).status == 0)
    let changed = try publish(
      config: try writeConfig(host: "baichay.example.org", idPrefix: "tag:portal.example,2027:"))
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(!changed.stderr.contains("site.idPrefix"), "\(changed.stderr)")
    #expect(try read("rss.xml").contains("tag:portal.example,2027:article:45"))
  }

  /// An upgrade that changes no content must change no byte (and so no ETag): the program's
  /// version is in no published file, only its name.
  @Test func noPublishedFileCarriesTheProgramVersion() throws {
    let r = try publish(config: try writeConfig(host: "baichay.example.org", idPrefix: nil))
    #expect(r.status == 0, "\(r.stderr)")
    let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))
      .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".gz") }
    #expect(files.contains("atom.xml") && files.contains("index.html"))
    for path in files {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: dir.path("out/" + path), isDirectory: &isDirectory)
      guard !isDirectory.boolValue else { continue }
      let text = try read(path)
      #expect(
        !text.contains(LoaVersion.current), "\(path) carries the version \(LoaVersion.current)")
    }
    #expect(try read("rss.xml").contains("<generator>Loa</generator>"))
    #expect(try read("atom.xml").contains("<generator>Loa</generator>"))
  }
}
