import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

/// The PostgreSQL store against a real server (Scripts/test.sh starts one).
@Suite(.enabled(if: PostgresFixture.enabled), .serialized)
struct PostgresStoreTests {
  /// Publishes with `store` into a fresh folder and returns every file's bytes by path.
  static func publish(
    _ configuration: Configuration, store: ArticleStore, now: Int64
  ) throws -> [String: Data] {
    let out = try TemporaryDirectory()
    var c = configuration
    c.output.directory = out.path
    c.state.directory = out.path + "-state"
    defer { try? FileManager.default.removeItem(atPath: out.path + "-state") }
    try Publisher(configuration: c, store: store, clock: FixedClock(now), logger: .silent).run()
    try store.close()
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: out.path + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: out.path + "/" + path) }
    }
    return files
  }

  static func expectSame(_ a: [String: Data], _ b: [String: Data]) {
    #expect(a.keys.sorted() == b.keys.sorted())
    for (path, data) in a where b[path] != data {
      Issue.record("\(path) differs between SQLite and PostgreSQL")
    }
  }

  @Test func examplePortalGivesTheSameBytesAsSQLite() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.postgres.sql"), encoding: .utf8),
      in: url)
    let lite = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: lite.path("db.sqlite"))
    let config = try Configuration.load(path: ExamplePortal.configPath)
    let now = SystemClock().now()
    let fromSQLite = try Self.publish(
      config, store: try SQLiteArticleStore(path: lite.path("db.sqlite")), now: now)
    let fromPostgres = try Self.publish(config, store: try PostgresArticleStore(url: url), now: now)
    #expect(fromSQLite.count == 109)  // feeds, pages, head links, sitemaps, 60 monthly archives
    Self.expectSame(fromSQLite, fromPostgres)
  }

  @Test func hostileRowsGiveTheSameBytesAsSQLite() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    let lite = try TemporaryDirectory()
    try SQLiteFixture.create(at: lite.path("db.sqlite"), sql: HostileInputTests.sql)
    try PostgresFixture.copy(fromSQLite: lite.path("db.sqlite"), to: url)
    let config = try HostileInputTests.configuration(lite)
    let fromSQLite = try Self.publish(
      config, store: try SQLiteArticleStore(path: lite.path("db.sqlite")), now: HostileInputTests.now)
    let fromPostgres = try Self.publish(
      config, store: try PostgresArticleStore(url: url), now: HostileInputTests.now)
    #expect(fromSQLite.count >= 9)
    Self.expectSame(fromSQLite, fromPostgres)
  }

  @Test func sortsConfiguredDateFormatsLikeSQLite() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    let lite = try TemporaryDirectory()
    var rows: [String] = []
    for i in 1...10 {
      let day = 25 + 3 * i
      let (d, m) = day > 31 ? (day - 31, 11) : (day, 10)
      rows.append("(\(i), NULL, 'Tin \(i)', 'published', '\(String(format: "%02d/%02d/2026 08:30", d, m))')")
    }
    try SQLiteFixture.create(
      at: lite.path("db.sqlite"),
      sql: SQLiteFixture.schema
        + "INSERT INTO articles (id, category_id, title, status, published_at) VALUES "
        + rows.joined(separator: ", ") + ";")
    try PostgresFixture.copy(fromSQLite: lite.path("db.sqlite"), to: url)
    let json = """
      {"version": 1, "site": {"title": "Phường", "url": "https://p.example.org/"},
       "database": {"url": "sqlite:db.sqlite", "dateFormats": ["dd/MM/yyyy HH:mm"]},
       "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"itemsPerFeed": 3}}
      """
    let config = try Configuration.parse(Data(json.utf8), path: lite.path("config.json"))
    let now = try #require(DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")).utc
    let patterns = config.database.dateFormats
    let fromSQLite = try Self.publish(
      config, store: try SQLiteArticleStore(path: lite.path("db.sqlite"), datePatterns: patterns),
      now: now)
    let fromPostgres = try Self.publish(
      config, store: try PostgresArticleStore(url: url, datePatterns: patterns), now: now)
    Self.expectSame(fromSQLite, fromPostgres)
    let rss = String(decoding: try #require(fromPostgres["rss.xml"]), as: UTF8.self)
    #expect(rss.contains("article:10<") && rss.contains("article:8<") && !rss.contains("article:7<"))
  }

  @Test func readsTheOperatorsOwnQueryWithTimestamptz() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      """
      CREATE TABLE cats (cid int PRIMARY KEY, label text, code text);
      CREATE TABLE posts (post_id int PRIMARY KEY, cat int, headline text, body text, state int, created timestamptz);
      INSERT INTO cats VALUES (1, 'Tin', 'tin');
      INSERT INTO posts VALUES (10, 1, 'Tiêu đề', '<p>x</p>', 1, '2026-11-01 01:00:00+00'),
                               (11, 1, 'Nháp', '', 0, '2026-11-02 01:00:00+00');
      """, in: url)
    let store = try PostgresArticleStore(
      url: url,
      articlesQuery: """
        SELECT post_id AS id, cat AS category_id, headline AS title, NULL AS slug, NULL AS summary,
          body AS content_html, NULL AS author, NULL AS image_url, NULL AS image_caption,
          NULL AS url, NULL AS tags, CASE state WHEN 1 THEN 'published' ELSE 'draft' END AS status,
          created AS published_at, NULL::timestamptz AS updated_at FROM posts
        """,
      categoriesQuery: "SELECT cid AS id, NULL::int AS parent_id, code AS slug, label AS name, NULL AS description FROM cats")
    defer { try? store.close() }
    #expect(try store.categories().map(\.name) == ["Tin"])
    var rows: [ArticleRow] = []
    try store.forEachArticle(in: .category(1)) { rows.append($0); return true }
    #expect(rows.map(\.id) == [10])
    let parsed = DateParser(zone: try SiteTimeZone("Asia/Ho_Chi_Minh")).parse(rows[0].publishedAt ?? "")
    #expect(parsed.map(DateFormats.rfc3339) == "2026-11-01T08:00:00+07:00")
  }

  /// With a B-tree index led by `category_id` and every category id known, the uncategorized
  /// articles are read as `category_id IS NULL` after a loose scan of that index; an id the
  /// caller does not know sends the read back to the general query, with the same answers;
  /// without the index the general query answers.
  @Test func readsUncategorizedArticlesAsNullCategoriesWhenEveryIdIsKnown() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(NullCategoryFixture.sql, in: url)
    func read(_ known: [Int64]) throws -> (ids: [Int64], nullReads: Int) {
      let store = try PostgresArticleStore(url: url)
      defer { try? store.close() }
      return (try NullCategoryFixture.uncategorized(store, known), store.nullCategoryReads)
    }
    #expect(try read([1, 2]) == ([3, 5], 0), "no index led by category_id: the general query")
    try PostgresFixture.run(
      "CREATE INDEX articles_category_published ON articles (category_id, published_at);", in: url)
    #expect(try read([1, 2]) == ([3, 5], 1))
    #expect(try read([1]) == ([3, 2, 5], 0), "2 is unknown: the general query")
  }

  @Test func bindsTheAcceptedStatusesCountsThemAndNamesRowsAsTheyAre() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      SQLiteFixture.schema + """
        INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);
        INSERT INTO articles (id, category_id, title, status, published_at) VALUES
          (1, 1, 'Một', 'published', '2026-11-01 08:00:00'),
          (2, 1, 'Hai', 'publish', '2026-11-02 08:00:00'),
          (3, NULL, 'Ba', 'publish', '2026-11-03 08:00:00'),
          (4, 1, 'Bốn', 'draft', '2026-11-04 08:00:00');
        CREATE TABLE odd (id numeric, title text, published_at text);
        INSERT INTO odd VALUES (NULL, 'Rỗng', '2026-11-05'), (2.5, 'Thực', '2026-11-05');
        """, in: url)
    func ids(_ store: PostgresArticleStore, _ selection: ArticleSelection) throws -> [Int64] {
      var ids: [Int64] = []
      try store.forEachArticle(in: selection) { ids.append($0.id); return true }
      return ids
    }
    let both = try PostgresArticleStore(url: url, publishedStatuses: ["published", "publish"])
    #expect(try ids(both, .all) == [3, 2, 1])
    #expect(try ids(both, .category(1)) == [2, 1])
    #expect(try ids(both, .uncategorized(knownCategories: [1])) == [3])
    #expect(try both.publishedAtRange().newest == "2026-11-03 08:00:00")
    var counts = StatusCounts()
    counts.add("publish", rows: 2)
    counts.add("draft", rows: 1)
    counts.add("published", rows: 1)
    #expect(try both.statusCounts() == counts)
    try both.close()
    // A value is bound, never written into the SQL.
    let hostile = try PostgresArticleStore(url: url, publishedStatuses: ["x' OR '1'='1"])
    #expect(try ids(hostile, .all) == [])
    try hostile.close()
    let odd = try PostgresArticleStore(
      url: url,
      articlesQuery: """
        SELECT id, 1 AS category_id, title, NULL AS slug, NULL AS summary, NULL AS content_html,
          NULL AS author, NULL AS image_url, NULL AS image_caption, NULL AS url, NULL AS tags,
          'published' AS status, published_at, NULL AS updated_at FROM odd
        UNION ALL SELECT NULL, 1, 'Chữ', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
          'published', '2026-11-05', NULL
        """)
    defer { try? odd.close() }
    var names: [String] = []
    try odd.forEachRawArticle(in: .all, expecting: 10) { names.append($0.rowName); return true }
    #expect(Set(names) == ["row with id NULL", "row with id 2.5"])
    #expect(odd.usesArticlesQuery)
  }

  @Test func readsPastScheduledRowsInPages() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    var sql = SQLiteFixture.schema + "INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);\n"
    // 150 scheduled rows newer than the 3 published ones: more than the first page.
    for i in 1...150 {
      sql += "INSERT INTO articles (id, category_id, title, published_at) VALUES (\(i), 1, 'S\(i)', '2099-01-01 00:00:\(String(format: "%02d", i % 60))');\n"
    }
    for i in 151...153 {
      sql += "INSERT INTO articles (id, category_id, title, published_at) VALUES (\(i), 1, 'P\(i)', '2026-11-0\(i - 150) 08:00:00');\n"
    }
    try PostgresFixture.run(sql, in: url)
    let store = try PostgresArticleStore(url: url)
    defer { try? store.close() }
    var ids: [Int64] = []
    var all: [Int64] = []
    try store.forEachArticle(in: .category(1)) { row in
      all.append(row.id)
      if row.title?.hasPrefix("P") == true { ids.append(row.id) }
      return ids.count < 3
    }
    #expect(ids == [153, 152, 151])
    // Every row once, none skipped, none repeated where one page ends and the next begins.
    #expect(all.count == 153 && Set(all).count == 153, "\(all)")
    #expect(Array(all.suffix(3)) == [153, 152, 151])
  }
}

