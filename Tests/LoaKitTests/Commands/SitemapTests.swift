import Foundation
import LoaCore
import LoaKit
import LoaXML
import LoaTestSupport
import Testing

/// `sitemap.xml`, `news-sitemap.xml` and `sitemap-index.xml`: which articles they hold, and
/// that they are valid against the schemas sitemaps.org and Google publish
/// (Tests/LoaKitTests/Fixtures/sitemaps).
@Suite struct SitemapTests {
  let dir = try! TemporaryDirectory("loa-sitemap")

  /// 2026-11-29 12:00 in Hà Nội: the clock of every run here.
  static let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc

  @discardableResult
  func publish(_ sql: String, items: Int = 50, sitemaps: String = "", create: Bool = true) throws
    -> RunReport
  {
    if create {
      try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: SQLiteFixture.schema + sql)
    } else {
      try SQLiteFixture.execute(sql, in: dir.path("db.sqlite"))
    }
    let json = """
      {"version": 1,
       "site": {"title": "Phường & Xã", "url": "https://p.example.org/", "language": "vi-VN"},
       "database": {"url": "sqlite:db.sqlite"},
       "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"itemsPerFeed": \(items)}, "state": {"directory": "state"}\(sitemaps)}
      """
    let configuration = try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
    let store = try configuration.openStore()
    defer { try? store.close() }
    let report = RunReport()
    try Publisher(
      configuration: configuration, store: store, clock: FixedClock(Self.now), logger: .silent,
      report: report
    ).run()
    return report
  }

  /// `INSERT` of articles `(id, published_at)` with default everything else.
  func articles(_ rows: [(Int, String)], url: (Int) -> String? = { _ in nil }) -> String {
    let values = rows.map { id, date in
      "(\(id), 'Tin \(id)', \(url(id).map { "'\($0)'" } ?? "NULL"), '\(date)')"
    }
    return "INSERT INTO articles (id, title, url, published_at) VALUES "
      + values.joined(separator: ", ") + ";"
  }

  func text(_ path: String) throws -> String {
    try String(contentsOfFile: dir.path("out/" + path), encoding: .utf8)
  }

  /// The `<loc>` values of a published sitemap, in order.
  func locations(_ path: String) throws -> [String] {
    try text(path).components(separatedBy: "<loc>").dropFirst().map {
      String($0.prefix { $0 != "<" })
    }
  }

  /// The article ids of the `<loc>`s (`…/tin-12.html` or `…-12.html`).
  func ids(_ path: String) throws -> [Int] {
    try locations(path).compactMap { loc in
      Int(loc.split(separator: "-").last?.split(separator: ".").first ?? "")
    }
  }

  @Test func theExamplePublishesSitemapsValidAgainstThePublishedSchemas() throws {
    let out = try TemporaryDirectory()
    let report = try ExamplePortalTests.publishExample(into: out.path)
    try SitemapSchemas.expectValid(out.path("sitemap.xml"), .sitemap)
    try SitemapSchemas.expectValid(out.path("news-sitemap.xml"), .news)
    try SitemapSchemas.expectValid(out.path("sitemap-index.xml"), .index)
    let sitemap = try String(contentsOfFile: out.path("sitemap.xml"), encoding: .utf8)
    #expect(sitemap.components(separatedBy: "<url>").count - 1 == report.itemsPublished)
    let news = try String(contentsOfFile: out.path("news-sitemap.xml"), encoding: .utf8)
    #expect(news.contains("<news:language>vi</news:language>"))
    #expect(news.contains("<news:name>Cổng thông tin điện tử phường Bãi Cháy</news:name>"))
    #expect(news.contains("<news:publication_date>2026-11-27T16:00:00+07:00</news:publication_date>"))
    let index = try String(contentsOfFile: out.path("sitemap-index.xml"), encoding: .utf8)
    #expect(index.contains("<loc>https://baichay.example.org/feeds/news-sitemap.xml</loc>"))
    #expect(index.contains("<loc>https://baichay.example.org/feeds/sitemap.xml</loc>"))
  }

  @Test func anArticleOlderThanTwoDaysBeforeTheNewestIsNotInTheNewsSitemap() throws {
    try publish(
      articles([
        (1, "2026-11-29 10:00:00"), (2, "2026-11-27 10:00:00"), (3, "2026-11-27 09:59:59"),
        (4, "2026-10-01 08:00:00"),
      ]))
    #expect(try ids("news-sitemap.xml") == [1, 2])
    #expect(try ids("sitemap.xml") == [1, 2, 3, 4])
    try SitemapSchemas.expectValid(dir.path("out/news-sitemap.xml"), .news)
    try SitemapSchemas.expectValid(dir.path("out/sitemap.xml"), .sitemap)
  }

  @Test func theNewsWindowEndsAtTheNewestArticleNotAtTheClock() throws {
    // The newest article is a week before the clock: the file must not depend on the day.
    try publish(articles([(1, "2026-11-22 10:00:00"), (2, "2026-11-21 10:00:00"), (3, "2026-11-19 10:00:00")]))
    #expect(try ids("news-sitemap.xml") == [1, 2])
  }

  @Test func moreThanAThousandCandidatesGiveTheNewestThousand() throws {
    // One a minute from 00:01 to 20:00, all within the two days.
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let rows = (1...1_200).map { i in (i, "2026-11-28 \(two(i / 60)):\(two(i % 60)):00") }
    try publish(articles(rows), items: 2_000)
    let news = try ids("news-sitemap.xml")
    #expect(news.count == 1_000)
    #expect(news.first == 1_200)
    #expect(news.last == 201)
    #expect(try ids("sitemap.xml").count == 1_200)
    try SitemapSchemas.expectValid(dir.path("out/news-sitemap.xml"), .news)
  }

  @Test func anArticleOnAnotherHostIsLeftOutOfBothSitemapsButNotOfTheFeeds() throws {
    let report = try publish(
      articles([(1, "2026-11-29 10:00:00"), (2, "2026-11-29 09:00:00"), (3, "2026-11-29 08:00:00"), (4, "2026-11-29 07:00:00")]) {
        switch $0 {
        case 2: return "https://cong.example.net/tin-2.html"
        case 3: return "http://p.example.org/tin-3.html"  // another scheme
        case 4: return "https://p.example.org:8443/tin-4.html"  // another port
        default: return "https://p.example.org/tin-\($0).html"
        }
      })
    #expect(try ids("sitemap.xml") == [1])
    #expect(try ids("news-sitemap.xml") == [1])
    #expect(try text("rss.xml").contains("https://cong.example.net/tin-2.html"))
    let notes = report.issues.filter { $0.field == "link" && $0.message.contains("sitemaps") }
    #expect(notes.map(\.articleID) == [2, 3, 4], "\(report.issues)")
  }

  @Test func draftsAndScheduledArticlesNeverAppear() throws {
    var sql = articles([(1, "2026-11-29 10:00:00"), (2, "2026-11-29 11:00:00"), (3, "2026-11-30 09:00:00")])
    sql += "UPDATE articles SET status = 'draft' WHERE id = 2;"
    let report = try publish(sql)
    #expect(report.scheduled == 1)
    #expect(try ids("sitemap.xml") == [1])
    #expect(try ids("news-sitemap.xml") == [1])
  }

  @Test func twoArticlesWithOneURLAppearOnce() throws {
    try publish(
      articles([(1, "2026-11-29 10:00:00"), (2, "2026-11-29 09:00:00")]) { _ in
        "https://p.example.org/tin-chung.html"
      })
    #expect(try locations("sitemap.xml") == ["https://p.example.org/tin-chung.html"])
    #expect(try locations("news-sitemap.xml") == ["https://p.example.org/tin-chung.html"])
  }

  @Test func escapesTitlesAndNamesTheSiteInItsGoogleLanguage() throws {
    var sql = articles([(1, "2026-11-29 10:00:00")])
    sql += "UPDATE articles SET title = 'A & B < C \"d\" ]]> đ' WHERE id = 1;"
    try publish(sql)
    let news = try text("news-sitemap.xml")
    #expect(news.contains("<news:title>A &amp; B &lt; C &quot;d&quot; ]]&gt; đ</news:title>"))
    #expect(news.contains("<news:name>Phường &amp; Xã</news:name>"))
    #expect(news.contains("<news:language>vi</news:language>"))
    try SitemapSchemas.expectValid(dir.path("out/news-sitemap.xml"), .news)
  }

  @Test func takesThePublicationNameFromTheConfiguration() throws {
    try publish(
      articles([(1, "2026-11-29 10:00:00")]),
      sitemaps: #", "sitemaps": {"publicationName": "Báo Phường"}"#)
    #expect(try text("news-sitemap.xml").contains("<news:name>Báo Phường</news:name>"))
  }

  @Test func writesOnlyTheConfiguredSitemaps() throws {
    try publish(articles([(1, "2026-11-29 10:00:00")]), sitemaps: #", "sitemaps": {"news": false}"#)
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/news-sitemap.xml")))
    #expect(try locations("sitemap-index.xml") == ["https://p.example.org/feeds/sitemap.xml"])
    try SitemapSchemas.expectValid(dir.path("out/sitemap-index.xml"), .index)
    try publish(
      articles([(2, "2026-11-29 10:00:00")]),
      sitemaps: #", "sitemaps": {"news": false, "articles": false}"#)
    for path in ["sitemap.xml", "sitemap-index.xml"] {
      // Left as the last run published them: loa no longer owns these paths.
      #expect(FileManager.default.fileExists(atPath: dir.path("out/" + path)))
    }
  }

  @Test func anotherOutputConfiguredOverASitemapIsRefusedNamingBoth() throws {
    try ExamplePortal.makeDatabase(at: dir.path("bai-chay.sqlite"))
    var config = try Configuration.load(path: ExamplePortal.configPath)
    config.output.directory = dir.path("out")
    config.state.directory = dir.path("state")
    config.database.location = .sqlite(path: dir.path("bai-chay.sqlite"))
    config.weather?.htmlFile = "news-sitemap.xml"
    #expect {
      _ = try PublishRun(configuration: config, clock: FixedClock(Self.now)).run(report: RunReport())
    } throws: { error in
      let text = "\(error)"
      return error is ConfigError && text.contains("weather.output.html")
        && text.contains("the Google News sitemap")
    }
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
    // With the news sitemap off, the path is free for it.
    config.sitemaps.news = false
    _ = try PublishRun(configuration: config, clock: FixedClock(Self.now)).run(report: RunReport())
    #expect(try text("news-sitemap.xml").contains("weather"))
  }

  @Test func readsTheSitemapKeysAndRefusesUnknownOnes() throws {
    func parse(_ sitemaps: String) throws -> Configuration {
      let json = """
        {"version": 1, "site": {"title": "T", "url": "https://p.example.org/"},
         "database": {"url": "sqlite:db.sqlite"}, "output": {"directory": "out", "baseURL": "/f/"}\(sitemaps)}
        """
      return try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
    }
    let defaults = try parse("").sitemaps
    #expect(defaults.articles && defaults.news && defaults.publicationName == nil)
    let set = try parse(#", "sitemaps": {"articles": false, "news": true, "publicationName": "Báo"}"#).sitemaps
    #expect(!set.articles && set.news && set.publicationName == "Báo")
    for bad in [#"{"new": false}"#, #"{"publicationName": ""}"#, #"{"news": "yes"}"#] {
      #expect(throws: ConfigError.self, "\(bad)") { try parse(#", "sitemaps": "# + bad) }
    }
  }

  @Test func anUnchangedSitemapIsNotRewritten() throws {
    try publish(articles([(1, "2026-11-29 10:00:00"), (2, "2026-11-28 10:00:00")]))
    let before = try FileManager.default.attributesOfItem(atPath: dir.path("out/sitemap.xml"))
    // A new summary changes the feeds, not the sitemaps.
    let report = try publish("UPDATE articles SET summary = 'Tóm tắt mới' WHERE id = 1;", create: false)
    #expect(report.filesWritten.contains("rss.xml"))
    for path in ["sitemap.xml", "news-sitemap.xml", "sitemap-index.xml"] {
      #expect(report.filesUnchanged.contains(path), "\(report.filesWritten)")
    }
    let after = try FileManager.default.attributesOfItem(atPath: dir.path("out/sitemap.xml"))
    #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
  }

  @Test func aSitemapLeftWithoutArticlesIsRemovedNotPublishedEmpty() throws {
    try publish(articles([(1, "2026-11-29 10:00:00")]))
    #expect(FileManager.default.fileExists(atPath: dir.path("out/news-sitemap.xml")))
    try publish("UPDATE articles SET url = 'https://cong.example.net/tin-1.html';", create: false)
    for path in ["sitemap.xml", "news-sitemap.xml", "sitemap-index.xml"] {
      #expect(!FileManager.default.fileExists(atPath: dir.path("out/" + path)), "\(path)")
    }
    #expect(FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
  }

  @Test func theCollectorKeepsOnlyTheNewestFiftyThousandAsFeedsComeIn() throws {
    let site = try #require(WebAddress("https://p.example.org/"))
    var collector = SitemapCollector(site: site)
    let limit = SitemapSelection.urlLimit
    func item(_ id: Int) -> FeedItem {
      let t = Timestamp(utc: 1_790_000_000 + Int64(id) * 60, offset: 25200)
      return FeedItem(
        articleID: Int64(id), categoryID: nil, guid: "g\(id)", title: "Tin \(id)",
        link: "https://p.example.org/tin-\(id).html", summary: nil, contentHTML: nil, authors: [],
        categories: [], published: t, updated: t, image: nil)
    }
    // Feeds of 1,000 items, oldest first, each repeated once by a parent feed.
    let report = RunReport()
    for start in stride(from: 1, through: 2 * limit + 10_000, by: 1_000) {
      let feed = (start..<(start + 1_000)).map(item)
      collector.add(feed, report: report)
      collector.add(feed, report: report)
      #expect(collector.entries.count < 2 * limit)
    }
    let kept = SitemapSelection.articles(collector.entries, site: site).kept
    #expect(kept.count == limit)
    #expect(kept.first?.articleID == Int64(2 * limit + 10_000))
    #expect(kept.last?.articleID == Int64(limit + 10_001))
  }

  /// The grammar every sitemap is checked against before it is published admits what loa
  /// writes and refuses what the published XSDs refuse (and a little more).
  @Test func theBuiltInSitemapCheckRefusesWhatTheSchemasRefuse() throws {
    let out = try TemporaryDirectory()
    _ = try ExamplePortalTests.publishExample(into: out.path)
    let validator = try RelaxNGValidator.sitemap()
    let news = try String(contentsOfFile: out.path("news-sitemap.xml"), encoding: .utf8)
    let sitemap = try String(contentsOfFile: out.path("sitemap.xml"), encoding: .utf8)
    let index = try String(contentsOfFile: out.path("sitemap-index.xml"), encoding: .utf8)
    for good in [news, sitemap, index] {
      #expect(validator.problem(Array(good.utf8)) == nil)
    }
    let bad: [(String, String, String)] = [
      (news, "<news:language>vi</news:language>", "<news:language>vi-VN</news:language>"),
      (news, "<news:title>", "<news:keywords>x</news:keywords><news:title>"),
      (news, "+07:00</news:publication_date>", "+0700</news:publication_date>"),
      (sitemap, "<loc>https://baichay.example.org/", "<loc>/"),
      (sitemap, "<lastmod>2026-11-27T16:00:00+07:00", "<lastmod>27/11/2026"),
      (index, "<sitemap>", "<url>"),
    ]
    for (text, from, to) in bad {
      let mangled = try #require(text.range(of: from)).lowerBound
      var changed = text
      changed.replaceSubrange(mangled..<text.index(mangled, offsetBy: from.count), with: to)
      #expect(validator.problem(Array(changed.utf8)) != nil, "\(to)")
    }
    let empty = #"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>"#
    #expect(validator.problem(Array(empty.utf8)) != nil)
  }

  @Test(arguments: [
    ("vi", "vi"), ("vi-VN", "vi"), ("EN-gb", "en"), ("zh", "zh-cn"), ("zh-CN", "zh-cn"),
    ("zh-Hans-CN", "zh-cn"), ("zh-TW", "zh-tw"), ("zh-Hant", "zh-tw"), ("zh-HK", "zh-tw"),
    ("fil", "fil"),
  ])
  func writesTheLanguageInGooglesForm(_ tag: String, _ expected: String) {
    #expect(SitemapSelection.newsLanguage(tag) == expected)
  }
}

/// Validates a file with `xmllint --nonet --schema` against the published sitemap schemas in
/// Tests/LoaKitTests/Fixtures/sitemaps.
enum SitemapSchemas: String {
  case sitemap = "sitemap.xsd"
  case news = "news-sitemap.xsd"
  case index = "siteindex.xsd"

  static var xmllint: String? {
    let env = ProcessInfo.processInfo.environment["XMLLINT"]
    return [env, "/usr/bin/xmllint", "/usr/local/bin/xmllint"].compactMap { $0 }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Records an issue unless `path` is valid against `schema`.
  static func expectValid(
    _ path: String, _ schema: SitemapSchemas, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    guard let xmllint else {
      Issue.record("xmllint not found (install libxml2-utils or set XMLLINT)", sourceLocation: sourceLocation)
      return
    }
    let xsd = PackagePaths.path("Tests/LoaKitTests/Fixtures/sitemaps/" + schema.rawValue)
    let r = try Subprocess.run(xmllint, ["--noout", "--nonet", "--schema", xsd, path])
    #expect(r.status == 0, "\(path) is not valid against \(schema.rawValue):\n\(r.stderr)", sourceLocation: sourceLocation)
  }
}
