import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Issue 12, "silent loss", through the real binary: the exit status and the one line a cron
/// mail shows.
@Suite struct SilentLossCLITests {
  /// 12 articles in one category, 3 in another.
  static let sql: String = {
    var rows: [String] = []
    for i in 1...15 {
      let day = i < 10 ? "0\(i)" : "\(i)"
      rows.append("(\(i), \(i <= 12 ? 1 : 2), 'Bài \(i)', 'published', '2026-11-\(day) 08:00:00')")
    }
    return SQLiteFixture.schema + """
      INSERT INTO categories VALUES (1, NULL, 'thoi-su', 'Thời sự', NULL), (2, NULL, 'du-lich', 'Du lịch', NULL);
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
      \(rows.joined(separator: ",\n"));
      """
  }()

  func setUp() throws -> (TemporaryDirectory, String) {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql)
    let config = """
      {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
       "database": {"url": "sqlite:db.sqlite"}, "output": {"directory": "out", "baseURL": "/f/"},
       "state": {"directory": "state"}}
      """
    try config.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    return (dir, dir.path("c.json"))
  }

  func loa(_ args: [String]) throws -> ProcessResult {
    try Subprocess.run(try #require(LoaBinary.path), args + ["--now", "2026-11-29T12:00:00+07:00"])
  }

  func files(_ dir: TemporaryDirectory) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")) {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: dir.path("out/" + path), isDirectory: &isDirectory)
      if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: dir.path("out/" + path)) }
    }
    return files
  }

  @Test func aRenamedStatusFailsWithOneLineAndKeepsEveryFeed() throws {
    let (dir, config) = try setUp()
    #expect(try loa(["publish", "--config", config]).status == 0)
    let before = try files(dir)
    try SQLiteFixture.execute("UPDATE articles SET status = 'publish';", in: dir.path("db.sqlite"))
    let line = "loa: error: nothing to publish, where the last run published 15 items in the site feed: 0 of 15 rows have status 'published' (database.publishedStatuses); statuses seen: publish (15); the published feeds are kept (loa publish --allow-empty publishes empty feeds)\n"
    for command in [["publish"], ["publish", "--strict"], ["check"], ["check", "--strict"]] {
      let r = try loa(command + ["--config", config])
      #expect(r.status == 1, "\(command)")
      #expect(r.stderr == line, "\(command)")
    }
    #expect(try files(dir) == before)
    // The operator's deliberate way through.
    let allowed = try loa(["publish", "--allow-empty", "--config", config])
    #expect(allowed.status == 0)
    #expect(allowed.stderr == "")
    #expect(try !String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8).contains("<item>"))
  }

  @Test func aFeedThatShrankWarnsAndFailsStrictCheck() throws {
    let (dir, config) = try setUp()
    #expect(try loa(["publish", "--config", config]).status == 0)
    try SQLiteFixture.execute("UPDATE articles SET status = 'draft' WHERE id <= 10;", in: dir.path("db.sqlite"))
    let check = try loa(["check", "--strict", "--config", config])
    #expect(check.status == 1)
    #expect(check.stderr.contains("loa: warning: [validate] feed: the feed in thoi-su/ has 2 items where the last run published 12: did articles lose their status or category? (docs/operations.md)\n"))
    let r = try loa(["publish", "--config", config])
    #expect(r.status == 0)
    #expect(r.stderr.contains("[validate] feed: the site feed has 5 items where the last run published 15"))
  }

  @Test func allowEmptyIsNotAWeatherOption() throws {
    let (_, config) = try setUp()
    let r = try Subprocess.run(try #require(LoaBinary.path), ["weather", "--allow-empty", "--config", config])
    #expect(r.status == 64)
  }
}
