import CLibXML2
import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// A site with a category, a nested sub-category and an empty category, in the portal's real
/// shape, with the hard cases mixed in: `&`, `<`, `"`, `]]>`, `&copy;`, emoji, right-to-left
/// text, a control character, a line break, a query string with `&`.
enum FeedIndexSample {
  static let parser = DateParser(zone: try! SiteTimeZone("Asia/Ho_Chi_Minh"))
  static func at(_ text: String) -> Timestamp { parser.parse(text)! }

  static let base = "https://baichay.example.org/"
  static let feeds = base + "feeds/"

  static let site = SiteInfo(
    title: "Cổng thông tin điện tử phường Bãi Cháy", homePageURL: base,
    description: "Tin tức, thông báo và hoạt động của phường Bãi Cháy.", language: "vi",
    feedBaseURL: feeds, authorName: "UBND phường Bãi Cháy",
    copyright: "© 2026 UBND phường Bãi Cháy", generator: "Loa 0.1.0")

  static let updated = at("2026-11-27 16:00:00")

  static func links(_ directory: String) -> [FeedIndexEntry.Link] {
    FeedFormat.allCases.map {
      .init(format: $0, url: feeds + (directory.isEmpty ? "" : directory + "/") + $0.fileName)
    }
  }

  static let pháoHoa = FeedIndexEntry.Headline(
    title: "Lễ hội \"Carnaval Hạ Long\" & <pháo hoa> ]]> 🎆 chào năm mới 2027",
    link: base + "le-hoi/carnaval-ha-long-42.html?utm_source=rss&ref=feed",
    published: at("2026-11-27 16:00:00"))
  static let tiếpXúcCửTri = FeedIndexEntry.Headline(
    title: "Đại biểu HĐND tỉnh tiếp xúc cử tri phường Bãi Cháy trước kỳ họp cuối năm",
    link: base + "thoi-su/tiep-xuc-cu-tri-41.html", published: at("2026-11-26 09:30:00"))
  static let thủTục = FeedIndexEntry.Headline(
    title:
      "Trả kết quả thủ tục hành chính bản điện tử có ký số\u{1}, người dân\nkhông cần đến trụ sở",
    link: base + "cai-cach-hanh-chinh/tra-ket-qua-dien-tu-40.html",
    published: at("2026-11-25 14:05:00"))
  static let tiêmChủng = FeedIndexEntry.Headline(
    title: "Lịch tiêm chủng mở rộng tháng 12 tại trạm y tế phường",
    link: base + "y-te/lich-tiem-chung-39.html", published: at("2026-11-24 07:00:00"))
  static let bảnQuyền = FeedIndexEntry.Headline(
    title: "Bảo tàng mở cửa miễn phí &copy; dịp lễ — شكرا",
    link: base + "du-lich/bao-tang-38.html", published: at("2026-11-02 00:05:00"))

  static let entries: [FeedIndexEntry] = [
    FeedIndexEntry(
      title: site.title, description: site.description, homePageURL: base, depth: 0,
      links: links(""), newest: [pháoHoa, tiếpXúcCửTri, thủTục, tiêmChủng]),
    FeedIndexEntry(
      title: "Tin tức – " + site.title, shortTitle: "Tin tức",
      description: "Tin tức về hoạt động của chính quyền, đoàn thể và đời sống Nhân dân.",
      homePageURL: base + "chuyen-muc/tin-tuc/", depth: 1, links: links("tin-tuc"),
      newest: [tiếpXúcCửTri, thủTục, tiêmChủng]),
    FeedIndexEntry(
      title: "Thời sự – " + site.title, shortTitle: "Thời sự",
      description: "Sự kiện thời sự & chỉ đạo điều hành \"nóng\" trong phường.",
      homePageURL: base + "chuyen-muc/thoi-su/", depth: 2, links: links("thoi-su"),
      newest: [tiếpXúcCửTri]),
    FeedIndexEntry(
      title: "Du lịch – " + site.title, shortTitle: "Du lịch", description: "",
      homePageURL: base + "chuyen-muc/du-lich/", depth: 1, links: links("du-lich"),
      newest: [pháoHoa, bảnQuyền]),
    FeedIndexEntry(
      title: "Lễ hội \"Carnaval\" & 'Tuần Du lịch' – " + site.title, shortTitle: "Lễ hội",
      description: "Lễ hội",
      homePageURL: base + "chuyen-muc/le-hoi/?nam=2026&thang=11", depth: 2,
      links: links("le-hoi"), newest: [pháoHoa]),
    FeedIndexEntry(
      title: "Hỏi <đáp> & \"góp ý\" ]]> 💬 – " + site.title,
      shortTitle: "Hỏi <đáp> & \"góp ý\" ]]> 💬", description: "",
      homePageURL: base + "chuyen-muc/hoi-dap/", depth: 1, links: links("hoi-dap"),
      newest: []),
  ]

