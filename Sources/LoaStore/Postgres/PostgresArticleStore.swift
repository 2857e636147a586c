import CLibPQ
import LoaCore

/// Reads the article database contract from PostgreSQL (libpq), in one read-only
/// `REPEATABLE READ` transaction so every feed of a run sees the same snapshot (on a primary or
/// a hot-standby replica), with prepared statements, bound parameters and a statement timeout.
///
/// Timestamps may be `timestamp` (taken in the site's zone, like naive text), `timestamptz`
/// (the session prints them in UTC, `+00`) or text in the contract's formats. A text
/// `published_at` is ordered with `COLLATE "C"`, the byte order SQLite uses, so both databases
/// pick the same rows.
public final class PostgresArticleStore: ArticleStore {
  private let connection: PGConnection
  /// Every spelling of the password, so that no server message echoing it is shown.
  private let secrets: [String]
  /// `host:port/db`, for messages.
  public let endpoint: String
  private let articlesSource: String
  private let categoriesSQL: String
  private var prepared = false
  private var byCategorySQL = ""
  private var uncategorizedSQL = ""
  /// Articles with no category id (``readsOnlyNullCategories(_:)``).
  private var nullCategorySQL = ""
  /// The loose index scan of ``readsOnlyNullCategories(_:)``.
  private let categoryProbeSQL =
    "WITH RECURSIVE loa_ids(id) AS (SELECT (SELECT min(category_id) FROM articles)"
    + " UNION ALL SELECT (SELECT min(category_id) FROM articles WHERE category_id > loa_ids.id)"
    + " FROM loa_ids WHERE loa_ids.id IS NOT NULL)"
    + " SELECT count(*) FROM loa_ids WHERE id IS NOT NULL AND NOT (id = ANY($1::bigint[]))"
  /// Whether ``readsOnlyNullCategories(_:)`` may probe (its statements prepared), once asked.
  private var categoryIndexKnown: Bool?
  /// How many uncategorized reads were `category_id IS NULL` reads (for tests).
  package private(set) var nullCategoryReads = 0
  private var allSQL = ""
  /// The newest (`DESC`) or oldest (`ASC`) `published_at` query.
  private var rangeSQL: (String) -> String = { _ in "" }
  /// What `published_at` is sorted by (``DatePattern/sqlSortKey(_:)``), with its collation.
  private var order = ""
  private let datePatterns: [DatePattern]
  public private(set) var changeToken: String?
  /// The `status` values that mean "published" (`database.publishedStatuses`), bound as
  /// `$1`…`$k`; the other parameters of each statement follow them.
  private let statuses: [String]
  public let usesArticlesQuery: Bool
  /// Where category links are read from (``ArticleCategoryLinks``): the `article_categories`
  /// table, the operator's query in parentheses, or nil when there are none.
  private var linkSource: String?
  /// The operator's `database.sitesQuery`, if any.
  private let sitesQuery: String?
  /// The articles of every site (the table, or the operator's query), for the roll-up.
  private var everySiteSource = "articles"

  /// The value a platform store's reads compare `site_id` with (``SiteScope``): the
  /// transaction-local setting ``restrict(toSite:)`` sets, NULL (no rows) before it.
  static let siteMarker = "current_setting('loa.site_id', true)::bigint"

