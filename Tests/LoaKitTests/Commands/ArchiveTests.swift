import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import Testing

/// RFC 5005 archived feeds: one archive document per month, linked from the subscription feed.
@Suite struct ArchiveTests {
  /// Three months of articles; the site's zone is +07:00, so article 8 (03:00 on 1 November,
  /// local time) is a November article although it is still October in UTC.
  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES
      (1, NULL, 'tin-tuc', 'Tin tức', NULL),
      (2, 1, 'thoi-su', 'Thời sự', NULL),
      (3, NULL, 'du-lich', 'Du lịch', NULL);
    INSERT INTO articles (id, category_id, title, status, published_at, updated_at) VALUES
      (1, 1, 'Tin 1', 'published', '2026-09-02 08:00:00', NULL),
      (2, 2, 'Thời sự 2', 'published', '2026-09-20 08:00:00', NULL),
      (3, 3, 'Du lịch 3', 'published', '2026-09-25 08:00:00', NULL),
      (4, 2, 'Thời sự 4', 'published', '2026-10-03 08:00:00', NULL),
      (5, NULL, 'Không chuyên mục 5', 'published', '2026-10-10 08:00:00', NULL),
      (6, 3, 'Du lịch 6', 'published', '2026-10-31 22:00:00', NULL),
      (7, 1, 'Nháp 7', 'draft', '2026-10-15 08:00:00', NULL),
      (8, 2, 'Thời sự 8', 'published', '2026-11-01 03:00:00', NULL),
      (9, 1, 'Tin 9', 'published', '2026-11-05 08:00:00', NULL),
      (10, 3, 'Du lịch 10', 'published', '2026-11-20 08:00:00', NULL),
      (11, 3, 'Hẹn giờ 11', 'published', '2099-01-01 08:00:00', NULL);
    """

  static let base = "https://p.example.org/feeds/"

  func configuration(_ dir: TemporaryDirectory, archives: Bool = true) throws -> Configuration {
    let json = """
      {"version": 1,
       "site": {"title": "Phường", "url": "https://p.example.org/", "description": "Tin phường"},
       "database": {"url": "sqlite:db.sqlite"},
       "output": {"directory": "out", "baseURL": "\(Self.base)"},
       "feeds": {"itemsPerFeed": 2, "archives": \(archives)}, "state": {"directory": "state"}}
      """
    return try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
  }

  /// Publishes `dir`'s database (created from ``sql`` on the first call) with the state kept
  /// between runs, as cron does.
  @discardableResult
  func publish(_ dir: TemporaryDirectory, archives: Bool = true) throws -> (RunReport, Bool) {
    if !FileManager.default.fileExists(atPath: dir.path("db.sqlite")) {
      try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql)
    }
    let store = try SQLiteArticleStore(path: dir.path("db.sqlite"))
    defer { try? store.close() }
    let report = RunReport()
    let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc
    let publisher = try Publisher(
      configuration: try configuration(dir, archives: archives), store: store,
      clock: FixedClock(now), logger: .silent, report: report)
    try publisher.run()
    return (report, publisher.nothingChanged)
  }

  func text(_ dir: TemporaryDirectory, _ path: String) throws -> String {
    try String(contentsOfFile: dir.path("out/" + path), encoding: .utf8)
  }

  /// The output path a published URL names.
  func localPath(_ url: String) throws -> String {
    try #require(url.hasPrefix(Self.base), "\(url) is not below \(Self.base)")
    return String(url.dropFirst(Self.base.count))
  }

  /// The article ids in one document (from the item ids `tag:…:article:ID`).
  func articleIDs(in document: String) -> [Int] {
    document.matches(of: /:article:(\d+)/).compactMap { Int($0.1) }
  }

  /// Follows `link` from the document at `path` to the end of the chain: every document
  /// reached after the first, in order.
  func chain(
    _ dir: TemporaryDirectory, from path: String, link: (String) -> String?
  ) throws -> [String] {
    var out: [String] = []
    var next = link(try text(dir, path))
    while let url = next {
      let p = try localPath(url)
      #expect(!out.contains(p), "the chain loops at \(p)")
      guard !out.contains(p), out.count < 100 else { break }
      out.append(p)
      next = link(try text(dir, p))
    }
    return out
  }

  static func atomLink(_ rel: String) -> (String) -> String? {
    { doc in
      doc.firstMatch(of: try! Regex("<link rel=\"\(rel)\" type=\"[^\"]*\" href=\"([^\"]*)\""))
        .map { String($0.output[1].substring ?? "") }
    }
  }

  static func rssLink(_ rel: String) -> (String) -> String? {
    { doc in
      doc.firstMatch(of: try! Regex("<atom:link href=\"([^\"]*)\" rel=\"\(rel)\""))
        .map { String($0.output[1].substring ?? "") }
    }
  }

  static func jsonNextURL(_ doc: String) -> String? {
    guard let data = doc.data(using: .utf8),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return json["next_url"] as? String
  }

  @Test(arguments: [
    ("", [1, 2, 3, 4, 5, 6, 8, 9, 10]), ("tin-tuc/", [1, 2, 4, 8, 9]), ("thoi-su/", [2, 4, 8]),
    ("du-lich/", [3, 6, 10]),
  ])
  func followingPrevArchiveCollectsEveryPublishedArticleExactlyOnce(
    folder: String, expected: [Int]
  ) throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    let walks: [(String, (String) -> String?)] = [
      ("atom.xml", Self.atomLink("prev-archive")), ("rss.xml", Self.rssLink("prev-archive")),
      ("feed.json", Self.jsonNextURL),
    ]
    for (name, link) in walks {
      let archives = try chain(dir, from: folder + name, link: link)
      #expect(archives.allSatisfy { $0.hasPrefix(folder + "archive/") && $0.hasSuffix("/" + name) })
      let ids = try archives.flatMap { articleIDs(in: try text(dir, $0)) }
      #expect(ids.sorted() == expected, "\(folder + name): \(archives)")
      // The subscription feed holds only the newest two; the archives hold the rest too.
      #expect(articleIDs(in: try text(dir, folder + name)).count == 2)
    }
  }

  @Test func cutsMonthsInTheSitesTimeZone() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    #expect(articleIDs(in: try text(dir, "archive/2026-11/feed.json")) == [10, 9, 8])
    #expect(articleIDs(in: try text(dir, "archive/2026-10/feed.json")) == [6, 5, 4])
    #expect(articleIDs(in: try text(dir, "archive/2026-09/feed.json")) == [3, 2, 1])
    #expect(articleIDs(in: try text(dir, "thoi-su/archive/2026-11/atom.xml")) == [8])
    // No month without articles has an archive.
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/archive/2026-08")))
  }

  @Test func archivesCarryFhArchiveAndCurrentAndNextArchiveLinks() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    let october = try text(dir, "archive/2026-10/atom.xml")
    #expect(october.contains("xmlns:fh=\"http://purl.org/syndication/history/1.0\""))
    #expect(october.contains("<fh:archive/>"))
    #expect(Self.atomLink("current")(october) == Self.base + "atom.xml")
    #expect(Self.atomLink("next-archive")(october) == Self.base + "archive/2026-11/atom.xml")
    #expect(Self.atomLink("prev-archive")(october) == Self.base + "archive/2026-09/atom.xml")
    let oldest = try text(dir, "du-lich/archive/2026-09/rss.xml")
    #expect(oldest.contains("<fh:archive/>"))
    #expect(Self.rssLink("current")(oldest) == Self.base + "du-lich/rss.xml")
    #expect(Self.rssLink("next-archive")(oldest) == Self.base + "du-lich/archive/2026-10/rss.xml")
    #expect(Self.rssLink("prev-archive")(oldest) == nil)
    let newest = try text(dir, "archive/2026-11/rss.xml")
    #expect(Self.rssLink("next-archive")(newest) == nil)
    // The subscription feed is no archive document.
    let subscription = try text(dir, "atom.xml")
    #expect(!subscription.contains("fh:archive") && Self.atomLink("current")(subscription) == nil)
    try Checkers.checkFeedsIfEnabled(in: dir.path("out"))
  }

  /// Every archive file with its inode and modification time.
  func archiveStamps(_ dir: TemporaryDirectory) throws -> [String: String] {
    var out: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))
    where path.contains("archive/") && !path.hasPrefix(".") {
      var st = stat()
      guard lstat(dir.path("out/" + path), &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
        continue
      }
      out[path] = "\(st.st_ino):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }
    return out
  }

  @Test func aSecondRunRewritesNothing() throws {
    let dir = try TemporaryDirectory()
    let (first, _) = try publish(dir)
    #expect(first.filesWritten.contains("archive/2026-09/atom.xml"))
    let before = try archiveStamps(dir)
    #expect(before.count == 3 * (3 + 3 + 3 + 3))
    let (second, nothingChanged) = try publish(dir)
    #expect(nothingChanged, "a run on an unchanged database reads no month again")
    #expect(second.filesWritten.isEmpty)
    #expect(try archiveStamps(dir) == before)
  }

  @Test func editingAnArticleInAnOldMonthRewritesOnlyThatMonthsArchives() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    let before = try archiveStamps(dir)
    try SQLiteFixture.execute(
      "UPDATE articles SET title = 'Thời sự 2 (đã sửa)', updated_at = '2026-11-28 09:00:00' WHERE id = 2",
      in: dir.path("db.sqlite"))
    let (report, nothingChanged) = try publish(dir)
    #expect(!nothingChanged)
    let rewritten = Set(report.filesWritten.filter { $0.contains("archive/") })
    var expected = Set<String>()
    for folder in ["", "tin-tuc/", "thoi-su/"] {
      for name in ["rss.xml", "atom.xml", "feed.json"] {
        expected.insert(folder + "archive/2026-09/" + name)
      }
    }
    #expect(rewritten == expected)
    let after = try archiveStamps(dir)
    for (path, stamp) in before where !expected.contains(path) {
      #expect(after[path] == stamp, "\(path) was rewritten")
    }
    #expect(try text(dir, "thoi-su/archive/2026-09/atom.xml").contains("Thời sự 2 (đã sửa)"))
  }

  @Test func aNewMonthAddsOneArchiveAndUpdatesTheLinks() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    try SQLiteFixture.execute(
      "UPDATE articles SET published_at = '2026-12-01 08:00:00', status = 'published' WHERE id = 11",
      in: dir.path("db.sqlite"))
    // The clock moves on to December, when article 11 is due.
    let store = try SQLiteArticleStore(path: dir.path("db.sqlite"))
    defer { try? store.close() }
    let report = RunReport()
    let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-12-02 12:00")!.utc
    try Publisher(
      configuration: try configuration(dir), store: store, clock: FixedClock(now),
      logger: .silent, report: report
    ).run()
    let archives = Set(report.filesWritten.filter { $0.contains("archive/") })
    var expected = Set<String>()
    for folder in ["", "du-lich/"] {
      for name in ["rss.xml", "atom.xml", "feed.json"] {
        expected.insert(folder + "archive/2026-12/" + name)  // new
      }
      // November gains its next-archive link; JSON Feed pages link only to older ones.
      for name in ["rss.xml", "atom.xml"] { expected.insert(folder + "archive/2026-11/" + name) }
    }
    #expect(archives == expected)
    #expect(
      Self.atomLink("prev-archive")(try text(dir, "du-lich/atom.xml"))
        == Self.base + "du-lich/archive/2026-12/atom.xml")
    #expect(
      Self.atomLink("next-archive")(try text(dir, "archive/2026-11/atom.xml"))
        == Self.base + "archive/2026-12/atom.xml")
    // Tin tức has nothing in December: its newest archive is still November's.
    #expect(
      Self.atomLink("prev-archive")(try text(dir, "tin-tuc/atom.xml"))
        == Self.base + "tin-tuc/archive/2026-11/atom.xml")
  }

  @Test func aMonthWhoseArticlesAreUnpublishedLosesItsArchive() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    #expect(FileManager.default.fileExists(atPath: dir.path("out/du-lich/archive/2026-10/rss.xml")))
    try SQLiteFixture.execute(
      "UPDATE articles SET status = 'draft' WHERE id = 6", in: dir.path("db.sqlite"))
    try publish(dir)
    for name in ["rss.xml", "atom.xml", "feed.json"] {
      #expect(!FileManager.default.fileExists(atPath: dir.path("out/du-lich/archive/2026-10/" + name)))
    }
    // The chain skips the month: November's prev-archive is September's.
    #expect(
      Self.atomLink("prev-archive")(try text(dir, "du-lich/archive/2026-11/atom.xml"))
        == Self.base + "du-lich/archive/2026-09/atom.xml")
  }

  /// A date the database sorts above the others but that is no date, then a row in Unix
  /// seconds (SQLite sorts integers after text, newest first): the run's date-order check
  /// cannot see it, and the November row comes after October's.
  @Test func rowsOutOfDateOrderKeepThePublishedArchives() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    let before = try archiveStamps(dir)
    try SQLiteFixture.execute(
      """
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
        (20, 3, 'Ngày hỏng', 'published', 'không rõ'),
        (21, 3, 'Giây Unix', 'published', 1795568400);
      """, in: dir.path("db.sqlite"))
    let (report, _) = try publish(dir)
    #expect(
      report.issues.contains { $0.message.contains("the archives (feeds.archives) are not updated") },
      "\(report.issues.map(\.message))")
    #expect(try archiveStamps(dir) == before)
    #expect(!(try text(dir, "du-lich/atom.xml")).contains("prev-archive"))
    let left = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))
    #expect(left.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(left)")
    // Once the dates are fixed, the archives are published again, with the new article.
    try SQLiteFixture.execute(
      "UPDATE articles SET published_at = '2026-11-25 08:00:00' WHERE id = 21; DELETE FROM articles WHERE id = 20",
      in: dir.path("db.sqlite"))
    try publish(dir)
    #expect(articleIDs(in: try text(dir, "du-lich/archive/2026-11/feed.json")) == [21, 10])
  }

  /// The archives stage before the feeds and are held until the pass ends; a failure to stage
  /// one must still fail the run, not leave the month out silently.
  @Test func anArchiveThatCannotBeWrittenFailsTheRunAndPublishesNothing() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: dir.path("out/archive"), withIntermediateDirectories: true)
    // A file where the September archive's folder goes.
    #expect(FileManager.default.createFile(atPath: dir.path("out/archive/2026-09"), contents: Data()))
    #expect(throws: (any Error).self) { try publish(dir) }
    // No file published, no temporary file left (staging may have created empty folders).
    let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")).filter {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: dir.path("out/" + $0), isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }
    #expect(files == ["archive/2026-09"], "\(files)")
  }

  @Test func turningArchivesOffRemovesThemAndTheLinks() throws {
    let dir = try TemporaryDirectory()
    try publish(dir)
    try publish(dir, archives: false)
    #expect(try archiveStamps(dir).isEmpty)
    #expect(!(try text(dir, "atom.xml")).contains("prev-archive"))
    #expect(!(try text(dir, "feed.json")).contains("next_url"))
  }

  /// The feeds' reads and the archive pass build every row; each row's report lines are
  /// reported once, and rows sharing an id once each (``Publisher``'s per-id counts).
  @Test func eachRowIsReportedOnceThoughBothPassesBuildIt() throws {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql + """
      UPDATE articles SET image_url = 'javascript:alert(1)' WHERE id IN (2, 9);
      """)
    for archives in [true, false] {
      let (report, _) = try publish(dir, archives: archives)
      // Article 2 is too old for its feeds (two items each): only the archive pass reads it.
      for id: Int64 in [2, 9] {
        let lines = report.issues.filter { $0.articleID == id && $0.field == "image_url" }
        #expect(
          lines.count == (archives || id == 9 ? 1 : 0),
          "archives \(archives), article \(id): \(report.issues)")
      }
    }
  }
}
