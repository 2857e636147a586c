import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Categories from a hostile or careless database: a slug too long for a folder name, a new
/// category claiming a published category's folder, a chain of 20,000 nested categories. None
/// may stop the other feeds or put one category's articles in another's feed (issue 12).
@Suite(.serialized) struct CategoryFolderTests {
  let dir = try! TemporaryDirectory("loa-cats")

  func loa(_ args: [String], database: String, output: String) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    return try Subprocess.run(
      try #require(LoaBinary.path),
      args + ["--config", ExamplePortal.configPath, "--database", database, "--output", output],
      environment: env)
  }

  func text(_ path: String) throws -> String {
    try String(contentsOfFile: dir.path(path), encoding: .utf8)
  }

  /// The example's category folders: each must still be published.
  static let exampleFolders = [
    "tin-tuc", "thoi-su", "kinh-te", "van-hoa-xa-hoi", "du-lich", "le-hoi", "thong-bao",
    "an-ninh-trat-tu", "cai-cach-hanh-chinh", "y-te-giao-duc",
  ]

  @Test func aSlugTooLongForAFolderNameStopsNoFeed() throws {
    let database = dir.path("long.sqlite")
    try ExamplePortal.makeDatabase(at: database)
    let longSlug = String(repeating: "chuyen-muc-rat-dai-", count: 16)  // 304 bytes
    let longName = String(repeating: "Đời sống xã hội ", count: 15)  // 330 bytes
    #expect(longName.utf8.count > 300)
    try SQLiteFixture.execute(
      """
      INSERT INTO categories VALUES (20, NULL, '\(longSlug)', 'Dài', NULL),
        (21, NULL, '', '\(longName)', NULL);
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
        (900, 20, 'Bài trong mục có slug dài', 'published', '2026-11-20 08:00:00'),
        (901, 21, 'Bài trong mục không có slug', 'published', '2026-11-20 09:00:00');
      """, in: database)
    let out = dir.path("out")
    let run = try loa(["publish"], database: database, output: out)
    #expect(run.status == 0, "\(run.stderr)")
    for folder in Self.exampleFolders {
      #expect(FileManager.default.fileExists(atPath: out + "/" + folder + "/rss.xml"), "\(folder)")
    }
    let site = try text("out/feed.json")
    #expect(site.contains("Bài trong mục có slug dài") && site.contains("Bài trong mục không có slug"))
    for (id, title) in [(20, "Bài trong mục có slug dài"), (21, "Bài trong mục không có slug")] {
      let line = try #require(
        run.stderr.split(separator: "\n").first { $0.contains("category \(id): slug:") },
        "\(run.stderr)")
      #expect(line.contains("over the limit of 80"))
      #expect(line.utf8.count < 400, "the original is shortened: \(line)")
      let folder = try #require(
        line.components(separatedBy: "published in \"").last?.split(separator: "\"").first
          .map(String.init))
      #expect(folder.utf8.count <= 80 && !folder.hasSuffix("-"), "\(folder)")
      #expect(try text("out/" + folder + "/feed.json").contains(title))
    }
    let check = try loa(["check"], database: database, output: out)
    #expect(check.stderr.contains("category 20: slug:"), "\(check.stderr)")
    #expect(check.stderr.contains("category 21: slug:"))
  }

  /// Publishes the example, then adds category 0 whose slug is also `thong-bao` (category 7's
  /// folder) with an advertisement in it, and publishes again.
  func publishThenAddANewcomer(wipingState: Bool) throws -> ProcessResult {
    let database = dir.path("takeover.sqlite")
    try ExamplePortal.makeDatabase(at: database)
    let out = dir.path("out")
    let first = try loa(["publish"], database: database, output: out)
    #expect(first.status == 0, "\(first.stderr)")
    let published = try text("out/thong-bao/feed.json")
    try SQLiteFixture.execute(
      """
      INSERT INTO categories VALUES (0, NULL, 'Thông báo', 'Quảng cáo', 'ads');
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
        (900, 0, 'Khuyến mãi lớn', 'published', '2026-11-25 08:00:00');
      """, in: database)
    if wipingState { try FileManager.default.removeItem(atPath: dir.path("state")) }
    let second = try loa(["publish"], database: database, output: out)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try text("out/thong-bao/feed.json") == published, "thong-bao/ still holds category 7's feed")
    #expect(try text("out/thong-bao/atom.xml").contains("feed:category:7</id>"))
    #expect(try text("out/thong-bao-0/feed.json").contains("Khuyến mãi lớn"))
    #expect(!(try text("out/thong-bao/rss.xml")).contains("Khuyến mãi lớn"))
    let warning = second.stderr.split(separator: "\n").first { $0.contains("category 0: slug:") }
    #expect(warning?.contains("category 7") == true, "\(second.stderr)")
    #expect(warning?.contains("\"thong-bao-0\"") == true)
    return second
  }

  @Test func aNewCategoryWithAPublishedSlugDoesNotTakeOverTheFolder() throws {
    let second = try publishThenAddANewcomer(wipingState: false)
    #expect(second.stderr.contains("published there before"))
  }

  @Test func withoutSavedStateThePublishedFeedKeepsItsFolder() throws {
    let second = try publishThenAddANewcomer(wipingState: true)
    #expect(second.stderr.contains("its feed is published there"), "\(second.stderr)")
  }

  @Test(
    .disabled(
      if: ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil,
      "AddressSanitizer reserves terabytes of address space: no memory cap possible"))
  func aTwentyThousandDeepCategoryChainPublishesInBoundedMemory() throws {
    // Before: the tree cost the cube of the depth (it never finished), titles the square.
    // Now a run takes some 300 MB. The cap (1 GiB of address space) checks memory; the
    // timeout only guards against a hang, with a very generous margin.
    let depth = 20_000
    try SQLiteFixture.create(
      at: dir.path("deep.sqlite"),
      sql: SQLiteFixture.schema + """
        WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < \(depth))
        INSERT INTO categories SELECT i, CASE WHEN i = 1 THEN NULL ELSE i - 1 END, 'muc-' || i,
          'Mục ' || i, NULL FROM c;
        INSERT INTO articles (id, category_id, title, status, published_at) VALUES
          (1, \(depth), 'Tin ở tầng sâu nhất', 'published', '2026-11-01 08:00:00');
        """)
    try Data(
      """
      {"version": 1, "site": {"title": "Sâu", "url": "https://p.example.org/"},
       "database": {"url": "sqlite:deep.sqlite"},
       "output": {"directory": "deep", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"itemsPerFeed": 5, "formats": ["json"]}, "state": {"directory": "state"}}
      """.utf8
    ).write(to: URL(fileURLWithPath: dir.path("deep.json")))
    let run = try Subprocess.run(
      "/usr/bin/timeout",
      [
        "900", "/usr/bin/prlimit", "--as=\(1 << 30)", "--", try #require(LoaBinary.path),
        "publish", "--config", dir.path("deep.json"),
      ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try text("deep/muc-\(depth)/feed.json").contains("Tin ở tầng sâu nhất"))
    #expect(try text("deep/muc-1/feed.json").contains("Tin ở tầng sâu nhất"))
    let opml = try text("deep/index.opml")
    // Each feed under its own title; folders nest 8 deep, the deeper categories in the last.
    #expect(opml.contains("<outline text=\"Mục 20000 – Sâu\" title=\"Mục 20000 – Sâu\""))
    #expect(opml.components(separatedBy: "<outline text=\"Mục ").count - 1 == 8 + depth)
    #expect(opml.contains("\n" + String(repeating: "  ", count: 2 + 8) + "<outline text=\"Mục 20000 – Sâu\""))
    #expect(opml.utf8.count < 1000 * depth, "every title holds one level")
  }
}
