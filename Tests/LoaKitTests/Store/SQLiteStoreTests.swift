import LoaKit
import LoaStore
import LoaTestSupport
import Testing

@Suite struct SQLiteStoreTests {
  static let rows = SQLiteFixture.schema + """
    INSERT INTO categories VALUES (1, NULL, 'tin-tuc', 'Tin tức', NULL), (2, 1, 'thoi-su', 'Thời sự', 'Mô tả');
    INSERT INTO articles (id, category_id, title, status, published_at) VALUES
      (1, 2, 'Một', 'published', '2026-11-01 08:00:00'),
      (2, 2, 'Hai', 'draft', '2026-11-02 08:00:00'),
      (3, 2, 'Ba', 'published', '2026-11-03 08:00:00'),
      (4, NULL, 'Bốn', 'published', '2026-11-04 08:00:00'),
      (5, 77, 'Năm', 'published', '2026-11-05 08:00:00'),
      (6, 2, 'Sáu', 'published', '2026-11-03 08:00:00');
    """

  @Test func readsPublishedArticlesNewestFirst() throws {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(at: dir.path("a.sqlite"), sql: Self.rows)
    let store = try SQLiteArticleStore(path: dir.path("a.sqlite"))
    defer { try? store.close() }
    #expect(try store.categories().map(\.slug) == ["tin-tuc", "thoi-su"])
    var ids: [Int64] = []
    try store.forEachArticle(in: .category(2)) { ids.append($0.id); return true }
    #expect(ids == [6, 3, 1])
    ids = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [1, 2])) { ids.append($0.id); return true }
    #expect(ids == [5, 4])
    ids = []
    try store.forEachArticle(in: .category(2)) { ids.append($0.id); return ids.count < 2 }
    #expect(ids == [6, 3])
  }

  /// The uncategorized query picks rowids from the category index on a rowid table; a view
  /// or a WITHOUT ROWID table named `articles` has no rowid and gets the plain query, with
  /// the same answers, and so does a table with the recommended indexes.
  @Test(arguments: ["indexed", "view", "without rowid"])
  func readsUncategorizedArticlesFromAnyKindOfArticlesTable(kind: String) throws {
    let dir = try TemporaryDirectory()
    var sql = Self.rows
    switch kind {
    case "indexed":
      sql += """
        CREATE INDEX articles_category_published ON articles(category_id, published_at);
        CREATE INDEX articles_published ON articles(published_at);
        """
    case "view":
      sql += "ALTER TABLE articles RENAME TO stories; CREATE VIEW articles AS SELECT * FROM stories;"
    default:
      sql = sql.replacingOccurrences(of: "CREATE TABLE articles (\n", with: "CREATE TABLE stories (\n")
        .replacingOccurrences(of: "updated_at TEXT);", with: "updated_at TEXT) WITHOUT ROWID;")
        .replacingOccurrences(of: "INSERT INTO articles", with: "INSERT INTO stories")
        .replacingOccurrences(of: "CREATE TABLE stories", with: "CREATE TABLE articles")
        .replacingOccurrences(of: "INSERT INTO stories", with: "INSERT INTO articles")
    }
    try SQLiteFixture.create(at: dir.path("a.sqlite"), sql: sql)
    let store = try SQLiteArticleStore(path: dir.path("a.sqlite"))
    defer { try? store.close() }
    var ids: [Int64] = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [1, 2])) { ids.append($0.id); return true }
    #expect(ids == [5, 4])
    ids = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [1])) { ids.append($0.id); return true }
    #expect(ids == [5, 4, 6, 3, 1])
    ids = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [])) { ids.append($0.id); return ids.count < 2 }
    #expect(ids == [5, 4])
  }

  /// With an index that starts with `category_id` and every category id known, the
  /// uncategorized articles are read as `category_id IS NULL` after a loose scan of that
  /// index (one seek per category id), instead of a scan of the whole index and a walk of the
  /// date index; an id no known category has (77, a text id) sends the read back to the
  /// general query, with the same answers.
  @Test func readsUncategorizedArticlesAsNullCategoriesWhenEveryIdIsKnown() throws {
    let dir = try TemporaryDirectory()
    let indexes = """
      CREATE INDEX articles_category_published ON articles(category_id, published_at);
      CREATE INDEX articles_published ON articles(published_at);
      """
    try SQLiteFixture.create(at: dir.path("a.sqlite"), sql: Self.rows + indexes)
    var store = try SQLiteArticleStore(path: dir.path("a.sqlite"))
    var ids: [Int64] = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [1, 2, 77])) { ids.append($0.id); return true }
    #expect(ids == [4])
    #expect(store.nullCategoryReads == 1)
    ids = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [1, 2])) { ids.append($0.id); return true }
    #expect(ids == [5, 4])
    #expect(store.nullCategoryReads == 1, "77 is unknown: the general query")
    try store.close()

    try SQLiteFixture.execute(
      "INSERT INTO articles (id, category_id, title, status, published_at) VALUES"
        + " (7, 'x', 'Bảy', 'published', '2026-11-06 08:00:00')", in: dir.path("a.sqlite"))
    store = try SQLiteArticleStore(path: dir.path("a.sqlite"))
    defer { try? store.close() }
    ids = []
    try store.forEachArticle(in: .uncategorized(knownCategories: [1, 2, 77])) { ids.append($0.id); return true }
    #expect(ids == [7, 4])
    #expect(store.nullCategoryReads == 0, "a text id no category has: the general query")
  }

  @Test func runsTheOperatorsOwnQuery() throws {
    let dir = try TemporaryDirectory()
    let sql = """
      CREATE TABLE posts (post_id INTEGER PRIMARY KEY, cat INTEGER, headline TEXT, body TEXT, state INTEGER, created TEXT);
      CREATE TABLE cats (cid INTEGER PRIMARY KEY, label TEXT, code TEXT);
      INSERT INTO cats VALUES (1, 'Tin', 'tin');
      INSERT INTO posts VALUES (10, 1, 'Tiêu đề', '<p>x</p>', 1, '2026-11-01 08:00'), (11, 1, 'Nháp', '', 0, '2026-11-02 08:00');
      """
    try SQLiteFixture.create(at: dir.path("cms.sqlite"), sql: sql)
    let store = try SQLiteArticleStore(
      path: dir.path("cms.sqlite"),
      articlesQuery: """
        SELECT post_id AS id, cat AS category_id, headline AS title, NULL AS slug, NULL AS summary,
          body AS content_html, NULL AS author, NULL AS image_url, NULL AS image_caption, NULL AS url,
          NULL AS tags, CASE state WHEN 1 THEN 'published' ELSE 'draft' END AS status,
          created AS published_at, NULL AS updated_at FROM posts;
        """,
      categoriesQuery: "SELECT cid AS id, NULL AS parent_id, code AS slug, label AS name, NULL AS description FROM cats")
    defer { try? store.close() }
    #expect(try store.categories().map(\.name) == ["Tin"])
    var titles: [String] = []
    try store.forEachArticle(in: .category(1)) { titles.append($0.title ?? ""); return true }
    #expect(titles == ["Tiêu đề"])
  }

  @Test func namesTheMissingColumn() throws {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(
      at: dir.path("old.sqlite"),
      sql: """
        CREATE TABLE categories (id INTEGER PRIMARY KEY, parent_id INTEGER, slug TEXT, name TEXT, description TEXT);
        CREATE TABLE articles (id INTEGER PRIMARY KEY, category_id INTEGER, title TEXT, status TEXT, published_at TEXT);
        """)
    let store = try SQLiteArticleStore(path: dir.path("old.sqlite"))
    defer { try? store.close() }
    let error = try #require(throws: StoreError.self) {
      try store.forEachArticle(in: .category(1)) { _ in true }
    }
    #expect(error.code == .schema)
    #expect(error.message.contains("no such column: slug"))
  }

  @Test func reportsMissingAndInvalidFiles() throws {
    let dir = try TemporaryDirectory()
    let missing = try #require(throws: StoreError.self) {
      try SQLiteArticleStore(path: dir.path("nope.sqlite"))
    }
    #expect(missing.code == .notFound)
    try "this is not a database, just some text that is long enough to matter".write(
      toFile: dir.path("text.sqlite"), atomically: true, encoding: .utf8)
    let notADB = try #require(throws: StoreError.self) {
      let s = try SQLiteArticleStore(path: dir.path("text.sqlite"))
      _ = try s.categories()
    }
    #expect(notADB.code == .unavailable)
    #expect(notADB.message.contains("is not a SQLite database"))
  }

  @Test func repairsInvalidUTF8() throws {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(
      at: dir.path("bad.sqlite"),
      sql: SQLiteFixture.schema
        + "INSERT INTO articles (id, title, published_at) VALUES (1, CAST(X'4869FF21' AS TEXT), '2026-11-01');")
    let store = try SQLiteArticleStore(path: dir.path("bad.sqlite"))
    defer { try? store.close() }
    var title = ""
    try store.forEachArticle(in: .uncategorized(knownCategories: [])) { title = $0.title ?? ""; return true }
    #expect(title == "Hi\u{FFFD}!")
  }
}