  static func page() throws -> [UInt8] {
    try FeedIndexRenderer.indexPage(site: site, entries: entries, updated: updated)
  }

  static func headLinks() throws -> [UInt8] {
    try FeedIndexRenderer.headLinks(entries: entries)
  }
}

/// Reads HTML back with libxml2's HTML parser, collecting every error it reports.
enum HTMLReadBack {
  struct Problem: Sendable, Equatable {
    var code: Int32
    var message: String
  }

  /// Collects errors through a context pointer: libxml2 calls the handler from C.
  private final class Collector {
    var problems: [Problem] = []
  }

  /// HTML5 elements libxml2 2.9's HTML 4 parser does not know ("Tag main invalid",
  /// `XML_HTML_UNKNOWN_TAG`); it still reads them as ordinary elements.
  static let html5Elements: Set<String> = ["header", "main", "section", "footer", "time"]

  /// Parses `bytes`, hands the document to `body`, and returns the parser's problems other
  /// than the known HTML5 elements.
  static func parse<T>(_ bytes: [UInt8], _ body: (htmlDocPtr) throws -> T) throws
    -> (problems: [Problem], value: T)
  {
    let collector = Collector()
    let context = Unmanaged.passUnretained(collector).toOpaque()
    // Per thread in libxml2; a synchronous test stays on its thread.
    xmlSetStructuredErrorFunc(context) { context, error in
      guard let context, let error else { return }
      let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
      let message = error.pointee.message.map { String(cString: $0) } ?? ""
      collector.problems.append(
        Problem(
          code: error.pointee.code,
          message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue)
    let parsed = bytes.withUnsafeBufferPointer { b in
      b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
        htmlReadMemory($0, Int32(b.count), nil, "UTF-8", options)
      }
    }
    let doc = try #require(parsed)
    defer { xmlFreeDoc(doc) }
    let value = try body(doc)
    let problems = collector.problems.filter { p in
      !(p.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue)
        && html5Elements.contains { p.message == "Tag \($0) invalid" })
    }
    return (problems, value)
  }

  /// The document serialized again, as the renderer does (format 0, no encoder).
  static func serialized(_ doc: htmlDocPtr) -> [UInt8] {
    guard let out = xmlAllocOutputBuffer(nil) else { return [] }
    defer { xmlOutputBufferClose(out) }
    htmlDocContentDumpFormatOutput(out, doc, nil, 0)
    xmlOutputBufferFlush(out)
    guard let buffer = out.pointee.buffer, let content = xmlBufContent(buffer) else { return [] }
    return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufUse(buffer))))
  }

  /// The elements named `name`, depth first.
  static func elements(_ name: String, in doc: htmlDocPtr) -> [xmlNodePtr] {
    var found: [xmlNodePtr] = []
    func walk(_ node: xmlNodePtr?) {
      var n = node
      while let cur = n {
        if cur.pointee.type == XML_ELEMENT_NODE {
          if String(cString: cur.pointee.name) == name { found.append(cur) }
          walk(cur.pointee.children)
        }
        n = cur.pointee.next
      }
    }
    walk(xmlDocGetRootElement(doc))
    return found
  }

  static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let v = xmlGetProp(node, name) else { return nil }
    defer { cxml_free(v) }
    return String(cString: v)
  }

  static func text(_ node: xmlNodePtr) -> String {
    guard let v = xmlNodeGetContent(node) else { return "" }
    defer { cxml_free(v) }
    return String(cString: v)
  }

  /// Whether `node` lies inside `ancestor`.
  static func isInside(_ node: xmlNodePtr, _ ancestor: xmlNodePtr) -> Bool {
    var p = node.pointee.parent
    while let cur = p {
      if cur == ancestor { return true }
      p = cur.pointee.parent
    }
    return false
  }
}

@Suite struct FeedIndexRendererTests {
  func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test func indexPageMatchesGoldenFile() throws {
    Golden.check(try FeedIndexSample.page(), named: "FeedIndex/index.html")
  }

  @Test func headLinksMatchGoldenFile() throws {
    Golden.check(try FeedIndexSample.headLinks(), named: "FeedIndex/head-links.html")
  }

