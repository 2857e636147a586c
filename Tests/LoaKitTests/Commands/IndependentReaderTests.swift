import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// What readers show of the example's bylines (issue 14): with one `dc:creator` per name,
/// gofeed, sfeed and rss2email showed only the first author of "Trần Thanh – Lương Huấn" and
/// newsboat only the last. Two readers that share no code with loa or feedparser read the
/// published RSS; every author of every multi-author article must show.
@Suite struct IndependentReaderTests {
  /// The example's articles with several authors: id → names, from its JSON Feed (where each
  /// author is its own object).
  static func multiAuthorItems(_ out: String) throws -> [String: [String]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/feed.json"))
    let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var found: [String: [String]] = [:]
    for item in feed["items"] as? [[String: Any]] ?? [] {
      let names = (item["authors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      if names.count > 1, let id = item["id"] as? String { found[id] = names }
    }
    return found
  }

  @Test(
    .enabled(
      if: FeedReaders.enabled(.sfeed) && FeedReaders.enabled(.xmlFeed),
      "sfeed or XML::Feed is not installed (Scripts/install-deps.sh --test)"),
    arguments: FeedReaders.Reader.allCases)
  func everyAuthorOfTheExampleShowsInTheRSSFeed(reader: FeedReaders.Reader) throws {
    let out = try TemporaryDirectory()
    _ = try ExamplePortalTests.publishExample(into: out.path)
    let expected = try Self.multiAuthorItems(out.path)
    // The issue counted 12 of the example's 45 items with several authors.
    #expect(expected.count >= 12)
    guard let shown = try FeedReaders.authors(of: out.path("rss.xml"), by: reader) else { return }
    let byID = Dictionary(shown.map { ($0.id, $0.author) }, uniquingKeysWith: { a, _ in a })
    #expect(shown.count == 45, "\(reader) reads every item")
    for (id, names) in expected.sorted(by: { $0.key < $1.key }) {
      let author = byID[id] ?? ""
      for name in names {
        #expect(author.contains(name), "\(reader) shows \"\(author)\" for \(id), without \(name)")
      }
    }
  }
}
