import Foundation
import LoaCore
import LoaKit
import Testing

@Suite struct CleaningCacheTests {
  func entry(_ key: UInt64, _ html: String, id: Int64) -> CleaningCache.Entry {
    let t = Timestamp(utc: 1_795_935_600, offset: 25_200)
    let item = FeedItem(
      articleID: id, categoryID: 3, guid: "tag:p.example.org,2026:article:\(id)", title: "Tiêu đề",
      link: "https://p.example.org/a-\(id).html", summary: nil, contentHTML: html,
      authors: ["Trần Thanh", "Lương Huấn"], categories: ["Tin tức"], published: t, updated: t,
      image: FeedImage(url: "https://p.example.org/a.jpg", mimeType: "image/jpeg", caption: nil),
      byline: "Trần Thanh – Lương Huấn")
    let note = ValidationIssue(.info, .repaired, article: id, field: "title", "normalized to Unicode NFC")
    return CleaningCache.Entry(key: key, item: item, issues: [CleaningCache.Issue(note)])
  }

  /// A cache holding `entries`, saved and read back.
  func roundTrip(_ entries: [Int64: CleaningCache.Entry], damage: (inout [UInt8]) -> Void = { _ in })
    throws -> CleaningCache
  {
    let cache = CleaningCache()
    for (id, e) in entries { cache.store(id, e) }
    var bytes = try #require(cache.encodedIfChanged())
    damage(&bytes)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loa-cache-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("c.cache").path
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let loaded = CleaningCache()
    loaded.load(from: file)
    return loaded
  }

  @Test func readsBackWhatItSaved() throws {
    let loaded = try roundTrip([
      1: entry(11, "<p>Một</p>", id: 1), 2: entry(22, "<p>Hai</p>", id: 2),
      3: CleaningCache.Entry(key: 33, item: nil, issues: []),
    ])
    #expect(loaded.lookup(1, key: 11) == entry(11, "<p>Một</p>", id: 1))
    #expect(loaded.lookup(2, key: 22) == entry(22, "<p>Hai</p>", id: 2))
    #expect(loaded.lookup(3, key: 33) == CleaningCache.Entry(key: 33, item: nil, issues: []))
    #expect(loaded.lookup(2, key: 23) == nil, "another key is another row")
  }

  /// A cache saving as the run goes, in a fresh state directory.
  func saving(_ body: (CleaningCache, StateStore) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loa-cache-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try StateStore(directory: dir.path)
    let cache = CleaningCache()
    cache.beginSaving(to: store, name: "c.cache")
    try body(cache, store)
  }

  @Test func anEntryStoredThisRunIsReadBackInsteadOfBuiltAgain() throws {
    // 300 entries of 2 KB: past the writer's 256 KB buffer, so the first are read back from
    // the new file and the last from what it still buffers.
    let html = String(repeating: "<p>Một đoạn văn của bài viết.</p>", count: 60)
    try saving { cache, store in
      for id in 1...300 { cache.store(Int64(id), entry(UInt64(id), html, id: Int64(id))) }
      for id in [1, 2, 150, 299, 300] {
        #expect(cache.lookup(Int64(id), key: UInt64(id)) == entry(UInt64(id), html, id: Int64(id)))
      }
      #expect(cache.lookup(7, key: 8) == nil, "another key is another row")
      #expect(cache.lookup(301, key: 301) == nil)
      #expect(cache.hits == 5)
      try cache.finishSaving(keep: true)
      // Read back, each entry is in the saved file once.
      let loaded = CleaningCache()
      loaded.load(from: store, name: "c.cache")
      #expect(loaded.lookup(1, key: 1) == entry(1, html, id: 1))
      #expect(loaded.lookup(300, key: 300) == entry(300, html, id: 300))
    }
  }

  @Test func onlyTheFirstEntriesOfARunAreKeptForReadingBack() throws {
    try saving { cache, _ in
      let n = CleaningCache.freshLimit + 10
      for id in 1...n { cache.store(Int64(id), CleaningCache.Entry(key: UInt64(id), item: nil, issues: [])) }
      #expect(cache.lookup(1, key: 1) != nil)
      #expect(cache.lookup(Int64(CleaningCache.freshLimit), key: UInt64(CleaningCache.freshLimit)) != nil)
      #expect(cache.lookup(Int64(n), key: UInt64(n)) == nil, "past the bound: built again")
      try cache.finishSaving(keep: false)
    }
  }

  @Test func dropsADamagedEntryAndKeepsTheOthers() throws {
    let loaded = try roundTrip([1: entry(11, "<p>Một</p>", id: 1), 2: entry(22, "<img src=\"a\">", id: 2)]) {
      bytes in
      // Turn the second entry's `src` into `srk`: the same length, so the file still parses.
      let src = Array("src".utf8)
      let at = try! #require(
        (0...(bytes.count - 3)).last { Array(bytes[$0..<($0 + 3)]) == src })
      bytes[at + 2] = UInt8(ascii: "k")
    }
    #expect(loaded.lookup(1, key: 11) != nil)
    #expect(loaded.lookup(2, key: 22) == nil, "a damaged entry is sanitized again, never published")
  }

  @Test func ignoresAFileThatIsNotACache() throws {
    let loaded = try roundTrip([1: entry(11, "x", id: 1)]) { bytes in bytes = Array("garbage!".utf8) + bytes }
    #expect(loaded.lookup(1, key: 11) == nil)
  }

  @Test func keysCoverTheSettingsTheResultDependsOn() {
    let a = CleaningCache.key(content: "<p>x</p>", base: "https://p.example.org/a", settings: "1000000/Đọc tiếp")
    #expect(a == CleaningCache.key(content: "<p>x</p>", base: "https://p.example.org/a", settings: "1000000/Đọc tiếp"))
    #expect(a != CleaningCache.key(content: "<p>x</p>", base: "https://p.example.org/a", settings: "1000/Đọc tiếp"))
    #expect(a != CleaningCache.key(content: "<p>x</p>", base: "https://p.example.org/a", settings: "1000000/Read more"))
    #expect(a != CleaningCache.key(content: "<p>x</p>", base: "https://p.example.org/b", settings: "1000000/Đọc tiếp"))
    #expect(a != CleaningCache.key(content: "<p>y</p>", base: "https://p.example.org/a", settings: "1000000/Đọc tiếp"))
  }
}
