import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

@Suite struct PublisherTests {
  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES
      (1, NULL, 'tin-tuc', 'Tin tức', 'Tin tức chung'),
      (2, 1, 'thoi-su', 'Thời sự', NULL),
      (3, NULL, 'du-lich', 'Du lịch', NULL),
      (4, NULL, 'trong', 'Trống', NULL);
    INSERT INTO articles (id, category_id, title, status, published_at, updated_at) VALUES
      (1, 1, 'Tin 1', 'published', '2026-11-01 08:00:00', NULL),
      (2, 2, 'Thời sự 2', 'published', '2026-11-02 08:00:00', '2026-11-05 10:00:00'),
      (3, 2, 'Thời sự 3', 'published', '2026-11-03 08:00:00', NULL),
      (4, 3, 'Du lịch 4', 'published', '2026-11-04 08:00:00', NULL),
      (5, NULL, 'Không chuyên mục 5', 'published', '2026-11-05 08:00:00', NULL),
      (6, 3, 'Nháp', 'draft', '2026-11-06 08:00:00', NULL),
      (7, 3, 'Hẹn giờ', 'published', '2099-01-01 08:00:00', NULL),
      (8, 3, 'Ngày hỏng', 'published', 'không rõ', NULL),
      (9, 1, 'Tin 9', 'published', '2026-11-03 08:00:00', NULL);
    """

  static func config(
    _ dir: TemporaryDirectory, items: Int = 50, categoryFeeds: Bool = true,
    siteDescription: String = "Tin phường"
  ) throws -> Configuration {
    let json = """
      {"version": 1,
       "site": {"title": "Phường", "url": "https://p.example.org/", "description": "\(siteDescription)"},
       "database": {"url": "sqlite:db.sqlite"},
       "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"itemsPerFeed": \(items), "categories": \(categoryFeeds)}, "state": {"directory": "state"}}
      """
    return try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
  }

  func publish(
    _ dir: TemporaryDirectory, items: Int = 50, categoryFeeds: Bool = true,
    siteDescription: String = "Tin phường"
  ) throws -> RunReport {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql)
    let store = try SQLiteArticleStore(path: dir.path("db.sqlite"))
    defer { try? store.close() }
    let report = RunReport()
    let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc
    try Publisher(
      configuration: try Self.config(
        dir, items: items, categoryFeeds: categoryFeeds, siteDescription: siteDescription),
      store: store,
      clock: FixedClock(now),
      logger: .silent, report: report
    ).run()
    return report
  }

  func ids(_ path: String) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (json["items"] as! [[String: Any]]).map { ($0["id"] as! String).components(separatedBy: ":").last! }
  }

  @Test func writesSiteAndCategoryFeedsWithSubCategoryArticles() throws {
    let dir = try TemporaryDirectory()
    let report = try publish(dir)
    #expect(try ids(dir.path("out/feed.json")) == ["5", "4", "9", "3", "2", "1"])
    #expect(try ids(dir.path("out/tin-tuc/feed.json")) == ["9", "3", "2", "1"])
    #expect(try ids(dir.path("out/thoi-su/feed.json")) == ["3", "2"])
    #expect(try ids(dir.path("out/du-lich/feed.json")) == ["4"])
    #expect(try ids(dir.path("out/trong/feed.json")) == [])
    let files = Set(report.filesWritten)
    for folder in ["", "tin-tuc/", "thoi-su/", "du-lich/", "trong/"] {
      for name in ["rss.xml", "atom.xml", "feed.json"] { #expect(files.contains(folder + name)) }
    }
    #expect(files.contains("index.opml"))
    #expect(report.scheduled == 1)
    #expect(report.itemsLeftOut == 1)
    #expect(report.issues.contains { $0.articleID == 8 && $0.field == "published_at" })
    #expect(report.itemsPublished == 6)
  }

  @Test func takesTheNewestItemsPerFeed() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir, items: 2)
    #expect(try ids(dir.path("out/feed.json")) == ["5", "4"])
    #expect(try ids(dir.path("out/tin-tuc/feed.json")) == ["9", "3"])
  }

  @Test func readsTheSiteFeedAloneInOneQueryWithTheSameItems() throws {
    for items in [2, 50] {
      let merged = try TemporaryDirectory()
      _ = try publish(merged, items: items)
      let alone = try TemporaryDirectory()
      let report = try publish(alone, items: items, categoryFeeds: false)
      #expect(try ids(alone.path("out/feed.json")) == ids(merged.path("out/feed.json")))
      #expect(!FileManager.default.fileExists(atPath: alone.path("out/tin-tuc/feed.json")))
      #expect(report.articlesRead <= items + 3, "one query, not one per category")
    }
  }

  @Test func usesTheNewestUpdateAsBuildDateNeverTheClock() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    let rss = try String(contentsOfFile: dir.path("out/thoi-su/rss.xml"), encoding: .utf8)
    #expect(rss.contains("<lastBuildDate>Thu, 05 Nov 2026 10:00:00 +0700</lastBuildDate>"))
    // An empty feed invents no date: Atom (which requires one) takes the site feed's newest
    // item's, RSS leaves lastBuildDate out.
    let empty = try String(contentsOfFile: dir.path("out/trong/atom.xml"), encoding: .utf8)
    #expect(empty.contains("<updated>2026-11-05T10:00:00+07:00</updated>"))
    let emptyRSS = try String(contentsOfFile: dir.path("out/trong/rss.xml"), encoding: .utf8)
    #expect(!emptyRSS.contains("lastBuildDate"))
    #expect(!empty.contains("2000-01-01") && !emptyRSS.contains("2000"))
  }

  @Test func givesByteIdenticalOutputOnEveryRun() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    let first = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")).sorted().map {
      ($0, FileManager.default.contents(atPath: dir.path("out/" + $0)))
    }
    let second = try publish(dir)
    #expect(second.filesWritten.isEmpty)
    // 37: 18 feeds and pages, the 4 categories' head-link snippets, 3 sitemaps, and 4 archives
    // (November: the site, tin-tuc, thoi-su, du-lich) in 3 formats.
    #expect(second.filesUnchanged.count == 37)
    for (path, data) in first {
      #expect(FileManager.default.contents(atPath: dir.path("out/" + path)) == data, "\(path)")
    }
  }

  @Test func producesFilesTheIndependentReadersAccept() throws {
    guard Checkers.enabled else { return }
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    try Checkers.checkFeeds(in: dir.path("out"))
  }

  /// RSS requires a channel `description`; a site configured without one published an empty
  /// element (found by the WordPress example, whose blogdescription can be empty). Like a
  /// category without a description, the site feed then describes itself by its title.
  @Test func aSiteWithoutADescriptionIsDescribedByItsTitle() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir, siteDescription: "")
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rss.contains("<description>Phường</description>"), "\(rss.prefix(600))")
    #expect(!rss.contains("<description/>") && !rss.contains("<description></description>"))
    if Checkers.enabled { try Checkers.checkFeeds(in: dir.path("out")) }
  }
}
