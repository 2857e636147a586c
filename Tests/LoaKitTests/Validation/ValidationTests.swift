import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

@Suite struct CategoryTreeTests {
  @Test func buildsTheTreeInIdOrderWithPaths() {
    let report = RunReport()
    let tree = CategoryTree(
      [
        CategoryRow(id: 5, slug: "du-lich", name: "Du lịch"),
        CategoryRow(id: 6, parentID: 5, slug: "le-hoi", name: "Lễ hội"),
        CategoryRow(id: 1, slug: "tin-tuc", name: "Tin tức"),
        CategoryRow(id: 2, parentID: 1, slug: "thoi-su", name: "Thời sự"),
      ], report: report)
    #expect(tree.roots == [1, 5])
    #expect(tree.preorder.map(\.id) == [1, 2, 5, 6])
    #expect(tree.path(of: 6) == ["Du lịch", "Lễ hội"])
    #expect(tree[6]?.depth == 1)
    #expect(report.issues.isEmpty)
  }

  @Test func breaksParentLoopsAndUnknownParents() {
    let report = RunReport()
    let tree = CategoryTree(
      [
        CategoryRow(id: 1, parentID: 2, slug: "a", name: "A"),
        CategoryRow(id: 2, parentID: 3, slug: "b", name: "B"),
        CategoryRow(id: 3, parentID: 1, slug: "c", name: "C"),
        CategoryRow(id: 4, parentID: 99, slug: "d", name: "D"),
        CategoryRow(id: 5, parentID: 5, slug: "e", name: "E"),
      ], report: report)
    #expect(Set(tree.roots) == [1, 4, 5])
    #expect(tree.preorder.map(\.id) == [1, 3, 2, 4, 5])
    #expect(report.issues.filter { $0.field == "parent_id" }.count == 3)
  }

  @Test func makesSlugsSafeAndUnique() {
    let report = RunReport()
    let tree = CategoryTree(
      [
        CategoryRow(id: 1, slug: "../../etc", name: "Hack"),
        CategoryRow(id: 2, slug: "Văn Hóa", name: "Văn hóa"),
        CategoryRow(id: 3, slug: "van-hoa", name: "Văn hóa 2"),
        CategoryRow(id: 4, slug: "", name: "Đời sống"),
        CategoryRow(id: 5, slug: "!!!", name: "???"),
      ], report: report)
    #expect(tree[1]?.slug == "etc")
    #expect(tree[2]?.slug == "van-hoa")
    #expect(tree[3]?.slug == "van-hoa-3")
    #expect(tree[4]?.slug == "doi-song")
    #expect(tree[5]?.slug == "category-5")
    #expect(report.issues.contains { $0.categoryID == 3 && $0.severity == .warning })
  }

  /// FuzzCategoryTree: two rows with one id, returned in either order (a custom categories
  /// query with a join; databases promise no order), must give the category the same folder.
  @Test func rowsSharingAnIDGiveTheSameFolderInEitherOrder() {
    let rows = [
      CategoryRow(id: 11, slug: "thoi-su", name: "Thời sự"),
      CategoryRow(id: 11, parentID: 3, slug: "quang-cao", name: "Quảng cáo"),
    ]
    let report = RunReport()
    let first = CategoryTree(rows, report: report)
    let second = CategoryTree(rows.reversed(), report: RunReport())
    #expect(first[11]?.slug == "quang-cao")
    #expect(second[11]?.slug == first[11]?.slug)
    #expect(second[11]?.parentID == first[11]?.parentID)
    #expect(report.issues.contains { $0.message.contains("duplicate category id; the row with slug \"quang-cao\" is used") }, "\(report.issues)")
  }

  @Test func capsALongSlugAtTheEndOfAWordAndWarnsNamingTheCategory() {
    let report = RunReport()
    let long = String(repeating: "Thông báo khẩn ", count: 20)  // 300 bytes of Vietnamese
    let tree = CategoryTree(
      [
        CategoryRow(id: 4, slug: String(repeating: "a", count: 300), name: "A"),
        CategoryRow(id: 5, slug: "", name: long),
        CategoryRow(id: 6, slug: long, name: "B"),
      ], report: report)
    #expect(tree[4]?.slug == String(repeating: "a", count: CategoryTree.maxFolderBytes))
    let fromName = tree[5]?.slug ?? ""
    #expect(fromName.utf8.count <= CategoryTree.maxFolderBytes)
    #expect(fromName.hasPrefix("thong-bao-khan-thong-bao-khan-"))
    #expect(fromName.hasSuffix("-khan") || fromName.hasSuffix("-bao") || fromName.hasSuffix("-thong"))
    // The same capped folder name from another category gets the usual suffix.
    #expect(tree[6]?.slug == fromName + "-6")
    for id: Int64 in [4, 5] {
      let warning = report.issues.first {
        $0.categoryID == id && $0.field == "slug" && $0.severity == .warning
      }
      #expect(warning?.message.contains("over the limit of 80") == true, "\(report.issues)")
      #expect(warning?.message.contains("published in \"\(tree[id]?.slug ?? "?")\"") == true)
      #expect((warning?.message.utf8.count ?? .max) < 300, "the original is shortened")
    }
  }

