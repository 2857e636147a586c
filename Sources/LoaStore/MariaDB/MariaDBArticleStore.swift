import CMariaDB
import FoundationEssentials
import LoaCore

/// Reads the article database contract from MariaDB or MySQL (the MariaDB client library), in
/// one read-only `REPEATABLE READ` transaction started `WITH CONSISTENT SNAPSHOT` so every
/// feed of a run sees the same data, with prepared statements, bound parameters, read and
/// write timeouts and a server-side statement timeout. Built like ``PostgresArticleStore``:
/// one SQL text per statement kind, the same status and category clauses, the same paging.
///
/// `DATETIME` columns are wall-clock times in the site's zone (like PostgreSQL `timestamp`
/// and naive text in SQLite); `TIMESTAMP` columns are instants, which the session
/// (`time_zone = '+00:00'`) gives in UTC and loa reads with a `+00:00` suffix. A zero date
/// (`0000-00-00 00:00:00`) is text like any other, which the item builder reports per row.
/// Text is compared and sorted by its UTF-8 bytes, as SQLite does, whatever the column's
/// collation (`utf8mb4_unicode_ci` would match `Published` to `published`).
public final class MariaDBArticleStore: ArticleStore {
  private let connection: MariaDBConnection
  /// Every spelling of the password, so that no server message echoing it is shown.
  private let secrets: [String]
  /// `host:port/db`, for messages.
  public let endpoint: String
  private let articlesSource: String
  private let categoriesSQL: String
  private var prepared = false
  private var byCategorySQL = ""
  private var uncategorizedSQL = ""
  private var allSQL = ""
  private var all: MariaDBStatement?
  private var byCategory: MariaDBStatement?
  private var uncategorized: MariaDBStatement?
  /// Articles with no category id, and the probe that allows reading only them
  /// (``readsOnlyNullCategories(_:)``); prepared at the first uncategorized read that may.
  private var nullCategory: MariaDBStatement?
  private var categoryProbe: MariaDBStatement?
  /// Whether `articles` has a B-tree index led by `category_id`, once asked.
  private var categoryIndexKnown: Bool?
  /// How many uncategorized reads were `category_id IS NULL` reads (for tests).
  package private(set) var nullCategoryReads = 0
  private var nullCategorySQL = ""
  /// The newest (`DESC`) or oldest (`ASC`) `published_at` query.
  private var rangeSQL: (String) -> String = { _ in "" }
  /// What `published_at` is sorted by.
  private var order = ""
  /// Whether `published_at` is a `TIMESTAMP` (an instant in UTC).
  private var publishedIsTimestamp = false
  private let datePatterns: [DatePattern]
  public private(set) var changeToken: String?
  /// The `status` values that mean "published" (`database.publishedStatuses`), bound to the
  /// first `?`s; the other parameters of each statement follow them.
  private let statuses: [String]
  public let usesArticlesQuery: Bool
  /// Where category links are read from (``ArticleCategoryLinks``): the `article_categories`
  /// table, the operator's query in parentheses, or nil when there are none.
  private var linkSource: String?
  /// The operator's `database.sitesQuery`, if any.
  private let sitesQuery: String?
  /// The articles of every site (the table, or the operator's query), for the roll-up.
  private var everySiteSource = "articles"

  /// The value a platform store's reads compare `site_id` with (``SiteScope``): the session
  /// variable ``restrict(toSite:)`` sets, NULL (no rows) before it.
  static let siteMarker = "@loa_site_id"

