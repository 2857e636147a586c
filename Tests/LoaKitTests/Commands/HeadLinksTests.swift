import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// The autodiscovery snippets of the example: `head-links.html` with the site feed only, for
/// every page, and `<folder>/head-links.html` with the site's and that category's, for the
/// category's pages (docs/operations.md, "Head links").
@Suite struct HeadLinksTests {
  /// Each `<link>` of a snippet: (type, title, href).
  static func links(_ path: String) throws -> [(type: String, title: String, href: String)] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var links: [(String, String, String)] = []
    var current: [String: String] = [:]
    for (element, name, value) in HTMLInspector.attributes(text) where element == "link" {
      current[name] = value
      if name == "href" {
        #expect(current["rel"] == "alternate")
        links.append((current["type"] ?? "", current["title"] ?? "", value))
        current = [:]
      }
    }
    #expect(text.split(separator: "\n").count == links.count, "one link per line")
    return links
  }

  /// A feed's own title, as its Atom file says it (`<title>` before the first entry).
  static func atomTitle(_ path: String) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let start = try #require(text.range(of: "<title>"))
    let end = try #require(text.range(of: "</title>", range: start.upperBound..<text.endIndex))
    return String(text[start.upperBound..<end.lowerBound])
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  static let formats = [
    ("application/rss+xml", "RSS 2.0", "rss.xml"),
    ("application/atom+xml", "Atom 1.0", "atom.xml"),
    ("application/feed+json", "JSON Feed 1.1", "feed.json"),
  ]

  /// The three lines a feed in `folder` ("" for the site) must have.
  static func expectFeedLinks(
    _ links: ArraySlice<(type: String, title: String, href: String)>, folder: String,
    out: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let base = "https://baichay.example.org/feeds/" + (folder.isEmpty ? "" : folder + "/")
    let title = try atomTitle(out + "/" + (folder.isEmpty ? "" : folder + "/") + "atom.xml")
    #expect(links.count == 3, sourceLocation: sourceLocation)
    for (link, (type, format, file)) in zip(links, formats) {
      #expect(link.type == type, sourceLocation: sourceLocation)
      #expect(link.href == base + file, sourceLocation: sourceLocation)
      #expect(link.title == title + " (" + format + ")", sourceLocation: sourceLocation)
    }
  }

  @Test func everyPageGetsTheSiteFeedAndACategoryPageItsOwnToo() throws {
    let out = try TemporaryDirectory()
    _ = try ExamplePortalTests.publishExample(into: out.path)

    let site = try Self.links(out.path("head-links.html"))
    #expect(site.count == 3, "head-links.html has \(site.count) lines")
    try Self.expectFeedLinks(site[...], folder: "", out: out.path)

    let folders = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      FileManager.default.fileExists(atPath: out.path($0 + "/atom.xml"))
    }.sorted()
    #expect(folders.count == 10)
    for folder in folders {
      let links = try Self.links(out.path(folder + "/head-links.html"))
      #expect(links.count == 6, "\(folder)/head-links.html has \(links.count) lines")
      try Self.expectFeedLinks(links.prefix(3), folder: "", out: out.path)
      try Self.expectFeedLinks(links.dropFirst(3), folder: folder, out: out.path)
    }
    // A sub-category's snippet names its own feeds, not its parent's.
    let sub = try Self.links(out.path("le-hoi/head-links.html"))
    #expect(sub.map(\.href).filter { $0.contains("/du-lich/") }.isEmpty)
  }

  /// The snippets are the run's files: another output that names one is refused before
  /// anything is written, like any two outputs claiming one path.
  @Test func anotherOutputCannotTakeACategorysSnippet() throws {
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("bai-chay.sqlite"))
    var config = try Configuration.load(path: ExamplePortal.configPath)
    config.output.directory = dir.path("out")
    config.state.directory = dir.path("state")
    config.database.location = .sqlite(path: dir.path("bai-chay.sqlite"))
    config.weather?.htmlFile = "thoi-su/head-links.html"
    let e = try #require(throws: ConfigError.self) {
      _ = try PublishRun(configuration: config, clock: SystemClock()).run(report: RunReport())
    }
    #expect(e.description.contains("thoi-su/head-links.html"), "\(e)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/thoi-su/head-links.html")))
  }
}
