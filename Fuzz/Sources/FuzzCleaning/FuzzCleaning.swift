import CFuzzDriver
import Foundation
import FuzzSupport
import LoaCore
import LoaKit
import LoaXML

// FuzzCleaning: one database row through ItemBuilder and all three serializers.
//
// Input: the fields of an `ArticleRow`, separated by U+001F, in this order:
//   content_html, title, summary, author, tags, url, image_url, image_caption, slug,
//   published_at, updated_at, category_id
// A missing title or published_at gets a fixed value, so a plain HTML input exercises the
// whole path. Invariants (a crash otherwise):
//   - RSS is well-formed XML; Atom is valid against RFC 4287 (RELAX NG); the JSON Feed parses;
//   - content_html is safe HTML (FuzzSupport.HTMLCheck);
//   - what a reader gets back equals the item: RSS content:encoded (line ends as XML
//     normalizes them), Atom content/title/summary, JSON Feed content_html/title/summary;
//   - the item's link is an absolute http(s) URL and `updated` is not before `published`.

let configurationJSON = """
  {"version": 1,
   "site": {"title": "Phường thử", "url": "https://baichay.example.org/", "language": "vi",
            "timeZone": "Asia/Ho_Chi_Minh"},
   "database": {"url": "sqlite:/nonexistent/db.sqlite", "dateFormats": ["dd/MM/yyyy HH:mm"]},
   "output": {"directory": "/nonexistent/out", "baseURL": "/feeds/"},
   "feeds": {"maxContentBytes": 1000},
   "links": {"article": "/{category}/{slug}-{id}.html"},
   "state": {"directory": "/nonexistent/state"}}
  """

// Built once. RelaxNGValidator is not thread-safe; libFuzzer calls the target from one thread.
let configuration: Configuration = {
  do {
    return try Configuration.parse(Data(configurationJSON.utf8), path: "/nonexistent/config.json")
  } catch {
    fatalError("fuzz configuration does not parse: \(error)")
  }
}()
let tree = CategoryTree(
  [
    CategoryRow(id: 1, slug: "tin-tuc", name: "Tin tức"),
    CategoryRow(id: 2, parentID: 1, slug: "thoi-su", name: "Thời sự & <b>chính</b> trị"),
  ], report: RunReport())
nonisolated(unsafe) let atom: RelaxNGValidator = {
  do { return try RelaxNGValidator.atom() } catch { fatalError("Atom schema: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let f = FuzzInput.fields(data, size)
  func field(_ i: Int) -> String? { i < f.count ? f[i] : nil }
  let row = ArticleRow(
    id: 42, categoryID: field(11).map { Int64($0) ?? 2 } ?? 2, title: field(1) ?? "Tiêu đề",
    slug: field(8), summary: field(2), contentHTML: field(0), author: field(3),
    imageURL: field(6), imageCaption: field(7), url: field(5), tags: field(4),
    publishedAt: field(9) ?? "2026-11-20 08:00:00", updatedAt: field(10))

  // A fresh cache each time, so every input is sanitized (and reproduces) on its own.
  let builder = ItemBuilder(
    configuration: configuration, tree: tree, now: .max, cache: CleaningCache())
  guard case .item(let item) = builder.build(row, report: RunReport()) else { return 0 }
  let input = swiftLiteral(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))

  if WebAddress(item.link) == nil { fuzzFailure("link is absolute http(s)", item.link + "\ninput: " + input) }
  if item.updated.utc < item.published.utc {
    fuzzFailure("updated is not before published", "\(item.published) \(item.updated)\ninput: " + input)
  }
  if let html = item.contentHTML { HTMLCheck.require(html, "content_html") }

  let feed = Feed(
    id: "tag:baichay.example.org,2026:feed", title: "Phường thử", description: "Tin",
    homePageURL: "https://baichay.example.org/", directory: "", categoryID: nil, items: [item],
    updated: item.updated)
  let site = configuration.siteInfo
  let rss: [UInt8]
  let atomBytes: [UInt8]
  let json: [UInt8]
  do {
    rss = try RSS2Serializer().serialize(feed, site: site)
    atomBytes = try AtomSerializer().serialize(feed, site: site)
    json = try JSONFeedSerializer().serialize(feed, site: site)
  } catch {
    fuzzFailure("serializers do not throw", "\(error)\ninput: " + input)
  }
  if let problem = OutputCheck.xmlProblem(rss) {
    fuzzFailure("RSS is well-formed", problem + "\ninput: " + input)
  }
  if let problem = atom.problem(atomBytes) {
    fuzzFailure("Atom is valid RFC 4287", problem + "\ninput: " + input)
  }
  if let problem = OutputCheck.jsonProblem(json) {
    fuzzFailure("JSON Feed parses", problem + "\ninput: " + input)
  }

  // Round trips: a reader gets exactly what was built.
  func same(_ what: String, _ got: [String]?, _ expected: String?) {
    let want = expected.map { [$0] } ?? []
    if got != want {
      fuzzFailure(
        "\(what) reads back unchanged",
        "got \(got.map { $0.map(swiftLiteral) } ?? ["<no parse>"])\nwant \(want.map(swiftLiteral))\ninput: "
          + input)
    }
  }
  same(
    "RSS content:encoded", XMLReadBack.texts(rss, path: ["rss", "channel", "item", "content:encoded"]),
    item.contentHTML.map(XMLReadBack.xmlLineEnds))
  same("RSS title", XMLReadBack.texts(rss, path: ["rss", "channel", "item", "title"]), item.title)
  same("RSS link", XMLReadBack.texts(rss, path: ["rss", "channel", "item", "link"]), item.link)
  same("Atom content", XMLReadBack.texts(atomBytes, path: ["feed", "entry", "content"]), item.contentHTML)
  same("Atom title", XMLReadBack.texts(atomBytes, path: ["feed", "entry", "title"]), item.title)
  same("Atom summary", XMLReadBack.texts(atomBytes, path: ["feed", "entry", "summary"]), item.summary)
  let jsonContent = XMLReadBack.jsonItemStrings(json, key: "content_html")
  if jsonContent?.first.flatMap({ $0 }) != (item.contentHTML ?? "") {
    fuzzFailure("JSON content_html reads back unchanged", "input: " + input)
  }
  if XMLReadBack.jsonItemStrings(json, key: "title")?.first.flatMap({ $0 }) != item.title {
    fuzzFailure("JSON title reads back unchanged", "input: " + input)
  }
  if XMLReadBack.jsonItemStrings(json, key: "summary")?.first.flatMap({ $0 }) != item.summary {
    fuzzFailure("JSON summary reads back unchanged", "input: " + input)
  }
  return 0
}

@_cdecl("FuzzCleaning_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
