import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `mysql://` and `mariadb://` URLs, without a server.
@Suite struct MariaDBURLTests {
  @Test func parsesEveryPartPercentDecoded() throws {
    let url = try MariaDBURL(
      parsing:
        "mysql://wp%20user:p%40ss@db.example.org:3307/wp%5Fsite?socket=/run/mysqld/mysqld.sock&ssl-mode=required&ssl-ca=/etc/ca.pem&charset=utf8mb4"
    )
    #expect(url.user == "wp user")
    #expect(url.password == "p@ss")
    #expect(url.host == "db.example.org")
    #expect(url.port == 3307)
    #expect(url.database == "wp_site")
    #expect(url.socket == "/run/mysqld/mysqld.sock")
    #expect(url.sslMode == .required)
    #expect(url.sslCA == "/etc/ca.pem")
  }

  @Test func anUnencodedAtInThePasswordStaysInThePassword() throws {
    let url = try MariaDBURL(parsing: "mariadb://loa:Wr0ng@pa55@127.0.0.1:3306/loa")
    #expect(url.password == "Wr0ng@pa55")
    #expect(url.host == "127.0.0.1")
  }

  @Test func theDisplayedFormShowsNoPassword() throws {
    let url = try MariaDBURL(parsing: "mysql://loa:s3cr%65t@db:3306/portal?ssl-mode=VERIFY_CA")
    #expect(url.displayed == "mysql://loa:***@db:3306/portal?ssl-mode=VERIFY_CA")
    // A user or database named like the password is masked too.
    #expect(
      try MariaDBURL(parsing: "mysql://hunter2:hunter2@db/hunter2").displayed
        == "mysql://***:***@db/***")
  }

  @Test(arguments: [
    ("mysql://loa@db/x?sslmode=require", "unknown option \"sslmode\""),
    ("mysql://loa@db/x?password=S3cr3tQP", "unknown option \"password\""),
    ("mysql://loa@db/x?ssl-mode=sometimes", "ssl-mode must be one of"),
    ("mysql://loa@db:33o6/x", "port is not a number"),
    ("mysql://loa@db/x?charset=latin1", "charset must be utf8mb4"),
    ("mysql://loa:S3cr3t%ZZPW@db/x", "has a \"%\""),
  ])
  func refusesWhatItDoesNotKnowByName(url: String, message: String) throws {
    #expect(MariaDBURL.isURL(url))
    do {
      _ = try DatabaseLocation.parse(url, baseDirectory: "/")
      Issue.record("\(url) parsed")
    } catch let e as ConfigError {
      #expect(e.description.contains(message), "\(e.description)")
      for secret in ["S3cr3tQP", "S3cr3t", "ZZPW"] { #expect(!e.description.contains(secret)) }
    }
  }

  @Test func anOptionNamedLikeThePasswordIsNotNamed() throws {
    do {
      _ = try MariaDBURL(parsing: "mysql://loa:Hunter22@db/x?Hunter22")
      Issue.record("parsed")
    } catch let e as MariaDBURL.ParseError {
      #expect(!e.description.contains("Hunter22"), "\(e.description)")
      #expect(e.description.contains("unknown option"))
    }
  }

  @Test func bothSchemesAreDatabaseLocations() throws {
    for scheme in ["mysql", "mariadb"] {
      let location = try DatabaseLocation.parse(
        "\(scheme)://loa:pw-123@127.0.0.1:3306/loa", baseDirectory: "/")
      #expect(location == .mariadb(url: "\(scheme)://loa:pw-123@127.0.0.1:3306/loa"))
      #expect(location.description == "\(scheme)://loa:***@127.0.0.1:3306/loa")
    }
  }

  @Test func mariadbScriptHasTheSameRowsAsTheSQLiteOne() throws {
    func rows(_ file: String) throws -> Substring {
      let text = try String(contentsOfFile: PackagePaths.path(file), encoding: .utf8)
      return text[try #require(text.range(of: "INSERT INTO categories")).lowerBound...]
    }
    #expect(
      try rows("Examples/bai-chay.sql") == rows("Examples/bai-chay.mariadb.sql"),
      "run Scripts/make-mariadb-example.py")
  }

  /// MariaDB's latin1 columns: UTF-8 bytes in them are WordPress mojibake, taken as UTF-8.
  @Test func latin1BytesBecomeUTF8() {
    let latin1: UInt32 = 8
    let utf8 = Array("Trần".utf8)
    #expect(MariaDBText.utf8(utf8, charset: latin1) == utf8)
    #expect(
      MariaDBText.utf8([0x43, 0x61, 0x66, 0xE9, 0x80], charset: latin1) == Array("Café€".utf8))
    // Both kinds in one value: passed on, so the row is reported as invalid UTF-8.
    let mixed: [UInt8] = [0xE9, 0x20] + utf8
    #expect(MariaDBText.utf8(mixed, charset: latin1) == mixed)
    #expect(MariaDBText.utf8([0xE9], charset: 45) == [0xE9])
  }
}

