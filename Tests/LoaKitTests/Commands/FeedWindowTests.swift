import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// Which articles a feed holds when the data fights back: dates the database cannot sort as
/// text, articles too large for a feed, category slugs that collide.
@Suite struct FeedWindowTests {
  let dir = try! TemporaryDirectory("loa-window")

  func publish(
    _ sql: String, items: Int = 50, database: String = "", feeds: String = ""
  ) throws -> RunReport {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: SQLiteFixture.schema + sql)
    let json = """
      {"version": 1,
       "site": {"title": "Phường", "url": "https://p.example.org/", "description": "Tin phường"},
       "database": {"url": "sqlite:db.sqlite"\(database)},
       "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"itemsPerFeed": \(items)\(feeds)}, "state": {"directory": "state"}}
      """
    let configuration = try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
    let store = try configuration.openStore()
    defer { try? store.close() }
    let report = RunReport()
    let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc
    try Publisher(
      configuration: configuration, store: store, clock: FixedClock(now), logger: .silent,
      report: report
    ).run()
    return report
  }

  func ids(_ path: String) throws -> [Int] {
    let data = try #require(FileManager.default.contents(atPath: dir.path(path)))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let items = try #require(json["items"] as? [[String: Any]])
    return items.compactMap { ($0["id"] as? String)?.split(separator: ":").last.flatMap { Int($0) } }
  }

  /// Ten articles, every three days from 28/10 to 24/11, dated the way `format` writes them.
  func tenArticles(_ format: (Int, Int) -> String) -> String {
    var rows: [String] = []
    for i in 1...10 {
      let day = 25 + 3 * i  // 28/10 … 55 → 24/11
      let (d, m) = day > 31 ? (day - 31, 11) : (day, 10)
      rows.append("(\(i), NULL, 'Tin \(i)', 'published', '\(format(d, m))')")
    }
    return "INSERT INTO articles (id, category_id, title, status, published_at) VALUES "
      + rows.joined(separator: ", ") + ";"
  }

  @Test func sortsConfiguredDateFormatsByTheInstantTheyName() throws {
    // As text, 31/10 sorts after 24/11: the database alone would pick October.
    let sql = tenArticles { d, m in String(format: "%02d/%02d/2026 08:30", d, m) }
    let report = try publish(sql, items: 3, database: #", "dateFormats": ["dd/MM/yyyy HH:mm"]"#)
    #expect(try ids("out/feed.json") == [10, 9, 8])
    #expect(report.count(.warning) == 0, "\(report.issues)")
  }

  @Test func sortsConfiguredFormatsMixedWithISODates() throws {
    var sql = tenArticles { d, m in String(format: "%02d/%02d/2026 08:30", d, m) }
    sql += "UPDATE articles SET published_at = '2026-11-26 09:00:00' WHERE id = 4;"
    _ = try publish(sql, items: 3, database: #", "dateFormats": ["dd/MM/yyyy HH:mm"]"#)
    #expect(try ids("out/feed.json") == [4, 10, 9])
  }

  @Test func warnsWhenUnixSecondsAndTextDatesShareTheColumn() throws {
    // Rows 8–10 in Unix seconds: as text they sort below every "2026-…" date.
    var sql = tenArticles { d, m in String(format: "2026-%02d-%02d 08:30:00", m, d) }
    sql += "UPDATE articles SET published_at = CAST(1795000000 + id AS TEXT) WHERE id >= 8;"
    let report = try publish(sql, items: 3)
    #expect(
      report.issues.contains {
        $0.severity == .warning && $0.field == "published_at" && $0.articleID == nil
          && $0.message.contains("cannot sort together")
      }, "\(report.issues)")
  }

  /// A parent category (1) whose sub-category (2) has three articles; the parent's own are
  /// article 5 (newer than all three) and article 4 (older, its title holding a tag, which
  /// building it would report). `old` is how article 4's date is written.
  func parentAndChild(old: String) -> String {
    """
    INSERT INTO categories (id, parent_id, slug, name) VALUES (1, NULL, 'tin-tuc', 'Tin tức'),
      (2, 1, 'du-lich', 'Du lịch');
    INSERT INTO articles (id, category_id, title, status, published_at) VALUES
      (1, 2, 'Tin 1', 'published', '2026-11-20 08:00:00'),
      (2, 2, 'Tin 2', 'published', '2026-11-21 08:00:00'),
      (3, 2, 'Tin 3', 'published', '2026-11-22 08:00:00'),
      (4, 1, '<b>Tin 4</b>', 'published', '\(old)'),
      (5, 1, 'Tin 5', 'published', '2026-11-25 08:00:00');
    """
  }

  @Test func aParentsOwnRowTooOldForItsFeedIsNeitherReadOnNorBuilt() throws {
    // Without monthly archives, which read and build every published row.
    let report = try publish(parentAndChild(old: "2026-10-01 08:00:00"), items: 3, feeds: #", "archives": false"#)
    // The parent's feed: its own newer article, then its sub-category's two newest.
    #expect(try ids("out/tin-tuc/feed.json") == [5, 3, 2])
    #expect(try ids("out/du-lich/feed.json") == [3, 2, 1])
    #expect(try ids("out/feed.json") == [5, 3, 2])
    // Article 4 could not enter any feed: it was not built, so nothing is reported about it.
    #expect(!report.issues.contains { $0.articleID == 4 }, "\(report.issues)")
    // Read: the sub-category's three, the parent's 5 and 4 (the row that ends the read).
    #expect(report.articlesRead == 5)
  }

  @Test func aParentsOwnRowsAreAllReadWhenTheDatabaseCannotSortThem() throws {
    // Article 4 in Unix seconds among dates as text: the rows' order says nothing about age,
    // so the parent reads its own rows as it always did, and article 4 is built (and reported).
    let report = try publish(parentAndChild(old: "1790000000"), items: 3, feeds: #", "archives": false"#)
    #expect(try ids("out/tin-tuc/feed.json") == [5, 3, 2])
    #expect(report.issues.contains { $0.articleID == 4 && $0.field == "title" }, "\(report.issues)")
  }

  @Test func leavesOutAnArticleTooLargeForAFeedWithoutEmptyingTheFeed() throws {
    let huge = String(repeating: "<p>Một đoạn văn rất dài của bài viết.</p>", count: 400)
    let sql = tenArticles { d, m in String(format: "2026-%02d-%02d 08:30:00", m, d) }
      + "UPDATE articles SET content_html = '\(huge)' WHERE id = 10;"
    let report = try publish(sql, feeds: #", "maxFeedBytes": 12000"#)
    let kept = try ids("out/feed.json")
    #expect(!kept.contains(10))
    #expect(kept.first == 9, "the newest article that fits leads the feed")
    let leftOut = report.issues.filter { $0.articleID == 10 && $0.action == .leftOut }
    #expect(leftOut.count == 1, "reported once, not once per feed: \(report.issues)")
    for file in ["out/rss.xml", "out/atom.xml", "out/feed.json"] {
      let size = try #require(FileManager.default.contents(atPath: dir.path(file))).count
      #expect(size <= 12000, "\(file) is \(size) bytes")
    }
  }

  @Test func aChangedSettingRebuildsCachedArticles() throws {
    let long = String(repeating: "<p>Một đoạn văn của bài viết dài.</p>", count: 100)
    let sql = tenArticles { d, m in String(format: "2026-%02d-%02d 08:30:00", m, d) }
      + "UPDATE articles SET content_html = '\(long)';"
    _ = try publish(sql)
    let full = try String(contentsOfFile: dir.path("out/feed.json"), encoding: .utf8)
    #expect(!full.contains("Đọc tiếp"))
    // Same rows, same state directory (so the cleaning cache is warm), a smaller content cap.
    _ = try publish(sql, feeds: #", "maxContentBytes": 1000"#)
    let cut = try String(contentsOfFile: dir.path("out/feed.json"), encoding: .utf8)
    #expect(cut.contains("Đọc tiếp"), "the cap must apply to cached articles too")
    #expect(cut.utf8.count < full.utf8.count / 2)
  }

  @Test func neverGivesTwoCategoriesOneFolder() throws {
    let sql = """
      INSERT INTO categories VALUES
        (1, NULL, 'thoi-su', 'Thời sự', NULL),
        (3, NULL, 'thoi-su-4', 'Thời sự 4', NULL),
        (4, NULL, 'Thời sự', 'Thời sự (cũ)', NULL);
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
        (1, 1, 'Một', 'published', '2026-11-01 08:00'), (2, 3, 'Hai', 'published', '2026-11-02 08:00'),
        (3, 4, 'Ba', 'published', '2026-11-03 08:00');
      """
    _ = try publish(sql)
    #expect(try ids("out/thoi-su/feed.json") == [1])
    #expect(try ids("out/thoi-su-4/feed.json") == [2])
    #expect(try ids("out/thoi-su-4-2/feed.json") == [3])
    #expect(try ids("out/feed.json") == [3, 2, 1])
  }

  @Test func cleansCategoryNamesLikeOtherText() throws {
    let sql = """
      INSERT INTO categories VALUES
        (1, NULL, 'di-len', 'Đi lên &amp; <b>xuống</b>', 'Mô tả&nbsp;ngắn'),
        (2, NULL, 'viet', 'Vie\u{302}\u{323}t Nam', NULL);
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
        (1, 1, 'Một', 'published', '2026-11-01 08:00'), (2, 2, 'Hai', 'published', '2026-11-02 08:00');
      """
    let report = try publish(sql)
    let rss = try String(contentsOfFile: dir.path("out/di-len/rss.xml"), encoding: .utf8)
    #expect(rss.contains("<title>Đi lên &amp; xuống – Phường</title>"))
    #expect(rss.contains("<description>Mô tả ngắn</description>"), "\(rss)")
    #expect(rss.contains("<category>Đi lên &amp; xuống</category>"))
    let json = try String(contentsOfFile: dir.path("out/viet/feed.json"), encoding: .utf8)
    #expect(json.utf8.contains(Array("Việt Nam".precomposedStringWithCanonicalMapping.utf8)))
    #expect(report.issues.contains { $0.categoryID == 1 && $0.field == "name" && $0.severity == .warning })
  }
}

extension String.UTF8View {
  /// Whether these bytes contain `needle` as a contiguous run.
  fileprivate func contains(_ needle: [UInt8]) -> Bool {
    let hay = Array(self)
    guard needle.count <= hay.count else { return false }
    for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }
}
