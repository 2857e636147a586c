import Foundation
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

/// `Examples/wordpress`: a WordPress database loaded from its SQL, published with its own
/// configuration, and `loa init` then `loa publish` on it, through the real binary (issue 13).
///
/// ``WordPressExample/checkPublishedFeeds(in:sourceLocation:)`` holds every check on the items, so
/// the same database loaded into another engine (MariaDB: `schema.mariadb.sql` then
/// `data.sql`) is checked by calling ``WordPressExampleTests/publishesTheExample(databaseURL:)``
/// with its URL.
@Suite struct WordPressExampleTests {
  let dir = try! TemporaryDirectory("loa-wordpress")

  /// 2026-12-01: after every sample post, before the scheduled one (which is 'future' anyway).
  static let now = "2026-12-01T00:00:00Z"

  /// Runs the built `loa` with `arguments` in `dir`.
  func loa(_ arguments: [String], environment extra: [String: String] = [:]) throws
    -> ProcessResult
  {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    env.removeValue(forKey: "PGPASSWORD")
    for (k, v) in extra { env[k] = v }
    return try Subprocess.run(
      try #require(LoaBinary.path), arguments, environment: env, currentDirectory: dir.path)
  }

  /// Publishes the example with `Examples/wordpress/loa.json` from `databaseURL` and checks
  /// the items.
  func publishesTheExample(databaseURL: String) throws {
    let r = try loa([
      "publish", "--config", WordPressExample.path("loa.json"), "--database", databaseURL,
      "--output", dir.path("out"), "--now", Self.now,
    ])
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    try WordPressExample.checkPublishedFeeds(in: dir.path("out"))
  }

  @Test func theExamplePublishesFromSQLiteWithItsOwnConfiguration() throws {
    try WordPressExample.makeSQLiteDatabase(at: dir.path("wordpress.sqlite"))
    try publishesTheExample(databaseURL: "sqlite:" + dir.path("wordpress.sqlite"))
  }

  @Test func initThenPublishGivesTheSameItemsAsTheExampleConfiguration() throws {
    try WordPressExample.makeSQLiteDatabase(at: dir.path("wordpress.sqlite"))
    let initRun = try loa([
      "init", "--database", "sqlite:wordpress.sqlite", "--output", "site.json",
    ])
    #expect(
      initRun.status == 0 && initRun.stdout == "" && initRun.stderr == "", "\(initRun.stderr)")
    let config = try String(contentsOfFile: dir.path("site.json"), encoding: .utf8)
    // From wp_options: blogname is stored HTML-escaped ("&amp;").
    #expect(config.contains(#""title": "Phường Hồng Hải – Tin tức & Sự kiện""#))
    #expect(config.contains(#""url": "https://honghai.example.org/""#))
    #expect(config.contains(#""timeZone": "Asia/Ho_Chi_Minh""#))
    #expect(config.contains(#""article": "/{slug}/""#))
    #expect(config.contains(#""url": "sqlite:\#(dir.path("wordpress.sqlite"))""#))
    let publish = try loa(["publish", "--config", "site.json", "--now", Self.now])
    #expect(publish.status == 0 && publish.stderr == "", "\(publish.stderr)")
    // output.directory "feeds" is next to the configuration.
    try WordPressExample.checkPublishedFeeds(in: dir.path("feeds"))
  }

  @Test func initPrintsTheConfigurationWhenNoOutputIsGiven() throws {
    try WordPressExample.makeSQLiteDatabase(at: dir.path("wordpress.sqlite"))
    let r = try loa(["init", "--database", dir.path("wordpress.sqlite")])
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    let parsed = try Configuration.parse(Data(r.stdout.utf8), path: dir.path("printed.json"))
    #expect(parsed.database.publishedStatuses == ["publish"])
    #expect(parsed.site.description.hasPrefix("Tin tức, thông báo"))
  }

  @Test func initMapsAWordPressSiteWithAnotherTablePrefix() throws {
    try WordPressExample.makeSQLiteDatabase(at: dir.path("wp2.sqlite"), prefix: "wp2_")
    let r = try loa(["init", "--database", "wp2.sqlite", "--output", "wp2.json"])
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    let config = try String(contentsOfFile: dir.path("wp2.json"), encoding: .utf8)
    #expect(config.contains("FROM wp2_posts p") && !config.contains("wp_posts"))
    let publish = try loa(["publish", "--config", "wp2.json", "--now", Self.now])
    #expect(publish.status == 0 && publish.stderr == "", "\(publish.stderr)")
    try WordPressExample.checkPublishedFeeds(in: dir.path("feeds"))
  }

