import CSQLite3
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the article database contract from a SQLite file, read-only, inside one read
/// transaction so that every feed of a run sees the same snapshot.
public final class SQLiteArticleStore: ArticleStore {
  public let path: String
  private let connection: SQLiteConnection
  private let articlesSource: String
  private let categoriesSQL: String
  /// What `published_at` is sorted by (``DatePattern/sqlSortKey(_:)``).
  private let sortKey: String
  private var byCategory: SQLiteStatement?
  private var uncategorized: SQLiteStatement?
  /// Articles with no category id, newest first (``readsOnlyNullCategories(_:)``).
  private var nullCategory: SQLiteStatement?
  /// The loose index scan of ``readsOnlyNullCategories(_:)``.
  private var categoryProbe: SQLiteStatement?
  /// Whether `articles` has an index that starts with `category_id`, once asked.
  private var categoryIndexKnown: Bool?
  /// How many uncategorized reads were `category_id IS NULL` reads (for tests).
  package private(set) var nullCategoryReads = 0
  private var all: SQLiteStatement?
  private var inTransaction = false
  public let changeToken: String?
  /// The `status` values that mean "published" (`database.publishedStatuses`), bound as
  /// `?1`…`?k`; the other parameters of each query follow them.
  private let statuses: [String]
  /// `status = ?1`, or `status IN (?1, ?2, …)` for several values.
  private let statusClause: String
  /// `database.statementTimeoutSeconds`, for messages.
  private let statementTimeoutSeconds: Int
  private let hasCustomArticlesQuery: Bool
  private let hasCustomCategoriesQuery: Bool
  private let hasCustomArticleCategoriesQuery: Bool
  /// The keys the custom queries came from, for messages.
  private let queryKeys: QueryKeys
  /// Where category links are read from (``ArticleCategoryLinks``): the `article_categories`
  /// table, the operator's query in parentheses, or nil when there are none.
  private var linkSource: String?
  /// Whether the database is a platform's: every read is restricted to ``siteID``
  /// (``SiteScope``), bound as ``siteMarker``.
  private let platform: Bool
  private var siteID: Int64?
  /// The site's parameter: numbered far past the statuses (at most 20) and the query's own
  /// parameter. A named one (`:site`) would take the number after the largest seen so far,
  /// and the restricted table comes first in the text: it would be `?1`, a status's number.
  static let siteMarker = "?100"
  /// The operator's `database.sitesQuery`, if any.
  private let sitesQuery: String?
  /// The articles of every site (the table, or the operator's query), for the roll-up.
  private var everySiteSource = "articles"