  /// Connects and opens the read transaction.
  ///
  /// - Parameters:
  ///   - url: a `mysql://` or `mariadb://` URL (``MariaDBURL``).
  ///   - statementTimeoutSeconds: the server's `max_statement_time` (MariaDB) or
  ///     `max_execution_time` (MySQL); the client's read and write timeouts are 5 s longer,
  ///     for a server that stops answering altogether.
  /// - Throws: ``StoreError``: `.unavailable` when the server cannot be reached or the
  ///   connection is lost, `.schema` when a table or column is missing or a custom query is
  ///   wrong, `.configuration` for a URL that does not parse and for authentication problems.
  ///   No message contains the password.
  public init(
    url: String, articlesQuery: String? = nil, categoriesQuery: String? = nil,
    articleCategoriesQuery: String? = nil, queryKeys: QueryKeys = QueryKeys(),
    datePatterns: [DatePattern] = [], statementTimeoutSeconds: Int = 30,
    connectTimeoutSeconds: Int = 10, publishedStatuses: [String] = ["published"],
    platform: Bool = false, sitesQuery: String? = nil
  ) throws {
    self.datePatterns = datePatterns
    self.sitesQuery = sitesQuery.map(SQLiteArticleStore.trimmedQuery)
    statuses = publishedStatuses.isEmpty ? ["published"] : publishedStatuses
    usesArticlesQuery = articlesQuery != nil
    let timeout = max(1, statementTimeoutSeconds)
    (connection, secrets, endpoint) = try Self.connect(
      url, connectTimeoutSeconds: connectTimeoutSeconds, readTimeoutSeconds: timeout + 5)
    if platform {
      (articlesSource, everySiteSource, categoriesSQL) = SiteScope.sources(
        articlesQuery: articlesQuery, categoriesQuery: categoriesQuery, marker: Self.siteMarker)
    } else {
      articlesSource =
        articlesQuery.map { "(" + SQLiteArticleStore.trimmedQuery($0) + ") AS loa_articles" }
        ?? "articles"
      if let q = categoriesQuery {
        categoriesSQL =
          "SELECT id, parent_id, slug, name, description FROM ("
          + SQLiteArticleStore.trimmedQuery(q) + ") AS loa_categories ORDER BY id"
      } else {
        categoriesSQL = "SELECT id, parent_id, slug, name, description FROM categories ORDER BY id"
      }
    }
    do {
      try startReadTransaction(statementTimeoutSeconds: timeout)
    } catch let e as MariaDBError {
      throw mapped(e, "cannot start a read transaction on")
    }
    try checkIsOneStatement(articlesQuery, key: queryKeys.articles, what: "articles")
    try checkIsOneStatement(categoriesQuery, key: queryKeys.categories, what: "categories")
    try checkIsOneStatement(
      articleCategoriesQuery, key: queryKeys.articleCategories, what: "article categories")
    linkSource = try findLinkSource(articleCategoriesQuery)
  }

  /// The operator's link query in parentheses, else `article_categories` when that table (or
  /// view) is in the connection's database, else nil; checked to return `article_id` and
  /// `category_id`.
  private func findLinkSource(_ query: String?) throws -> String? {
    do {
      let source: String
      if let query {
        source = "(" + SQLiteArticleStore.trimmedQuery(query) + ")"
      } else {
        let r = try connection.prepare(
          "SELECT COUNT(*) FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_name = ?"
        ).run([.text(ArticleCategoryLinks.table)])
        guard r.int64(0, 0) ?? 0 > 0 else { return nil }
        source = ArticleCategoryLinks.table
      }
      _ = try connection.prepare(
        "SELECT article_id, category_id FROM \(source) AS loa_links LIMIT 0"
      ).run()
      return source
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read article categories from")
    }
  }

  /// Pins the session's settings and opens the snapshot; then reads the change token.
  private func startReadTransaction(statementTimeoutSeconds timeout: Int) throws {
    // Dates as UTC (TIMESTAMP columns), text as the server stored it (MariaDBText converts it),
    // and a statement timeout the server enforces.
    try connection.execute("SET SESSION time_zone = '+00:00'")
    try connection.execute("SET SESSION character_set_results = NULL")
    if connection.isMariaDB {
      try connection.execute("SET SESSION max_statement_time = \(timeout)")
    } else {
      try connection.execute("SET SESSION max_execution_time = \(timeout * 1000)")
    }
    try connection.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    // "WITH CONSISTENT SNAPSHOT" takes the snapshot now rather than at the first read.
    try connection.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")
    guard connection.isMariaDB else { return }
    // MariaDB gives the binary log position that matches this very snapshot: every committed
    // write moves it, so an unchanged position means unchanged data. Empty without a binlog.
    let r = try connection.prepare(
      "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
        + " WHERE VARIABLE_NAME IN ('BINLOG_SNAPSHOT_FILE', 'BINLOG_SNAPSHOT_POSITION')"
        + " ORDER BY VARIABLE_NAME"
    ).run()
    let values = (0..<r.rows.count).compactMap { r.text($0, 1) }
    if values.count == 2, !values[0].isEmpty {
      changeToken = "mariadb \(endpoint) \(values[0]):\(values[1])"
    }
  }

