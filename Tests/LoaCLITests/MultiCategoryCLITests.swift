import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Several categories per article and queries in files, through the real binary (issue 13).
@Suite struct MultiCategoryCLITests {
  let dir = try! TemporaryDirectory("loa-multicat")

  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES (1, NULL, 'tin-tuc', 'Tin tức', NULL), (2, NULL, 'du-lich', 'Du lịch', NULL);
    INSERT INTO articles (id, category_id, title, published_at) VALUES
      (1, 1, 'Lễ hội hoa', '2026-11-01 08:00:00'), (2, 2, 'Đua thuyền', '2026-11-02 08:00:00');
    CREATE TABLE post_terms (post INTEGER, term INTEGER);
    INSERT INTO post_terms VALUES (1, 2);
    """

  /// Runs `loa ARGS --config c.json` with `database` in the config's `database` object.
  func loa(_ command: String, database: String) throws -> ProcessResult {
    try """
    {"version": 1, "site": {"title": "T", "url": "https://x.example.org/", "description": "D"},
     "database": {"url": "sqlite:db.sqlite"\(database)},
     "output": {"directory": "out", "baseURL": "/f/"}}
    """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    return try Subprocess.run(
      try #require(LoaBinary.path), [command, "--config", dir.path("c.json")], environment: env)
  }

  @Test func checkAndPublishAgreeOnAnArticleInTwoCategoriesFromAQueryFile() throws {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql)
    try "SELECT post AS article_id,\n       term AS category_id\n  FROM post_terms;\n".write(
      toFile: dir.path("links.sql"), atomically: true, encoding: .utf8)
    let keys = #", "articleCategoriesQueryFile": "links.sql""#
    let check = try loa("check", database: keys)
    #expect(check.status == 0 && check.stderr == "", "\(check.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    let publish = try loa("publish", database: keys)
    #expect(publish.status == 0 && publish.stderr == "", "\(publish.stderr)")
    let duLich = try String(contentsOfFile: dir.path("out/du-lich/rss.xml"), encoding: .utf8)
    #expect(duLich.contains("Lễ hội hoa") && duLich.contains("Đua thuyền"))
    // Its primary category first, then the linked one.
    let item = try #require(duLich.range(of: "<title>Lễ hội hoa</title>"))
    let rest = duLich[item.upperBound...]
    let primary = try #require(rest.range(of: "<category>Tin tức</category>"))
    let linked = try #require(rest.range(of: "<category>Du lịch</category>"))
    #expect(primary.upperBound < linked.lowerBound)
    try Checkers.checkFeedsIfEnabled(in: dir.path("out"))
  }

  @Test(arguments: [
    (#", "articlesQueryFile": "nowhere/articles.sql""#, "database.articlesQueryFile: {dir}/nowhere/articles.sql does not exist"),
    (#", "categoriesQuery": ["SELECT *", "FROM categories"], "categoriesQueryFile": "c.json""#, "database.categoriesQueryFile: and database.categoriesQuery are both given"),
    (#", "articleCategoriesQueryFile": "state""#, "database.articleCategoriesQueryFile: {dir}/state is a directory"),
  ])
  func aQueryFileProblemIsAConfigurationErrorNamingKeyAndPath(keys: String, message: String) throws {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql)
    try FileManager.default.createDirectory(atPath: dir.path("state"), withIntermediateDirectories: true)
    for command in ["check", "publish"] {
      let r = try loa(command, database: keys)
      #expect(r.status == 78, "\(r.stderr)")
      #expect(r.stderr.contains(message.replacingOccurrences(of: "{dir}", with: dir.path)), "\(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1)
    }
  }
}
