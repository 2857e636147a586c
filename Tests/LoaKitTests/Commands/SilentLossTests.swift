import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// A run never publishes less than it should without saying so (issue 12): a status that
/// does not match empties no feed, a feed that loses most of its items is reported, duplicate
/// and non-integer ids are named, and an empty feed invents no date.
@Suite struct SilentLossTests {
  /// 12 articles in `thoi-su`, 3 in `du-lich`, 1 in `trong`'s neighbour: every hostile database
  /// below starts from this one.
  static let sql: String = {
    var rows: [String] = []
    for i in 1...12 {
      rows.append("(\(i), 1, 'Thời sự \(i)', 'published', '2026-11-\(String(format: "%02d", i)) 08:00:00', NULL)")
    }
    for i in 13...15 {
      rows.append("(\(i), 2, 'Du lịch \(i)', 'published', '2026-11-\(i) 09:00:00', NULL)")
    }
    return SQLiteFixture.schema + """
      INSERT INTO categories VALUES
        (1, NULL, 'thoi-su', 'Thời sự', NULL),
        (2, NULL, 'du-lich', 'Du lịch', NULL),
        (3, NULL, 'trong', 'Trống', NULL);
      INSERT INTO articles (id, category_id, title, status, published_at, updated_at) VALUES
      \(rows.joined(separator: ",\n")); 
      """
  }()

  /// A portal in a temporary folder: its database, configuration, output and state.
  struct Portal {
    let dir: TemporaryDirectory
    var databaseKeys = ""

    init(sql: String = SilentLossTests.sql) throws {
      dir = try TemporaryDirectory()
      try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: sql)
    }

    func execute(_ sql: String) throws { try SQLiteFixture.execute(sql, in: dir.path("db.sqlite")) }

    func configuration() throws -> Configuration {
      let json = """
        {"version": 1,
         "site": {"title": "Phường", "url": "https://p.example.org/", "description": "Tin phường"},
         "database": {"url": "sqlite:db.sqlite"\(databaseKeys)},
         "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
         "state": {"directory": "state"}}
        """
      // Written and loaded as the command line does: a changed file is a changed configuration.
      try json.write(toFile: dir.path("config.json"), atomically: true, encoding: .utf8)
      return try Configuration.load(path: dir.path("config.json"))
    }

    /// Publishes (or checks) once, as the command line does.
    @discardableResult
    func publish(mode: PublishMode = .write, allowEmpty: Bool = false) throws -> RunReport {
      let report = RunReport()
      let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc
      _ = try PublishRun(
        configuration: try configuration(), mode: mode,
        options: PublishOptions(allowEmpty: allowEmpty), clock: FixedClock(now)
      ).run(report: report)
      return report
    }

