import Foundation
import LoaCore
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
      Self.minimal.replacingOccurrences(of: "sqlite:db/articles.sqlite", with: "oracle://x/y"),
      Self.minimal.replacingOccurrences(of: "sqlite:db/articles.sqlite", with: "mysql://x/y?sslmode=on"),
      Self.minimal.replacingOccurrences(of: "\"url\": \"https://p.example.org/\"", with: "\"url\": \"https://p.example.org/\", \"timeZone\": \"Asia/Nowhere\""),
      Self.minimal.replacingOccurrences(of: "\"database\": {", with: "\"links\": {\"article\": \"/tin.html\"}, \"database\": {"),
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

  /// Each of these was accepted (a duplicate key silently took the last value, a trailing
  /// comma passed, a control character broke every RSS and Atom file, NUL was cut in XML but
  /// kept in JSON) or refused without saying where. The fixtures are kept in
  /// Tests/LoaKitTests/Fixtures/config.
  @Test(arguments: [
    ("duplicate-key.json", ConfigError.Code.syntax, #"duplicate-key.json:6:5: duplicate key "title""#),
    ("trailing-comma.json", .syntax, #"trailing-comma.json:6:38: a comma before "]" (trailing commas are not JSON)"#),
    ("missing-colon.json", .syntax, #"missing-colon.json:3:20: expected ":" after the key "title""#),
    ("latin1.json", .syntax, "latin1.json:3:23: the file is not UTF-8 (byte 0xe3)"),
    ("empty.json", .syntax, "empty.json: is empty; a configuration is a JSON object (docs/configuration.md)"),
    ("control-in-copyright.json", .invalidValue, "control-in-copyright.json: site.copyright: contains the control character U+001B at character 1; configuration text must not contain control characters"),
    ("nul-in-title.json", .invalidValue, "nul-in-title.json: site.title: contains the control character U+0000 at character 4; configuration text must not contain control characters"),
  ])
  func refusesAHostileConfigFile(_ name: String, _ code: ConfigError.Code, _ message: String) throws {
    let path = PackagePaths.path("Tests/LoaKitTests/Fixtures/config/" + name)
    let e = try #require(throws: ConfigError.self) { try Configuration.load(path: path) }
    #expect(e.code == code)
    #expect(e.description == "config " + Paths.directory(of: path) + "/" + message)
  }

  /// Every text key readers see refuses control characters (tab and line breaks are allowed
  /// only in the description) and is normalized to NFC.
  @Test(arguments: [
    (#""site": {"title": "T\tX", "url": "https://p.example.org/"}"#, "site.title"),
    (#""site": {"title": "T", "url": "https://p.example.org/", "author": {"name": "A\u0085"}}"#, "site.author.name"),
    (#""site": {"title": "T", "url": "https://p.example.org/", "description": "D\u0007"}"#, "site.description"),
    (#""site": {"title": "T", "url": "https://p.example.org/", "copyright": "\u007f"}"#, "site.copyright"),
    (#""site": {"title": "T", "url": "https://p.example.org/"}, "feeds": {"categoryTitle": "{category}\n{site}"}"#, "feeds.categoryTitle"),
    (#""site": {"title": "T", "url": "https://p.example.org/"}, "state": {"directory": "st\u0000ate"}"#, "state.directory"),
  ])
  func refusesControlCharactersInConfigurationText(_ site: String, _ key: String) throws {
    let json = """
      {"version": 1, \(site), "database": {"url": "sqlite:a.sqlite"},
       "output": {"directory": "feeds", "baseURL": "/feeds"}}
      """
    let e = try #require(throws: ConfigError.self) { try parse(json) }
    #expect(e.key == key)
    #expect(e.message.contains("control character"), "\(e)")
  }

  @Test func normalizesConfigurationTextToNFCAndKeepsLineBreaksInTheDescription() throws {
    // "Bãi" with a combining tilde (NFD), as some editors on macOS save it.
    let json = String(Self.minimal.dropLast()).replacingOccurrences(
      of: #""title": "T""#, with: #""title": "Ba\u0303i", "description": "a\nb\tc""#) + "}"
    let c = try parse(json)
    #expect(Array(c.site.title.unicodeScalars) == Array("B\u{E3}i".unicodeScalars))
    #expect(c.site.description == "a\nb\tc")
  }

  @Test func refusesAConfigFileThatIsNotARegularFile() throws {
    let e = try #require(throws: ConfigError.self) { try Configuration.load(path: "/dev/null") }
    #expect(e.code == .fileNotFound)
    #expect(e.description == "config /dev/null: is a character device, not a configuration file")
    let dir = try TemporaryDirectory()
    #expect(mkfifo(dir.path("fifo.json"), 0o600) == 0)
    // Opened without blocking: a pipe nobody writes to must not hang the run.
    let fifo = try #require(throws: ConfigError.self) { try Configuration.load(path: dir.path("fifo.json")) }
    #expect(fifo.message == "is a pipe, not a configuration file")
    let folder = try #require(throws: ConfigError.self) { try Configuration.load(path: dir.path) }
    #expect(folder.message == "is a directory, not a configuration file")
  }

  @Test func aJSONSyntaxErrorNamesLineAndColumn() throws {
    let e = try #require(throws: ConfigError.self) { try parse("{\"version\": 1,\n  \"site\": tru}") }
    #expect(e.description == "config 2:11: unknown word; expected true")
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let tooDeep = try #require(throws: ConfigError.self) { try parse(deep) }
    #expect(tooDeep.message == "nested deeper than 512 levels")
    let surrogate = try #require(throws: ConfigError.self) { try parse(#"{"version": "\ud800"}"#) }
    #expect(surrogate.description == #"config 1:14: a lone high surrogate \uD800"#)
  }
}
