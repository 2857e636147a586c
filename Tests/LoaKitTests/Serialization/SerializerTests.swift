import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaXML
import Testing

/// A small feed with the hard cases: markup characters, `]]>`, emoji, right-to-left text, an
/// HTML entity name, several authors, an item without image or summary.
enum SampleFeed {
  static let zone = try! SiteTimeZone("Asia/Ho_Chi_Minh")
  static let parser = DateParser(zone: zone)

  static let site = SiteInfo(
    title: "Phường Bãi Cháy & \"bạn đọc\"", homePageURL: "https://baichay.example.org/",
    description: "Tin <tức> của phường", language: "vi",
    feedBaseURL: "https://baichay.example.org/feeds/",
    icon: "https://baichay.example.org/static/logo-512.png",
    favicon: "https://baichay.example.org/static/favicon-64.png",
    image: "https://baichay.example.org/static/logo-144.png",
    authorName: "UBND phường Bãi Cháy", authorURL: "https://baichay.example.org/lien-he",
    copyright: "© 2026 UBND phường", generator: "Loa 0.1.0")

  static let items: [FeedItem] = [
    FeedItem(
      articleID: 42, categoryID: 2, guid: "tag:baichay.example.org,2026:article:42",
      title: "Lễ hội \"Carnaval\" & <pháo hoa> ]]> 🎆 שלום",
      link: "https://baichay.example.org/tin-tuc/le-hoi-42.html?a=1&b=2",
      summary: "Tóm tắt có & và <thẻ> và &copy; nguyên văn",
      contentHTML: "<p>Đoạn một ]]> vẫn an toàn</p><figure><img src=\"https://baichay.example.org/a.jpg\" alt=\"\"><figcaption>Ảnh: A</figcaption></figure>",
      authors: ["Trần Thanh", "Lương Huấn"], categories: ["Thời sự", "Bãi Cháy"],
      published: parser.parse("2026-11-20 08:00:00")!, updated: parser.parse("2026-11-21 09:30:00")!,
      image: FeedImage(
        url: "https://baichay.example.org/uploads/L%E1%BB%85.jpg", mimeType: "image/jpeg",
        caption: "Pháo hoa trên vịnh. Ảnh: Q.H"), byline: "Trần Thanh – Lương Huấn"),
    FeedItem(
      articleID: 7, categoryID: nil, guid: "tag:baichay.example.org,2026:article:7",
      title: "Thông báo lịch tiếp công dân",
      link: "https://baichay.example.org/thong-bao-7.html", summary: nil,
      contentHTML: nil, authors: [], categories: [],
      published: parser.parse("2026-11-19 07:00:00")!, updated: parser.parse("2026-11-19 07:00:00")!,
      image: nil),
  ]

  static var feed: Feed {
    Feed(
      id: "tag:baichay.example.org,2026:feed:category:2", title: "Thời sự – Phường Bãi Cháy",
      description: "Tin thời sự", homePageURL: "https://baichay.example.org/chuyen-muc/thoi-su/",
      directory: "thoi-su", categoryID: 2, items: items, updated: items[0].updated)
  }
}

@Suite struct SerializerTests {
  @Test(arguments: FeedFormat.allCases)
  func matchesGoldenFile(format: FeedFormat) throws {
    let bytes = try format.serializer.serialize(SampleFeed.feed, site: SampleFeed.site)
    Golden.check(bytes, named: "Serializers/thoi-su.\(format.rawValue)")
    if format == .json {
      #expect(OutputCheck.jsonProblem(bytes) == nil)
    } else {
      #expect(OutputCheck.xmlProblem(bytes) == nil)
    }
  }

  @Test func writesTheSameIdLinkAndDatesInEveryFormat() throws {
    let rss = String(decoding: try RSS2Serializer().serialize(SampleFeed.feed, site: SampleFeed.site), as: UTF8.self)
    let atom = String(decoding: try AtomSerializer().serialize(SampleFeed.feed, site: SampleFeed.site), as: UTF8.self)
    let json = try JSONSerialization.jsonObject(
      with: Data(try JSONFeedSerializer().serialize(SampleFeed.feed, site: SampleFeed.site)))
      as! [String: Any]
    let items = json["items"] as! [[String: Any]]
    #expect(items.count == 2)
    #expect(items[0]["id"] as? String == "tag:baichay.example.org,2026:article:42")
    #expect(items[0]["date_published"] as? String == "2026-11-20T08:00:00+07:00")
    #expect(items[0]["date_modified"] as? String == "2026-11-21T09:30:00+07:00")
    #expect(rss.contains("<guid isPermaLink=\"false\">tag:baichay.example.org,2026:article:42</guid>"))
    #expect(rss.contains("<pubDate>Fri, 20 Nov 2026 08:00:00 +0700</pubDate>"))
    #expect(atom.contains("<id>tag:baichay.example.org,2026:article:42</id>"))
    #expect(atom.contains("<published>2026-11-20T08:00:00+07:00</published>"))
    #expect(rss.contains("https://baichay.example.org/tin-tuc/le-hoi-42.html?a=1&amp;b=2"))
    #expect(atom.contains("href=\"https://baichay.example.org/tin-tuc/le-hoi-42.html?a=1&amp;b=2\""))
    #expect(items[0]["url"] as? String == "https://baichay.example.org/tin-tuc/le-hoi-42.html?a=1&b=2")
  }

