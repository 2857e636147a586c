import Foundation
import LoaKit
import LoaTestSupport
import Testing

@Suite struct ConfigurationTests {
  func parse(_ json: String) throws -> Configuration {
    try Configuration.parse(Data(json.utf8), path: "/srv/loa/config.json")
  }

  static let minimal = """
    {"version": 1, "site": {"title": "T", "url": "https://p.example.org/"},
     "database": {"url": "sqlite:db/articles.sqlite"},
     "output": {"directory": "../www/feeds", "baseURL": "/feeds"}}
    """

  @Test func appliesDefaultsAndResolvesPaths() throws {
    let c = try parse(Self.minimal)
    #expect(c.database.location == .sqlite(path: "/srv/loa/db/articles.sqlite"))
    #expect(c.output.directory == "/srv/www/feeds")
    #expect(c.output.baseURL.description == "https://p.example.org/feeds/")
    #expect(c.site.language == "vi")
    #expect(c.site.timeZone.identifier == "Asia/Ho_Chi_Minh")
    #expect(c.site.idPrefix == "tag:p.example.org,2026:")
    #expect(c.feeds.itemsPerFeed == 50)
    #expect(c.feeds.formats == [.rss, .atom, .json])
  }

  /// A misspelt placeholder published `%7Bcategroy%7D` in every link, and a `javascript:`
  /// template made most articles vanish, both with exit 0.
  @Test(arguments: [
    (#""links": {"article": "/{categroy}/{slug}-{id}.html"}"#, "links.article", "{categroy}"),
    (#""links": {"article": "javascript:alert({id})"}"#, "links.article", "javascript:"),
    (#""links": {"category": "/chuyen-muc/{name}/"}"#, "links.category", "{name}"),
    (#""links": {"category": "data:text/html,{slug}"}"#, "links.category", "data:"),
    (#""links": {"article": "/{slug-{id}.html"}"#, "links.article", "{slug-{id}"),
    (#""feeds": {"categoryTitle": "{categories} – {site}"}"#, "feeds.categoryTitle", "{categories}"),
  ])
  func aTemplateThatCannotBeFilledIsAConfigurationError(_ member: String, _ key: String, _ named: String) throws {
    let json = String(Self.minimal.dropLast()) + ", " + member + "}"
    let e = try #require(throws: ConfigError.self) { try parse(json) }
    #expect(e.code == .invalidValue)
    #expect(e.key == key)
    #expect(e.description.contains(named) || e.description.contains("not closed"), "\(e)")
  }

  @Test func absoluteHTTPLinkTemplatesAreAccepted() throws {
    let json = String(Self.minimal.dropLast())
      + #", "links": {"article": "https://p.example.org/{category}/{slug}-{id}.html", "category": "HTTP://p.example.org/c/{id}"}}"#
    #expect(try parse(json).links.article.hasPrefix("https://"))
  }

  @Test func loadsTheExampleConfig() throws {
    let c = try Configuration.load(path: ExamplePortal.configPath)
    #expect(c.site.title == "Cổng thông tin điện tử phường Bãi Cháy")
    #expect(c.output.directory == PackagePaths.path("feeds"))
  }

  @Test(arguments: [
    ("{", ConfigError.Code.syntax, nil as String?),
    ("[]", .syntax, nil),
    ("{\"site\": {}}", .missingKey, "version"),
    ("{\"version\": 2}", .unsupportedVersion, "version"),
    ("{\"version\": \"1\"}", .invalidValue, "version"),
    ("{\"version\": 1}", .missingKey, "site"),
    ("{\"version\": 1, \"site\": {\"title\": \"T\"}}", .missingKey, "site.url"),
    ("{\"version\": 1, \"site\": {\"title\": \"T\", \"url\": \"ftp://x\"}}", .invalidValue, "site.url"),
    ("{\"version\": 1, \"site\": {\"title\": \"T\", \"url\": \"https://x/\", \"tittle\": 1}}", .unknownKey, "site.tittle"),
    ("{\"version\": 1, \"site\": {\"title\": \"T\", \"url\": \"https://x/\", \"author\": {\"email\": \"ubnd phuong\"}}}", .invalidValue, "site.author.email"),
    ("{\"version\": 1, \"site\": {\"title\": \"T\", \"url\": \"https://x/\", \"author\": {\"email\": \"a@b\"}}}", .invalidValue, "site.author.email"),
  ])
  func reportsTheKeyThatIsWrong(json: String, code: ConfigError.Code, key: String?) throws {
    let e = try #require(throws: ConfigError.self) { try parse(json) }
    #expect(e.code == code)
    #expect(e.key == key)
  }

  @Test func rejectsBadValuesWithOneLineMessages() throws {
    let cases = [
      Self.minimal.replacingOccurrences(of: "\"database\": {", with: "\"feeds\": {\"itemsPerFeed\": 0}, \"database\": {"),
      Self.minimal.replacingOccurrences(of: "\"database\": {", with: "\"feeds\": {\"formats\": [\"rdf\"]}, \"database\": {"),
      Self.minimal.replacingOccurrences(of: "sqlite:db/articles.sqlite", with: "mysql://x/y"),
      Self.minimal.replacingOccurrences(of: "\"url\": \"https://p.example.org/\"", with: "\"url\": \"https://p.example.org/\", \"timeZone\": \"Asia/Nowhere\""),
      Self.minimal.replacingOccurrences(of: "\"database\": {", with: "\"links\": {\"article\": \"/{slug}.html\"}, \"database\": {"),
    ]
    for json in cases {
      let e = try #require(throws: ConfigError.self) { try parse(json) }
      #expect(!e.description.contains("\n"))
    }
  }

  @Test func reportsAMissingFile() throws {
    let e = try #require(throws: ConfigError.self) { try Configuration.load(path: "/nonexistent/loa.json") }
    #expect(e.code == .fileNotFound)
    #expect(e.description == "config /nonexistent/loa.json: does not exist")
  }
}
