import Foundation
import LoaStore
import LoaTestSupport
import Testing

/// The example province platform in `Examples/platform/` (docs/multisite.md): the three SQL
/// scripts `generate.py` writes from `Examples/bai-chay.sql` and `wards.sql`, and the SQLite
/// database the first of them makes. Publishing it is tested where the platform code is.
@Suite struct PlatformExampleTests {
  static let python = "/usr/bin/python3"
  static let folder = PackagePaths.path("Examples/platform")
  static let scripts = ["platform.sql", "platform.postgres.sql", "platform.mariadb.sql"]

  /// The platform database, made from the committed `platform.sql`, with the single-site
  /// example attached as `single`.
  static func makeDatabase(in dir: TemporaryDirectory) throws -> SQLiteConnection {
    let sql = try String(contentsOfFile: folder + "/platform.sql", encoding: .utf8)
    try SQLiteFixture.create(at: dir.path("platform.sqlite"), sql: sql)
    try ExamplePortal.makeDatabase(at: dir.path("bai-chay.sqlite"))
    let c = try SQLiteConnection(path: dir.path("platform.sqlite"), readOnly: false)
    try c.execute("ATTACH DATABASE '\(dir.path("bai-chay.sqlite"))' AS single")
    return c
  }

  /// The rows of a query, each as its columns' text ("NULL" for NULL), joined by "|".
  static func rows(_ sql: String, in c: SQLiteConnection) throws -> [String] {
    let s = try c.prepare(sql)
    var rows: [String] = []
    while try s.step() {
      rows.append(
        (0..<s.columnCount).map { s.isNull($0) ? "NULL" : (s.text($0) ?? "?") }
          .joined(separator: "|"))
    }
    return rows
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python)))
  func theCommittedScriptsAreExactlyWhatGeneratePyWrites() throws {
    let out = try TemporaryDirectory("loa-platform")
    let r = try Subprocess.run(
      Self.python, [Self.folder + "/generate.py", "--output", out.path], hangGuardSeconds: 600)
    #expect(r.status == 0, "generate.py: \(r.stderr)")
    for name in Self.scripts {
      let generated = try #require(FileManager.default.contents(atPath: out.path(name)), "\(name)")
      let committed = FileManager.default.contents(atPath: Self.folder + "/" + name)
      #expect(
        committed == generated,
        "Examples/platform/\(name) is not what generate.py writes: run Examples/platform/generate.py")
    }
  }

  @Test func theThreeScriptsHoldTheSameRowsInTheirOwnSchema() throws {
    func rows(_ name: String) throws -> Substring {
      let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
      return text[try #require(text.range(of: "INSERT INTO sites"), "\(name)").lowerBound...]
    }
    #expect(try rows("platform.sql") == rows("platform.postgres.sql"))
    #expect(try rows("platform.sql") == rows("platform.mariadb.sql"))
  }

  @Test func theSQLiteScriptMakesThreeWardsWithBaiChayAsSiteOne() throws {
    let dir = try TemporaryDirectory("loa-platform")
    let c = try Self.makeDatabase(in: dir)
    defer { try? c.close() }

    #expect(
      try Self.rows("SELECT id, code, slug, url, latitude IS NULL FROM sites ORDER BY id", in: c) == [
        "1|06673|bai-chay|https://baichay.example.org/|0",
        "2|06685|hong-gai|https://honggai.example.org/|0",
        "3|06706|tuan-chau|https://tuanchau.example.org/|1",
      ])
    #expect(try Self.rows("PRAGMA foreign_key_check", in: c) == [])
    #expect(try Self.rows(platformSummary, in: c) == [expectedPlatformSummary.joined(separator: "|")])

    // Bãi Cháy is site 1 with every category and article of the single-site example, ids
    // and values unchanged.
    let columns =
      "id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at"
    #expect(
      try Self.rows(
        """
        SELECT (SELECT count(*) FROM single.articles), (SELECT count(*) FROM articles WHERE site_id = 1),
          (SELECT count(*) FROM single.categories), (SELECT count(*) FROM categories WHERE site_id = 1)
        """, in: c) == ["48|48|10|10"])
    #expect(
      try Self.rows(
        """
        SELECT count(*) FROM (SELECT \(columns) FROM single.articles
          EXCEPT SELECT \(columns) FROM articles WHERE site_id = 1)
        """, in: c) == ["0"])
    #expect(
      try Self.rows(
        """
        SELECT count(*) FROM (SELECT id, parent_id, slug, name, description FROM single.categories
          EXCEPT SELECT id, parent_id, slug, name, description FROM categories WHERE site_id = 1)
        """, in: c) == ["0"])

    // The other wards: their own id ranges, 6–10 articles each, and 3–5 categories each.
    #expect(
      try Self.rows(
        """
        SELECT site_id, min(id), max(id), count(*) FROM articles WHERE site_id > 1
        GROUP BY site_id ORDER BY site_id
        """, in: c) == ["2|1001|1008|8", "3|2001|2007|7"])
    #expect(
      try Self.rows(
        """
        SELECT site_id, min(id), max(id), count(*) FROM categories WHERE site_id > 1
        GROUP BY site_id ORDER BY site_id
        """, in: c) == ["2|101|105|5", "3|201|204|4"])
    // An article's category belongs to the article's own site.
    #expect(
      try Self.rows(
        """
        SELECT a.id FROM articles a JOIN categories k ON k.id = a.category_id
        WHERE k.site_id <> a.site_id
        UNION ALL SELECT l.article_id FROM article_categories l
          JOIN articles a ON a.id = l.article_id JOIN categories k ON k.id = l.category_id
        WHERE k.site_id <> a.site_id
        """, in: c) == [])
    // A draft, a scheduled post and an article in two categories (Hồng Gai).
    #expect(
      try Self.rows("SELECT id FROM articles WHERE status <> 'published' AND site_id > 1", in: c)
        == ["1007"])
    #expect(
      try Self.rows("SELECT id FROM articles WHERE published_at >= '2030' AND site_id > 1", in: c)
        == ["1008"])
    #expect(try Self.rows("SELECT article_id, category_id FROM article_categories", in: c) == ["1003|103"])
  }

  @Test func aCategorySlugIsUniquePerSiteNotAcrossThePlatform() throws {
    let dir = try TemporaryDirectory("loa-platform")
    let c = try Self.makeDatabase(in: dir)
    defer { try? c.close() }
    #expect(
      try Self.rows(
        "SELECT slug, group_concat(site_id) FROM (SELECT slug, site_id FROM categories ORDER BY site_id) GROUP BY slug HAVING count(*) > 1 ORDER BY slug",
        in: c) == [
          "an-ninh-trat-tu|1,3", "du-lich|1,3", "thoi-su|1,2", "thong-bao|1,2,3", "tin-tuc|1,2,3",
          "van-hoa-xa-hoi|1,2",
        ])
    #expect(throws: SQLiteError.self) {
      try c.execute(
        "INSERT INTO categories (site_id, id, slug, name) VALUES (2, 199, 'tin-tuc', 'Tin tức')")
    }
    try c.execute(
      "INSERT INTO categories (site_id, id, slug, name) VALUES (3, 299, 'kinh-te', 'Kinh tế')")
  }
}

