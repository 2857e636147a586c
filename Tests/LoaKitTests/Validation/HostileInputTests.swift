import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import LoaXML
import Testing

/// A database full of what real CMSs hold: one row per cleaning rule. Its feeds are golden
/// files in all three formats, and its report names every bad row.
@Suite struct HostileInputTests {
  static let nfdTitle = "Cộng hòa – Việt Nam".decomposedStringWithCanonicalMapping

  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES (1, NULL, 'tin-tuc', 'Tin tức', NULL), (2, 1, 'thoi-su', 'Thời sự', NULL);
    INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES
    (1, 2, '\(nfdTitle)', NULL, 'Tóm tắt NFD: \("Bãi Cháy".decomposedStringWithCanonicalMapping)', '<p>\("Nội dung".decomposedStringWithCanonicalMapping)</p>', 'Trần Thanh – Lương Huấn', NULL, NULL, NULL, NULL, 'published', '2026-11-20 08:00:00', NULL),
    (2, 2, 'Tiêu đề' || char(1) || char(27) || ' có ký tự điều khiển', NULL, 'Tóm tắt ' || CAST(X'C328' AS TEXT) || ' hỏng', '<p>a' || char(65534) || 'b' || char(65535) || '</p>', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-20 07:00:00', NULL),
    (3, 2, char(65279) || 'Tin' || char(8203) || ' mới &nbsp;&amp;&nbsp; &eacute;p &hellip; &#x1F600;', NULL, 'Giá &lt; 100 &amp; &quot;rẻ&quot;', '<p>OK</p>', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-20 06:00:00', NULL),
    (4, 1, '<b>Tin</b> <i>đậm</i>', NULL, NULL, '<p onclick="x()" style="color:red">Đoạn đầu tiên của bài viết khá dài, có đủ chữ để làm tóm tắt khi bài không có tóm tắt riêng.</p><script>alert(1)</script><style>p{}</style><iframe src="https://video.example.org/embed/1"></iframe><object data="x.swf"></object><embed src="y.swf"><form action="/f"><input name="q"></form><meta http-equiv="refresh" content="0"><base href="https://evil.example/"><link rel="stylesheet" href="s.css"><a href="javascript:alert(1)">js</a> <a href="JAVASCRIPT:alert(2)">JS</a> <a href=" &#106;avascript:alert(3)">ent</a> <a href="vbscript:x">vb</a> <img src="data:image/png;base64,AAAA" alt="d">', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-20 05:00:00', NULL),
    (5, 1, 'Đường dẫn tương đối', NULL, 'Ảnh và liên kết', '<p><a href="/van-ban/quyet-dinh.pdf">Quyết định</a> <a href="../lien-he">Liên hệ</a></p><img src="data:image/gif;base64,R0l" data-src="/uploads/lazy.jpg" alt="lazy"><img src="anh/nhỏ.jpg" srcset="anh/nhỏ.jpg 1x, /uploads/lớn ảnh.jpg 2x" alt="srcset"><video src="/v/clip.mp4" poster="/v/poster.jpg"></video>', NULL, '/uploads/2026/11/Lễ hội hoa.jpg', 'Lễ hội &amp; hoa', '/tin-tuc/duong-dan.html', NULL, 'published', '2026-11-20 04:00:00', NULL),
    (6, 1, 'Bản nháp', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'draft', '2026-11-20 03:00:00', NULL),
    (7, 1, 'Đã xóa', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'deleted', '2026-11-20 03:00:00', NULL),
    (8, 1, 'Hẹn giờ', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-29 12:00:01', NULL),
    (9, 1, 'Giờ UTC', NULL, 'Z', NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-19T20:00:00Z', NULL),
    (10, 1, 'Giây Unix', NULL, 'epoch', NULL, NULL, NULL, NULL, NULL, NULL, 'published', '1795560000', NULL),
    (11, 1, 'Định dạng riêng', NULL, 'dd/MM/yyyy', NULL, NULL, NULL, NULL, NULL, NULL, 'published', '19/11/2026 10:30', '18/11/2026 10:30'),
    (12, 1, 'Chỉ có tóm tắt', NULL, 'Bài này không có nội dung & chỉ có tóm tắt.', '   ', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-19 09:00:00', NULL),
    (13, 1, 'Ngày hỏng', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '32/13/2026', NULL),
    (14, 1, char(8203) || '  <br>  ', NULL, NULL, '<p>x</p>', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-19 08:00:00', NULL),
    (15, 1, 'Céng hßa x· héi chñ nghÜa ViÖt Nam', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-19 07:00:00', NULL),
    (16, 1, 'Kết thúc CDATA', NULL, NULL, '<p>a ]]> b ]]]]> c</p><pre>x]]>y</pre>', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-19 06:00:00', NULL),
    (17, 1, 'Liên kết javascript', NULL, NULL, NULL, NULL, 'javascript:void(0)', NULL, 'javascript:alert(1)', NULL, 'published', '2026-11-19 05:00:00', NULL),
    (18, 1, 'Emoji 🎆 và chữ phải-sang-trái שלום עולם', NULL, '&copy; 2026', '<p dir="rtl">שלום</p><p>&copy; &reg; &trade;</p>', NULL, NULL, NULL, NULL, 'pháo hoa, , pháo hoa,Tết', 'published', '2026-11-19 04:00:00', NULL),
    (19, 1, 'Nội dung quá dài', NULL, 'Dài', '\((1...400).map { "<p>Đoạn \($0): nội dung lặp lại để vượt giới hạn kích thước của một bài.</p>" }.joined())', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-19 03:00:00', NULL),
    (20, 1, 'Slug xấu', '../../../etc/passwd', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-18 09:00:00', NULL),
    (21, 1, 'Đoạn trống', NULL, NULL, '<p>&nbsp;</p><p> \u{A0} </p><p>Thật</p><p><br></p>', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-18 08:00:00', NULL),
    (22, 1, 'NFD qua tham chiếu số', NULL, NULL, '<p>Vie&#x302;&#x323;t Nam</p>', NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-18 07:00:00', NULL),
    (23, 1, 'Thẻ trùng', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Tin tức, tin tức, TIN TỨC, Khác, khác', 'published', '2026-11-18 06:00:00', NULL),
    (24, 1, 'Ngày 1970', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '20261118', NULL),
    (25, 1, '&lt;img src=x onerror=alert(1)&gt; Tiêu đề mã hóa', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-18 05:00:00', NULL);
    """

  static func configuration(_ dir: TemporaryDirectory) throws -> Configuration {
    let json = """
      {"version": 1,
       "site": {"title": "Phường thử", "url": "https://baichay.example.org/", "description": "Dữ liệu xấu"},
       "database": {"url": "sqlite:db.sqlite", "dateFormats": ["dd/MM/yyyy HH:mm"]},
       "output": {"directory": "out", "baseURL": "https://baichay.example.org/feeds/"},
       "feeds": {"maxContentBytes": 4000},
       "state": {"directory": "state"}}
      """
    return try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
  }

  static let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc

  static func publish(_ dir: TemporaryDirectory, mode: PublishMode = .write) throws -> RunReport {
    if !FileManager.default.fileExists(atPath: dir.path("db.sqlite")) {
      try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: sql)
    }
    let store = try SQLiteArticleStore(path: dir.path("db.sqlite"))
    defer { try? store.close() }
    let report = RunReport()
    try Publisher(
      configuration: try configuration(dir), store: store, clock: FixedClock(now), logger: .silent,
      report: report, mode: mode
    ).run()
    return report
  }

  @Test func publishesCleanFeedsMatchingTheGoldenFiles() throws {
    let dir = try TemporaryDirectory()
    _ = try Self.publish(dir)
    for name in ["rss.xml", "atom.xml", "feed.json"] {
      let bytes = try #require(FileManager.default.contents(atPath: dir.path("out/" + name)))
      Golden.check([UInt8](bytes), named: "Hostile/" + name)
    }
  }

  @Test func reportsEveryBadRow() throws {
    let dir = try TemporaryDirectory()
    let report = try Self.publish(dir)
    func has(_ id: Int64, _ field: String, _ text: String) -> Bool {
      report.issues.contains { $0.articleID == id && $0.field == field && $0.message.contains(text) }
    }
    #expect(has(2, "title", "removed characters XML does not allow"))
    #expect(has(2, "summary", "invalid UTF-8"))
    #expect(has(2, "content_html", "removed 2 characters XML does not allow"))
    #expect(has(4, "title", "removed HTML tags"))
    #expect(has(4, "content_html", "removed <base>, <embed>, <form>, <link>, <meta>, <object>, <script>, <style>"))
    // An embed turned into a link is ordinary content: a note, not a warning.
    #expect(
      report.issues.contains {
        $0.articleID == 4 && $0.severity == .info && $0.message == "replaced <iframe> with links"
      })
    #expect(has(4, "content_html", "dropped 5 unsafe or invalid URLs"))
    #expect(has(5, "content_html", "replaced <video> with links"))
    #expect(!report.issues.contains { $0.articleID == 18 && $0.message.contains("TCVN3") })
    #expect(has(13, "published_at", "\"32/13/2026\" is not a date; left out"))
    #expect(has(14, "title", "is empty; left out"))
    #expect(has(15, "title", "looks like TCVN3"))
    #expect(has(17, "url", "is not an http(s) URL; the permalink template is used"))
    #expect(has(17, "image_url", "is not an http(s) URL; image left out"))
    #expect(has(19, "content_html", "cut to the content size limit"))
    // ISO 8601's basic form, not Unix seconds (which would be 1970-08-23): no warning.
    #expect(!report.issues.contains { $0.articleID == 24 })
    #expect(has(25, "title", "removed HTML tags"))
    #expect(report.itemsLeftOut == 2)
    #expect(report.scheduled == 1)
    #expect(!report.issues.contains { $0.articleID == 6 || $0.articleID == 7 || $0.articleID == 8 })
    let json = try String(contentsOfFile: dir.path("out/feed.json"), encoding: .utf8)
    for absent in [
      "Bản nháp", "Đã xóa", "Hẹn giờ", "Ngày hỏng", "javascript:", "<script", "onclick", "data:image",
      "onerror", "../", "TIN TỨC", "\"khác\"", "<p>\u{A0}</p>", "<p><br></p>",
    ] {
      #expect(!json.contains(absent), "\(absent)")
    }
    #expect(json.contains("/etc-passwd-20.html"))
    // Swift's String comparison ignores NFC vs NFD; the bytes do not.
    let bytes = Array(json.utf8)
    func holds(_ s: String) -> Bool {
      let n = Array(s.utf8)
      return (0...(bytes.count - n.count)).contains { bytes[$0..<($0 + n.count)].elementsEqual(n) }
    }
    #expect(holds("<p>Vi\u{1EC7}t Nam</p>"))
    #expect(!holds("Vie\u{302}\u{323}t"))
  }

  @Test func leavesOutRowsWithoutAnIntegerID() throws {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: SQLiteFixture.schema + "INSERT INTO articles (id, title, published_at) VALUES (1, 'Có id', '2026-11-20 08:00');")
    let json = """
      {"version": 1, "site": {"title": "Phường thử", "url": "https://baichay.example.org/"},
       "database": {"url": "sqlite:db.sqlite", "articlesQuery": "SELECT id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at FROM articles UNION ALL SELECT NULL, NULL, 'Không id', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-21 08:00', NULL UNION ALL SELECT 'abc', NULL, 'Id chữ', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'published', '2026-11-22 08:00', NULL"},
       "output": {"directory": "out", "baseURL": "https://baichay.example.org/feeds/"}}
      """
    let configuration = try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
    let store = try configuration.openStore()
    defer { try? store.close() }
    let report = RunReport()
    try Publisher(
      configuration: configuration, store: store, clock: FixedClock(Self.now), logger: .silent,
      report: report
    ).run()
    #expect(report.issues.filter { $0.field == "id" && $0.action == .leftOut }.count == 2)
    let feed = try String(contentsOfFile: dir.path("out/feed.json"), encoding: .utf8)
    #expect(feed.contains("Có id") && !feed.contains("Không id") && !feed.contains("Id chữ"))
  }

  @Test func writesNothingInCheckModeAndHoldsBackInStrictMode() throws {
    let dir = try TemporaryDirectory()
    let checked = try Self.publish(dir, mode: .check)
    #expect(checked.count(.warning) > 0)
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
    let strict = try Self.publish(dir, mode: .strict)
    #expect(strict.count(.warning) > 0)
    #expect(strict.filesWritten.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
  }

  @Test func passesTheIndependentReaders() throws {
    guard Checkers.enabled else { return }
    let dir = try TemporaryDirectory()
    _ = try Self.publish(dir)
    try Checkers.checkFeeds(in: dir.path("out"), extraArguments: ["--expect-items"])
  }

  @Test func reusesCleanedContentOnTheNextRunWithTheSameResult() throws {
    let dir = try TemporaryDirectory()
    let cold = try Self.publish(dir)
    let all = try FileManager.default.contentsOfDirectory(atPath: dir.path("state")).sorted()
    let files = all.filter { $0.hasPrefix("cleaning-") } + all.filter { $0.hasPrefix("run-") }
    #expect(
      files.count == 2 && all.count == 4 && all.contains { $0.hasPrefix("folders-") }
        && all.contains { $0.hasPrefix("warned-") }, "\(all)")
    // Without the run state, the next run cannot skip: it renders again, from the cache.
    try FileManager.default.removeItem(atPath: dir.path("state/" + files[1]))
    let before = try FileManager.default.contents(atPath: dir.path("out/atom.xml"))
    let warm = try Self.publish(dir)
    #expect(warm.filesWritten.isEmpty)
    #expect(warm.issues == cold.issues)
    #expect(try FileManager.default.contents(atPath: dir.path("out/atom.xml")) == before)
    // A corrupt cache only costs time.
    try Data("LOACACHE garbage".utf8).write(to: URL(fileURLWithPath: dir.path("state/" + files[0])))
    try FileManager.default.removeItem(atPath: dir.path("state/" + files[1]))
    let rebuilt = try Self.publish(dir)
    #expect(rebuilt.issues == cold.issues)
    #expect(rebuilt.filesWritten.isEmpty)
  }
}

/// Random bytes and random HTML through cleaning and serialization always give well-formed
/// XML, schema-valid Atom and valid JSON.
@Suite struct CleaningPropertyTests {
  typealias Random = SeededRandom

  static let fragments = [
    "<p>", "</p>", "<b>", "</i>", "<a href=\"", "javascript:", "\">", "<img src=", "x.jpg",
    "<script>", "</script>", "]]>", "<![CDATA[", "&", "&amp;", "&#0;", "&#x1F600;", "&nbsp;",
    "<!--", "-->", "\"", "'", "<", ">", "\u{1}", "\u{FFFE}", "\u{FEFF}", "Việt", "Cộng",
    "שלום", "😀", "\n", " ", "<iframe src=//x>", "<svg>", "<style>", "srcset=\"a 1x,", "<table><td>",
    "<video poster=", "data:", "\u{0}", "<?php", "<!DOCTYPE html>", "<html><body>",
  ]

  static func randomText(_ r: inout Random) -> String {
    if r.below(3) == 0 {
      let bytes = (0..<r.below(60)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
      return String(decoding: bytes, as: UTF8.self)
    }
    return (0..<r.below(30)).map { _ in fragments[r.below(fragments.count)] }.joined()
  }

  /// Every `href`, `src`, `srcset` and `cite` URL in sanitizer output that is not http(s),
  /// mailto or tel, read back with libxml2's HTML parser.
  static func unsafeURLs(in html: String) -> [String] {
    var bad: [String] = []
    for (_, name, value) in HTMLInspector.attributes(html) {
      let urls: [String]
      switch name {
      case "href", "src", "cite": urls = [value]
      case "srcset": urls = value.components(separatedBy: ", ").map { String($0.prefix { $0 != " " }) }
      default: continue
      }
      for url in urls
      where !(url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:")
        || url.hasPrefix("tel:"))
      {
        bad.append(url)
      }
    }
    return bad
  }

  @Test func anyInputGivesValidFeeds() throws {
    let zone = SiteTimeZone(offsetSeconds: 25200)
    let config = try Configuration.parse(
      Data(
        """
        {"version": 1, "site": {"title": "T", "url": "https://p.example.org/"},
         "database": {"url": "sqlite:x"}, "output": {"directory": "/tmp/x", "baseURL": "/f/"}}
        """.utf8), path: "/tmp/c.json")
    let builder = ItemBuilder(
      configuration: config, tree: CategoryTree([], report: RunReport()), now: .max)
    let atom = try RelaxNGValidator.atom()
    var random = Random(state: 20_261_129)
    for round in 0..<300 {
      var items: [FeedItem] = []
      for n in 0..<4 {
        let row = ArticleRow(
          id: Int64(round * 10 + n), title: "T " + Self.randomText(&random),
          summary: Self.randomText(&random), contentHTML: Self.randomText(&random),
          author: Self.randomText(&random), imageURL: Self.randomText(&random),
          imageCaption: Self.randomText(&random), url: Self.randomText(&random),
          tags: Self.randomText(&random), publishedAt: "2026-11-20 08:00:00")
        if case .item(let item) = builder.build(row, report: RunReport()) { items.append(item) }
      }
      let feed = Feed(
        id: "tag:p.example.org,2026:feed", title: "T", description: Self.randomText(&random).isEmpty ? "" : "D",
        homePageURL: "https://p.example.org/", directory: "", categoryID: nil, items: items,
        updated: Timestamp(utc: 0, offset: zone.offset(atUTC: 0)))
      let site = config.siteInfo
      let rss = try RSS2Serializer().serialize(feed, site: site)
      #expect(OutputCheck.xmlProblem(rss) == nil, "round \(round)")
      let atomBytes = try AtomSerializer().serialize(feed, site: site)
      #expect(atom.problem(atomBytes) == nil, "round \(round)")
      let json = try JSONFeedSerializer().serialize(feed, site: site)
      #expect(OutputCheck.jsonProblem(json) == nil, "round \(round)")
      for item in items {
        let html = item.contentHTML ?? ""
        #expect(!html.lowercased().contains("<script"), "round \(round)")
        #expect(Self.unsafeURLs(in: html).isEmpty, "round \(round): \(html)")
      }
    }
  }
}