/// The MariaDB store against a real server (Scripts/test.sh starts one).
@Suite(.enabled(if: MariaDBFixture.enabled), .serialized)
struct MariaDBStoreTests {
  static func expectSame(_ a: [String: Data], _ b: [String: Data]) {
    #expect(a.keys.sorted() == b.keys.sorted())
    for (path, data) in a where b[path] != data {
      Issue.record("\(path) differs between SQLite and MariaDB")
    }
  }

  @Test func examplePortalGivesTheSameBytesAsSQLite() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.mariadb.sql"), encoding: .utf8),
      in: url)
    let lite = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: lite.path("db.sqlite"))
    let config = try Configuration.load(path: ExamplePortal.configPath)
    let now = SystemClock().now()
    let fromSQLite = try PostgresStoreTests.publish(
      config, store: try SQLiteArticleStore(path: lite.path("db.sqlite")), now: now)
    let fromMariaDB = try PostgresStoreTests.publish(
      config, store: try MariaDBArticleStore(url: url), now: now)
    #expect(fromSQLite.count == 109)  // feeds, pages, head links, sitemaps, 60 monthly archives
    Self.expectSame(fromSQLite, fromMariaDB)
  }

  @Test func hostileRowsGiveTheSameBytesAsSQLite() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    let lite = try TemporaryDirectory()
    try SQLiteFixture.create(at: lite.path("db.sqlite"), sql: HostileInputTests.sql)
    try MariaDBFixture.copy(fromSQLite: lite.path("db.sqlite"), to: url)
    let config = try HostileInputTests.configuration(lite)
    let fromSQLite = try PostgresStoreTests.publish(
      config, store: try SQLiteArticleStore(path: lite.path("db.sqlite")),
      now: HostileInputTests.now)
    let fromMariaDB = try PostgresStoreTests.publish(
      config, store: try MariaDBArticleStore(url: url), now: HostileInputTests.now)
    #expect(fromSQLite.count >= 9)
    Self.expectSame(fromSQLite, fromMariaDB)
  }

  @Test func sortsConfiguredDateFormatsLikeSQLite() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    let lite = try TemporaryDirectory()
    var rows: [String] = []
    for i in 1...10 {
      let day = 25 + 3 * i
      let (d, m) = day > 31 ? (day - 31, 11) : (day, 10)
      rows.append(
        "(\(i), NULL, 'Tin \(i)', 'published', '\(String(format: "%02d/%02d/2026 08:30", d, m))')")
    }
    try SQLiteFixture.create(
      at: lite.path("db.sqlite"),
      sql: SQLiteFixture.schema
        + "INSERT INTO articles (id, category_id, title, status, published_at) VALUES "
        + rows.joined(separator: ", ") + ";")
    try MariaDBFixture.copy(fromSQLite: lite.path("db.sqlite"), to: url)
    let json = """
      {"version": 1, "site": {"title": "Phường", "url": "https://p.example.org/"},
       "database": {"url": "sqlite:db.sqlite", "dateFormats": ["dd/MM/yyyy HH:mm"]},
       "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"itemsPerFeed": 3}}
      """
    let config = try Configuration.parse(Data(json.utf8), path: lite.path("config.json"))
    let now = try #require(
      DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")
    ).utc
    let patterns = config.database.dateFormats
    let fromSQLite = try PostgresStoreTests.publish(
      config, store: try SQLiteArticleStore(path: lite.path("db.sqlite"), datePatterns: patterns),
      now: now)
    let fromMariaDB = try PostgresStoreTests.publish(
      config, store: try MariaDBArticleStore(url: url, datePatterns: patterns), now: now)
    Self.expectSame(fromSQLite, fromMariaDB)
    let rss = String(decoding: try #require(fromMariaDB["rss.xml"]), as: UTF8.self)
    #expect(
      rss.contains("article:10<") && rss.contains("article:8<") && !rss.contains("article:7<"))
  }

  /// `utf8mb4_unicode_ci` matches `Published` and `published ` to `published`; SQLite does
  /// not, and neither may loa on MariaDB.
  @Test func comparesStatusesByTheirBytesAndCountsThem() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      SQLiteFixture.schema
        + """
        INSERT INTO articles (id, title, status, published_at) VALUES
          (1, 'a', 'published', '2026-01-01 10:00:00'), (2, 'b', 'Published', '2026-01-02 10:00:00'),
          (3, 'c', 'published ', '2026-01-03 10:00:00'), (4, 'd', 'publish', '2026-01-04 10:00:00'),
          (5, 'e', 'public', '2026-01-05 10:00:00');
        """, in: url)
    let store = try MariaDBArticleStore(url: url, publishedStatuses: ["published", "public"])
    defer { try? store.close() }
    var ids: [Int64] = []
    try store.forEachRawArticle(in: .all, expecting: 10) {
      ids.append($0.id)
      return true
    }
    #expect(ids == [5, 1])
    let counts = try store.statusCounts()
    #expect(counts.rows == 5 && counts.distinct == 5)
    let range = try store.publishedAtRange()
    #expect(range.newest == "2026-01-05 10:00:00" && range.oldest == "2026-01-01 10:00:00")
  }

  /// With a B-tree index led by `category_id` (InnoDB makes one for the foreign key) and every
  /// category id known, the uncategorized articles are read as `category_id IS NULL` after a
  /// loose scan of that index; an id the caller does not know sends the read back to the
  /// general query, with the same answers.
  @Test func readsUncategorizedArticlesAsNullCategoriesWhenEveryIdIsKnown() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(NullCategoryFixture.sql, in: url)
    func read(_ known: [Int64]) throws -> (ids: [Int64], nullReads: Int) {
      let store = try MariaDBArticleStore(url: url)
      defer { try? store.close() }
      return (try NullCategoryFixture.uncategorized(store, known), store.nullCategoryReads)
    }
    #expect(try read([1, 2]) == ([3, 5], 1))
    #expect(try read([1]) == ([3, 2, 5], 0), "2 is unknown: the general query")
    #expect(try read([]) == ([3, 2, 1, 5], 0))
  }

  /// More scheduled rows than the first page holds: the later pages are read too.
  @Test func readsPastScheduledRowsInPages() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    var values: [String] = []
    for i in 1...150 {
      values.append(
        "(\(i), 1, 'T\(i)', 'published', '2099-01-01 00:00:\(String(format: "%02d", i % 60))')")
    }
    values.append("(1000, 1, 'old', 'published', '2020-01-01 00:00:00')")
    try MariaDBFixture.run(
      SQLiteFixture.schema + "INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);"
        + "INSERT INTO articles (id, category_id, title, status, published_at) VALUES "
        + values.joined(separator: ", ") + ";", in: url)
    let store = try MariaDBArticleStore(url: url)
    defer { try? store.close() }
    for selection in [ArticleSelection.all, .category(1), .uncategorized(knownCategories: [2])] {
      var last: Int64?
      var seen = 0
      try store.forEachRawArticle(in: selection, expecting: 1) { row in
        seen += 1
        last = row.id
        return row.publishedAt?.hasPrefix("2099") ?? false
      }
      #expect(last == 1000 && seen == 151, "\(selection)")
    }
    var none = 0
    try store.forEachRawArticle(in: .uncategorized(knownCategories: [1, 7]), expecting: 5) { _ in
      none += 1
      return true
    }
    #expect(none == 0)
  }

  /// A zero date and an impossible date (`ALLOW_INVALID_DATES`) are reported and left out, row
  /// by row; `TIMESTAMP` columns are instants (UTC), `DATETIME` ones wall-clock times.
  @Test func zeroAndInvalidDatesAreReportedPerRow() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      """
      SET SESSION sql_mode = 'ALLOW_INVALID_DATES';
      CREATE TABLE categories (id BIGINT PRIMARY KEY, parent_id BIGINT, slug TEXT, name TEXT, description TEXT);
      CREATE TABLE articles (id BIGINT PRIMARY KEY, category_id BIGINT, title TEXT, slug TEXT,
        summary TEXT, content_html TEXT, author TEXT, image_url TEXT, image_caption TEXT, url TEXT,
        tags TEXT, status VARCHAR(20), published_at DATETIME, updated_at TIMESTAMP NULL);
      INSERT INTO articles (id, title, status, published_at, updated_at) VALUES
        (1, 'Bài tốt', 'published', '2026-11-01 08:00:00', '2026-11-01 03:00:00'),
        (2, 'Bài ngày không', 'published', '0000-00-00 00:00:00', NULL),
        (3, 'Bài ngày sai', 'published', '2026-02-31 10:00:00', NULL);
      """, in: url)
    let dir = try TemporaryDirectory()
    let r = try MariaDBFailureTests.publish(url, dir, now: "2026-11-29T00:00:00Z")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stderr.contains("item 2: published_at: \"0000-00-00 00:00:00\" is not a date"),
      "\(r.stderr)")
    #expect(
      r.stderr.contains("item 3: published_at: \"2026-02-31 10:00:00\" is not a date"),
      "\(r.stderr)")
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rss.contains("Bài tốt") && !rss.contains("Bài ngày"))
    // DATETIME 08:00 in the site's zone (+07:00) is 01:00 UTC; the TIMESTAMP 03:00 is UTC.
    let json = try String(contentsOfFile: dir.path("out/feed.json"), encoding: .utf8)
    #expect(json.contains("\"date_published\": \"2026-11-01T08:00:00+07:00\""), "\(json)")
    #expect(json.contains("\"date_modified\": \"2026-11-01T10:00:00+07:00\""), "\(json)")
  }

  /// WordPress on a latin1 table: UTF-8 bytes stored as latin1 are published as the UTF-8
  /// text they are; genuine latin1 text is converted; a value mixing both is reported.
  @Test func latin1ColumnsHoldingUTF8AreRepairedOrReported() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    let tran = Array("Trần Thị Hạnh".utf8).map { String(format: "%02X", $0) }.joined()
    let mixed = "E920" + Array("Trần".utf8).map { String(format: "%02X", $0) }.joined()
    try MariaDBFixture.run(
      """
      CREATE TABLE categories (id BIGINT PRIMARY KEY, parent_id BIGINT, slug TEXT, name TEXT, description TEXT);
      CREATE TABLE articles (id BIGINT PRIMARY KEY, category_id BIGINT, title TEXT, slug TEXT,
        summary TEXT, content_html TEXT, author TEXT, image_url TEXT, image_caption TEXT, url TEXT,
        tags TEXT, status VARCHAR(20), published_at DATETIME, updated_at DATETIME)
        CHARACTER SET latin1;
      INSERT INTO articles (id, title, author, status, published_at) VALUES
        (1, 'Tin 1', _latin1 X'\(tran)', 'published', '2026-11-01 08:00:00'),
        (2, _latin1 X'436166E9', NULL, 'published', '2026-11-02 08:00:00'),
        (3, 'Tin 3', _latin1 X'\(mixed)', 'published', '2026-11-03 08:00:00');
      """, in: url)
    let dir = try TemporaryDirectory()
    let r = try MariaDBFailureTests.publish(url, dir, now: "2026-11-29T00:00:00Z")
    #expect(r.status == 0, "\(r.stderr)")
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rss.contains("<dc:creator>Trần Thị Hạnh</dc:creator>"), "\(rss)")
    #expect(!rss.contains("Tráº"))
    #expect(rss.contains("<title>Café</title>"))
    #expect(r.stderr.contains("item 3: author"), "\(r.stderr)")
    #expect(!r.stderr.contains("item 1:") && !r.stderr.contains("item 2:"), "\(r.stderr)")
  }

  /// The binary log position of the snapshot: equal while nothing is written, changed by a
  /// write (the test server runs with the binary log on).
  /// On a private server: the position is the server's, so the other tests' writes move it.
  @Test func theChangeTokenMovesWithEveryWrite() throws {
    _ = try MariaDBFixture.serverURL()
    let server = try MariaDBFixture.PrivateServer()
    defer { server.stop() }
    let (url, _) = try MariaDBFixture.makeDatabase(on: server.url)
    try MariaDBFixture.run(SQLiteFixture.schema, in: url)
    func token() throws -> String? {
      let store = try MariaDBArticleStore(url: url)
      defer { try? store.close() }
      return store.changeToken
    }
    let first = try #require(try token())
    #expect(try token() == first)
    try MariaDBFixture.run(
      "INSERT INTO articles (id, title, status, published_at) VALUES (1, 't', 'published', '2026-01-01')",
      in: url)
    #expect(try token() != first)
    #expect(!first.contains("loa-test-password"))
  }
}