/// The same counts from every database: sites with their code and whether they have a
/// location, then articles, categories and links per site.
let platformSummary = """
  SELECT (SELECT count(*) FROM sites WHERE latitude IS NOT NULL), (SELECT min(code) FROM sites),
    (SELECT max(code) FROM sites), (SELECT count(*) FROM articles WHERE site_id = 1),
    (SELECT count(*) FROM articles WHERE site_id = 2), (SELECT count(*) FROM articles WHERE site_id = 3),
    (SELECT count(*) FROM categories WHERE site_id = 1), (SELECT count(*) FROM categories WHERE site_id = 2),
    (SELECT count(*) FROM categories WHERE site_id = 3), (SELECT count(*) FROM article_categories)
  """
let expectedPlatformSummary = ["2", "06673", "06706", "48", "8", "7", "10", "5", "4", "1"]

@Suite(.enabled(if: PostgresFixture.enabled), .serialized)
struct PostgresPlatformExampleTests {
  @Test func platformPostgresScriptLoadsWithTheSameRowsAsSQLite() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      String(
        contentsOfFile: PackagePaths.path("Examples/platform/platform.postgres.sql"),
        encoding: .utf8),
      in: url)
    let c = try PGConnection(url: url)
    defer { c.close() }
    let result = try c.query(platformSummary)
    #expect(result.rowCount == 1)
    #expect((0..<10).map { result.text(0, $0).text ?? "NULL" } == expectedPlatformSummary)
  }
}

@Suite(.enabled(if: MariaDBFixture.enabled), .serialized)
struct MariaDBPlatformExampleTests {
  @Test func platformMariaDBScriptLoadsWithTheSameRowsAsSQLite() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      String(
        contentsOfFile: PackagePaths.path("Examples/platform/platform.mariadb.sql"),
        encoding: .utf8),
      in: url)
    let c = try MariaDBConnection(url: try MariaDBURL(parsing: url))
    defer { c.close() }
    let rows = try c.prepare(platformSummary).run()
    #expect(rows.rows.count == 1)
    #expect((0..<10).map { rows.text(0, $0) ?? "NULL" } == expectedPlatformSummary)
  }
}