  @Test func putsDescriptionBeforeContentAndTheWholeBylineInOneCreator() throws {
    let rss = String(decoding: try RSS2Serializer().serialize(SampleFeed.feed, site: SampleFeed.site), as: UTF8.self)
    let d = try #require(rss.range(of: "<description>Tóm tắt"))
    let c = try #require(rss.range(of: "<content:encoded>"))
    #expect(d.lowerBound < c.lowerBound)
    // Readers show one dc:creator (gofeed and sfeed the first, newsboat the last): one
    // element holds the byline; Atom and JSON Feed keep one author per name.
    #expect(rss.components(separatedBy: "<dc:creator>").count == 2)
    #expect(rss.contains("<dc:creator>Trần Thanh – Lương Huấn</dc:creator>"))
    let atom = String(decoding: try AtomSerializer().serialize(SampleFeed.feed, site: SampleFeed.site), as: UTF8.self)
    #expect(atom.contains("<name>Trần Thanh</name>") && atom.contains("<name>Lương Huấn</name>"))
    #expect(rss.contains("<![CDATA[<p>Đoạn một ]]]]><![CDATA[> vẫn an toàn</p>"))
  }

  @Test func survivesContentMadeOfCDATAMarkers() throws {
    var feed = SampleFeed.feed
    feed.items[0].contentHTML = "]]>]]]]>]]><![CDATA[]]>"
    for format in [FeedFormat.rss, .atom] {
      let bytes = try format.serializer.serialize(feed, site: SampleFeed.site)
      #expect(OutputCheck.xmlProblem(bytes) == nil)
    }
  }

  @Test func escapesJSONControlAndSeparatorCharacters() throws {
    var w = JSONWriter()
    w.beginObject()
    w.member("s", "quote\" back\\ nl\n tab\t bell\u{7} ls\u{2028} ps\u{2029} ok")
    w.endObject()
    let text = String(decoding: w.bytes, as: UTF8.self)
    #expect(text == "{\n  \"s\": \"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007 ls\\u2028 ps\\u2029 ok\"\n}\n")
  }

  /// The word-at-a-time fast path must see a byte that needs escaping at any offset of a
  /// word: every special character at every position of a clean 40-byte run, read back by
  /// Foundation's JSON parser.
  @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}", "ễ"])
  func escapesAtEveryOffsetOfAWord(special: String) throws {
    let clean = "Phường Bãi Cháy, Hạ Long (tin 2026) abcd"
    for offset in 0...clean.utf8.count {
      let bytes = Array(clean.utf8)
      let text = String(decoding: bytes[..<offset], as: UTF8.self) + special
        + String(decoding: bytes[offset...], as: UTF8.self)
      // A split multi-byte character is replaced on both sides the same way.
      var w = JSONWriter()
      w.beginObject()
      w.member("s", text)
      w.endObject()
      let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: String]
      #expect(back?["s"] == text, "offset \(offset)")
      let raw = String(decoding: w.bytes, as: UTF8.self)
      #expect(!raw.contains("\u{2028}") && !raw.contains("\u{2029}"), "offset \(offset)")
      #expect(!raw.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "offset \(offset)")
    }
  }

  /// The word-at-a-time escaper writes exactly what a byte-by-byte one writes, on 3,000 random
  /// strings dense in bytes that need a look (several in one word, at word ends, E2 runs that
  /// are not separators).
  @Test func escapesLikeAByteByByteWriter() throws {
    func reference(_ s: String) -> [UInt8] {
      var out: [UInt8] = [0x22]
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += Array("\\\"".utf8)
        case "\\": out += Array("\\\\".utf8)
        case "\n": out += Array("\\n".utf8)
        case "\r": out += Array("\\r".utf8)
        case "\t": out += Array("\\t".utf8)
        case "\u{8}": out += Array("\\b".utf8)
        case "\u{C}": out += Array("\\f".utf8)
        case "\u{2028}": out += Array("\\u2028".utf8)
        case "\u{2029}": out += Array("\\u2029".utf8)
        default:
          if scalar.value < 0x20 {
            out += Array(String(format: "\\u%04x", scalar.value).utf8)
          } else {
            out += Array(String(scalar).utf8)
          }
        }
      }
      return out + [0x22]
    }
    let alphabet: [String] = [
      "a", "b", " ", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{2028}",
      "\u{2029}", "\u{2026}", "\u{2013}", "ễ", "đ", "<", "/", "\u{7F}", "\u{80}",
    ]
    var state: UInt64 = 2026
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    for round in 0..<3_000 {
      let length = Int(next() % 70)
      let text = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
      var w = JSONWriter()
      w.beginObject()
      w.member("s", text)
      w.endObject()
      let expected = Array("{\n  \"s\": ".utf8) + reference(text) + Array("\n}\n".utf8)
      #expect(w.bytes == expected, "round \(round): \(text.debugDescription)")
    }
  }

  @Test func writesAnOPMLIndex() throws {
    let entries = [
      OPMLSerializer.Entry(
        title: "Phường Bãi Cháy", description: "Tin", homePageURL: "https://baichay.example.org/",
        feedPath: "rss.xml"),
      OPMLSerializer.Entry(
        title: "Du lịch – Phường Bãi Cháy", description: "",
        homePageURL: "https://baichay.example.org/chuyen-muc/du-lich/", feedPath: "du-lich/rss.xml",
        folder: "Du lịch"),
      OPMLSerializer.Entry(
        title: "Lễ hội – Phường Bãi Cháy", description: "",
        homePageURL: "https://baichay.example.org/chuyen-muc/le-hoi/", feedPath: "le-hoi/rss.xml",
        level: 1),
      OPMLSerializer.Entry(
        title: "Thông báo – Phường Bãi Cháy", description: "",
        homePageURL: "https://baichay.example.org/chuyen-muc/thong-bao/",
        feedPath: "thong-bao/feed.json", format: .json),
    ]
    let bytes = try OPMLSerializer().serialize(entries: entries, site: SampleFeed.site)
    Golden.check(bytes, named: "Serializers/index.opml")
    #expect(OutputCheck.xmlProblem(bytes) == nil)
  }
}