/// Failures against a real server, through the `loa` binary.
@Suite(.enabled(if: MariaDBFixture.enabled), .serialized)
struct MariaDBFailureTests {
  static func loa(
    _ args: [String], state: TemporaryDirectory, environment extra: [String: String] = [:],
    hangGuardSeconds: Double? = nil
  ) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = state.path
    env.removeValue(forKey: "MYSQL_PWD")
    env.merge(extra) { $1 }
    return try Subprocess.run(
      try #require(LoaBinary.path), args, environment: env, hangGuardSeconds: hangGuardSeconds)
  }

  static func publish(
    _ url: String, _ dir: TemporaryDirectory, extra: String = "", now: String? = nil,
    environment: [String: String] = [:], hangGuardSeconds: Double? = nil
  ) throws -> ProcessResult {
    let config = """
      {"version": 1, "site": {"title": "T", "url": "https://x.example.org/", "timeZone": "Asia/Ho_Chi_Minh"},
       "database": {"url": "sqlite:unused.sqlite" \(extra)},
       "output": {"directory": "out", "baseURL": "/f/"}}
      """
    try config.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    return try loa(
      ["publish", "--config", dir.path("c.json"), "--database", url]
        + (now.map { ["--now", $0] } ?? []), state: dir, environment: environment,
      hangGuardSeconds: hangGuardSeconds)
  }