  @Test func aFolderStaysWithTheCategoryThatHadItBefore() {
    let rows = [
      CategoryRow(id: 0, slug: "thong-bao", name: "Quảng cáo"),
      CategoryRow(id: 7, slug: "thong-bao", name: "Thông báo"),
    ]
    let report = RunReport()
    let tree = CategoryTree(rows, report: report, previousFolders: [7: "thong-bao"])
    #expect(tree[7]?.slug == "thong-bao")
    #expect(tree[0]?.slug == "thong-bao-0")
    let warning = report.issues.first { $0.categoryID == 0 && $0.severity == .warning }
    #expect(warning?.message.contains("category 7") == true, "\(report.issues)")
    #expect(warning?.message.contains("\"thong-bao-0\"") == true)

    // Without a saved assignment, the published feed's id decides, asked only about the
    // contested folder.
    var asked: [String] = []
    let fromDisk = CategoryTree(
      rows + [CategoryRow(id: 8, slug: "khac", name: "Khác")], report: RunReport(),
      folderOwner: { folder in
        asked.append(folder)
        return folder == "thong-bao" ? 7 : nil
      })
    #expect(fromDisk[7]?.slug == "thong-bao")
    #expect(fromDisk[0]?.slug == "thong-bao-0")
    #expect(asked == ["thong-bao"])

    // With neither, the lowest id, as before.
    let fresh = CategoryTree(rows, report: RunReport())
    #expect(fresh[0]?.slug == "thong-bao")
    #expect(fresh[7]?.slug == "thong-bao-7")
  }

  @Test(.timeLimit(.minutes(5)))
  func aTwentyThousandDeepChainBuildsWithBoundedPaths() {
    // Each category's path used to be an array of all its ancestors' names (20,000² / 2
    // strings), and breaking parent loops walked every chain once per category with a linear
    // search: cubic. The time limit only guards against a hang.
    let depth = 20_000
    var rows = (1...depth).map {
      CategoryRow(id: Int64($0), parentID: $0 == 1 ? nil : Int64($0 - 1), slug: "muc-\($0)", name: "Mục \($0)")
    }
    // And a loop of 20,000 beside it.
    rows += (1...depth).map {
      CategoryRow(
        id: Int64(depth + $0), parentID: Int64(depth + ($0 % depth) + 1), slug: "vong-\($0)",
        name: "Vòng \($0)")
    }
    let report = RunReport()
    let tree = CategoryTree(rows, report: report)
    #expect(tree[Int64(depth)]?.depth == depth - 1)
    #expect(tree.path(of: Int64(depth)) == ["…", "Mục 19997", "Mục 19998", "Mục 19999", "Mục 20000"])
    #expect(tree.path(of: 2, lastLevels: 4) == ["Mục 1", "Mục 2"])
    #expect(tree.roots == [1, Int64(depth + 1)])
    #expect(tree.preorder.count == 2 * depth)
    let loop = report.issues.filter { $0.field == "parent_id" }
    #expect(loop.count == 1)
    #expect(loop.first?.categoryID == Int64(depth + 1))
    #expect((loop.first?.message.utf8.count ?? .max) < 300, "the loop's ids are not all listed")
    #expect(tree[Int64(depth + 2)]?.depth == depth - 1)
  }
}

@Suite struct ItemBuilderTests {
  static func builder(now: String = "2026-11-29 12:00:00") throws -> ItemBuilder {
    let config = try Configuration.parse(
      Data(
        """
        {"version": 1, "site": {"title": "T", "url": "https://baichay.example.org/"},
         "database": {"url": "sqlite:x.sqlite", "dateFormats": ["dd/MM/yyyy HH:mm"]},
         "output": {"directory": "out", "baseURL": "/feeds/"},
         "links": {"article": "/{category}/{slug}-{id}.html"}}
        """.utf8), path: "/tmp/config.json")
    let tree = CategoryTree([CategoryRow(id: 2, slug: "thoi-su", name: "Thời sự")], report: RunReport())
    let parser = DateParser(zone: config.site.timeZone)
    return ItemBuilder(configuration: config, tree: tree, now: parser.parse(now)!.utc)
  }

