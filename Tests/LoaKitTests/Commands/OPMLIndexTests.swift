import CLibXML2
import Foundation
import LoaCore
import LoaKit
import LoaStore
import LoaTestSupport
import LoaXML
import Testing

/// `index.opml` as readers import it (issue 14): each feed under the title the feed gives
/// itself, the category tree as folders, and a `type` that says what the feed is.
@Suite struct OPMLIndexTests {
  static let sql =
    SQLiteFixture.schema + """
      INSERT INTO categories VALUES
        (1, NULL, 'tin-tuc', 'Tin tức', NULL),
        (2, 1, 'thoi-su', 'Thời sự', NULL),
        (3, 2, 'trong-nuoc', 'Trong nước', NULL),
        (4, NULL, 'du-lich', 'Du lịch', NULL),
        (5, 1, 'the-thao', 'Thể thao', NULL);
      INSERT INTO articles (id, category_id, title, status, published_at) VALUES
        (1, 3, 'Tin 1', 'published', '2026-11-01 08:00:00');
      """

  /// Publishes the fixture with `formats`; returns the output folder's path.
  static func publish(_ dir: TemporaryDirectory, formats: String) throws -> String {
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: sql)
    let json = """
      {"version": 1, "site": {"title": "Phường", "url": "https://p.example.org/"},
       "database": {"url": "sqlite:db.sqlite"},
       "output": {"directory": "out", "baseURL": "https://p.example.org/feeds/"},
       "feeds": {"formats": \(formats)}, "state": {"directory": "state"}}
      """
    let config = try Configuration.parse(Data(json.utf8), path: dir.path("config.json"))
    let store = try SQLiteArticleStore(path: dir.path("db.sqlite"))
    defer { try? store.close() }
    let now = DateParser(zone: SiteTimeZone(offsetSeconds: 25200)).parse("2026-11-29 12:00")!.utc
    try Publisher(
      configuration: config, store: store, clock: FixedClock(now), logger: .silent,
      report: RunReport()
    ).run()
    return dir.path("out")
  }

  /// The outlines of an OPML file, in document order: (nesting depth, attributes). Read with
  /// libxml2's tree API.
  static func outlines(_ path: String) throws -> [(depth: Int, attributes: [String: String])] {
    let doc = try #require(xmlReadFile(path, "UTF-8", Int32(XML_PARSE_NONET.rawValue)))
    defer { xmlFreeDoc(doc) }
    var out: [(Int, [String: String])] = []
    func name(_ n: xmlNodePtr) -> String { String(cString: n.pointee.name) }
    func walk(_ first: xmlNodePtr?, _ depth: Int) {
      var n = first
      while let e = n {
        defer { n = e.pointee.next }
        guard e.pointee.type == XML_ELEMENT_NODE else { continue }
        if name(e) == "body" { walk(e.pointee.children, 0) }
        guard name(e) == "outline" else { continue }
        var attributes: [String: String] = [:]
        var a = e.pointee.properties
        while let attr = a {
          let value = xmlGetProp(e, attr.pointee.name)
          attributes[String(cString: attr.pointee.name)] = value.map { String(cString: $0) } ?? ""
          if let value { cxml_free(value) }
          a = attr.pointee.next
        }
        out.append((depth, attributes))
        walk(e.pointee.children, depth + 1)
      }
    }
    walk(xmlDocGetRootElement(doc)?.pointee.children, 0)
    return out
  }

  /// The `<title>` of a published feed (the first one in the file: the feed's own).
  static func feedTitle(_ path: String) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    if path.hasSuffix(".json") {
      let json = try JSONSerialization.jsonObject(with: Data(text.utf8))
      return try #require((json as? [String: Any])?["title"] as? String)
    }
    let start = try #require(text.range(of: "<title>"))
    let end = try #require(text.range(of: "</title>", range: start.upperBound..<text.endIndex))
    return String(text[start.upperBound..<end.lowerBound])
  }

  @Test func titlesEachFeedAsTheFeedTitlesItself() throws {
    let dir = try TemporaryDirectory()
    let out = try Self.publish(dir, formats: #"["rss", "atom", "json"]"#)
    let feeds = try Self.outlines(out + "/index.opml").filter { $0.attributes["xmlUrl"] != nil }
    #expect(feeds.count == 6)
    for feed in feeds {
      let url = try #require(feed.attributes["xmlUrl"])
      let file = out + "/" + url.dropFirst("https://p.example.org/feeds/".count)
      #expect(feed.attributes["title"] == (try Self.feedTitle(file)), "\(url)")
      #expect(feed.attributes["text"] == feed.attributes["title"])
      #expect(feed.attributes["type"] == "rss")
    }
    #expect(!(try String(contentsOfFile: out + "/index.opml", encoding: .utf8)).contains("›"))
  }

  @Test func nestsSubCategoriesInFoldersHoldingTheirParentsFeed() throws {
    let dir = try TemporaryDirectory()
    let out = try Self.publish(dir, formats: #"["rss"]"#)
    let outlines = try Self.outlines(out + "/index.opml").map { o in
      "\(o.depth) "
        + (o.attributes["xmlUrl"].map { String($0.dropFirst("https://p.example.org/feeds/".count)) }
          ?? "[\(o.attributes["text"] ?? "")]")
    }
    // A folder has no xmlUrl (readers take an outline with one as a feed and drop its
    // children), and holds its category's feed first.
    #expect(
      outlines == [
        "0 rss.xml",
        "0 [Tin tức]", "1 tin-tuc/rss.xml",
        "1 [Thời sự]", "2 thoi-su/rss.xml", "2 trong-nuoc/rss.xml",
        "1 the-thao/rss.xml",
        "0 du-lich/rss.xml",
      ])
  }

  @Test func listsAnXMLFormatAsRSSAndNeverCallsAJSONFeedRSS() throws {
    // Readers import outlines of type "rss" (RSS or Atom): the first XML format is listed.
    for (formats, file, type) in [
      (#"["json", "atom"]"#, "atom.xml", "rss" as String?), (#"["json"]"#, "feed.json", nil),
    ] {
      let dir = try TemporaryDirectory()
      let out = try Self.publish(dir, formats: formats)
      let feeds = try Self.outlines(out + "/index.opml").filter { $0.attributes["xmlUrl"] != nil }
      #expect(feeds.count == 6)
      for feed in feeds {
        #expect(feed.attributes["xmlUrl"]?.hasSuffix("/" + file) == true, "\(formats)")
        #expect(feed.attributes["type"] == type, "\(formats)")
      }
    }
  }
}
