import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// Plain-text fields show what a person reads on the portal, in every reader (issue 14):
/// text escaped twice, CDATA sections pasted into a summary, tags that repeat the category.
@Suite struct ReaderTextTests {
  static func builder(categoryName: String = "Thời sự") throws -> ItemBuilder {
    let config = try Configuration.parse(
      Data(
        """
        {"version": 1, "site": {"title": "T", "url": "https://baichay.example.org/"},
         "database": {"url": "sqlite:x.sqlite"},
         "output": {"directory": "out", "baseURL": "/feeds/"}}
        """.utf8), path: "/tmp/config.json")
    let tree = CategoryTree(
      [CategoryRow(id: 2, slug: "muc", name: categoryName)], report: RunReport())
    let parser = DateParser(zone: config.site.timeZone)
    return ItemBuilder(
      configuration: config, tree: tree, now: parser.parse("2026-11-29 12:00:00")!.utc)
  }

  static func row(
    title: String = "Tiêu đề", summary: String? = nil, content: String? = "<p>x</p>",
    author: String? = nil, caption: String? = nil, tags: String? = nil
  ) -> ArticleRow {
    ArticleRow(
      id: 9, categoryID: 2, title: title, slug: nil, summary: summary, contentHTML: content,
      author: author, imageURL: caption == nil ? nil : "/anh.jpg", imageCaption: caption, url: nil,
      tags: tags, publishedAt: "2026-11-20 08:00:00", updatedAt: nil)
  }

  static func item(_ row: ArticleRow, _ builder: ItemBuilder, _ report: RunReport = RunReport())
    throws -> FeedItem
  {
    guard case .item(let i) = builder.build(row, report: report) else {
      Issue.record("row left out")
      throw CancellationError()
    }
    return i
  }

  @Test func decodesTextEscapedTwiceInEveryPlainTextField() throws {
    let builder = try Self.builder(categoryName: "Văn hóa &amp;amp; Xã hội")
    let i = try Self.item(
      Self.row(
        title: "Entity kép &amp;quot;3 không&amp;quot;",
        summary: "Tóm tắt &amp;quot;kép&amp;quot; &amp;amp;quot;ba lần&amp;amp;quot;",
        content: "<p>Nội dung &amp;quot;giữ nguyên&amp;quot;</p>",
        author: "Trần Thanh &amp;ndash; Lương Huấn", caption: "Ảnh &amp;quot;đẹp&amp;quot;",
        tags: "Tết &amp;amp; Xuân"), builder)
    #expect(i.title == "Entity kép \"3 không\"")
    #expect(i.summary == "Tóm tắt \"kép\" \"ba lần\"")
    #expect(i.authors == ["Trần Thanh", "Lương Huấn"])
    #expect(i.categories == ["Văn hóa & Xã hội", "Tết & Xuân"])
    #expect(i.image?.caption == "Ảnh \"đẹp\"")
    // Content HTML is the sanitizer's business: its text says `&quot;`, so it keeps saying it.
    #expect(i.contentHTML == "<p>Nội dung &amp;quot;giữ nguyên&amp;quot;</p>")
  }

  @Test func stopsDecodingAfterThreeRounds() throws {
    let i = try Self.item(Self.row(title: "Bốn lần &amp;amp;amp;lt; nhau"), try Self.builder())
    #expect(i.title == "Bốn lần &lt; nhau")
  }

  @Test func stripsTagsThatArriveEscapedTwice() throws {
    let report = RunReport()
    let i = try Self.item(
      Self.row(title: "&amp;lt;img src=x onerror=alert(1)&amp;gt;Tin &amp;lt;b&amp;gt;mới"),
      try Self.builder(), report)
    #expect(i.title == "Tin mới")
    #expect(
      report.issues.contains { $0.field == "title" && $0.message.contains("removed HTML tags") })
  }

  @Test func keepsTheTextOfCDATASectionsInASummary() throws {
    let i = try Self.item(
      Self.row(
        summary: "Đoạn ]]> và <![CDATA[ lồng ]]> nhau, <![CDATA[<b>chữ</b>]]> và <![CDATA[ cuối"),
      try Self.builder())
    #expect(i.summary == "Đoạn ]]> và lồng nhau, <b>chữ</b> và cuối")
  }

  @Test func notesATagThatRepeatsTheCategoryInAnotherCase() throws {
    let report = RunReport()
    let i = try Self.item(
      Self.row(tags: "thời sự, Bãi Cháy, BÃI CHÁY, Thời sự, Hạ Long"), try Self.builder(), report)
    // One label per thing, as the category (then the first tag) spells it.
    #expect(i.categories == ["Thời sự", "Bãi Cháy", "Hạ Long"])
    let notes = report.issues.filter { $0.field == "tags" }
    #expect(notes.count == 1)
    #expect(notes.first?.severity == .info)
    #expect(
      notes.first?.message
        == "left out \"thời sự\", \"BÃI CHÁY\": the same as the category or an earlier tag but for case"
    )
  }
}