    /// Every published file and its bytes.
    func files() throws -> [String: Data] {
      var files: [String: Data] = [:]
      for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")) {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: dir.path("out/" + path), isDirectory: &isDirectory)
        if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: dir.path("out/" + path)) }
      }
      return files
    }

    func text(_ path: String) throws -> String {
      try String(contentsOfFile: dir.path("out/" + path), encoding: .utf8)
    }
  }

  /// The one line a refused run fails with.
  func refusal(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let e as PublishGuardError {
      return e.description
    } catch {
      return "unexpected: \(error)"
    }
  }

  @Test func aStatusThatDoesNotMatchKeepsThePublishedFeedsAndSaysWhy() throws {
    let portal = try Portal()
    try portal.publish()
    let before = try portal.files()
    // WordPress writes `publish`; a CMS update renamed one more.
    try portal.execute("UPDATE articles SET status = 'publish'; UPDATE articles SET status = 'draft' WHERE id = 1;")
    let message = refusal { try portal.publish() }
    #expect(
      message
        == "nothing to publish, where the last run published 15 items in the site feed: 0 of 15 rows have status 'published' (database.publishedStatuses); statuses seen: publish (14), draft (1); the published feeds are kept (loa publish --allow-empty publishes empty feeds)"
    )
    #expect(try portal.files() == before, "not one published file may change")
    // `loa check` and `--strict` report the same, whatever they write.
    #expect(refusal { try portal.publish(mode: .check) } == message)
    #expect(refusal { try portal.publish(mode: .strict) } == message)
    #expect(try portal.files() == before)
  }

  @Test func theAcceptedStatusValuesAreConfigurable() throws {
    var portal = try Portal()
    try portal.publish()
    try portal.execute("UPDATE articles SET status = 'publish' WHERE id > 6;")
    portal.databaseKeys = #", "publishedStatuses": ["published", "publish"]"#
    let report = try portal.publish()
    #expect(report.itemsPublished == 15)
    #expect(report.count(.warning) == 0)
    // A value is bound, never written into the SQL: a quote in it is just a character.
    portal.databaseKeys = #", "publishedStatuses": ["x' OR '1'='1"]"#
    #expect(refusal { try portal.publish() }?.contains("statuses seen: publish (9), published (6)") == true)
  }

  @Test func allowEmptyPublishesEmptyFeedsOnPurpose() throws {
    let portal = try Portal()
    try portal.publish()
    try portal.execute("UPDATE articles SET status = 'draft';")
    let report = try portal.publish(allowEmpty: true)
    #expect(report.itemsPublished == 0)
    #expect(try portal.text("rss.xml").contains("<item>") == false)
    // Each empty feed keeps the date it had (its newest article ever seen), not an invented one.
    #expect(try portal.text("atom.xml").contains("<updated>2026-11-15T09:00:00+07:00</updated>"))
    #expect(try portal.text("thoi-su/atom.xml").contains("<updated>2026-11-12T08:00:00+07:00</updated>"))
    // From now on an empty run is what the last one published: nothing to refuse.
    try portal.publish()
  }

  @Test(arguments: ["rss", "atom", "json"])
  func withoutRunStateThePublishedSiteFeedIsWhatIsCompared(format: String) throws {
    let portal = try Portal()
    let json = """
      {"version": 1, "site": {"title": "P", "url": "https://p.example.org/"},
       "database": {"url": "sqlite:db.sqlite"}, "output": {"directory": "out", "baseURL": "/f/"},
       "feeds": {"formats": ["\(format)"]}}
      """
    var config = try Configuration.parse(Data(json.utf8), path: portal.dir.path("c.json"))
    config.state.directory = nil  // first run, or the state was wiped
    let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc
    _ = try PublishRun(configuration: config, clock: FixedClock(now)).run(report: RunReport())
    try portal.execute("UPDATE articles SET status = 'publish';")
    let message = refusal {
      _ = try PublishRun(configuration: config, clock: FixedClock(now)).run(report: RunReport())
    }
    #expect(
      message?.hasPrefix(
        "nothing to publish, where the last run published 15 items in the site feed: 0 of 15 rows")
        == true, "\(message ?? "published")")
  }

  @Test func aFirstRunOnAnEmptyDatabaseIsNotRefused() throws {
    let portal = try Portal(sql: SQLiteFixture.schema)
    let report = try portal.publish()
    #expect(report.itemsPublished == 0)
    #expect(try portal.text("rss.xml").contains("<channel>"))
  }

  @Test func aRunWhoseEveryRowIsLeftOutSaysHowMany() throws {
    let portal = try Portal()
    try portal.publish()
    try portal.execute("UPDATE articles SET published_at = 'hôm qua' WHERE id <= 14; UPDATE articles SET published_at = '2099-01-01 08:00:00' WHERE id = 15;")
    let message = try #require(refusal { try portal.publish() })
    #expect(message.contains(": none of the 15 rows of the articles table with status 'published' can be published: 14 left out (see the warnings), 1 dated after now (scheduled);"))
  }

  @Test func aCustomQueryThatReturnsNothingPublishableSaysWhatItReturned() throws {
    var portal = try Portal()
    try portal.publish()
    portal.databaseKeys = #", "articlesQuery": "SELECT id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, 'publish' AS status, published_at, updated_at FROM articles""#
    let message = try #require(refusal { try portal.publish() })
    #expect(message.contains(": 0 of the 15 rows database.articlesQuery returned have status 'published' (database.publishedStatuses); statuses seen: publish (15);"))
    portal.databaseKeys = #", "articlesQuery": "SELECT * FROM articles WHERE 0""#
    #expect(try #require(refusal { try portal.publish() }).contains(": database.articlesQuery returned no rows;"))
  }

  @Test func aFeedThatLosesMostOfItsItemsIsReportedWithBothCounts() throws {
    let portal = try Portal()
    try portal.publish()
    try portal.execute("UPDATE articles SET status = 'draft' WHERE id <= 10;")
    let report = try portal.publish()
    let lines = report.issues.map(\.description)
    #expect(lines.contains("feed: the feed in thoi-su/ has 2 items where the last run published 12: did articles lose their status or category? (docs/operations.md)"))
    // The site feed lost 10 of 15: below half and by more than 5.
    #expect(lines.contains("feed: the site feed has 5 items where the last run published 15: did articles lose their status or category? (docs/operations.md)"))
    // du-lich kept its 3: no warning about it.
    #expect(!lines.contains { $0.contains("du-lich") })
    // A small feed that loses a few items is ordinary news flow.
    try portal.execute("UPDATE articles SET status = 'draft' WHERE id IN (13, 14);")
    #expect(try portal.publish().count(.warning) == 0)
  }

  @Test func checkReportsAFeedThatShrankToo() throws {
    let portal = try Portal()
    try portal.publish()
    try portal.execute("UPDATE articles SET status = 'draft' WHERE id <= 10;")
    let report = try portal.publish(mode: .check)
    #expect(report.count(.warning) == 2)
  }

  @Test func duplicateIDsAreReportedOncePerIDNamingEveryRow() throws {
    var portal = try Portal()
    // A custom query over a table without a key, as a CMS export or a join can give.
    try portal.execute("""
      CREATE TABLE extra AS SELECT * FROM articles WHERE 0;
      INSERT INTO extra (id, category_id, title, status, published_at) VALUES
        (3, 2, 'Bản sao A', 'published', '2026-11-20 07:00:00'),
        (3, 1, 'Bản sao B', 'published', '2026-11-02 07:00:00'),
        (14, 1, 'Khác 14', 'published', '2026-11-01 07:00:00');
      """)
    portal.databaseKeys = #", "articlesQuery": "SELECT * FROM articles UNION ALL SELECT * FROM extra""#
    let report = try portal.publish()
    let duplicates = report.issues.filter { $0.field == "id" }
    #expect(duplicates.count == 2)
    #expect(duplicates.map(\.articleID) == [3, 14])
    let three = try #require(duplicates.first).description
    #expect(three.hasPrefix("item 3: id: 3 rows have this id: the first read (category 1, published 2026-11-03T08:00:00+07:00) is published, the others (category 1, published 2026-11-02T07:00:00+07:00, \"Bản sao B\"), (category 2, published 2026-11-20T07:00:00+07:00, \"Bản sao A\") left out"), "\(three)")
    #expect(report.itemsPublished == 15)
    let feed = try portal.text("feed.json")
    #expect(!feed.contains("Bản sao"))
    // Categories are read in the order of the tree: thoi-su's row 14 came first.
    #expect(feed.contains("Khác 14") && !feed.contains("Du lịch 14"))
    #expect(duplicates.last?.description == "item 14: id: 2 rows have this id: the first read (category 1, published 2026-11-01T07:00:00+07:00) is published, the other (category 2, published 2026-11-14T09:00:00+07:00, \"Du lịch 14\") left out; ids must be unique (docs/database.md)")
  }

  @Test func rowsWithoutAnIntegerIDAreNamedAsTheyAre() throws {
    var portal = try Portal()
    try portal.execute("""
      CREATE TABLE odd (id, category_id, title, slug, summary, content_html, author, image_url,
        image_caption, url, tags, status, published_at, updated_at);
      INSERT INTO odd (id, category_id, title, status, published_at) VALUES
        (NULL, 1, 'Không id', 'published', '2026-11-20 07:00:00'),
        ('abc', 1, 'Chữ', 'published', '2026-11-20 06:00:00'),
        ('it''s', 1, 'Nháy', 'published', '2026-11-20 05:30:00'),
        (2.5, 1, 'Số thực', 'published', '2026-11-20 05:00:00');
      """)
    portal.databaseKeys = #", "articlesQuery": "SELECT * FROM articles UNION ALL SELECT * FROM odd""#
    // Twice: the second run takes what it can from the cleaning cache.
    for _ in 0..<2 {
      let report = try portal.publish(mode: .check)
      let lines = report.issues.filter { $0.field == "id" }.map(\.description)
      #expect(lines == [
        "row with id NULL: id: is NULL; left out",
        "row with id 'abc': id: is not an integer; left out",
        "row with id 'it''s': id: is not an integer; left out",
        "row with id 2.5: id: is not an integer; left out",
      ])
      #expect(!report.issues.contains { $0.description.hasPrefix("item 0") || $0.description.hasPrefix("item 2:") })
      try portal.publish()
    }
  }

  @Test func anEmptyFeedKeepsTheDateOfItsNewestArticleEverSeen() throws {
    let portal = try Portal()
    try portal.publish()
    // du-lich's articles move to thoi-su: du-lich is empty now.
    try portal.execute("UPDATE articles SET category_id = 1 WHERE category_id = 2;")
    try portal.publish()
    let atom = try portal.text("du-lich/atom.xml")
    #expect(atom.contains("<updated>2026-11-15T09:00:00+07:00</updated>"))
    #expect(!atom.contains("<entry>"))
    #expect(!(try portal.text("du-lich/rss.xml")).contains("lastBuildDate"))
    // A feed that never had an item takes the site feed's newest date.
    #expect(try portal.text("trong/atom.xml").contains("<updated>2026-11-15T09:00:00+07:00</updated>"))
  }
}
