import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// The example province platform (`Examples/platform/`, issue 15's "done when"): published by
/// the real binary from SQLite, PostgreSQL and MariaDB, it gives exactly the bytes committed in
/// `feeds/platform/`; and Bãi Cháy, one of its wards, publishes the same articles as the
/// single-site example.
@Suite struct PlatformExamplePublishTests {
  let dir = try! TemporaryDirectory("loa-platform-example")
  static let committed = PackagePaths.path("feeds/platform")

  func publish(database: String, into output: String) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state-" + (output as NSString).lastPathComponent)
    env.removeValue(forKey: "LOA_DATABASE_URL")
    return try Subprocess.run(
      try #require(LoaBinary.path),
      [
        "publish", "--config", PackagePaths.path("Examples/platform/platform.json"),
        "--database", database, "--output", output,
      ], environment: env)
  }

  /// Every file under `root`, relative path → bytes.
  static func tree(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
      var isDirectory: ObjCBool = false
      let full = root + "/" + path
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      files[path] = FileManager.default.contents(atPath: full)
    }
    return files
  }

  func expectCommittedBytes(_ output: String, _ source: String) throws {
    let expected = try Self.tree(Self.committed)
    let got = try Self.tree(output)
    #expect(expected.count > 150)
    #expect(
      Set(got.keys) == Set(expected.keys),
      "\(source): feeds/platform holds other files than the example publishes; run Scripts/run-example.sh")
    for (path, bytes) in expected where got[path] != bytes {
      let diff = Diff.unified(
        expected: String(decoding: bytes, as: UTF8.self),
        actual: String(decoding: got[path] ?? Data(), as: UTF8.self))
      Issue.record("\(source): feeds/platform/\(path) differs; run Scripts/run-example.sh:\n\(diff)")
    }
  }

  @Test func sqlitePublishesTheCommittedBytes() throws {
    let sql = try String(contentsOfFile: PackagePaths.path("Examples/platform/platform.sql"), encoding: .utf8)
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: sql)
    let r = try publish(database: "sqlite:" + dir.path("platform.sqlite"), into: dir.path("sqlite"))
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    try expectCommittedBytes(dir.path("sqlite"), "SQLite")
    if Checkers.enabled { try Checkers.checkFeeds(in: dir.path("sqlite"), extraArguments: ["--platform"]) }
  }

  @Test(.enabled(if: PostgresFixture.enabled))
  func postgresPublishesTheCommittedBytes() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      try String(contentsOfFile: PackagePaths.path("Examples/platform/platform.postgres.sql"), encoding: .utf8),
      in: url)
    let r = try publish(database: url, into: dir.path("postgres"))
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    try expectCommittedBytes(dir.path("postgres"), "PostgreSQL")
  }

  @Test(.enabled(if: MariaDBFixture.enabled))
  func mariaDBPublishesTheCommittedBytes() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      try String(contentsOfFile: PackagePaths.path("Examples/platform/platform.mariadb.sql"), encoding: .utf8),
      in: url)
    let r = try publish(database: url, into: dir.path("mariadb"))
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    try expectCommittedBytes(dir.path("mariadb"), "MariaDB")
  }

  /// Bãi Cháy is the single-site example's portal: as a ward of the platform its feeds carry
  /// the same articles, with the same ids and links, as `feeds/` does.
  @Test func baiChayPublishesTheSameArticlesAsTheSingleSiteExample() throws {
    func items(_ path: String) throws -> [String] {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      return text.components(separatedBy: "<item>").dropFirst().map { item in
        let guid = item.components(separatedBy: "<guid isPermaLink=\"false\">")[1].components(separatedBy: "<")[0]
        let link = item.components(separatedBy: "<link>")[1].components(separatedBy: "<")[0]
        return guid + " " + link
      }
    }
    for feed in ["rss.xml", "thoi-su/rss.xml", "le-hoi/rss.xml"] {
      let single = try items(PackagePaths.path("feeds/" + feed))
      #expect(single.count > 0)
      #expect(try items(Self.committed + "/bai-chay/" + feed) == single, "\(feed)")
    }
  }
}
