import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Issue 12: "`check --strict` reports every case that `publish` reports". Each hostile change
/// to a published portal's database is checked first (`check --strict`, which must change
/// nothing), then published: every warning and error line `publish` prints, `check` printed
/// too, and `check --strict` fails exactly when `publish` warned.
@Suite struct CheckParityTests {
  /// The change, and whether `publish` must warn about it.
  static let attacks: [(name: String, sql: String, warns: Bool)] = [
    (
      "a 300-byte slug",
      "INSERT INTO categories VALUES (3, NULL, '\(String(repeating: "a", count: 300))', 'Dài', NULL);"
        + " INSERT INTO articles (id, category_id, title, status, published_at) VALUES (16, 3, 'Bài 16', 'published', '2026-11-16 08:00:00');",
      true
    ),
    (
      "a newcomer whose slug is a published folder's",
      "INSERT INTO categories VALUES (0, NULL, 'Thời sự', 'Quảng cáo', NULL);"
        + " INSERT INTO articles (id, category_id, title, status, published_at) VALUES (17, 0, 'Quảng cáo', 'published', '2026-11-17 08:00:00');",
      true
    ),
    ("a far-future updated_at", "UPDATE articles SET updated_at = '9999-12-31 23:59:59' WHERE id = 3;", true),
    ("a feed that lost most of its items", "UPDATE articles SET status = 'draft' WHERE id <= 10;", true),
    ("nothing publishable", "UPDATE articles SET status = 'publish';", true),
    (
      "an escape in a title and a script in the content",
      "UPDATE articles SET title = 'Tin' || char(27) || '[31m đỏ', content_html = '<p>a</p><script>alert(1)</script>' WHERE id = 4;",
      true
    ),
    (
      "260 levels of nesting",
      "UPDATE articles SET content_html = '\(String(repeating: "<div>", count: 260))sâu\(String(repeating: "</div>", count: 260))<p>sau</p>' WHERE id = 6;",
      false
    ),
    ("a javascript: link", "UPDATE articles SET url = 'javascript:alert(1)' WHERE id = 5;", true),
  ]

  func loa(_ args: [String]) throws -> ProcessResult {
    try Subprocess.run(try #require(LoaBinary.path), args + ["--now", "2026-11-29T12:00:00+07:00"])
  }

  /// The lines a cron mail shows for problems.
  func problems(_ r: ProcessResult) -> Set<String> {
    Set(r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") || $0.contains(": error: ") })
  }

  @Test(arguments: 0..<attacks.count)
  func checkReportsWhatPublishReports(_ index: Int) throws {
    let attack = Self.attacks[index]
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: SilentLossCLITests.sql)
    try """
      {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
       "database": {"url": "sqlite:db.sqlite"}, "output": {"directory": "out", "baseURL": "/f/"},
       "state": {"directory": "state"}}
      """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    let config = dir.path("c.json")
    #expect(try loa(["publish", "--config", config]).status == 0)
    try SQLiteFixture.execute(attack.sql, in: dir.path("db.sqlite"))
    let before = try DirectorySnapshot(dir.path("out"))
    let check = try loa(["check", "--strict", "--config", config])
    #expect(try DirectorySnapshot(dir.path("out")) == before, "check changes nothing")
    let publish = try loa(["publish", "--config", config])

    let published = problems(publish)
    #expect(!published.isEmpty == attack.warns, "\(attack.name): \(publish.stderr)")
    #expect(published.isSubset(of: problems(check)), "\(attack.name): publish said \(published.subtracting(problems(check))) that check did not")
    #expect((check.status != 0) == !published.isEmpty, "\(attack.name): check --strict exit \(check.status)")
  }
}

/// Every file below a folder and its bytes.
struct DirectorySnapshot: Equatable {
  let files: [String: Data]

  init(_ root: String) throws {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
    }
    self.files = files
  }
}