  /// Prepares the operator's own query on its own, so that one holding several statements is
  /// refused by name (exit 78): a prepared statement is one statement, and loa never turns on
  /// `CLIENT_MULTI_STATEMENTS`.
  private func checkIsOneStatement(_ query: String?, key: String, what: String) throws {
    guard let query else { return }
    do {
      _ = try connection.prepare(SQLiteArticleStore.trimmedQuery(query))
    } catch let e as MariaDBError where e.number == 1064 {
      throw StoreError(
        .schema,
        "\(key) must be a single SELECT statement: \(MariaDBURL.withholding(e.message, secrets: secrets))",
        sql: query)
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read \(what) from")
    }
  }

  /// A failed connection as a one-line ``StoreError``: `.configuration` (exit 78) when the
  /// server refused the user, the password or the database, or the client library a setting;
  /// `.unavailable` (69) otherwise. The target is the rebuilt, password-free URL.
  /// Parses `url` and connects: the connection, every spelling of its password (to withhold
  /// from messages) and the live endpoint for messages (`(the server)` if it would show the
  /// password). Shared with ``MariaDBSchemaInspector``.
  ///
  /// - Throws: ``StoreError``: `.configuration` for a URL that does not parse, else as
  ///   ``connectError(_:url:secrets:)`` says.
  static func connect(
    _ url: String, connectTimeoutSeconds: Int, readTimeoutSeconds: Int
  ) throws -> (connection: MariaDBConnection, secrets: [String], endpoint: String) {
    let parsed: MariaDBURL
    do {
      parsed = try MariaDBURL(parsing: url)
    } catch let e as MariaDBURL.ParseError {
      throw StoreError(.configuration, "database.url: \(e.description)")
    }
    let secrets = MariaDBURL.secrets(in: url)
    let connection: MariaDBConnection
    do {
      connection = try MariaDBConnection(
        url: parsed, connectTimeoutSeconds: connectTimeoutSeconds,
        readTimeoutSeconds: readTimeoutSeconds)
    } catch let e as MariaDBError {
      throw connectError(e, url: parsed, secrets: secrets)
    } catch let e as LibraryUnavailable {
      throw StoreError(.unavailable, e.description)
    }
    let live = connection.endpoint(parsed)
    let endpoint = MariaDBURL.withholding(live, secrets: secrets) == live ? live : "(the server)"
    return (connection, secrets, endpoint)
  }

  static func connectError(_ e: MariaDBError, url: MariaDBURL, secrets: [String]) -> StoreError {
    // 1044 no access to the database, 1045 access denied, 1049 unknown database, 1698 access
    // denied (no password), 1251 client does not support the authentication protocol, 2059
    // authentication plugin cannot be loaded, 2047 wrong or unknown protocol.
    let refused: Set<UInt32> = [1044, 1045, 1049, 1698, 1251, 2059, 2047]
    return StoreError(
      refused.contains(e.number) ? .configuration : .unavailable,
      "cannot connect to MariaDB \(url.displayed): \(MariaDBURL.withholding(e.message, secrets: secrets))"
    )
  }

  /// Turns a server error into a one-line ``StoreError``.
  private func mapped(_ raw: MariaDBError, _ what: String) -> StoreError {
    let message = MariaDBURL.withholding(raw.message, secrets: secrets)
    if raw.connectionLost {
      return StoreError(.unavailable, "\(what) MariaDB \(endpoint): connection lost (\(message))")
    }
    switch raw.number {
    case 1146, 1054, 1064, 1305, 1052, 1060, 1248, 1241, 1222, 1630, 1582, 1583, 1109, 1267,
      1271:
      // No such table / column, syntax error, no such function, ambiguous or duplicate
      // column, a derived table without alias, wrong operands, illegal mix of collations…
      return StoreError(.schema, "\(what) MariaDB \(endpoint): \(message)", sql: raw.sql)
    case 1969, 3024, 1317:
      return StoreError(
        .unavailable, "\(what) MariaDB \(endpoint): statement timeout reached (\(message))")
    case 1142, 1143, 1044, 1045, 1227, 1370:
      return StoreError(.configuration, "\(what) MariaDB \(endpoint): \(message)")
    default:
      return StoreError(.unavailable, "\(what) MariaDB \(endpoint): \(message)", sql: raw.sql)
    }
  }