/// Failures as cron sees them: the real `loa` binary against the real server.
@Suite(.enabled(if: PostgresFixture.enabled), .serialized)
struct PostgresFailureTests {
  func loa(_ args: [String], state: TemporaryDirectory, hangGuardSeconds: Double? = nil) throws
    -> ProcessResult
  {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = state.path
    env.removeValue(forKey: "PGPASSWORD")
    return try Subprocess.run(
      try #require(LoaBinary.path), args, environment: env, hangGuardSeconds: hangGuardSeconds)
  }

  func publish(
    _ url: String, _ dir: TemporaryDirectory, extra: String = "", hangGuardSeconds: Double? = nil
  ) throws -> ProcessResult {
    let config = """
      {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
       "database": {"url": "sqlite:unused.sqlite" \(extra)},
       "output": {"directory": "out", "baseURL": "/f/"}}
      """
    try config.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    return try loa(
      ["publish", "--config", dir.path("c.json"), "--database", url], state: dir,
      hangGuardSeconds: hangGuardSeconds)
  }

  @Test func serverDownIsUnavailable() throws {
    let server = try PostgresFixture.serverURL()
    let dir = try TemporaryDirectory()
    // (A well-formed string: one libpq refuses, e.g. with an unknown parameter, is 78.)
    let port = try #require(server.components(separatedBy: "port=").last?.components(separatedBy: "&").first)
    let down = "postgresql://loa@/postgres?host=/nonexistent-loa-socket-dir&port=\(port)"
    let r = try publish(down, dir)
    #expect(r.status == 69)
    #expect(r.stderr.hasPrefix("loa: error: cannot connect to PostgreSQL "), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func wrongPasswordIsAConfigErrorAndNeverPrinted() throws {
    let server = try PostgresFixture.serverURL()
    let dir = try TemporaryDirectory()
    let wrong = server.replacingOccurrences(of: "://loa@", with: "://loa_pw:s3cret-guess@")
    let r = try publish(wrong, dir)
    #expect(r.status == 78)
    #expect(r.stderr.contains("password authentication failed"), "\(r.stderr)")
    #expect(!r.stderr.contains("s3cret-guess"))
    #expect(r.stderr.contains("loa_pw:***@"))
  }

  @Test func noSpellingOfAPasswordIsEverPrinted() throws {
    let server = try PostgresFixture.serverURL()
    let dir = try TemporaryDirectory()
    // An unencoded "@" in the password: libpq would take the rest for the host name.
    let at = server.replacingOccurrences(of: "://loa@", with: "://loa_pw:Wr0ng@pa55@")
    let r1 = try publish(at, dir)
    #expect(r1.status == 78, "\(r1.stderr)")
    #expect(r1.stderr.contains("%40"))
    #expect(!r1.stderr.contains("Wr0ng") && !r1.stderr.contains("pa55"), "\(r1.stderr)")
    // The password in the query string, its key percent-encoded: libpq reads it all the same.
    let encodedKey = server + "&user=loa_pw&pass%77ord=s3cret-guess-2"
    let r2 = try publish(encodedKey, dir)
    #expect(r2.status == 78, "\(r2.stderr)")
    #expect(!r2.stderr.contains("s3cret-guess-2"), "\(r2.stderr)")
    // A libpq key=value string is PostgreSQL, not a SQLite file name to print.
    let socket = try #require(server.components(separatedBy: "host=").last?.components(separatedBy: "&").first)
    let port = try #require(server.components(separatedBy: "port=").last?.components(separatedBy: "&").first)
    let keyValue = "host=\(socket) port=\(port) dbname=postgres user=loa_pw password=WrongKV-3"
    let r3 = try publish(keyValue, dir)
    #expect(r3.status == 78, "\(r3.stderr)")
    #expect(r3.stderr.contains("password authentication failed"), "\(r3.stderr)")
    #expect(!r3.stderr.contains("WrongKV-3"), "\(r3.stderr)")
    // Every spelling found by attacking loa (issue 12), and more. Each is refused (78: a wrong
    // password, or a string libpq cannot parse) in one line holding no part of the password,
    // and nothing of it reaches the state directory. `withheld`: the password is a word of
    // libpq's message, so the message is not shown (masking the word would tell it).
    let kv = "host=\(socket) port=\(port) dbname=postgres user=loa_pw"
    let uri = "postgresql://loa_pw@/postgres?host=\(socket)&port=\(port)"
    func userInfo(_ password: String) -> String {
      uri.replacingOccurrences(of: "://loa_pw@", with: "://loa_pw:\(password)@")
    }
    let spellings: [(url: String, secrets: [String], withheld: Bool)] = [
      (kv + " password='S3 cr3tPW'", ["S3 cr3tPW", "cr3tPW"], false),
      (kv + " password='it\\'s S3cr3tQu'", ["S3cr3tQu"], false),
      (kv + " password=S3cr3tBS\\ x", ["S3cr3tBS", "\\ x"], false),
      (kv + " password = 'S3cr3tSp' ", ["S3cr3tSp"], false),
      (kv + " PASSWORD=S3cr3tUP", ["S3cr3tUP"], false),
      (kv + " Password =S3cr3tMix", ["S3cr3tMix"], false),
      (kv + " password=S3 cr3tSplit", ["cr3tSplit"], false),
      (kv + " password='S3cr3tOpen", ["S3cr3tOpen"], false),
      (kv + " sslpassword=S3cr3tSSL password=S3cr3tKV", ["S3cr3tSSL", "S3cr3tKV"], false),
      (userInfo("S3cr3t%ZZPW"), ["S3cr3t", "ZZPW"], false),
      (userInfo("S3cr3tUI"), ["S3cr3tUI"], false),
      (userInfo("S3cr3t%20Enc"), ["S3cr3t", "Enc"], false),
      (uri + "&password=S3cr3tQP", ["S3cr3tQP"], false),
      (uri + "&PASSWORD=S3cr3tQU", ["S3cr3tQU"], false),
      (uri + "&password=S3cr3t%20QE", ["S3cr3t"], false),
      ("host=\(socket) port=\(port) user=loa dbname='x password=S3cr3tDB'", ["S3cr3tDB"], false),
      (userInfo("authentication"), ["authentication"], true),
      (userInfo("socket"), ["socket"], true),
      (uri + "&password=failed", ["failed"], true),
    ]
    for (url, secrets, withheld) in spellings {
      let r = try publish(url, dir)
      #expect(r.status == 78, "\(url): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      if withheld { #expect(r.stderr.contains("not shown"), "\(r.stderr)") }
      let stored = try Self.everyFile(under: dir.path)
      for secret in secrets {
        #expect(!r.stderr.lowercased().contains(secret.lowercased()), "\(url): \(r.stderr)")
        for (path, bytes) in stored where bytes.range(of: Data(secret.utf8)) != nil {
          Issue.record("\(path) holds \(secret)")
        }
      }
    }
  }

  /// The bytes of every file under `path`, by path.
  static func everyFile(under path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for p in (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [] {
      if let data = FileManager.default.contents(atPath: path + "/" + p) { files[p] = data }
    }
    return files
  }

  /// A run that connects with a password stores and prints no spelling of it: not in the run
  /// state (which names the database), the cleaning cache, the report or a `-vv` log.
  @Test func aWorkingPasswordReachesNeitherTheStateNorTheLog() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.postgres.sql"), encoding: .utf8)
        + "\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO loa_pw;",
      in: url)
    let socket = try #require(url.components(separatedBy: "host=").last?.components(separatedBy: "&").first)
    let port = try #require(url.components(separatedBy: "port=").last?.components(separatedBy: "&").first)
    let database = try #require(url.components(separatedBy: "@/").last?.components(separatedBy: "?").first)
    let uri = "postgresql://loa_pw@/\(database)?host=\(socket)&port=\(port)"
    let kv = "host=\(socket) port=\(port) dbname=\(database) user=loa_pw"
    let dir = try TemporaryDirectory()
    for spelling in [
      uri.replacingOccurrences(of: "://loa_pw@", with: "://loa_pw:right-password@"),
      uri + "&pass%77ord=right%2Dpassword",
      kv + " password='right-password'",
      kv + " password=right\\-password",
    ] {
      let r = try loa(
        [
          "publish", "--config", ExamplePortal.configPath, "--database", spelling, "--output",
          dir.path("out"), "-vv", "--report", dir.path("report.json"),
        ], state: dir)
      #expect(r.status == 0, "\(spelling): \(r.stderr)")
      #expect(!r.stderr.contains("right"), "\(r.stderr)")
      let files = try Self.everyFile(under: dir.path)
      #expect(files.keys.contains { $0.hasPrefix("run-") }, "\(files.keys.sorted())")
      for (path, bytes) in files {
        for secret in ["right-password", "right%2Dpassword", "right\\-password"] {
          #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(path) holds \(secret)")
        }
      }
    }
  }