  @Test func initNeverReplacesAnExistingFile() throws {
    try WordPressExample.makeSQLiteDatabase(at: dir.path("wordpress.sqlite"))
    try "{}\n".write(toFile: dir.path("site.json"), atomically: true, encoding: .utf8)
    let r = try loa(["init", "--database", "wordpress.sqlite", "--output", "site.json"])
    #expect(r.status == 73, "\(r.stderr)")
    #expect(
      r.stderr
        == "loa: error: cannot write \(dir.path("site.json")): the file exists; loa init never replaces a file\n"
    )
    #expect(try String(contentsOfFile: dir.path("site.json"), encoding: .utf8) == "{}\n")
  }

  @Test func initOnLoasOwnTablesWritesAConfigurationThatPublishes() throws {
    try ExamplePortal.makeDatabase(at: dir.path("portal.sqlite"))
    let r = try loa(["init", "--database", "sqlite:portal.sqlite", "--output", "portal.json"])
    #expect(r.status == 0, "\(r.stderr)")
    // The contract holds no site settings: the line says which keys are placeholders.
    #expect(
      r.stderr
        == "loa: warning: [init] site.title, site.url, site.description: placeholders; edit them before publishing\n"
    )
    let config = try String(contentsOfFile: dir.path("portal.json"), encoding: .utf8)
    #expect(!config.contains("articlesQuery"))
    let publish = try loa(["publish", "--config", "portal.json", "--now", Self.now])
    #expect(publish.status == 0 && publish.stderr == "", "\(publish.stderr)")
    let rss = try String(contentsOfFile: dir.path("feeds/rss.xml"), encoding: .utf8)
    #expect(rss.components(separatedBy: "<item>").count - 1 > 10)
    try Checkers.checkFeedsIfEnabled(in: dir.path("feeds"))
  }

  @Test func initOnAnUnknownSchemaSaysWhatItLookedFor() throws {
    try SQLiteFixture.create(at: dir.path("other.sqlite"), sql: "CREATE TABLE nodes (nid INTEGER);")
    let r = try loa(["init", "--database", "other.sqlite"])
    #expect(r.status == 78)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "loa: error: cannot tell what this database holds: looked for the loa tables (articles, categories) and for WordPress tables with any prefix (wp_posts, wp_options, wp_terms, …); found 1 table: nodes\n"
    )
    let missing = try loa(["init", "--database", "nowhere.sqlite"])
    #expect(missing.status == 66, "\(missing.stderr)")
    let usage = try loa(["init"])
    #expect(usage.status == 64 && usage.stderr == "loa: error: init needs --database URL\n")
  }

  @Test func initWithATablePrefixThatIsNotThereNamesThePrefixesFound() throws {
    try WordPressExample.makeSQLiteDatabase(at: dir.path("wordpress.sqlite"))
    let r = try loa(["init", "--database", "wordpress.sqlite", "--table-prefix", "blog_"])
    #expect(r.status == 78)
    #expect(r.stderr.contains(#"no WordPress tables with the prefix "blog_""#))
    #expect(r.stderr.contains(#"found the prefixes "wp_""#))
  }

  /// A site whose article links are `links.article` with `{slug}` and no `{id}`.
  func publishKeyedBySlug(_ template: String, rows: String) throws -> ProcessResult {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: SQLiteFixture.schema + rows)
    try """
    {"version": 1, "site": {"title": "T", "url": "https://x.example.org/", "description": "D"},
     "database": {"url": "sqlite:db.sqlite"}, "links": {"article": "\(template)"},
     "output": {"directory": "out", "baseURL": "/f/"}}
    """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    return try loa(["publish", "--config", "c.json", "--now", Self.now])
  }

  @Test func anArticleTemplateWithoutIdKeepsTheSlugColumnAsItIs() throws {
    let r = try publishKeyedBySlug(
      "/{slug}/",
      rows: """
        INSERT INTO articles (id, title, slug, published_at) VALUES
          (1, 'Một', 'bai_viet-mot', '2026-11-01 08:00'),
          (2, 'Hai', '%e1%bb%8b-hai', '2026-11-02 08:00'),
          (3, 'Tin mới', NULL, '2026-11-03 08:00'),
          (4, 'Bốn', '../../etc', '2026-11-04 08:00');
        """)
    #expect(r.status == 0 && r.stderr == "", "\(r.stderr)")
    let urls = try WordPressExample.items(dir.path("out/feed.json")).map { $0.url ?? "" }
    #expect(
      urls == [
        // Not path-safe: made into a slug as before.
        "https://x.example.org/etc/",
        // No slug: one from the title, and the id so it cannot be another article's.
        "https://x.example.org/tin-moi-3/",
        "https://x.example.org/%e1%bb%8b-hai/",
        "https://x.example.org/bai_viet-mot/",
      ])
  }

  @Test func anArticleTemplateWithNeitherIdNorSlugIsAConfigurationError() throws {
    let r = try publishKeyedBySlug(
      "/tin.html",
      rows: "INSERT INTO articles (id, title, published_at) VALUES (1, 'Một', '2026-11-01');")
    #expect(r.status == 78)
    #expect(
      r.stderr.contains(
        "links.article: must contain {id} or {slug} so every article gets its own URL"),
      "\(r.stderr)")
  }

  /// The same WordPress database in MariaDB (`schema.mariadb.sql`, WordPress's own column
  /// types, then the same `data.sql`) publishes the same items with the same configuration.
  @Test(.enabled(if: MariaDBFixture.enabled))
  func theExamplePublishesFromMariaDB() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      try String(contentsOfFile: WordPressExample.path("schema.mariadb.sql"), encoding: .utf8)
        + String(contentsOfFile: WordPressExample.path("data.sql"), encoding: .utf8), in: url)
    try publishesTheExample(databaseURL: url)
  }

  /// `loa init` on MariaDB: WordPress recognized, its options read, the password left out of
  /// the configuration (MYSQL_PWD gives it to the publish), and the feeds hold every post.
  @Test(.enabled(if: MariaDBFixture.enabled))
  func initOnMariaDBThenPublishWithThePasswordFromTheEnvironment() throws {
    let (url, drop) = try MariaDBFixture.makeDatabase()
    defer { drop() }
    try MariaDBFixture.run(
      try String(contentsOfFile: WordPressExample.path("schema.mariadb.sql"), encoding: .utf8)
        + String(contentsOfFile: WordPressExample.path("data.sql"), encoding: .utf8), in: url)
    let password = try #require(try MariaDBURL(parsing: url).password)
    let r = try loa(["init", "--database", url, "--output", "maria.json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("the password is not written into the configuration"))
    let config = try String(contentsOfFile: dir.path("maria.json"), encoding: .utf8)
    #expect(!config.contains(password) && !r.stderr.contains(password))
    #expect(config.contains(#""title": "Phường Hồng Hải – Tin tức & Sự kiện""#))
    let publish = try loa(
      ["publish", "--config", "maria.json", "--now", Self.now], environment: ["MYSQL_PWD": password])
    #expect(publish.status == 0 && publish.stderr == "", "\(publish.stderr)")
    try WordPressExample.checkPublishedFeeds(in: dir.path("feeds"))
  }

  @Test(.enabled(if: PostgresFixture.enabled))
  func initOnPostgreSQLWritesNoPasswordAndThePublishTakesItFromTheEnvironment() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try ExamplePortal.makeDatabase(at: dir.path("portal.sqlite"))
    try PostgresFixture.copy(fromSQLite: dir.path("portal.sqlite"), to: url)
    try PostgresFixture.run("GRANT SELECT ON ALL TABLES IN SCHEMA public TO loa_pw", in: url)
    let withPassword = url.replacingOccurrences(of: "://loa@", with: "://loa_pw:right-password@")
    let r = try loa(["init", "--database", withPassword])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("right-password") && !r.stderr.contains("right-password"))
    #expect(r.stdout.contains("loa_pw@"))
    #expect(r.stderr.contains("the password is not written into the configuration"))
    try r.stdout.write(toFile: dir.path("pg.json"), atomically: true, encoding: .utf8)
    let publish = try loa(
      ["publish", "--config", "pg.json", "--now", Self.now],
      environment: ["PGPASSWORD": "right-password"])
    #expect(publish.status == 0 && publish.stderr == "", "\(publish.stderr)")
    try Checkers.checkFeedsIfEnabled(in: dir.path("feeds"))
  }
}

