import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

/// Several categories per article (`article_categories` or `database.articleCategoriesQuery`,
/// issue 13), and queries given as lines or files.
@Suite struct MultiCategoryTests {
  /// Written so SQLite and PostgreSQL both run it.
  static let sql = """
    CREATE TABLE categories (
      id INTEGER PRIMARY KEY, parent_id INTEGER, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      description TEXT);
    CREATE TABLE articles (
      id INTEGER PRIMARY KEY, category_id INTEGER, title TEXT NOT NULL, slug TEXT, summary TEXT,
      content_html TEXT, author TEXT, image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
      status TEXT NOT NULL DEFAULT 'published', published_at TEXT NOT NULL, updated_at TEXT);
    INSERT INTO categories VALUES
      (1, NULL, 'tin-tuc', 'Tin tức', NULL),
      (2, 1, 'thoi-su', 'Thời sự', NULL),
      (3, NULL, 'du-lich', 'Du lịch', NULL),
      (4, NULL, 'the-thao', 'Thể thao', NULL);
    INSERT INTO articles (id, category_id, title, tags, published_at) VALUES
      (1, 2, 'Lễ hội hoa', 'lễ hội, Du lịch', '2026-11-01 08:00:00'),
      (2, 3, 'Đua thuyền', NULL, '2026-11-02 08:00:00'),
      (3, NULL, 'Bóng đá phường', NULL, '2026-11-03 08:00:00'),
      (4, 1, 'Họp dân', NULL, '2026-11-04 08:00:00'),
      (5, NULL, 'Không chuyên mục', NULL, '2026-11-05 08:00:00');

    """

  /// Article 1: primary Thời sự (a child of Tin tức), also linked to its parent, to itself
  /// and to Du lịch; 2: Du lịch and Thể thao; 3: no category, linked to Thể thao. The rows
  /// for category 99 and article 999 point at nothing.
  static let links = """
    CREATE TABLE article_categories (article_id INTEGER NOT NULL, category_id INTEGER NOT NULL,
      PRIMARY KEY (article_id, category_id));
    CREATE INDEX article_categories_category ON article_categories (category_id, article_id);
    INSERT INTO article_categories VALUES (1, 1), (1, 2), (1, 3), (2, 4), (2, 99), (3, 4), (999, 3);

    """

  static let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc

  /// A portal in a temporary folder: `db.sqlite`, `config.json` (with `databaseKeys` added to
  /// its `database` object), `out/`, `state/`.
  struct Portal {
    let dir: TemporaryDirectory
    var databaseKeys = ""

    init(sql: String = MultiCategoryTests.sql + MultiCategoryTests.links) throws {
      dir = try TemporaryDirectory()
      try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: sql)
    }

    func configuration() throws -> Configuration {
      let json = """
        {"version": 1,
         "site": {"title": "Phường", "url": "https://p.example.org/", "description": "Tin phường"},
         "database": {"url": "sqlite:db.sqlite"\(databaseKeys)},
         "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
         "state": {"directory": "state"}}
        """
      try json.write(toFile: dir.path("config.json"), atomically: true, encoding: .utf8)
      return try Configuration.load(path: dir.path("config.json"))
    }

    @discardableResult
    func publish(_ mode: PublishMode = .write) throws -> RunReport {
      let configuration = try configuration()
      let store = try configuration.openStore()
      defer { try? store.close() }
      let report = RunReport()
      try Publisher(
        configuration: configuration, store: store, clock: FixedClock(MultiCategoryTests.now),
        logger: .silent, report: report, mode: mode
      ).run()
      return report
    }

    func text(_ path: String) throws -> String {
      try String(contentsOfFile: dir.path("out/" + path), encoding: .utf8)
    }

    /// The article ids of a JSON feed, in order.
    func ids(_ folder: String) throws -> [Int] {
      try MultiCategoryTests.items(text(folder + "feed.json")).map { item in
        Int(((item["id"] as? String) ?? "").split(separator: ":").last ?? "") ?? -1
      }
    }