  /// Before: a second statement that closes loa's parenthesis ran (PQsendQuery runs every
  /// statement of a string) and the run exited 0; docs/database.md says one SELECT (78).
  @Test func aCustomQueryOfSeveralStatementsIsAConfigurationError() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.postgres.sql"), encoding: .utf8),
      in: url)
    let dir = try TemporaryDirectory()
    for query in [
      "SELECT * FROM categories) AS c; SELECT * FROM (SELECT * FROM categories",
      "SELECT * FROM categories; SELECT * FROM categories",
    ] {
      let r = try publish(url, dir, extra: ", \"categoriesQuery\": \"\(query)\"")
      #expect(r.status == 78, "\(query): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
  }

  @Test func missingTableAndColumnAreNamed() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    let dir = try TemporaryDirectory()
    let noTable = try publish(url, dir)
    #expect(noTable.status == 78)
    #expect(noTable.stderr.contains("relation \"categories\" does not exist"), "\(noTable.stderr)")
    try PostgresFixture.run(
      """
      CREATE TABLE categories (id bigint PRIMARY KEY, parent_id bigint, slug text, name text, description text);
      CREATE TABLE articles (id bigint PRIMARY KEY, category_id bigint, title text, slug text, summary text,
        content_html text, author text, image_url text, url text, tags text, status text,
        published_at timestamp, updated_at timestamp);
      INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);
      """, in: url)
    let noColumn = try publish(url, dir)
    #expect(noColumn.status == 78)
    #expect(noColumn.stderr.contains("column \"image_caption\" does not exist"), "\(noColumn.stderr)")
  }

  /// The query sleeps a minute: without the timeout the run would publish (exit 0) after the
  /// hang guard had killed it.
  @Test func aSlowQueryHitsTheStatementTimeout() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    let dir = try TemporaryDirectory()
    try PostgresFixture.run(
      SQLiteFixture.schema + "INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);", in: url)
    let r = try publish(
      url, dir,
      extra: ", \"statementTimeoutSeconds\": 1, \"categoriesQuery\": \"SELECT c.* FROM categories c, pg_sleep(60)\"",
      hangGuardSeconds: HangGuard.seconds(expecting: 1))
    #expect(!r.killedByHangGuard, "the query outlived its 1 s statement timeout")
    #expect(r.status == 69)
    #expect(r.stderr.contains("statement timeout"), "\(r.stderr)")
  }

  @Test func aServerLostMidRunLeavesThePublishedFilesUntouched() throws {
    let server = try PostgresFixture.serverURL()
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.postgres.sql"), encoding: .utf8),
      in: url)
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    // A first, good publish.
    let good = try loa(
      ["publish", "--config", ExamplePortal.configPath, "--database", url, "--output", dir.path("out")],
      state: dir)
    #expect(good.status == 0)
    let before = try snapshot(dir.path("out"))
    // A second run whose article query sleeps, so it can be cut off part-way.
    try """
      {"version": 1, "site": {"title": "Cổng thông tin điện tử phường Bãi Cháy", "url": "https://baichay.example.org/"},
       "database": {"url": "sqlite:unused", "articlesQuery": "SELECT a.* FROM articles a, LATERAL (SELECT pg_sleep(0.05)) s"},
       "output": {"directory": "out", "baseURL": "https://baichay.example.org/feeds/"}}
      """.write(toFile: dir.path("slow.json"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(LoaBinary.path))
    process.arguments = ["publish", "--config", dir.path("slow.json"), "--database", url]
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    process.environment = env
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    // Wait until its query is running (it sleeps 50 ms per article, seconds in all), then
    // terminate its backend. Polled for as long as loa runs: a loaded machine may take a while
    // to get there (the 60 s are a hang guard only).
    let admin = try PGConnection(url: server, applicationName: "loa-test-admin")
    defer { admin.close() }
    var terminated = false
    _ = try HangGuard.wait(seconds: 60) {
      let r = try admin.query(
        "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'loa' AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep%' AND state = 'active') t")
      terminated = (r.int64(0, 0) ?? 0) > 0
      return terminated || !process.isRunning
    }
    #expect(terminated, "loa's query was never seen running")
    HangGuard.waitUntilExit(process, seconds: 60)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 69, "\(stderr)")
    #expect(stderr.contains("connection lost") || stderr.contains("terminating connection"), "\(stderr)")
    #expect(try snapshot(dir.path("out")) == before, "the published files must be untouched")
  }

  @Test func aFrozenServerCannotHangTheRun() throws {
    let server = try PostgresFixture.serverURL()
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try PostgresFixture.run(
      SQLiteFixture.schema + "INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);", in: url)
    let dir = try TemporaryDirectory()
    // The query sleeps past the 3 s statement timeout: the server cancels it after 3 s unless
    // the test has frozen the backend by then (a window that no loaded machine misses).
    try """
      {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
       "database": {"url": "sqlite:unused", "statementTimeoutSeconds": 3,
                    "categoriesQuery": "SELECT c.* FROM categories c, pg_sleep(60)"},
       "output": {"directory": "out", "baseURL": "/f/"}}
      """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(LoaBinary.path))
    process.arguments = ["publish", "--config", dir.path("c.json"), "--database", url]
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    process.environment = env
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    // Freeze loa's backend in the middle of its query, as a hung server or a network
    // partition would: the server's own statement_timeout cannot fire.
    let admin = try PGConnection(url: server, applicationName: "loa-test-admin")
    defer { admin.close() }
    var frozen: Int32?
    _ = try HangGuard.wait(seconds: 60) {
      let r = try admin.query(
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'loa' AND query LIKE '%pg_sleep%' AND state = 'active'")
      if r.rowCount > 0, let pid = r.int64(0, 0) {
        frozen = Int32(pid)
        kill(Int32(pid), SIGSTOP)
      }
      return frozen != nil || !process.isRunning
    }
    defer { if let frozen { kill(frozen, SIGCONT) } }
    #expect(frozen != nil, "loa's query was never seen running")
    // The frozen backend never answers: only loa's own wait (3 s + 5 s) ends the run. A hang
    // must fail the test, not the whole run: the hang guard kills loa.
    let killed = HangGuard.waitUntilExit(process, seconds: HangGuard.seconds(expecting: 8))
    #expect(!killed, "loa still waited for the frozen server")
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 69, "\(stderr)")
    #expect(stderr.contains("no answer from the server within 8 s"), "\(stderr)")
  }

  func snapshot(_ path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for p in try FileManager.default.subpathsOfDirectory(atPath: path) where !p.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: path + "/" + p, isDirectory: &isDirectory)
      if !isDirectory.boolValue { files[p] = FileManager.default.contents(atPath: path + "/" + p) }
    }
    return files
  }
}
