import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Issue 12 end to end: an article nested past libxml2's depth limit of 256 keeps all its text
/// in RSS, Atom and JSON Feed, and the flattening is a note (`check --strict` still passes).
@Suite struct DeepNestingCLITests {
  static let divisions =
    String(repeating: "<div>", count: 260) + "deepword" + String(repeating: "</div>", count: 260)
    + "<p>afterword</p>"
  static let fonts = (1...400).map { "<p><font face=\"Arial\">Para \($0)." }.joined() + " tailword"
  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES (1, NULL, 'tin-tuc', 'Tin tức', NULL);
    INSERT INTO articles (id, category_id, title, summary, content_html, status, published_at) VALUES
      (1, 1, 'Sâu', 'Tóm tắt', '\(divisions)', 'published', '2026-11-20 08:00:00'),
      (2, 1, 'Phông chữ', 'Tóm tắt', '\(fonts)', 'published', '2026-11-20 07:00:00');
    """

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

  @Test func deepArticlesKeepTheirTextInEveryFormat() throws {
    let (dir, config) = try setUp()
    let r = try loa(["publish", "--config", config, "--report", dir.path("report.json")])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "a note only: nothing on stderr at the default level")
    for name in ["rss.xml", "atom.xml", "feed.json"] {
      let feed = try String(contentsOfFile: dir.path("out/" + name), encoding: .utf8)
      for word in ["deepword", "afterword", "Para 1.", "Para 399.", "Para 400.", "tailword"] {
        #expect(feed.contains(word), "\(name) lacks \(word)")
      }
    }
    let report = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: dir.path("report.json")))) as? [String: Any])
    let issues = try #require(report["issues"] as? [[String: Any]])
    for id in [1, 2] {
      #expect(
        issues.contains {
          $0["article"] as? Int == id && ($0["message"] as? String)?.hasPrefix("flattened ") == true
            && $0["severity"] as? String == "info"
        }, "item \(id): \(issues)")
    }
  }

  @Test func flatteningPassesCheckStrict() throws {
    let (dir, config) = try setUp()
    let strict = try withExtendedLifetime(dir) { try loa(["check", "--strict", "--config", config]) }
    #expect(strict.status == 0, "\(strict.stderr)")
  }
}