  /// Connects and opens the read transaction.
  ///
  /// - Throws: ``StoreError``: `.unavailable` when the server cannot be reached or the
  ///   connection is lost, `.schema` when a table or column is missing or a custom query is
  ///   wrong, `.configuration` for authentication problems. No message contains the password.
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
    if let problem = ConnectionString.parseProblem(in: url) {
      throw StoreError(
        .configuration, "database.url: the PostgreSQL connection string does not parse: \(problem)")
    }
    secrets = ConnectionString.secrets(in: url)
    do {
      connection = try PGConnection(url: url, connectTimeoutSeconds: connectTimeoutSeconds)
    } catch let e as PostgresError {
      throw Self.connectError(e, url: url)
    } catch let e as LibraryUnavailable {
      throw StoreError(.unavailable, e.description)
    }
    // host:port/db as libpq resolved them; a database named like the password is not shown.
    let live = connection.endpoint
    endpoint =
      ConnectionString.withholding(live, secrets: secrets) == live ? live : "(the server)"
    // The server enforces statement_timeout; this bounds the wait when it cannot (a frozen
    // backend or a network partition).
    connection.responseTimeoutSeconds = Double(max(1, statementTimeoutSeconds)) + 5
    if platform {
      (articlesSource, everySiteSource, categoriesSQL) = SiteScope.sources(
        articlesQuery: articlesQuery, categoriesQuery: categoriesQuery, marker: Self.siteMarker)
    } else if let q = categoriesQuery {
      articlesSource =
        articlesQuery.map { "(" + SQLiteArticleStore.trimmedQuery($0) + ") AS loa_articles" }
        ?? "articles"
      categoriesSQL =
        "SELECT id, parent_id, slug, name, description FROM ("
        + SQLiteArticleStore.trimmedQuery(q) + ") AS loa_categories ORDER BY id"
    } else {
      articlesSource =
        articlesQuery.map { "(" + SQLiteArticleStore.trimmedQuery($0) + ") AS loa_articles" }
        ?? "articles"
      categoriesSQL = "SELECT id, parent_id, slug, name, description FROM categories ORDER BY id"
    }
    // The WAL position before the snapshot: it moves with every write to the cluster (on a
    // standby, with every replayed write), so an unchanged position means unchanged data.
    if let r = try? connection.query(
      "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text"),
      r.rowCount == 1, let token = r.text(0, 0).text
    {
      changeToken = "postgresql \(endpoint) " + token
    }
    do {
      try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
      // SET LOCAL lasts until the transaction ends. Output formats are pinned so the text of
      // dates does not depend on the server's or the role's settings.
      try connection.execute("SET LOCAL statement_timeout = '\(max(1, statementTimeoutSeconds))s'")
      try connection.execute("SET LOCAL TimeZone = 'UTC'")
      try connection.execute("SET LOCAL DateStyle = 'ISO, YMD'")
      try connection.execute("SET LOCAL IntervalStyle = 'iso_8601'")
      // The snapshot itself (taken by this first query, and kept by REPEATABLE READ): a write
      // whose WAL was flushed before the position above but which became visible only after it
      // (a commit waiting for a synchronous standby) changes the snapshot's in-progress list,
      // so the next run cannot mistake it for no change.
      if changeToken != nil {
        let r = try connection.query("SELECT txid_current_snapshot()::text")
        if r.rowCount == 1, let snapshot = r.text(0, 0).text, let token = changeToken {
          changeToken = token + " " + snapshot
        } else {
          changeToken = nil
        }
      }
    } catch let e as PostgresError {
      throw mapped(e, "cannot start a read transaction on")
    }
    try checkIsOneStatement(articlesQuery, key: queryKeys.articles, what: "articles")
    try checkIsOneStatement(categoriesQuery, key: queryKeys.categories, what: "categories")
    try checkIsOneStatement(
      articleCategoriesQuery, key: queryKeys.articleCategories, what: "article categories")
    linkSource = try findLinkSource(articleCategoriesQuery)
  }

  /// The operator's link query in parentheses, else `article_categories` when that table (or
  /// view) is on the search path (`to_regclass`), else nil; checked to return `article_id`
  /// and `category_id`.
  private func findLinkSource(_ query: String?) throws -> String? {
    do {
      let source: String
      if let query {
        source = "(" + SQLiteArticleStore.trimmedQuery(query) + ")"
      } else {
        let r = try connection.query(
          "SELECT to_regclass($1) IS NOT NULL", parameters: [ArticleCategoryLinks.table])
        guard r.rowCount == 1, r.text(0, 0).text == "t" else { return nil }
        source = ArticleCategoryLinks.table
      }
      _ = try connection.query(
        "SELECT article_id, category_id FROM \(source) AS loa_links LIMIT 0")
      return source
    } catch let e as PostgresError {
      throw mapped(e, "cannot read article categories from")
    }
  }

  /// Prepares the operator's own query on its own (as the unnamed statement), so that one
  /// holding several statements is refused by name (exit 78): "cannot insert multiple commands
  /// into a prepared statement". Wrapped and sent with `PQsendQuery`, its second statement
  /// would run.
  private func checkIsOneStatement(_ query: String?, key: String, what: String) throws {
    guard let query else { return }
    do {
      try connection.prepare("", SQLiteArticleStore.trimmedQuery(query))
    } catch let e as PostgresError where e.sqlState == "42601" && !e.connectionLost {
      throw StoreError(
        .schema,
        "\(key) must be a single SELECT statement: \(ConnectionString.withholding(e.message, secrets: secrets))",
        sql: query)
    } catch let e as PostgresError {
      throw mapped(e, "cannot read \(what) from")
    }
  }

  /// A failed connection as a one-line ``StoreError``: `.configuration` (exit 78) when libpq
  /// refused a value of the connection string or the server refused the credentials,
  /// `.unavailable` (69) otherwise. The target is the rebuilt, password-free form.
  static func connectError(_ e: PostgresError, url: String) -> StoreError {
    let code: StoreError.Code =
      switch e.connectFailure ?? .unreachable {
      case .invalidOption, .authentication: .configuration
      case .unreachable: .unavailable
      }
    return StoreError(
      code, "cannot connect to PostgreSQL \(ConnectionString.displayed(url)): \(e.message)")
  }

  /// Turns a server error into a one-line ``StoreError``.
  private func mapped(_ raw: PostgresError, _ what: String) -> StoreError {
    let e = PostgresError(
      function: raw.function, message: ConnectionString.withholding(raw.message, secrets: secrets),
      sqlState: raw.sqlState, sql: raw.sql, connectionLost: raw.connectionLost)
    if e.connectionLost {
      return StoreError(
        .unavailable, "\(what) PostgreSQL \(endpoint): connection lost (\(e.message))")
    }
    switch e.sqlState {
    case "42P01", "42703", "42601", "42883", "42804", "42846", "42P18", "42702":
      // undefined table / column, syntax error, undefined function, datatype mismatch…
      return StoreError(.schema, "\(what) PostgreSQL \(endpoint): \(e.message)", sql: e.sql)
    case "57014":
      return StoreError(
        .unavailable, "\(what) PostgreSQL \(endpoint): statement timeout reached (\(e.message))")
    case "42501", "28000", "28P01":
      return StoreError(.configuration, "\(what) PostgreSQL \(endpoint): \(e.message)")
    default:
      return StoreError(.unavailable, "\(what) PostgreSQL \(endpoint): \(e.message)", sql: e.sql)
    }
  }

  /// Prepares the two article statements once, after looking at the type of `published_at`.
  private func prepareStatements() throws {
    guard !prepared else { return }
    let probe = try connection.query(
      "SELECT \(ArticleColumns.list) FROM \(articlesSource) LIMIT 0")
    let textTypes: Set<UInt32> = [25, 1043, 1042, 19]  // text, varchar, bpchar, name
    let dateIsText = textTypes.contains(probe.columnType(12))
    // Date patterns only make sense for text; a timestamp column sorts as it is.
    order =
      dateIsText
      ? "(\(DatePattern.sqlSortKey(datePatterns))) COLLATE \"C\"" : "published_at"
    let k = statuses.count
    let status = SQLiteArticleStore.statusClause(count: k) { "$\($0)" }
    // With links (``ArticleCategoryLinks``): the linked ids as one more column, a category's
    // articles include those linked to it, and an article linked to a known category is not
    // uncategorized.
    var columns = ArticleColumns.list
    var linkedTo = ""
    var notLinked = ""
    if let link = linkSource {
      let alias = articlesSource == "articles" ? "articles" : "loa_articles"  // also a platform's
      columns +=
        ", (SELECT string_agg(loa_links.category_id::text, ',') FROM \(link) AS loa_links"
        + " WHERE loa_links.article_id = \(alias).id) AS \(ArticleCategoryLinks.column)"
      linkedTo =
        " OR \(alias).id IN (SELECT loa_links.article_id FROM \(link) AS loa_links"
        + " WHERE loa_links.category_id = $\(k + 1))"
      notLinked =
        " AND NOT EXISTS (SELECT 1 FROM \(link) AS loa_links"
        + " WHERE loa_links.article_id = \(alias).id"
        + " AND loa_links.category_id = ANY($\(k + 1)::bigint[]))"
    }
    byCategorySQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status)"
      + " AND (category_id = $\(k + 1)\(linkedTo))"
      + " ORDER BY \(order) DESC, id DESC LIMIT $\(k + 2) OFFSET $\(k + 3)"
    uncategorizedSQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status) AND"
      + " (category_id IS NULL OR NOT (category_id = ANY($\(k + 1)::bigint[])))\(notLinked)"
      + " ORDER BY \(order) DESC, id DESC LIMIT $\(k + 2) OFFSET $\(k + 3)"
    nullCategorySQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status) AND category_id IS NULL"
      + " ORDER BY \(order) DESC, id DESC LIMIT $\(k + 1) OFFSET $\(k + 2)"
    allSQL =
      "SELECT \(columns) FROM \(articlesSource) WHERE \(status)"
      + " ORDER BY \(order) DESC, id DESC LIMIT $\(k + 1) OFFSET $\(k + 2)"
    // Captures the strings, never `self`: a closure stored in the store that held the store
    // was a reference cycle, so no PostgreSQL store was ever freed (LeakSanitizer).
    let source = articlesSource
    let ordering = order
    rangeSQL = { direction in
      "SELECT CAST(published_at AS TEXT) AS loa_published FROM \(source) WHERE \(status)"
        + " ORDER BY \(ordering) \(direction), id \(direction) LIMIT 1"
    }
    try connection.prepare("loa_all", allSQL)
    try connection.prepare("loa_by_category", byCategorySQL)
    try connection.prepare("loa_uncategorized", uncategorizedSQL)
    prepared = true
  }

  public func restrict(toSite id: Int64) throws {
    do {
      // Local to the read transaction; the statements read it (``siteMarker``).
      _ = try connection.query(
        "SELECT set_config('loa.site_id', $1, true)", parameters: [String(id)])
    } catch let e as PostgresError {
      throw mapped(e, "cannot select the site on")
    }
  }

  public func forEachNewestAcrossSites(_ body: (Int64, Int64) throws -> Bool) throws {
    do {
      try prepareStatements()
      let k = statuses.count
      let sql =
        "SELECT site_id, id FROM \(everySiteSource) WHERE "
        + SQLiteArticleStore.statusClause(count: k) { "$\($0)" }
        + " ORDER BY \(order) DESC, id DESC LIMIT $\(k + 1) OFFSET $\(k + 2)"
      var offset = 0
      let limit = 256
      while true {
        let r = try connection.query(sql, parameters: statuses + [String(limit), String(offset)])
        for i in 0..<r.rowCount {
          guard let site = r.int64(i, 0), let id = r.int64(i, 1) else { continue }
          if try !body(site, id) { return }
        }
        if r.rowCount < limit { return }
        offset += r.rowCount
      }
    } catch let e as PostgresError {
      throw mapped(e, "cannot read articles from")
    }
  }

  public func sites() throws -> [SiteRow] {
    do {
      let r = try connection.query(SiteScope.sitesSQL(sitesQuery))
      var rows: [SiteRow] = []
      for i in 0..<r.rowCount {
        guard let id = r.int64(i, 0) else { continue }
        rows.append(
          SiteRow(
            id: id, code: r.text(i, 1).text, slug: r.text(i, 2).text ?? "",
            name: r.text(i, 3).text ?? "", url: r.text(i, 4).text ?? "",
            description: r.text(i, 5).text, language: r.text(i, 6).text,
            timeZone: r.text(i, 7).text, latitude: r.text(i, 8).text.flatMap(Double.init),
            longitude: r.text(i, 9).text.flatMap(Double.init)))
      }
      return rows
    } catch let e as PostgresError {
      throw mapped(e, "cannot read sites from")
    }
  }

  public func categories() throws -> [CategoryRow] {
    do {
      let r = try connection.query(categoriesSQL)
      var rows: [CategoryRow] = []
      for i in 0..<r.rowCount {
        guard let id = r.int64(i, 0) else { continue }
        rows.append(
          CategoryRow(
            id: id, parentID: r.int64(i, 1), slug: r.text(i, 2).text ?? "",
            name: r.text(i, 3).text ?? "", description: r.text(i, 4).text))
      }
      return rows
    } catch let e as PostgresError {
      throw mapped(e, "cannot read categories from")
    }
  }

  /// Reads a page of `LIMIT n` rows; when the caller wants more (scheduled or invalid rows
  /// came first), reads again with a doubled limit and skips the rows it has seen. The first
  /// page is sized for a full feed, so a second is rare.
  /// The most rows one page of ``forEachRawArticle(in:expecting:_:)`` fetches (each page is
  /// one `PGresult`, held in memory whole).
  static let maxPageRows = 2048

  public func forEachRawArticle(
    in selection: ArticleSelection, expecting: Int, _ body: (RawArticleRow) throws -> Bool
  ) throws {
    do {
      try prepareStatements()
      // A little more than asked for: a few scheduled or invalid rows do not cost a second page.
      // Later pages (rows past many scheduled posts) continue where the last one ended, in
      // the run's one snapshot (REPEATABLE READ), doubling in size.
      // Capped like the later pages: a feed of 10,000 items read in one page held every row
      // with its HTML in one `PGresult` (45 MB of W2's peak; issue 16).
      var limit = min(max(64, expecting + expecting / 8 + 8), Self.maxPageRows)
      var offset = 0
      var nullOnly = false
      if case .uncategorized(let known) = selection {
        nullOnly = try readsOnlyNullCategories(
          "{" + known.map(String.init).joined(separator: ",") + "}")
        if nullOnly { nullCategoryReads += 1 }
      }
      while true {
        let result: PGResult
        switch selection {
        case .all:
          result = try connection.executePrepared(
            "loa_all", statuses + [String(limit), String(offset)], sql: allSQL)
        case .category(let id):
          result = try connection.executePrepared(
            "loa_by_category", statuses + [String(id), String(limit), String(offset)],
            sql: byCategorySQL)
        case .uncategorized where nullOnly:
          result = try connection.executePrepared(
            "loa_uncategorized_null", statuses + [String(limit), String(offset)],
            sql: nullCategorySQL)
        case .uncategorized(let known):
          let array = "{" + known.map(String.init).joined(separator: ",") + "}"
          result = try connection.executePrepared(
            "loa_uncategorized", statuses + [array, String(limit), String(offset)],
            sql: uncategorizedSQL)
        }
        let count = result.rowCount
        for i in 0..<count {
          if try !body(row(result, i)) { return }
        }
        if count < limit { return }
        offset += count
        // Capped: the archive pass reads every row, and a page is held in memory whole.
        limit = min(limit * 2, Self.maxPageRows)
      }
    } catch let e as PostgresError {
      throw mapped(e, "cannot read articles from")
    }
  }

  /// ``SQLiteArticleStore``'s test of the same name, for PostgreSQL: whether the articles
  /// outside every known category (the array literal `known`) are exactly those with no
  /// category id, answered by a loose scan of a B-tree index led by `category_id` (one index
  /// probe per distinct id) on the plain `articles` table without linked categories. Then the
  /// read is `category_id IS NULL`, an index range; otherwise the general query, which filters
  /// the date index row by row (c100k: 27 ms and 19,000 buffers against 1.2 + 2.3 ms;
  /// Benchmarks/analysis.md, "Uncategorized articles without a scan").
  private func readsOnlyNullCategories(_ known: String) throws -> Bool {
    guard articlesSource == "articles", linkSource == nil else { return false }
    if categoryIndexKnown == nil {
      let r = try connection.query(
        "SELECT 1 FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid"
          + " JOIN pg_am AS am ON am.oid = c.relam"
          + " JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
          + " WHERE i.indrelid = to_regclass('articles') AND a.attname = 'category_id'"
          + " AND am.amname = 'btree' AND i.indpred IS NULL AND i.indisvalid")
      let found = r.rowCount > 0
      if found {
        try connection.prepare("loa_category_probe", categoryProbeSQL)
        try connection.prepare("loa_uncategorized_null", nullCategorySQL)
      }
      categoryIndexKnown = found
    }
    guard categoryIndexKnown == true else { return false }
    let r = try connection.executePrepared("loa_category_probe", [known], sql: categoryProbeSQL)
    return r.rowCount == 1 && r.text(0, 0).text == "0"
  }

  public func publishedAtRange() throws -> (newest: String?, oldest: String?) {
    do {
      try prepareStatements()
      func one(_ direction: String) throws -> String? {
        let sql = rangeSQL(direction)
        let r = try connection.query(sql, parameters: statuses)
        return r.rowCount == 1 ? r.text(0, 0).text : nil
      }
      return (try one("DESC"), try one("ASC"))
    } catch let e as PostgresError {
      throw mapped(e, "cannot read articles from")
    }
  }

  public func statusCounts() throws -> StatusCounts {
    do {
      // Only after a run found nothing to publish: one pass over the table or the query.
      let r = try connection.query(
        "SELECT CAST(status AS TEXT), count(*) FROM \(articlesSource) GROUP BY 1"
          + " ORDER BY 2 DESC, 1")
      var counts = StatusCounts()
      for i in 0..<r.rowCount { counts.add(r.text(i, 0).text, rows: Int(r.int64(i, 1) ?? 0)) }
      return counts
    } catch let e as PostgresError {
      throw mapped(e, "cannot read articles from")
    }
  }

  /// Type oids of numbers (int2, int4, int8, float4, float8, numeric): an id of such a type
  /// that is not an integer is written as it is, others in quotes.
  private static let numberTypes: Set<UInt32> = [20, 21, 23, 700, 701, 1700]

  private func row(_ r: PGResult, _ i: Int) -> RawArticleRow {
    let id = r.int64(i, 0)
    var row = RawArticleRow(id: id ?? 0, categoryID: r.int64(i, 1))
    row.idIsMissing = id == nil
    if id == nil {
      row.idLiteral = RawArticleRow.idLiteral(
        text: r.text(i, 0).text, isNumber: Self.numberTypes.contains(r.columnType(0)))
    }
    for c in 2..<ArticleColumns.names.count { row.append(r.bytes(i, c)) }
    if linkSource != nil {
      row.linkedCategoryIDs = ArticleCategoryLinks.ids(r.text(i, ArticleColumns.names.count).text)
    }
    return row
  }

  public func close() throws {
    // Ending a read-only transaction cannot lose anything; a dead connection is fine here.
    try? connection.execute("COMMIT")
    connection.close()
  }
}