/// `Examples/wordpress` and what publishing it must give.
enum WordPressExample {
  static func path(_ name: String) -> String { PackagePaths.path("Examples/wordpress/" + name) }

  /// The example loaded into a new SQLite file, its tables renamed to `prefix` if given.
  static func makeSQLiteDatabase(at file: String, prefix: String = "wp_") throws {
    let schema = try String(contentsOfFile: path("schema.sqlite.sql"), encoding: .utf8)
    let data = try String(contentsOfFile: path("data.sql"), encoding: .utf8)
    try SQLiteFixture.create(
      at: file, sql: (schema + data).replacingOccurrences(of: "wp_", with: prefix))
  }

  /// The published posts, newest first: every 'publish' post of type 'post' without a
  /// password. Left out: a draft, a scheduled, a private, a trashed and an auto-draft post, a
  /// post behind a password, a page, a revision and two attachments.
  static let publishedIDs = [101, 102, 103, 104, 113, 105, 106]

  /// Checks the feeds in `directory`: the right posts in every feed, authors, images, links,
  /// dates in Asia/Ho_Chi_Minh, categories and tags, and the independent checkers.
  static func checkPublishedFeeds(
    in directory: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let site = try items(directory + "/feed.json")
    #expect(site.map(\.id) == publishedIDs, sourceLocation: sourceLocation)
    let byID = Dictionary(uniqueKeysWithValues: site.map { ($0.id, $0) })
    let first = try #require(byID[101], sourceLocation: sourceLocation)
    #expect(first.url == "https://honghai.example.org/phan-luong-giao-thong-nut-giao-hong-hai/")
    #expect(first.authors == ["Nguyễn Thu Hà"], sourceLocation: sourceLocation)
    #expect(
      first.image == "https://honghai.example.org/wp-content/uploads/2026/11/nut-giao-hong-hai.jpg",
      sourceLocation: sourceLocation)
    #expect(first.published == "2026-11-20T08:30:00+07:00", sourceLocation: sourceLocation)
    #expect(first.modified == "2026-11-20T10:00:00+07:00", sourceLocation: sourceLocation)
    #expect(
      Set(first.tags) == ["Thời sự", "giao thông", "Hạ Long"], sourceLocation: sourceLocation)
    // Local midnight is the day before in UTC: post_date is read in the site's zone.
    #expect(byID[104]?.published == "2026-11-18T00:15:00+07:00", sourceLocation: sourceLocation)
    #expect(byID[104]?.authors == ["Ban Biên tập"], sourceLocation: sourceLocation)
    #expect(byID[105]?.authors == ["Trần Minh Đức"], sourceLocation: sourceLocation)
    #expect(
      byID[105]?.image
        == "https://honghai.example.org/wp-content/uploads/2026/11/dem-nhac-quang-truong.jpg",
      sourceLocation: sourceLocation)
    #expect(byID[103]?.image == nil, sourceLocation: sourceLocation)
    // A post in two categories carries both, before its tags.
    #expect(Set(byID[102]?.tags ?? []) == ["Văn hóa", "Thông báo", "lễ hội", "Hạ Long"])
    #expect(Array(byID[102]?.tags.prefix(2) ?? []) == ["Văn hóa", "Thông báo"])
    let feeds: [String: [Int]] = [
      "van-hoa": [102, 105], "thong-bao": [102], "kinh-te": [103, 113], "thoi-su": [101, 113],
      // A parent's feed takes its child category's posts (101 is only in Thời sự).
      "tin-tuc": [101, 104, 113], "chua-phan-loai": [106],
    ]
    for (slug, ids) in feeds.sorted(by: { $0.key < $1.key }) {
      let got = try items(directory + "/\(slug)/feed.json").map(\.id)
      #expect(got == ids, "\(slug)", sourceLocation: sourceLocation)
    }
    let rss = try String(contentsOfFile: directory + "/rss.xml", encoding: .utf8)
    #expect(rss.contains("<pubDate>Wed, 18 Nov 2026 00:15:00 +0700</pubDate>"))
    #expect(rss.contains("<dc:creator>Nguyễn Thu Hà</dc:creator>"))
    try Checkers.checkFeedsIfEnabled(in: directory, sourceLocation: sourceLocation)
  }

  /// One JSON Feed item, as the checks need it.
  struct Item {
    var id: Int
    var url: String?
    var authors: [String]
    var image: String?
    var published: String?
    var modified: String?
    var tags: [String]
  }

  /// The items of a JSON Feed file; the id is the number after `article:`.
  static func items(_ file: String) throws -> [Item] {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let items = try #require(feed["items"] as? [[String: Any]])
    return items.map { item in
      let id = (item["id"] as? String)?.split(separator: ":").last.flatMap { Int($0) } ?? -1
      let authors = (item["authors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      return Item(
        id: id, url: item["url"] as? String, authors: authors, image: item["image"] as? String,
        published: item["date_published"] as? String, modified: item["date_modified"] as? String,
        tags: item["tags"] as? [String] ?? [])
    }
  }
}