  /// Opens `path`.
  ///
  /// - Parameters:
  ///   - articlesQuery: the operator's own SELECT returning the contract's article columns,
  ///     used in place of the `articles` table; nil for the table.
  ///   - categoriesQuery: likewise for `categories`.
  ///   - articleCategoriesQuery: the operator's SELECT returning `article_id, category_id`,
  ///     used in place of the `article_categories` table; nil for the table when it exists.
  ///   - queryKeys: the configuration keys the queries came from, for messages.
  ///   - datePatterns: the configured date patterns, so the database sorts such dates by the
  ///     instant they name.
  ///   - busyTimeoutMilliseconds: how long to wait for a writer holding the lock.
  ///   - publishedStatuses: the `status` values that mean "published"; never empty.
  ///   - statementTimeoutSeconds: the longest one query may run inside SQLite
  ///     (`database.statementTimeoutSeconds`), so a runaway custom query cannot hold the run
  ///     lock forever.
  /// - Throws: ``StoreError``: `.notFound` for a missing file, `.unavailable` when it cannot
  ///   be opened or is not a SQLite database, `.schema` when a query does not fit (a custom
  ///   query that is not one statement included).
  public init(
    path: String, articlesQuery: String? = nil, categoriesQuery: String? = nil,
    articleCategoriesQuery: String? = nil, queryKeys: QueryKeys = QueryKeys(),
    datePatterns: [DatePattern] = [], busyTimeoutMilliseconds: Int32 = 5000,
    statementTimeoutSeconds: Int = 30, publishedStatuses: [String] = ["published"],
    platform: Bool = false, sitesQuery: String? = nil
  ) throws {
    self.path = path
    self.platform = platform
    self.sitesQuery = sitesQuery.map(Self.trimmedQuery)
    self.queryKeys = queryKeys
    statuses = publishedStatuses.isEmpty ? ["published"] : publishedStatuses
    statusClause = Self.statusClause(count: statuses.count) { "?\($0)" }
    self.statementTimeoutSeconds = statementTimeoutSeconds
    hasCustomArticlesQuery = articlesQuery != nil
    hasCustomCategoriesQuery = categoriesQuery != nil
    hasCustomArticleCategoriesQuery = articleCategoriesQuery != nil
    sortKey = DatePattern.sqlSortKey(datePatterns)
    var st = stat()
    if stat(path, &st) != 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw StoreError(.notFound, "database \(path) does not exist")
      }
      throw StoreError(.unavailable, "cannot open database \(path): \(Errno.message(code))")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      throw StoreError(.unavailable, "database \(path) is a directory, not a SQLite file")
    }
    // Taken before the snapshot: a write after this point changes the token next time.
    changeToken = Self.fileToken(path)
    do {
      connection = try SQLiteConnection(
        path: path, readOnly: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    } catch let e as SQLiteError {
      throw StoreError(.unavailable, "cannot open database \(path): \(e.message)")    } catch let e as LibraryUnavailable {
      throw StoreError(.unavailable, e.description)
    }
    connection.statementTimeoutSeconds = Double(statementTimeoutSeconds)
    if platform {
      (articlesSource, everySiteSource, categoriesSQL) = SiteScope.sources(
        articlesQuery: articlesQuery, categoriesQuery: categoriesQuery, marker: Self.siteMarker)
    } else {
      if let q = articlesQuery {
        articlesSource = "(" + Self.trimmedQuery(q) + ") AS loa_articles"
      } else {
        articlesSource = "articles"
      }
      if let q = categoriesQuery {
        categoriesSQL =
          "SELECT id, parent_id, slug, name, description FROM (" + Self.trimmedQuery(q)
          + ") AS loa_categories ORDER BY id"
      } else {
        categoriesSQL = "SELECT id, parent_id, slug, name, description FROM categories ORDER BY id"
      }
    }
    do {
      // A deferred transaction takes its snapshot at the first read and keeps it until COMMIT.
      try connection.execute("BEGIN")
      inTransaction = true
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read database")
    }
    try checkIsOneStatement(articlesQuery, key: queryKeys.articles, .articles)
    try checkIsOneStatement(categoriesQuery, key: queryKeys.categories, .categories)
    try checkIsOneStatement(
      articleCategoriesQuery, key: queryKeys.articleCategories, .articleCategories)
    linkSource = try findLinkSource(articleCategoriesQuery)
  }

  /// Which query a failure concerns, for messages.
  enum QueryKind {
    case articles, categories, articleCategories
  }

  /// The operator's link query in parentheses, else `article_categories` when that table (or
  /// view) exists, else nil; checked to return `article_id` and `category_id`.
  private func findLinkSource(_ query: String?) throws -> String? {
    do {
      let source: String
      if let query {
        source = "(" + Self.trimmedQuery(query) + ")"
      } else {
        let s = try connection.prepare(
          "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view')"
            + " AND name = ?1 COLLATE NOCASE")
        try s.bind(ArticleCategoryLinks.table, at: 1)
        guard try s.step() else { return nil }
        source = ArticleCategoryLinks.table
      }
      _ = try connection.prepare(
        "SELECT article_id, category_id FROM \(source) AS loa_links LIMIT 0")
      return source
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read article categories from", .articleCategories)
    }
  }

  /// How the article query names its source in a correlated subquery.
  private var articlesAlias: String { articlesSource == "articles" ? "articles" : "loa_articles" }

  /// The article columns, and with links the linked category ids (``ArticleCategoryLinks``).
  private var selectList: String {
    guard let link = linkSource else { return ArticleColumns.list }
    return ArticleColumns.list
      + ", (SELECT group_concat(loa_links.category_id) FROM \(link) AS loa_links"
      + " WHERE loa_links.article_id = \(articlesAlias).id) AS \(ArticleCategoryLinks.column)"
  }

  /// With links, ` OR` the article is linked to category `?parameter`.
  private func linkedTo(_ parameter: Int) -> String {
    guard let link = linkSource else { return "" }
    return " OR \(articlesAlias).id IN (SELECT loa_links.article_id FROM \(link) AS loa_links"
      + " WHERE loa_links.category_id = ?\(parameter))"
  }

  /// With links, ` AND` the article is linked to none of the categories in the JSON array
  /// `?parameter`.
  private func notLinkedToAny(_ parameter: Int) -> String {
    guard let link = linkSource else { return "" }
    return " AND NOT EXISTS (SELECT 1 FROM \(link) AS loa_links"
      + " WHERE loa_links.article_id = \(articlesAlias).id"
      + " AND loa_links.category_id IN (SELECT value FROM json_each(?\(parameter))))"
  }

  /// Prepares the operator's own query on its own, so that one holding several statements
  /// is refused by name (exit 78) before loa wraps it.
  private func checkIsOneStatement(_ query: String?, key: String, _ kind: QueryKind) throws {
    guard let query else { return }
    do {
      _ = try connection.prepare(Self.trimmedQuery(query))
    } catch let e as SQLiteError where (e.code & 0xFF) == SQLITE_MISUSE {
      throw StoreError(
        .schema, "\(key) must be a single SELECT statement: \(e.message)", sql: query)
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read \(kind) from", kind)
    }
  }

  /// Device, inode, size, modification and change times (nanoseconds) of the database file
  /// and of its write-ahead log, if any. Any write changes one of them; the change time cannot
  /// be set back by anyone.
  package static func fileToken(_ path: String) -> String? {
    func stamp(_ p: String) -> String {
      var st = stat()
      guard stat(p, &st) == 0 else { return "-" }
      return "\(st.st_dev):\(st.st_ino):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):"
        + "\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)"
    }
    return "sqlite " + stamp(path) + " wal " + stamp(path + "-wal")
  }

  /// `status = <1>` for one accepted value, `status IN (<1>, <2>, …)` for several, with
  /// `marker` writing each parameter (`?1`, `$1`). The values are always bound, never written
  /// into the SQL; with one value the query stays an equality the `(status, published_at)`
  /// index answers in date order.
  static func statusClause(count: Int, marker: (Int) -> String) -> String {
    if count <= 1 { return "status = " + marker(1) }
    return "status IN (" + (1...count).map(marker).joined(separator: ", ") + ")"
  }

  /// Binds the accepted statuses to `?1`…`?k`, and on a platform the site to ``siteMarker``.
  private func bindStatuses(_ stmt: SQLiteStatement) throws {
    for (i, status) in statuses.enumerated() { try stmt.bind(status, at: Int32(i + 1)) }
    try bindSite(stmt)
  }

  private func bindSite(_ stmt: SQLiteStatement) throws {
    if platform, let siteID { try stmt.bind(siteID, named: Self.siteMarker) }
  }

  public func restrict(toSite id: Int64) throws {
    siteID = id
  }

  public func forEachNewestAcrossSites(_ body: (Int64, Int64) throws -> Bool) throws {
    do {
      let stmt = try connection.prepare(
        "SELECT site_id, id FROM \(everySiteSource) WHERE \(statusClause)"
          + " ORDER BY \(sortKey) DESC, id DESC")
      try bindStatuses(stmt)
      while try stmt.step() {
        if stmt.isNull(0) || !stmt.isInteger(1) { continue }
        if try !body(stmt.int64(0), stmt.int64(1)) { break }
      }
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read articles from", .articles)
    }
  }

  public func sites() throws -> [SiteRow] {
    do {
      let stmt = try connection.prepare(SiteScope.sitesSQL(sitesQuery))
      var rows: [SiteRow] = []
      while try stmt.step() {
        if stmt.isNull(0) { continue }
        rows.append(
          SiteRow(
            id: stmt.int64(0), code: stmt.text(1), slug: stmt.text(2) ?? "",
            name: stmt.text(3) ?? "", url: stmt.text(4) ?? "", description: stmt.text(5),
            language: stmt.text(6), timeZone: stmt.text(7),
            latitude: stmt.isNull(8) ? nil : stmt.double(8),
            longitude: stmt.isNull(9) ? nil : stmt.double(9)))
      }
      return rows
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read sites from")
    }
  }

  /// Removes trailing white space and semicolons so the query can be wrapped.
  static func trimmedQuery(_ q: String) -> String {
    var s = Substring(q)
    while let last = s.last, last == ";" || last.isWhitespace { s = s.dropLast() }
    return String(s)
  }

  /// Turns a SQLite error into a one-line ``StoreError`` naming the database file, and for a
  /// statement timeout the query that ran too long.
  private func mapped(_ e: SQLiteError, _ what: String, _ kind: QueryKind? = nil) -> StoreError {
    let primary = e.code & 0xFF
    if e.isTimeout {
      let query: String
      switch kind {
      case .articles?:
        query =
          hasCustomArticlesQuery
          ? "the custom articles query (\(queryKeys.articles))" : "the articles query"
      case .categories?:
        query =
          hasCustomCategoriesQuery
          ? "the custom categories query (\(queryKeys.categories))" : "the categories query"
      case .articleCategories?:
        query =
          hasCustomArticleCategoriesQuery
          ? "the custom article categories query (\(queryKeys.articleCategories))"
          : "the article categories query"
      case nil:
        query = "a query"
      }
      return StoreError(
        .unavailable,
        "\(what) \(path): statement timeout reached: \(query) ran longer than \(statementTimeoutSeconds) s (database.statementTimeoutSeconds)",
        sql: e.sql)
    }
    switch primary {
    case SQLITE_NOTADB:
      return StoreError(.unavailable, "\(path) is not a SQLite database")
    case SQLITE_BUSY, SQLITE_LOCKED:
      return StoreError(
        .unavailable, "database \(path) is locked by another process (gave up waiting)")
    case SQLITE_CORRUPT:
      return StoreError(.unavailable, "database \(path) is corrupt: \(e.message)")
    case SQLITE_READONLY where !Self.folderIsWritable(of: path):
      // sqlite.org/wal.html, "Read-Only Databases": a reader of a WAL database needs the
      // `-shm` and `-wal` files to exist or to be creatable (or the file to be immutable,
      // which a live CMS database is not). When the CMS has closed it, they are gone, and a
      // reader that may not write the folder fails with "attempt to write a readonly
      // database". Exclusive locking mode does not help read-only either.
      let folder = Self.folder(of: path)
      let name = path.split(separator: "/").last.map(String.init) ?? path
      return StoreError(
        .configuration,
        "cannot read database \(path): it is in WAL mode and loa may not create \(name)-shm in \(folder), which SQLite needs when no other program has the database open; give loa's user write access to \(folder) (systemd: ReadWritePaths=\(folder)), or switch the database to PRAGMA journal_mode=DELETE")
    case SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_PERM, SQLITE_AUTH:
      return StoreError(.unavailable, "\(what) \(path): \(e.message)")
    case SQLITE_ERROR:
      return StoreError(.schema, "\(what) \(path): \(e.message)", sql: e.sql)
    case SQLITE_MISUSE where e.function == "sqlite3_prepare_v3":
      // A query with a second statement after it (``SQLiteConnection/prepare(_:persistent:)``).
      return StoreError(.schema, "\(what) \(path): \(e.message)", sql: e.sql)
    default:
      return StoreError(.unavailable, "\(what) \(path): \(e.message)", sql: e.sql)
    }
  }

  /// The folder holding `path`.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Whether this process may create files next to `path` (`access(2)`, which also reports a
  /// read-only mount such as systemd's `ProtectSystem=strict`).
  static func folderIsWritable(of path: String) -> Bool {
    access(folder(of: path), W_OK) == 0
  }

  public func categories() throws -> [CategoryRow] {
    do {
      let stmt = try connection.prepare(categoriesSQL)
      try bindSite(stmt)
      var rows: [CategoryRow] = []
      while try stmt.step() {
        if stmt.isNull(0) { continue }
        rows.append(
          CategoryRow(
            id: stmt.int64(0), parentID: stmt.isNull(1) ? nil : stmt.int64(1),
            slug: stmt.text(2) ?? "", name: stmt.text(3) ?? "", description: stmt.text(4)))
      }
      return rows
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read categories from", .categories)
    }
  }

  public func forEachRawArticle(
    in selection: ArticleSelection, expecting: Int, _ body: (RawArticleRow) throws -> Bool
  ) throws {
    let stmt: SQLiteStatement
    do {
      switch selection {
      case .all:
        let s =
          try all
          ?? connection.prepare(
            "SELECT \(selectList) FROM \(articlesSource) WHERE \(statusClause)"
              + " ORDER BY \(sortKey) DESC, id DESC", persistent: true)
        all = s
        stmt = s
        stmt.reset()
        try bindStatuses(stmt)
      case .category(let id):
        let s =
          try byCategory
          ?? connection.prepare(
            "SELECT \(selectList) FROM \(articlesSource) WHERE \(statusClause)"
              + " AND (category_id = ?\(statuses.count + 1)\(linkedTo(statuses.count + 1)))"
              + " ORDER BY \(sortKey) DESC, id DESC", persistent: true)
        byCategory = s
        stmt = s
        stmt.reset()
        try bindStatuses(stmt)
        try stmt.bind(id, at: Int32(statuses.count + 1))
      case .uncategorized(let known):
        let json = "[" + known.map(String.init).joined(separator: ",") + "]"
        if try readsOnlyNullCategories(json) {
          let s =
            try nullCategory
            ?? connection.prepare(
              "SELECT \(selectList) FROM articles WHERE \(statusClause) AND category_id IS NULL"
                + " ORDER BY \(sortKey) DESC, id DESC", persistent: true)
          nullCategory = s
          nullCategoryReads += 1
          stmt = s
          stmt.reset()
          try bindStatuses(stmt)
        } else {
          let s = try uncategorized ?? prepareUncategorized()
          uncategorized = s
          stmt = s
          stmt.reset()
          try bindStatuses(stmt)
          try stmt.bind(json, at: Int32(statuses.count + 1))
        }
      }
      defer { stmt.reset() }
      while try stmt.step() {
        var row = RawArticleRow(id: stmt.int64(0), categoryID: stmt.isNull(1) ? nil : stmt.int64(1))
        if !stmt.isInteger(0) {
          // sqlite3_column_int64 reads NULL and 'abc' as 0 and 2.5 as 2: keep what it was.
          row.idIsMissing = true
          row.idLiteral = RawArticleRow.idLiteral(text: stmt.text(0), isNumber: stmt.isReal(0))
        }
        for i in Int32(2)..<Int32(ArticleColumns.names.count) { row.append(stmt.bytes(i)) }
        if linkSource != nil {
          let linked = stmt.text(Int32(ArticleColumns.names.count))
          row.linkedCategoryIDs = ArticleCategoryLinks.ids(linked)
        }
        if try !body(row) { break }
      }
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read articles from", .articles)
    }
  }

  /// Whether `name` is a table (a view's rowid reads as NULL, which would match nothing).
  /// A WITHOUT ROWID table passes here and fails to prepare the rowid query instead.
  private func isRowidTable(_ name: String) -> Bool {
    guard
      let s = try? connection.prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE")
    else { return false }
    defer { s.reset() }
    guard (try? s.bind(name, at: 1)) != nil else { return false }
    return (try? s.step()) ?? false
  }

  /// Whether the articles outside every known category (the JSON array `known`) are exactly
  /// those with no category id, found without reading the table: when `articles` is a table
  /// with an index that starts with `category_id` (in SQLite's own order), each distinct
  /// category id is one seek in it (a loose index scan), so a database of any size with every
  /// article in a known category answers in as many seeks as it has categories. Then the
  /// read is `category_id IS NULL`, a range of that index already in date order. Otherwise
  /// (an operator's query, a platform's derived table, linked categories, an id no category
  /// has, no such index) the general query (``prepareUncategorized()``) answers.
  ///
  /// The general query scans the whole category index and then walks the date index until
  /// enough rows match: on 100k articles with 198 uncategorized, 1,021 page reads and 12 ms
  /// on every run (Benchmarks/analysis.md, "Uncategorized articles without a scan").
  private func readsOnlyNullCategories(_ known: String) throws -> Bool {
    guard articlesSource == "articles", linkSource == nil, !platform,
      hasCategoryIndex()
    else { return false }
    let s =
      try categoryProbe
      ?? connection.prepare(
        "WITH RECURSIVE loa_ids(id) AS (SELECT (SELECT min(category_id) FROM articles)"
          + " UNION ALL SELECT (SELECT min(category_id) FROM articles WHERE category_id > loa_ids.id)"
          + " FROM loa_ids WHERE loa_ids.id IS NOT NULL)"
          + " SELECT count(*) FROM loa_ids WHERE id IS NOT NULL"
          + " AND id NOT IN (SELECT value FROM json_each(?1))", persistent: true)
    categoryProbe = s
    s.reset()
    defer { s.reset() }
    try s.bind(known, at: 1)
    guard try s.step() else { return false }
    return s.int64(0) == 0
  }

  /// Whether `articles` has a full (not partial) index whose first column is `category_id`
  /// in the BINARY collation, the one `category_id > ?` compares with.
  private func hasCategoryIndex() -> Bool {
    if let known = categoryIndexKnown { return known }
    let found: Bool
    if let s = try? connection.prepare(
      "SELECT 1 FROM pragma_index_list('articles') AS il, pragma_index_xinfo(il.name) AS ix"
        + " WHERE il.partial = 0 AND ix.seqno = 0 AND ix.name = 'category_id'"
        + " AND ix.coll = 'BINARY'")
    {
      found = (try? s.step()) ?? false
    } else {
      found = false
    }
    categoryIndexKnown = found
    return found
  }

  /// The query for articles outside every known category, newest first.
  ///
  /// Written plainly, SQLite walks `articles_published` and reads every table row to test
  /// `category_id`: when almost every article has a category that is the whole table, on
  /// every run. On a rowid table the matching rowids come instead from a scan of the
  /// covering index on `category_id`, and the walk in date order reads only the rows it
  /// returns (measured on 100k articles: 1,014 page reads instead of 26,493).
  /// The `+` keeps the planner from turning the rowid list into the outer loop, which would
  /// read and sort every match. A view or WITHOUT ROWID table has no rowid, so for those
  /// (and for an operator's own query) the plain form is used.
  private func prepareUncategorized() throws -> SQLiteStatement {
    let outside =
      "(category_id IS NULL OR category_id NOT IN (SELECT value FROM json_each(?\(statuses.count + 1))))"
    let unlinked = notLinkedToAny(statuses.count + 1)
    let order = " ORDER BY \(sortKey) DESC, id DESC"
    if articlesSource == "articles", isRowidTable("articles"),
      let s = try? connection.prepare(
        "SELECT \(selectList) FROM articles WHERE \(statusClause) AND"
          + " +rowid IN (SELECT rowid FROM articles WHERE \(outside))" + unlinked + order,
        persistent: true)
    {
      return s
    }
    return try connection.prepare(
      "SELECT \(selectList) FROM \(articlesSource) WHERE \(statusClause) AND \(outside)"
        + unlinked + order,
      persistent: true)
  }

  public func publishedAtRange() throws -> (newest: String?, oldest: String?) {
    func one(_ direction: String) throws -> String? {
      let stmt = try connection.prepare(
        "SELECT CAST(published_at AS TEXT) AS loa_published FROM \(articlesSource)"
          + " WHERE \(statusClause) ORDER BY \(sortKey) \(direction), id \(direction) LIMIT 1")
      try bindStatuses(stmt)
      return try stmt.step() ? stmt.text(0) : nil
    }
    do {
      return (try one("DESC"), try one("ASC"))
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read articles from", .articles)
    }
  }

  public func statusCounts() throws -> StatusCounts {
    do {
      // Only after a run found nothing to publish: one pass over the table or the query.
      let stmt = try connection.prepare(
        "SELECT CAST(status AS TEXT), count(*) FROM \(articlesSource) GROUP BY 1"
          + " ORDER BY 2 DESC, 1")
      try bindSite(stmt)
      var counts = StatusCounts()
      while try stmt.step() { counts.add(stmt.text(0), rows: Int(stmt.int64(1))) }
      return counts
    } catch let e as SQLiteError {
      throw mapped(e, "cannot read articles from")
    }
  }

  public var usesArticlesQuery: Bool { hasCustomArticlesQuery }

  public func close() throws {
    byCategory = nil
    uncategorized = nil
    nullCategory = nil
    categoryProbe = nil
    all = nil
    if inTransaction {
      try? connection.execute("COMMIT")
      inTransaction = false
    }
    do { try connection.close() } catch let e as SQLiteError {
      throw mapped(e, "cannot close")
    }
  }
}