  /// The shared server's URL with `user:password` as its user info.
  static func url(_ server: String, userInfo: String) -> String {
    let afterScheme = server.range(of: "://").map { server[$0.upperBound...] } ?? ""
    let host = afterScheme[
      (afterScheme.lastIndex(of: "@").map { afterScheme.index(after: $0) } ?? afterScheme.startIndex)...
    ]
    return "mariadb://" + userInfo + "@" + host
  }

  @Test func serverDownIsUnavailable() throws {
    _ = try MariaDBFixture.serverURL()
    let dir = try TemporaryDirectory()
    let r = try Self.publish("mysql://loa:pw@127.0.0.1:1/loa", dir)
    #expect(r.status == 69, "\(r.stderr)")
    #expect(
      r.stderr.hasPrefix("loa: error: cannot connect to MariaDB mysql://loa:***@127.0.0.1:1/loa"),
      "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func wrongPasswordIsAConfigErrorAndNeverPrinted() throws {
    let server = try MariaDBFixture.serverURL()
    let dir = try TemporaryDirectory()
    let r = try Self.publish(Self.url(server, userInfo: "loa:s3cret-guess"), dir)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains("Access denied"), "\(r.stderr)")
    #expect(!r.stderr.contains("s3cret-guess"))
    #expect(r.stderr.contains("loa:***@"))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func noSpellingOfAPasswordIsEverPrinted() throws {
    let server = try MariaDBFixture.serverURL()
    let dir = try TemporaryDirectory()
    func userInfo(_ password: String) -> String { Self.url(server, userInfo: "loa:" + password) }
    // Each is refused (78: a wrong password, or a URL that does not parse) in one line holding
    // no part of the password, and nothing of it reaches the state directory. `withheld`: the
    // password is a word of the server's message, so the message is not shown.
    let spellings: [(url: String, secrets: [String], withheld: Bool)] = [
      (userInfo("Wr0ng@pa55"), ["Wr0ng", "pa55"], false),
      (userInfo("S3cr3t%ZZPW"), ["S3cr3t", "ZZPW"], false),
      (userInfo("S3cr3tUI"), ["S3cr3tUI"], false),
      (userInfo("S3cr3t%20Enc"), ["S3cr3t", "Enc"], false),
      (userInfo("S3cr3t%2FSlash"), ["S3cr3t", "Slash"], false),
      (Self.url(server, userInfo: "loa") + "?password=S3cr3tQP", ["S3cr3tQP"], false),
      (Self.url(server, userInfo: "loa") + "?PASSWORD=S3cr3tQU", ["S3cr3tQU"], false),
      (Self.url(server, userInfo: "loa") + "?pass%77ord=S3cr3tQE", ["S3cr3tQE"], false),
      (Self.url(server, userInfo: "loa:S3cr3tQK") + "?S3cr3tQK", ["S3cr3tQK"], false),
      (userInfo("Access"), ["Access"], true),
      (userInfo("denied"), ["denied"], true),
      (Self.url(server, userInfo: "S3cr3tUS:S3cr3tUS"), ["S3cr3tUS"], true),
    ]
    for (url, secrets, withheld) in spellings {
      let r = try Self.publish(url, dir)
      #expect(r.status == 78, "\(url): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      if withheld { #expect(r.stderr.contains("not shown"), "\(r.stderr)") }
      let stored = try PostgresFailureTests.everyFile(under: dir.path)
      for secret in secrets {
        #expect(!r.stderr.lowercased().contains(secret.lowercased()), "\(url): \(r.stderr)")
        for (path, bytes) in stored where bytes.range(of: Data(secret.utf8)) != nil {
          Issue.record("\(path) holds \(secret)")
        }
      }
    }
    // MYSQL_PWD, which the client library reads when the URL has no password.
    let r = try Self.publish(
      Self.url(server, userInfo: "loa"), dir, environment: ["MYSQL_PWD": "S3cr3tENV"])
    #expect(r.status == 78, "\(r.stderr)")
    #expect(!r.stderr.contains("S3cr3tENV"), "\(r.stderr)")
  }

  /// A run that connects with a password stores and prints no spelling of it: not in the run
  /// state (which names the database), the cleaning cache, the report or a `-vv` log.
  @Test func aWorkingPasswordReachesNeitherTheStateNorTheLog() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.mariadb.sql"), encoding: .utf8),
      in: url)
    let dir = try TemporaryDirectory()
    let encoded = url.replacingOccurrences(of: "loa-test-password", with: "loa%2Dtest%2Dpassword")
    for spelling in [url, encoded] {
      let r = try Self.loa(
        [
          "publish", "--config", ExamplePortal.configPath, "--database", spelling, "--output",
          dir.path("out"), "-vv", "--report", dir.path("report.json"),
        ], state: dir)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(!r.stderr.contains("test-password") && !r.stderr.contains("test%2Dpassword"))
      let files = try PostgresFailureTests.everyFile(under: dir.path)
      #expect(files.keys.contains { $0.hasPrefix("run-") }, "\(files.keys.sorted())")
      for (path, bytes) in files {
        for secret in ["loa-test-password", "loa%2Dtest%2Dpassword"] {
          #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(path) holds \(secret)")
        }
      }
    }
  }

  @Test func anUnknownURLOptionIsAConfigErrorNamingIt() throws {
    let server = try MariaDBFixture.serverURL()
    let dir = try TemporaryDirectory()
    let r = try Self.publish(server + "?sslmode=require", dir)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains("unknown option \"sslmode\""), "\(r.stderr)")
    #expect(!r.stderr.contains("loa-test-password"))
  }

  @Test func aCustomQueryOfSeveralStatementsIsAConfigurationError() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.mariadb.sql"), encoding: .utf8),
      in: url)
    let dir = try TemporaryDirectory()
    for query in [
      "SELECT * FROM categories) AS c; SELECT * FROM (SELECT * FROM categories",
      "SELECT * FROM categories; SELECT * FROM categories",
    ] {
      let r = try Self.publish(url, dir, extra: ", \"categoriesQuery\": \"\(query)\"")
      #expect(r.status == 78, "\(query): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
  }

  @Test func missingTableAndColumnAreNamed() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    let dir = try TemporaryDirectory()
    let noTable = try Self.publish(url, dir)
    #expect(noTable.status == 78, "\(noTable.stderr)")
    #expect(noTable.stderr.contains(".categories' doesn't exist"), "\(noTable.stderr)")
    try MariaDBFixture.run(
      """
      CREATE TABLE categories (id BIGINT PRIMARY KEY, parent_id BIGINT, slug TEXT, name TEXT, description TEXT);
      CREATE TABLE articles (id BIGINT PRIMARY KEY, category_id BIGINT, title TEXT, slug TEXT, summary TEXT,
        content_html TEXT, author TEXT, image_url TEXT, url TEXT, tags TEXT, status TEXT,
        published_at DATETIME, updated_at DATETIME);
      INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);
      """, in: url)
    let noColumn = try Self.publish(url, dir)
    #expect(noColumn.status == 78, "\(noColumn.stderr)")
    #expect(noColumn.stderr.contains("Unknown column 'image_caption'"), "\(noColumn.stderr)")
  }

  /// The query sleeps a minute: without the timeout the run would publish (exit 0) after the
  /// hang guard had killed it.
  @Test func aSlowQueryHitsTheStatementTimeout() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    let dir = try TemporaryDirectory()
    try MariaDBFixture.run(
      SQLiteFixture.schema + "INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);", in: url)
    let r = try Self.publish(
      url, dir,
      extra:
        ", \"statementTimeoutSeconds\": 1, \"categoriesQuery\": \"SELECT c.* FROM categories c WHERE SLEEP(60) = 0\"",
      hangGuardSeconds: HangGuard.seconds(expecting: 1))
    #expect(!r.killedByHangGuard, "the query outlived its 1 s statement timeout")
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.contains("statement timeout"), "\(r.stderr)")
  }

  /// Starts `loa publish` with `config`, waits until a query holding `marker` runs on `server`,
  /// then does `act` with the server's process id.
  static func interrupt(
    server: MariaDBFixture.PrivateServer, config: String, database url: String,
    dir: TemporaryDirectory, marker: String, hangGuardSeconds: Double,
    _ act: (Int32) -> Void
  ) throws -> (status: Int32, stderr: String, killed: Bool, seen: Bool) {
    try config.write(toFile: dir.path("run.json"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(LoaBinary.path))
    process.arguments = ["publish", "--config", dir.path("run.json"), "--database", url]
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    process.environment = env
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    var seen = false
    do {
      // Closed before `act`: a connection to a frozen server would wait in its own close.
      let admin = try MariaDBFixture.connect(server.url)
      defer { admin.close() }
      let probe = try admin.prepare(
        "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
          + " AND INFO LIKE ?")
      // Polled for as long as loa runs: a loaded machine may take a while to get there (the
      // 60 s are a hang guard only).
      _ = try HangGuard.wait(seconds: 60) {
        seen = (try probe.run([.text("%" + marker + "%")]).int64(0, 0) ?? 0) > 0
        return seen || !process.isRunning
      }
    }
    if seen, let pid = server.pid { act(pid) }
    let killed = HangGuard.waitUntilExit(process, seconds: hangGuardSeconds)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, stderr, killed, seen)
  }

  @Test func aServerKilledMidRunLeavesThePublishedFilesUntouched() throws {
    _ = try MariaDBFixture.serverURL()
    let server = try MariaDBFixture.PrivateServer()
    defer { server.stop() }
    let (url, _) = try MariaDBFixture.makeDatabase(on: server.url)
    try MariaDBFixture.run(
      String(contentsOfFile: PackagePaths.path("Examples/bai-chay.mariadb.sql"), encoding: .utf8),
      in: url)
    let dir = try TemporaryDirectory()
    let good = try Self.loa(
      [
        "publish", "--config", ExamplePortal.configPath, "--database", url, "--output",
        dir.path("out"),
      ],
      state: dir)
    #expect(good.status == 0, "\(good.stderr)")
    let before = try PostgresFailureTests().snapshot(dir.path("out"))
    // The article query sleeps 50 ms a row (seconds in all), so it can be cut off part-way.
    let r = try Self.interrupt(
      server: server,
      config: """
        {"version": 1, "site": {"title": "Cổng thông tin điện tử phường Bãi Cháy", "url": "https://baichay.example.org/"},
         "database": {"url": "sqlite:unused", "articlesQuery": "SELECT a.* FROM articles a WHERE SLEEP(0.05) = 0"},
         "output": {"directory": "out", "baseURL": "https://baichay.example.org/feeds/"}}
        """, database: url, dir: dir, marker: "SLEEP(0.05)", hangGuardSeconds: 60
    ) { pid in kill(pid, SIGKILL) }
    #expect(r.seen, "loa's query was never seen running")
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.contains("connection lost"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(try PostgresFailureTests().snapshot(dir.path("out")) == before)
  }

  @Test func aFrozenServerCannotHangTheRun() throws {
    _ = try MariaDBFixture.serverURL()
    let server = try MariaDBFixture.PrivateServer()
    defer { server.stop() }
    let (url, _) = try MariaDBFixture.makeDatabase(on: server.url)
    try MariaDBFixture.run(
      SQLiteFixture.schema + "INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL);", in: url)
    let dir = try TemporaryDirectory()
    // The query sleeps past the 3 s statement timeout: the server ends it after 3 s unless the
    // test has frozen the server by then (a window that no loaded machine misses).
    var frozen: Int32?
    let r = try Self.interrupt(
      server: server,
      config: """
        {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
         "database": {"url": "sqlite:unused", "statementTimeoutSeconds": 3,
                      "categoriesQuery": "SELECT c.* FROM categories c WHERE SLEEP(60) = 0"},
         "output": {"directory": "out", "baseURL": "/f/"}}
        """, database: url, dir: dir, marker: "SLEEP(60)",
      hangGuardSeconds: HangGuard.seconds(expecting: 8)
    ) { pid in
      frozen = pid
      kill(pid, SIGSTOP)
    }
    if let frozen { kill(frozen, SIGCONT) }
    #expect(r.seen, "loa's query was never seen running")
    // The frozen server never answers: only loa's own read timeout (3 s + 5 s) ends the run.
    #expect(!r.killed, "loa still waited for the frozen server")
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.contains("connection lost"), "\(r.stderr)")
  }
}