  func item(_ row: ArticleRow, _ report: RunReport = RunReport()) throws -> FeedItem? {
    if case .item(let i) = try Self.builder().build(row, report: report) { return i }
    return nil
  }

  @Test func buildsACompleteItem() throws {
    let row = ArticleRow(
      id: 9, categoryID: 2, title: "  Cầu   Bãi Cháy\u{1} ", slug: nil, summary: "Tóm  tắt",
      contentHTML: "<p>x</p>", author: "Trần Thanh – Lương Huấn", imageURL: "anh/cau.jpg",
      imageCaption: "Ảnh: A", url: nil, tags: "cầu, Bãi Cháy , ,cầu",
      publishedAt: "2026-11-20 08:00:00", updatedAt: "2026-11-21 08:00")
    let report = RunReport()
    let i = try #require(try item(row, report))
    #expect(i.title == "Cầu Bãi Cháy")
    #expect(i.link == "https://baichay.example.org/thoi-su/cau-bai-chay-9.html")
    #expect(i.guid == "tag:baichay.example.org,2026:article:9")
    #expect(i.summary == "Tóm tắt")
    #expect(i.authors == ["Trần Thanh", "Lương Huấn"])
    #expect(i.byline == "Trần Thanh – Lương Huấn")
    #expect(i.categories == ["Thời sự", "cầu", "Bãi Cháy"])
    #expect(i.image?.url == "https://baichay.example.org/thoi-su/anh/cau.jpg")
    #expect(i.image?.mimeType == "image/jpeg")
    #expect(DateFormats.rfc3339(i.updated) == "2026-11-21T08:00:00+07:00")
    #expect(report.issues.map(\.field) == ["title"])
  }

  @Test func leavesOutRowsThatCannotBePublished() throws {
    let report = RunReport()
    let b = try Self.builder()
    let cases: [(ArticleRow, String)] = [
      (ArticleRow(id: 1, title: "x", publishedAt: "hôm qua"), "published_at"),
      (ArticleRow(id: 2, title: " \u{2}\u{3} ", publishedAt: "2026-11-20 08:00"), "title"),
      (ArticleRow(id: 3, title: "x", publishedAt: nil), "published_at"),
    ]
    for (row, field) in cases {
      guard case .leftOut = b.build(row, report: report) else {
        Issue.record("row \(row.id) was not left out")
        continue
      }
      #expect(report.issues.last?.field == field)
      #expect(report.issues.last?.action == .leftOut)
    }
  }

  @Test func treatsFutureArticlesAsScheduled() throws {
    let report = RunReport()
    let r = try Self.builder().build(
      ArticleRow(id: 1, title: "x", publishedAt: "2026-11-29 12:00:01"), report: report)
    guard case .scheduled = r else { Issue.record("not scheduled"); return }
    #expect(report.issues.isEmpty)
  }

  /// `9999-12-31 23:59:59` became the feed's `<updated>` and `<lastBuildDate>`, no warning.
  @Test func aFarFutureUpdatedAtIsNotBelievedAndIsAWarning() throws {
    let report = RunReport()
    let i = try #require(
      try item(
        ArticleRow(
          id: 7, title: "x", publishedAt: "2026-11-20 08:00:00", updatedAt: "9999-12-31 23:59:59"),
        report))
    #expect(i.updated == i.published)
    let issue = try #require(report.issues.first { $0.field == "updated_at" })
    #expect(issue.severity == .warning)
    #expect(issue.articleID == 7)
    #expect(issue.message.contains("9999-12-31 23:59:59"))
    // Within the skew: a CMS server whose clock runs five minutes ahead is believed.
    let near = try #require(
      try item(
        ArticleRow(
          id: 8, title: "x", publishedAt: "2026-11-20 08:00:00", updatedAt: "2026-11-29 12:05:00")))
    #expect(DateFormats.rfc3339(near.updated) == "2026-11-29T12:05:00+07:00")
  }

  @Test func repairsDatesAndLinks() throws {
    let report = RunReport()
    let i = try #require(
      try item(
        ArticleRow(
          id: 5, title: "Tiêu đề", summary: "Chỉ có tóm tắt & thôi", url: "javascript:alert(1)",
          publishedAt: "20/11/2026 08:00", updatedAt: "2026-11-01 00:00"), report))
    #expect(DateFormats.rfc3339(i.published) == "2026-11-20T08:00:00+07:00")
    #expect(i.updated == i.published)
    #expect(i.link == "https://baichay.example.org/tieu-de-5.html")
    #expect(i.contentHTML == "<p>Chỉ có tóm tắt &amp; thôi</p>")
    #expect(report.issues.contains { $0.field == "url" && $0.action == .repaired })
  }
}
