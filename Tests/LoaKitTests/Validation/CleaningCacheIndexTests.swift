import Foundation
import LoaCore
import LoaTestSupport
import Testing

@testable import LoaKit

/// The previous cache file's index (``CleaningCache/Index``): a sorted array searched by id.
@Suite struct CleaningCacheIndexTests {
  let dir = try! TemporaryDirectory("loa-cache-index")

  func entry(_ id: Int64, key: UInt64, title: String) -> CleaningCache.Entry {
    let t = Timestamp(utc: 1_795_935_600, offset: 25_200)
    let item = FeedItem(
      articleID: id, categoryID: 3, guid: "tag:p.example.org,2026:article:\(id)", title: title,
      link: "https://p.example.org/a-\(id).html", summary: nil, contentHTML: "<p>x</p>",
      authors: [], categories: [], published: t, updated: t, image: nil)
    return CleaningCache.Entry(key: key, item: item, issues: [])
  }

  /// A cache file of `entries`, in this order.
  func file(_ entries: [(Int64, CleaningCache.Entry)]) throws -> String {
    var bytes = CleaningCache.magic
    CleaningCache.append(CleaningCache.formatVersion, &bytes)
    for (id, e) in entries { bytes += CleaningCache.encodeEntry(id, e) }
    let path = dir.path("cache.bin")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func findsEveryEntryWhateverTheOrderAndTheLaterOfAnIdWrittenTwice() throws {
    var rng = SeededRandom(state: 16)
    var ids = (1...500).map { Int64($0) * 7 - 1_000 }
    for i in stride(from: ids.count - 1, to: 0, by: -1) {
      ids.swapAt(i, Int(rng.next() % UInt64(i + 1)))
    }
    var entries = ids.map { ($0, entry($0, key: UInt64(bitPattern: $0) &* 31, title: "Tin \($0)")) }
    entries.insert((ids[10], entry(ids[10], key: 1, title: "cũ")), at: 3)
    entries.append((ids[20], entry(ids[20], key: 2, title: "mới")))
    let cache = CleaningCache()
    cache.load(from: try file(entries))
    for id in ids where id != ids[20] {
      #expect(cache.lookup(id, key: UInt64(bitPattern: id) &* 31)?.item?.title == "Tin \(id)")
    }
    // ids[10] was written first with key 1, then again: the later entry counts.
    #expect(cache.lookup(ids[10], key: 1) == nil)
    #expect(cache.lookup(ids[20], key: 2)?.item?.title == "mới")
    #expect(cache.lookup(ids[20], key: UInt64(bitPattern: ids[20]) &* 31) == nil)
    for missing: Int64 in [-2_000, 0, 5, 10_000] {
      #expect(cache.lookup(missing, key: 0) == nil)
    }
  }
}