    /// The JSON `tags` of article `id` in the feed of `folder`.
    func tags(_ id: Int, in folder: String) throws -> [String]? {
      try MultiCategoryTests.items(text(folder + "feed.json"))
        .first { ($0["id"] as? String)?.hasSuffix(":\(id)") == true }?["tags"] as? [String]
    }
  }

  static func items(_ json: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return object?["items"] as? [[String: Any]] ?? []
  }

  /// The `<category>` texts of the one item of an RSS or Atom feed whose link ends in `slug`.
  static func xmlCategories(_ xml: String, title: String) -> [String] {
    guard let at = xml.range(of: title) else { return [] }
    let start = xml[..<at.lowerBound].range(of: "<item>", options: .backwards)?.lowerBound
      ?? xml[..<at.lowerBound].range(of: "<entry>", options: .backwards)?.lowerBound
      ?? at.lowerBound
    let end = xml[at.upperBound...].range(of: "</item>")?.upperBound
      ?? xml[at.upperBound...].range(of: "</entry>")?.upperBound ?? xml.endIndex
    let item = xml[start..<end]
    var out: [String] = []
    var rest = item[...]
    while let open = rest.range(of: "<category") {
      rest = rest[open.upperBound...]
      if let term = rest.range(of: "term=\""), let close = rest[term.upperBound...].firstIndex(of: "\""),
        rest[..<term.lowerBound].firstIndex(of: ">") == nil
      {
        out.append(String(rest[term.upperBound..<close]))
      } else if let gt = rest.firstIndex(of: ">"), let lt = rest[gt...].firstIndex(of: "<") {
        out.append(String(rest[rest.index(after: gt)..<lt]))
      }
    }
    return out
  }

  @Test func anArticleAppearsInEveryCategoryItBelongsToAndOnceInParentAndSiteFeeds() throws {
    let portal = try Portal()
    let report = try portal.publish()
    #expect(try portal.ids("") == [5, 4, 3, 2, 1])
    #expect(try portal.ids("tin-tuc/") == [4, 1], "once, though linked to both child and parent")
    #expect(try portal.ids("thoi-su/") == [1])
    #expect(try portal.ids("du-lich/") == [2, 1])
    #expect(try portal.ids("the-thao/") == [3, 2])
    // Nothing reported: not a duplicate id, and the links to nothing are ignored.
    #expect(report.issues.filter { $0.severity != .info }.isEmpty, "\(report.issues)")
    #expect(report.itemsPublished == 5)
    // Each category's read plus the site's own (5 only: 3 is linked to a category), no more.
    #expect(report.articlesRead == 2 + 1 + 2 + 2 + 1)
    try Checkers.checkFeedsIfEnabled(in: portal.dir.path("out"))
  }

  @Test func anArticleCarriesAllItsCategoriesPrimaryFirstThenInTreeOrderBeforeItsTags() throws {
    let portal = try Portal()
    try portal.publish()
    // Primary Thời sự, then Tin tức and Du lịch in tree order; the tag "Du lịch" only once.
    let expected = ["Thời sự", "Tin tức", "Du lịch", "lễ hội"]
    for folder in ["", "tin-tuc/", "thoi-su/", "du-lich/"] {
      #expect(try portal.tags(1, in: folder) == expected, "\(folder)feed.json")
      #expect(Self.xmlCategories(try portal.text(folder + "rss.xml"), title: "Lễ hội hoa") == expected)
      #expect(Self.xmlCategories(try portal.text(folder + "atom.xml"), title: "Lễ hội hoa") == expected)
    }
    #expect(try portal.tags(3, in: "") == ["Thể thao"], "no primary: the linked category")
    #expect(try portal.tags(2, in: "") == ["Du lịch", "Thể thao"], "the link to 99 is ignored")
  }

  @Test func withoutTheLinkTableEachArticleIsInItsOwnCategoryOnly() throws {
    let portal = try Portal(sql: Self.sql)
    let report = try portal.publish()
    #expect(try portal.ids("") == [5, 4, 3, 2, 1])
    #expect(try portal.ids("tin-tuc/") == [4, 1])
    #expect(try portal.ids("thoi-su/") == [1])
    #expect(try portal.ids("du-lich/") == [2])
    #expect(try portal.ids("the-thao/") == [])
    #expect(try portal.tags(1, in: "") == ["Thời sự", "lễ hội", "Du lịch"])
    #expect(report.issues.filter { $0.severity != .info }.isEmpty, "\(report.issues)")
  }

  @Test func theSameRowTwiceIsStillADuplicateWhenArticlesHaveSeveralCategories() throws {
    var portal = try Portal()
    portal.databaseKeys = #", "articlesQuery": ["SELECT * FROM articles", "UNION ALL SELECT * FROM articles WHERE id = 2"]"#
    let report = try portal.publish()
    let duplicates = report.issues.filter { $0.field == "id" }
    #expect(duplicates.map(\.articleID) == [2], "\(report.issues)")
    #expect(try portal.ids("du-lich/") == [2, 1])
    #expect(try portal.ids("") == [5, 4, 3, 2, 1])
  }

  @Test func theLinksCanComeFromAQueryGivenAsLinesOrAFile() throws {
    var portal = try Portal(sql: Self.sql + "CREATE TABLE tagged (post INTEGER, term INTEGER); INSERT INTO tagged VALUES (1, 1), (1, 3), (2, 4), (3, 4);")
    portal.databaseKeys = #", "articleCategoriesQuery": ["SELECT post AS article_id,", "  term AS category_id", "FROM tagged;"]"#
    try portal.publish()
    #expect(try portal.ids("du-lich/") == [2, 1])
    #expect(try portal.ids("the-thao/") == [3, 2])

    let other = try Portal(sql: Self.sql + "CREATE TABLE tagged (post INTEGER, term INTEGER); INSERT INTO tagged VALUES (1, 1), (1, 3), (2, 4), (3, 4);")
    var withFiles = other
    try FileManager.default.createDirectory(atPath: other.dir.path("sql"), withIntermediateDirectories: true)
    try "SELECT post AS article_id, term AS category_id\nFROM tagged\n".write(
      toFile: other.dir.path("sql/links.sql"), atomically: true, encoding: .utf8)
    try "\u{FEFF}SELECT *\nFROM articles\nWHERE id <> 5\n".write(
      toFile: other.dir.path("sql/articles.sql"), atomically: true, encoding: .utf8)
    try "SELECT id, parent_id, slug, name, description FROM categories".write(
      toFile: other.dir.path("categories.sql"), atomically: true, encoding: .utf8)
    withFiles.databaseKeys = #", "articleCategoriesQueryFile": "sql/links.sql", "articlesQueryFile": "sql/articles.sql", "categoriesQueryFile": "categories.sql""#
    try withFiles.publish()
    #expect(try withFiles.ids("") == [4, 3, 2, 1])
    #expect(try withFiles.ids("du-lich/") == [2, 1])
    #expect(try withFiles.ids("the-thao/") == [3, 2])
  }

  @Test func aChangedQueryFileIsAChangeLikeAChangedConfiguration() throws {
    var portal = try Portal()
    try "SELECT * FROM articles".write(
      toFile: portal.dir.path("articles.sql"), atomically: true, encoding: .utf8)
    portal.databaseKeys = #", "articlesQueryFile": "articles.sql""#
    try portal.publish()
    #expect(try portal.ids("") == [5, 4, 3, 2, 1])
    // Same configuration file, same database: only the query file says what changed.
    try "SELECT * FROM articles WHERE id <> 4".write(
      toFile: portal.dir.path("articles.sql"), atomically: true, encoding: .utf8)
    try portal.publish()
    #expect(try portal.ids("") == [5, 3, 2, 1])
  }

  @Test func aRefusedRunNamesTheQueryFileThatReturnedNothing() throws {
    var portal = try Portal()
    let path = portal.dir.path("articles.sql")
    try "SELECT * FROM articles".write(toFile: path, atomically: true, encoding: .utf8)
    portal.databaseKeys = #", "articlesQueryFile": "articles.sql""#
    try portal.publish()
    try "SELECT * FROM articles WHERE 0".write(toFile: path, atomically: true, encoding: .utf8)
    #expect {
      try portal.publish()
    } throws: { error in
      (error as? PublishGuardError)?.description.contains(
        "published 5 items in the site feed: database.articlesQueryFile (\(path)) returned no rows;")
        == true
    }
  }

  /// The configuration error of `databaseKeys`, as `loa` prints it.
  func configError(_ databaseKeys: String, in portal: inout Portal) -> String? {
    portal.databaseKeys = databaseKeys
    do {
      _ = try portal.configuration()
      return nil
    } catch let e as ConfigError {
      return e.code == .invalidValue ? e.description : "wrong code: \(e)"
    } catch {
      return "unexpected: \(error)"
    }
  }

  @Test func aQueryFileThatCannotBeReadOrIsGivenTwiceIsAConfigurationError() throws {
    var portal = try Portal()
    let path = portal.dir.path("missing.sql")
    #expect(
      configError(#", "articlesQueryFile": "missing.sql""#, in: &portal)?
        .hasSuffix(": database.articlesQueryFile: \(path) does not exist") == true)
    try "SELECT 1".write(toFile: portal.dir.path("q.sql"), atomically: true, encoding: .utf8)
    #expect(
      configError(#", "categoriesQuery": "SELECT 1", "categoriesQueryFile": "q.sql""#, in: &portal)?
        .hasSuffix(": database.categoriesQueryFile: and database.categoriesQuery are both given; keep one of them") == true)
    #expect(
      configError(#", "articleCategoriesQueryFile": ".""#, in: &portal)?
        .hasSuffix(": database.articleCategoriesQueryFile: \(portal.dir.path) is a directory, not a configuration file") == true)
    try " \n".write(toFile: portal.dir.path("blank.sql"), atomically: true, encoding: .utf8)
    #expect(
      configError(#", "articlesQueryFile": "blank.sql""#, in: &portal)?
        .hasSuffix(": database.articlesQueryFile: \(portal.dir.path("blank.sql")) holds no query") == true)
    #expect(
      configError(#", "articlesQuery": []"#, in: &portal)?
        .hasSuffix(": database.articlesQuery: must not be an empty list") == true)
    #expect(
      configError(#", "articlesQuery": ["SELECT", 1]"#, in: &portal)?
        .hasSuffix(": database.articlesQuery: expected a list of strings") == true)
  }

  @Test func aStoreErrorNamesTheQueryFileItCameFrom() throws {
    var portal = try Portal()
    try "SELECT * FROM articles; DELETE FROM articles".write(
      toFile: portal.dir.path("two.sql"), atomically: true, encoding: .utf8)
    portal.databaseKeys = #", "articleCategoriesQueryFile": "two.sql""#
    #expect {
      try portal.publish()
    } throws: { error in
      let e = error as? StoreError
      return e?.code == .schema
        && e?.message.hasPrefix(
          "database.articleCategoriesQueryFile (\(portal.dir.path("two.sql"))) must be a single SELECT statement") == true
    }
    portal.databaseKeys = #", "articleCategoriesQuery": "SELECT id AS article_id FROM articles""#
    #expect {
      try portal.publish()
    } throws: { error in
      let e = error as? StoreError
      return e?.code == .schema && e?.message.hasPrefix("cannot read article categories from") == true
        && e?.message.contains("no such column: category_id") == true
    }
  }

  @Test func checkAndPublishReportTheSameWithSeveralCategories() throws {
    let checked = try Portal().publish(.check)
    let published = try Portal().publish(.write)
    #expect(checked.issues.map(\.description) == published.issues.map(\.description))
    #expect(checked.itemsPublished == published.itemsPublished)
    #expect(checked.articlesRead == published.articlesRead)
  }
}