  @Test func indexPageReadsBackAsTheSameDocument() throws {
    let bytes = try FeedIndexSample.page()
    let (problems, again) = try HTMLReadBack.parse(bytes) { HTMLReadBack.serialized($0) }
    #expect(problems == [])
    // The parser built exactly the tree that was written: nothing implied, moved or cut.
    #expect(string(again) == string(bytes))
  }

  @Test func headLinksReadBackAsTheValuesGiven() throws {
    let bytes = try FeedIndexSample.headLinks()
    let (problems, links) = try HTMLReadBack.parse(bytes) { doc in
      HTMLReadBack.elements("link", in: doc).map { link in
        ["rel", "type", "title", "href"].map { HTMLReadBack.attribute(link, $0) ?? "" }
      }
    }
    #expect(problems == [])
    let expected = FeedIndexSample.entries.flatMap { entry in
      entry.links.map {
        [
          "alternate", $0.format.mediaType, entry.title + " (" + $0.format.displayName + ")",
          $0.url,
        ]
      }
    }
    #expect(links == expected)
  }

  @Test func headLinksPutOneLinkOnEachLine() throws {
    let text = string(try FeedIndexSample.headLinks())
    #expect(text.hasSuffix(">\n"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == FeedIndexSample.entries.count * FeedFormat.allCases.count)
    for line in lines {
      #expect(line.hasPrefix("<link rel=\"alternate\" type=\"application/"))
      #expect(line.hasSuffix("\">"))
    }
    let first: String =
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Cổng thông tin điện tử"
      + " phường Bãi Cháy (RSS 2.0)\" href=\"https://baichay.example.org/feeds/rss.xml\">"
    #expect(lines.first.map(String.init) == first)
  }

