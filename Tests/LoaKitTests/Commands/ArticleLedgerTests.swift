import LoaCore
import Testing

@testable import LoaKit

/// The run's per-id state (``ArticleLedger``): which row is published under an id, which
/// are duplicates, and which report lines are new.
@Suite struct ArticleLedgerTests {
  static let parser = DateParser(zone: SiteTimeZone(offsetSeconds: 25200))

  static func item(
    _ id: Int64, category: Int64? = 1, title: String = "Tin", date: String = "2026-11-20 08:00",
    categories: [String] = ["Thời sự"]
  ) -> FeedItem {
    FeedItem(
      articleID: id, categoryID: category, guid: "tag:x,2026:article:\(id)", title: title,
      link: "https://x.example/\(id)", summary: nil, contentHTML: nil, authors: [],
      categories: categories, published: Self.parser.parse(date)!,
      updated: Self.parser.parse(date)!, image: nil)
  }

  @Test func theSameRowInAnotherCategorysReadIsTheSameArticle() {
    var ledger = ArticleLedger()
    #expect(ledger.admit(Self.item(1), read: 1) == .first)
    #expect(ledger.admit(Self.item(1), read: 2) == .sameArticle)
    #expect(ledger.admit(Self.item(1), read: nil) == .sameArticle)
    // Read twice by one read: the query returns it twice.
    #expect(ledger.admit(Self.item(1), read: 2) == .duplicate)
    #expect(ledger.admit(Self.item(1), read: 1) == .duplicate)
    #expect(ledger.duplicates[1]?.count == 2)
  }

  static let others = [
    item(7, title: "Tin khác"), Self.item(7, category: 2), Self.item(7, category: nil),
    Self.item(7, date: "2026-11-20 08:01"), Self.item(7, categories: ["Thời sự", "Bãi Cháy"]),
    Self.item(7, categories: []),
  ]

  @Test(arguments: 0..<6)
  func anyDifferenceMakesASecondRowADuplicate(index: Int) {
    let other = Self.others[index]
    var ledger = ArticleLedger()
    #expect(ledger.admit(Self.item(7), read: 1) == .first)
    #expect(ledger.admit(other, read: 2) == .duplicate)
    #expect(ledger.firstRowDescription(7) == "(category 1, published 2026-11-20T08:00:00+07:00)")
    #expect(ledger.duplicates[7]?.first?.title == other.title)
  }

  @Test func titlesThatOnlyLookAlikeAreDifferentRows() {
    // "Tin" + "Thời sự" and "TinThời" + " sự": the fingerprint keeps each string's length.
    var ledger = ArticleLedger()
    #expect(ledger.admit(Self.item(3, title: "ab", categories: ["c"]), read: 1) == .first)
    #expect(ledger.admit(Self.item(3, title: "a", categories: ["bc"]), read: 2) == .duplicate)
  }

  @Test func publishedIdsAreCountedOnce() {
    var ledger = ArticleLedger()
    _ = ledger.admit(Self.item(1), read: 1)
    _ = ledger.admit(Self.item(2), read: 1)
    ledger.markPublished(1)
    ledger.markPublished(1)
    ledger.markPublished(2)
    ledger.markPublished(9)
    #expect(ledger.publishedCount == 3)
    #expect(ledger.firstRowDescription(9) == nil)
  }

  /// Ids in sequence (the usual primary key) and with a stride spread over the 64 tables.
  @Test(arguments: [Int64(1), 64, 1_000])
  func idsSpreadOverTheTables(stride: Int64) {
    var sizes = [Int](repeating: 0, count: IDShards.count)
    for k in Int64(1)...64_000 { sizes[IDShards.index(k * stride)] += 1 }
    #expect(sizes.min()! > 500 && sizes.max()! < 1_500, "\(sizes)")
    var set = CleaningCache.IDSet()
    for k in Int64(1)...5_000 { _ = set.insert(k % 4_000) }
    #expect(set.count == 4_000)
  }
}