  /// `expression` as its UTF-8 bytes, so that comparing and sorting follow SQLite's byte
  /// order and exactness, not the column's collation (case, accents and trailing spaces).
  static func bytes(_ expression: String) -> String {
    "CAST(CONVERT(\(expression) USING utf8mb4) AS BINARY)"
  }

  /// Prepares the three article statements once, after looking at the type of `published_at`.
  private func prepareStatements() throws {
    guard !prepared else { return }
    let probe = try connection.prepare(
      "SELECT \(ArticleColumns.list) FROM \(articlesSource) LIMIT 0"
    ).run()
    let published = probe.columns.count > 12 ? probe.columns[12] : nil
    let dateIsText = published.map { !$0.isTemporal && !$0.isNumber } ?? true
    publishedIsTimestamp = published?.isTimestamp ?? false
    // Date patterns only make sense for text; a DATETIME column sorts as it is.
    order =
      dateIsText
      ? Self.bytes(
        DatePattern.sqlSortKey(
          datePatterns, asText: "CAST(published_at AS CHAR)",
          concatenated: { "CONCAT(" + $0.joined(separator: ", ") + ")" }))
      : "published_at"
    let k = statuses.count
    let status =
      Self.bytes("status") + " "
      + SQLiteArticleStore.statusClause(count: k) { _ in
        "CAST(? AS BINARY)"
      }.dropFirst("status ".count)
    // With links (``ArticleCategoryLinks``): the linked ids as one more column, a category's
    // articles include those linked to it, and an article linked to a known category is not
    // uncategorized. The category id (and the known list) is bound twice then.
    var columns = ArticleColumns.list
    var linkedTo = ""
    var notLinked = ""
    if let link = linkSource {
      let alias = articlesSource == "articles" ? "articles" : "loa_articles"
      columns +=
        ", (SELECT GROUP_CONCAT(loa_links.category_id) FROM \(link) AS loa_links"
        + " WHERE loa_links.article_id = \(alias).id) AS \(ArticleCategoryLinks.column)"
      linkedTo =
        " OR \(alias).id IN (SELECT loa_links.article_id FROM \(link) AS loa_links"
        + " WHERE loa_links.category_id = ?)"
      notLinked =
        " AND NOT EXISTS (SELECT 1 FROM \(link) AS loa_links"
        + " WHERE loa_links.article_id = \(alias).id"
        + " AND FIND_IN_SET(CAST(loa_links.category_id AS CHAR), ?) > 0)"
    }
    byCategorySQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status)"
      + " AND (category_id = ?\(linkedTo))"
      + " ORDER BY \(order) DESC, id DESC LIMIT ? OFFSET ?"
    uncategorizedSQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status) AND"
      + " (category_id IS NULL OR FIND_IN_SET(CAST(category_id AS CHAR), ?) = 0)\(notLinked)"
      + " ORDER BY \(order) DESC, id DESC LIMIT ? OFFSET ?"
    nullCategorySQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status) AND category_id IS NULL"
      + " ORDER BY \(order) DESC, id DESC LIMIT ? OFFSET ?"
    allSQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status)"
      + " ORDER BY \(order) DESC, id DESC LIMIT ? OFFSET ?"
    // Captures the strings, never `self` (a closure stored in the store that held the store
    // would be a reference cycle).
    let source = articlesSource
    let ordering = order
    rangeSQL = { direction in
      "SELECT CAST(published_at AS CHAR) AS loa_published FROM \(source) WHERE \(status)"
        + " ORDER BY \(ordering) \(direction), id \(direction) LIMIT 1"
    }
    all = try connection.prepare(allSQL)
    byCategory = try connection.prepare(byCategorySQL)
    uncategorized = try connection.prepare(uncategorizedSQL)
    prepared = true
  }

  public func restrict(toSite id: Int64) throws {
    do {
      // A session variable, bound (never written into the SQL); the statements read it.
      _ = try connection.prepare("SET \(Self.siteMarker) = ?").run([.integer(id)])
    } catch let e as MariaDBError {
      throw mapped(e, "cannot select the site on")
    }
  }

  public func forEachNewestAcrossSites(_ body: (Int64, Int64) throws -> Bool) throws {
    do {
      try prepareStatements()
      let status = SQLiteArticleStore.statusClause(count: statuses.count) { _ in "?" }
      let statement = try connection.prepare(
        "SELECT site_id, id FROM \(everySiteSource) WHERE \(status)"
          + " ORDER BY \(order) DESC, id DESC LIMIT ? OFFSET ?")
      var offset: Int64 = 0
      let limit: Int64 = 256
      while true {
        let r = try statement.run(
          statuses.map { MariaDBValue.text($0) } + [.integer(limit), .integer(offset)])
        for i in 0..<r.rows.count {
          guard let site = r.int64(i, 0), let id = r.int64(i, 1) else { continue }
          if try !body(site, id) { return }
        }
        if r.rows.count < Int(limit) { return }
        offset += Int64(r.rows.count)
      }
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read articles from")
    }
  }

  public func sites() throws -> [SiteRow] {
    do {
      let r = try connection.prepare(SiteScope.sitesSQL(sitesQuery)).run()
      var rows: [SiteRow] = []
      for i in 0..<r.rows.count {
        guard let id = r.int64(i, 0) else { continue }
        rows.append(
          SiteRow(
            id: id, code: text(r, i, 1), slug: text(r, i, 2) ?? "", name: text(r, i, 3) ?? "",
            url: text(r, i, 4) ?? "", description: text(r, i, 5), language: text(r, i, 6),
            timeZone: text(r, i, 7), latitude: text(r, i, 8).flatMap(Double.init),
            longitude: text(r, i, 9).flatMap(Double.init)))
      }
      return rows
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read sites from")
    }
  }

  public func categories() throws -> [CategoryRow] {
    do {
      let r = try connection.prepare(categoriesSQL).run()
      var rows: [CategoryRow] = []
      for i in 0..<r.rows.count {
        guard let id = r.int64(i, 0) else { continue }
        rows.append(
          CategoryRow(
            id: id, parentID: r.int64(i, 1), slug: text(r, i, 2) ?? "",
            name: text(r, i, 3) ?? "", description: text(r, i, 4)))
      }
      return rows
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read categories from")
    }
  }

  /// Reads a page of `LIMIT n` rows; when the caller wants more (scheduled or invalid rows
  /// came first), reads again with a doubled limit and skips the rows it has seen. The first
  /// page is sized for a full feed, so a second is rare.
  public func forEachRawArticle(
    in selection: ArticleSelection, expecting: Int, _ body: (RawArticleRow) throws -> Bool
  ) throws {
    do {
      try prepareStatements()
      // Later pages continue where the last one ended, in the run's one snapshot.
      var limit = max(64, expecting + expecting / 8 + 8)
      var offset = 0
      let bound = statuses.map { MariaDBValue.text($0) }
      var nullOnly = false
      if case .uncategorized(let known) = selection {
        nullOnly = try readsOnlyNullCategories(known.map(String.init).joined(separator: ","))
        if nullOnly { nullCategoryReads += 1 }
      }
      while true {
        let result: MariaDBRows
        let page: [MariaDBValue] = [.integer(Int64(limit)), .integer(Int64(offset))]
        switch selection {
        case .all:
          result = try all?.run(bound + page) ?? MariaDBRows()
        case .category(let id):
          let ids: [MariaDBValue] = linkSource == nil ? [.integer(id)] : [.integer(id), .integer(id)]
          result = try byCategory?.run(bound + ids + page) ?? MariaDBRows()
        case .uncategorized where nullOnly:
          result = try nullCategory?.run(bound + page) ?? MariaDBRows()
        case .uncategorized(let known):
          let list = MariaDBValue.text(known.map(String.init).joined(separator: ","))
          let lists = linkSource == nil ? [list] : [list, list]
          result = try uncategorized?.run(bound + lists + page) ?? MariaDBRows()
        }
        let count = result.rows.count
        for i in 0..<count {
          if try !body(row(result, i)) { return }
        }
        if count < limit { return }
        offset += count
        // Each page is held in memory whole (mysql_stmt_store_result): at most
        // PostgresArticleStore.maxPageRows after the first, as on PostgreSQL.
        limit = min(limit * 2, max(limit, PostgresArticleStore.maxPageRows))
      }
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read articles from")
    }
  }

  public func publishedAtRange() throws -> (newest: String?, oldest: String?) {
    do {
      try prepareStatements()
      func one(_ direction: String) throws -> String? {
        let r = try connection.prepare(rangeSQL(direction)).run(statuses.map { .text($0) })
        guard r.rows.count == 1, let t = r.text(0, 0) else { return nil }
        return publishedIsTimestamp ? t + "+00:00" : t
      }
      return (try one("DESC"), try one("ASC"))
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read articles from")
    }
  }

  public func statusCounts() throws -> StatusCounts {
    do {
      // Only after a run found nothing to publish: one pass over the table or the query.
      let r = try connection.prepare(
        "SELECT \(Self.bytes("status")) AS loa_status, count(*) FROM \(articlesSource)"
          + " GROUP BY loa_status ORDER BY 2 DESC, loa_status"
      ).run()
      var counts = StatusCounts()
      for i in 0..<r.rows.count { counts.add(r.text(i, 0), rows: Int(r.int64(i, 1) ?? 0)) }
      return counts
    } catch let e as MariaDBError {
      throw mapped(e, "cannot read articles from")
    }
  }

  /// Column `c` of row `i` as UTF-8 (``MariaDBText``); nil for NULL.
  private func bytes(_ r: MariaDBRows, _ i: Int, _ c: Int) -> [UInt8]? {
    guard let raw = r.rows[i][c] else { return nil }
    let column = r.columns[c]
    if column.isTimestamp { return raw + Array("+00:00".utf8) }
    return MariaDBText.utf8(raw, charset: column.charset)
  }

  private func text(_ r: MariaDBRows, _ i: Int, _ c: Int) -> String? {
    bytes(r, i, c).map { String(decoding: $0, as: UTF8.self) }
  }

  private func row(_ r: MariaDBRows, _ i: Int) -> RawArticleRow {
    let id = r.int64(i, 0)
    var row = RawArticleRow(id: id ?? 0, categoryID: r.int64(i, 1))
    row.idIsMissing = id == nil
    if id == nil {
      row.idLiteral = RawArticleRow.idLiteral(
        text: text(r, i, 0), isNumber: r.columns[0].isNumber)
    }
    for c in 2..<ArticleColumns.names.count {
      if let value = bytes(r, i, c) {
        value.withUnsafeBufferPointer { row.append($0) }
      } else {
        row.append(nil)
      }
    }
    if linkSource != nil {
      row.linkedCategoryIDs = ArticleCategoryLinks.ids(r.text(i, ArticleColumns.names.count))
    }
    return row
  }

  /// ``SQLiteArticleStore``'s test of the same name, for MariaDB: whether the articles
  /// outside every known category (`known`, ids separated by commas) are exactly those with
  /// no category id, on the plain `articles` table without linked categories and with a
  /// B-tree index led by `category_id`. The distinct ids come from `GROUP BY category_id`,
  /// which MariaDB answers by a loose scan of that index ("Using index for group-by": one
  /// index read per id; a recursive CTE with a correlated `MIN` scanned the whole index once
  /// per id). Then the read is `category_id IS NULL`, an index range; otherwise the general
  /// query (Benchmarks/analysis.md, "Uncategorized articles without a scan").
  private func readsOnlyNullCategories(_ known: String) throws -> Bool {
    guard articlesSource == "articles", linkSource == nil else { return false }
    if categoryIndexKnown == nil {
      let check = try connection.prepare(
        "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
          + " AND TABLE_NAME = 'articles' AND SEQ_IN_INDEX = 1 AND COLUMN_NAME = 'category_id'"
          + " AND INDEX_TYPE = 'BTREE'")
      let found = try !check.run().rows.isEmpty
      if found {
        categoryProbe = try connection.prepare(
          "SELECT COUNT(*) FROM (SELECT category_id FROM articles WHERE category_id IS NOT NULL"
            + " GROUP BY category_id) AS loa_ids"
            + " WHERE FIND_IN_SET(CAST(category_id AS CHAR), ?) = 0")
        nullCategory = try connection.prepare(nullCategorySQL)
      }
      categoryIndexKnown = found
    }
    guard categoryIndexKnown == true, let probe = categoryProbe else { return false }
    return try probe.run([.text(known)]).text(0, 0) == "0"
  }

  public func close() throws {
    // Ending a read-only transaction cannot lose anything; a dead connection is fine here.
    try? connection.execute("COMMIT")
    all = nil
    byCategory = nil
    uncategorized = nil
    nullCategory = nil
    categoryProbe = nil
    connection.close()
  }
}