  /// Checks both quotings of libxml2's HTML serializer.
  ///
  /// `xmlBufWriteQuotedString` writes a value holding `"` but no `'` between single quotes,
  /// and one holding both between double quotes with `&quot;`. Both are valid HTML, and
  /// ``headLinksReadBackAsTheValuesGiven()`` reads every value back.
  @Test func escapesQuotesAndAmpersandsInsideAttributeValues() throws {
    let text = string(try FeedIndexSample.headLinks())
    #expect(
      text.contains(
        "title=\"Lễ hội &quot;Carnaval&quot; &amp; 'Tuần Du lịch' – Cổng thông tin điện tử"
          + " phường Bãi Cháy (RSS 2.0)\""))
    #expect(
      text.contains(
        "title='Hỏi &lt;đáp&gt; &amp; \"góp ý\" ]]&gt; 💬 – Cổng thông tin điện tử"
          + " phường Bãi Cháy (Atom 1.0)'"))
    let page = string(try FeedIndexSample.page())
    #expect(
      page.contains(
        "href=\"https://baichay.example.org/le-hoi/carnaval-ha-long-42.html"
          + "?utm_source=rss&amp;ref=feed\""))
    #expect(
      page.contains("href=\"https://baichay.example.org/chuyen-muc/le-hoi/?nam=2026&amp;thang=11\"")
    )
  }

  @Test func escapesMarkupAndEntityNamesInText() throws {
    let page = string(try FeedIndexSample.page())
    #expect(page.contains("Lễ hội \"Carnaval Hạ Long\" &amp; &lt;pháo hoa&gt; ]]&gt; 🎆"))
    #expect(
      page.contains(
        "<h3><a href=\"https://baichay.example.org/chuyen-muc/hoi-dap/\">"
          + "Hỏi &lt;đáp&gt; &amp; \"góp ý\" ]]&gt; 💬</a></h3>"))
    #expect(page.contains("miễn phí &amp;copy; dịp lễ — شكرا"))
    #expect(!page.contains("<pháo") && !page.contains("<đáp"))
    // The control character is dropped and the line break folded.
    #expect(page.contains("có ký số, người dân không cần đến trụ sở"))
    #expect(!page.contains("\u{1}"))
  }

  @Test func rendersTheSameBytesEveryTime() throws {
    let first = try FeedIndexSample.page()
    let second = try FeedIndexSample.page()
    #expect(first == second)
    #expect(try FeedIndexSample.headLinks() == FeedIndexSample.headLinks())
  }

  @Test func announcesOnlyTheSiteFeedInItsHead() throws {
    let (_, links) = try HTMLReadBack.parse(try FeedIndexSample.page()) { doc in
      HTMLReadBack.elements("link", in: doc).map {
        (
          HTMLReadBack.attribute($0, "rel"), HTMLReadBack.attribute($0, "type"),
          HTMLReadBack.attribute($0, "href")
        )
      }
    }
    #expect(links.map(\.0) == ["alternate", "alternate", "alternate"])
    #expect(
      links.map(\.1) == ["application/rss+xml", "application/atom+xml", "application/feed+json"])
    #expect(links.map(\.2) == FeedIndexSample.links("").map(\.url))
  }

  @Test func isStandaloneWithoutScriptsOrExternalResources() throws {
    let page = string(try FeedIndexSample.page())
    #expect(
      page.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <meta charset=\"utf-8\">\n"))
    #expect(
      page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(page.contains("<title>Kênh tin RSS – Cổng thông tin điện tử phường Bãi Cháy</title>"))
    #expect(page.hasSuffix("</html>\n"))
    for banned in ["<script", "src=", "<img", "<iframe", "@import", "url(", "stylesheet"] {
      #expect(!page.contains(banned), "found \(banned)")
    }
  }

  @Test func nestsSubCategoriesInsideTheirParentSection() throws {
    let (_, nesting) = try HTMLReadBack.parse(try FeedIndexSample.page()) { doc in
      let sections = HTMLReadBack.elements("section", in: doc).filter {
        (HTMLReadBack.attribute($0, "class") ?? "").hasPrefix("feed")
      }
      func named(_ heading: String) -> xmlNodePtr? {
        sections.first { section in
          var c = section.pointee.children
          while let node = c {
            if node.pointee.type == XML_ELEMENT_NODE,
              String(cString: node.pointee.name).first == "h"
            {
              return HTMLReadBack.text(node) == heading
            }
            c = node.pointee.next
          }
          return false
        }
      }
      let tinTức = named("Tin tức")!
      let thờiSự = named("Thời sự")!
      let duLịch = named("Du lịch")!
      let lễHội = named("Lễ hội")!
      let hỏiĐáp = named("Hỏi <đáp> & \"góp ý\" ]]> 💬")!
      return [
        HTMLReadBack.isInside(thờiSự, tinTức), HTMLReadBack.isInside(lễHội, duLịch),
        HTMLReadBack.isInside(lễHội, tinTức), HTMLReadBack.isInside(duLịch, tinTức),
        HTMLReadBack.isInside(hỏiĐáp, duLịch), sections.count == 6,
      ]
    }
    #expect(nesting == [true, true, false, false, false, true])
    let page = string(try FeedIndexSample.page())
    #expect(page.contains("<h4><a href=\"https://baichay.example.org/chuyen-muc/thoi-su/\">"))
  }

  @Test func listsTheThreeNewestItemsWithTheirDates() throws {
    let page = string(try FeedIndexSample.page())
    #expect(
      page.contains(
        "<time datetime=\"2026-11-26T09:30:00+07:00\">26/11/2026 09:30</time>"))
    // The site feed was given four: the fourth is left out there (it is third in Tin tức).
    #expect(page.contains("Lịch tiêm chủng mở rộng tháng 12"))
    let site = try #require(page.range(of: "class=\"feed feed-site\""))
    let categories = try #require(page.range(of: "class=\"categories\""))
    #expect(!page[site.upperBound..<categories.lowerBound].contains("Lịch tiêm chủng"))
    #expect(page.contains("<p class=\"empty\">Chưa có bài viết.</p>"))
    #expect(
      page.contains(
        "Cập nhật lúc <time datetime=\"2026-11-27T16:00:00+07:00\">27/11/2026 16:00</time>"))
  }

  @Test(arguments: [
    // 2026-11-19T17:30:00Z is already the 20th in Hà Nội.
    (Timestamp(utc: 1_795_109_400, offset: 25_200), "20/11/2026 00:30"),
    (Timestamp(utc: 1_795_109_400, offset: 0), "19/11/2026 17:30"),
    (Timestamp(utc: 1_795_109_400, offset: -18_000), "19/11/2026 12:30"),
    (Timestamp(utc: 0, offset: 0), "01/01/1970 00:00"),
    // Leap day.
    (Timestamp(utc: 1_709_208_000, offset: 25_200), "29/02/2024 19:00"),
  ])
  func formatsDatesInTheirOwnOffset(t: Timestamp, expected: String) {
    #expect(FeedIndexRenderer.displayDate(t) == expected)
  }

  @Test func rendersAPageWithNoFeedsAtAll() throws {
    let bytes = try FeedIndexRenderer.indexPage(
      site: FeedIndexSample.site, entries: [], updated: FeedIndexSample.updated)
    let (problems, again) = try HTMLReadBack.parse(bytes) { HTMLReadBack.serialized($0) }
    #expect(problems == [])
    #expect(again == bytes)
    #expect(try FeedIndexRenderer.headLinks(entries: []) == [])
  }
}