/// The same portal from the real PostgreSQL server (Scripts/test.sh starts one).
@Suite(.enabled(if: PostgresFixture.enabled), .serialized)
struct PostgresMultiCategoryTests {
  @Test func linkedCategoriesGiveTheSameBytesAsSQLite() throws {
    for withLinks in [true, false] {
      let (url, drop) = try PostgresFixture.makeDatabase()
      defer { drop() }
      let sql = MultiCategoryTests.sql + (withLinks ? MultiCategoryTests.links : "")
      try PostgresFixture.run(sql, in: url)
      let portal = try MultiCategoryTests.Portal(sql: sql)
      let configuration = try portal.configuration()
      let fromSQLite = try PostgresStoreTests.publish(
        configuration, store: try configuration.openStore(), now: MultiCategoryTests.now)
      let fromPostgres = try PostgresStoreTests.publish(
        configuration, store: try PostgresArticleStore(url: url), now: MultiCategoryTests.now)
      PostgresStoreTests.expectSame(fromSQLite, fromPostgres)
      let duLich = try MultiCategoryTests.items(
        String(decoding: try #require(fromPostgres["du-lich/feed.json"]), as: UTF8.self))
      #expect(duLich.count == (withLinks ? 2 : 1))
    }
  }

  @Test func linksFromAQueryAndUnlinkedArticlesOnPostgreSQL() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    let tagged = "CREATE TABLE tagged (post INTEGER, term INTEGER); INSERT INTO tagged VALUES (1, 1), (1, 3), (2, 4), (3, 4);"
    try PostgresFixture.run(MultiCategoryTests.sql + tagged, in: url)
    let portal = try MultiCategoryTests.Portal(sql: MultiCategoryTests.sql + tagged)
    let configuration = try portal.configuration()
    let query = "SELECT post AS article_id, term AS category_id FROM tagged"
    let fromSQLite = try PostgresStoreTests.publish(
      configuration, store: try SQLiteArticleStore(path: portal.dir.path("db.sqlite"), articleCategoriesQuery: query),
      now: MultiCategoryTests.now)
    let fromPostgres = try PostgresStoreTests.publish(
      configuration, store: try PostgresArticleStore(url: url, articleCategoriesQuery: query),
      now: MultiCategoryTests.now)
    PostgresStoreTests.expectSame(fromSQLite, fromPostgres)
    let theThao = try MultiCategoryTests.items(
      String(decoding: try #require(fromPostgres["the-thao/feed.json"]), as: UTF8.self))
    #expect(theThao.count == 2)
    let site = try MultiCategoryTests.items(
      String(decoding: try #require(fromPostgres["feed.json"]), as: UTF8.self))
    #expect(site.count == 5, "article 3 once: linked to Thể thao, so not read as uncategorized")
  }
}

/// The same on MariaDB: linked categories, from the table or a query, give SQLite's bytes.
@Suite(.enabled(if: MariaDBFixture.enabled, "LOA_TEST_MARIADB_URL is not set"))
struct MariaDBMultiCategoryTests {
  @Test func linkedCategoriesGiveTheSameBytesAsSQLite() throws {
    for withLinks in [true, false] {
      let (url, drop) = try MariaDBFixture.makeDatabase()
      defer { drop() }
      let sql = MultiCategoryTests.sql + (withLinks ? MultiCategoryTests.links : "")
      let portal = try MultiCategoryTests.Portal(sql: sql)
      try MariaDBFixture.copy(fromSQLite: portal.dir.path("db.sqlite"), to: url)
      if withLinks { try MariaDBFixture.run(MultiCategoryTests.links, in: url) }
      let configuration = try portal.configuration()
      let fromSQLite = try PostgresStoreTests.publish(
        configuration, store: try configuration.openStore(), now: MultiCategoryTests.now)
      let fromMariaDB = try PostgresStoreTests.publish(
        configuration, store: try MariaDBArticleStore(url: url), now: MultiCategoryTests.now)
      PostgresStoreTests.expectSame(fromSQLite, fromMariaDB)
      let duLich = try MultiCategoryTests.items(
        String(decoding: try #require(fromMariaDB["du-lich/feed.json"]), as: UTF8.self))
      #expect(duLich.count == (withLinks ? 2 : 1))
      let theThao = try MultiCategoryTests.items(
        String(decoding: try #require(fromMariaDB["the-thao/feed.json"]), as: UTF8.self))
      #expect(theThao.count == (withLinks ? 2 : 0))
    }
  }

  @Test func linksFromAQueryOnMariaDB() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    let tagged = "CREATE TABLE tagged (post INTEGER, term INTEGER); INSERT INTO tagged VALUES (1, 1), (1, 3), (2, 4), (3, 4);"
    let portal = try MultiCategoryTests.Portal(sql: MultiCategoryTests.sql + tagged)
    try MariaDBFixture.copy(fromSQLite: portal.dir.path("db.sqlite"), to: url)
    try MariaDBFixture.run(tagged, in: url)
    let configuration = try portal.configuration()
    let query = "SELECT post AS article_id, term AS category_id FROM tagged"
    let fromSQLite = try PostgresStoreTests.publish(
      configuration,
      store: try SQLiteArticleStore(path: portal.dir.path("db.sqlite"), articleCategoriesQuery: query),
      now: MultiCategoryTests.now)
    let fromMariaDB = try PostgresStoreTests.publish(
      configuration, store: try MariaDBArticleStore(url: url, articleCategoriesQuery: query),
      now: MultiCategoryTests.now)
    PostgresStoreTests.expectSame(fromSQLite, fromMariaDB)
    let site = try MultiCategoryTests.items(
      String(decoding: try #require(fromMariaDB["feed.json"]), as: UTF8.self))
    #expect(site.count == 5, "article 3 once: linked to Thể thao, so not read as uncategorized")
  }
}
