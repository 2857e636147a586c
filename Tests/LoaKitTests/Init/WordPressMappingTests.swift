import Foundation
import LoaCore
import LoaStore
import LoaTestSupport
import Testing

@testable import LoaKit

/// How `loa init` maps a WordPress database (issue 13).
@Suite struct WordPressMappingTests {
  @Test(
    arguments: [
      ("/%postname%/", "", "/{slug}/", nil),
      ("/%postname%.html", "", "/{slug}.html", nil),
      ("/archives/%post_id%", "", "/archives/{id}", nil),
      ("/%post_id%/%postname%/", "", "/{id}/{slug}/", nil),
      ("", "", "/?p={id}", nil),
      ("/%postname%/", "/blog", "/blog/{slug}/", nil),
      ("/%year%/%monthnum%/%postname%/", "", "/?p={id}", "%year%"),
      ("/%category%/%postname%/", "/tin", "/tin/?p={id}", "%category%"),
    ] as [(String, String, String, String?)])
  func aPermalinkStructureBecomesTheArticleTemplate(
    structure: String, homePath: String, template: String, unsupported: String?
  ) {
    let got = WordPressMapping.articleTemplate(permalinkStructure: structure, homePath: homePath)
    #expect(got.template == template)
    #expect(got.unsupported == unsupported)
  }

  @Test func theCategoryBaseDefaultsToCategory() {
    #expect(
      WordPressMapping.categoryTemplate(categoryBase: "", homePath: "") == "/category/{slug}/")
    #expect(
      WordPressMapping.categoryTemplate(categoryBase: "/chuyen-muc/", homePath: "/blog")
        == "/blog/chuyen-muc/{slug}/")
    #expect(
      WordPressMapping.categoryTemplate(categoryBase: "a b\"", homePath: "") == "/category/{slug}/")
  }

  static let siteTables = [
    "posts", "postmeta", "terms", "term_taxonomy", "term_relationships", "options",
  ]

  @Test func aPrefixNeedsEverySiteTableAndAUsersTable() {
    let wp = Self.siteTables.map { "wp_" + $0 } + ["wp_users", "wp_comments"]
    #expect(WordPressMapping.prefixes(in: wp).map(\.site) == ["wp_"])
    // A multisite's second site shares the network's users table.
    let second = Self.siteTables.map { "wp_2_" + $0 }
    let both = WordPressMapping.prefixes(in: second + wp)
    #expect(both.map(\.site) == ["wp_", "wp_2_"])
    #expect(both.map(\.users) == ["wp_", "wp_"])
    // A missing table, a prefix WordPress would refuse, no users table at all.
    #expect(WordPressMapping.prefixes(in: wp.filter { $0 != "wp_options" }).isEmpty)
    #expect(
      WordPressMapping.prefixes(in: Self.siteTables.map { "wp-x_" + $0 } + ["wp-x_users"]).isEmpty)
    #expect(WordPressMapping.prefixes(in: second).isEmpty)
  }

  @Test func theContractWinsOverWordPressTablesAndTheShortestPrefixIsMapped() throws {
    let sink = CapturingSink()
    let logger = Logger(level: .warning, sink: sink)
    let wp = Self.siteTables.map { "wp_" + $0 } + ["wp_users"]
    let wp2 = Self.siteTables.map { "wp2_" + $0 } + ["wp2_users"]
    #expect(
      try InitCommand.recognize(wp + ["articles", "categories"], prefix: nil, logger: logger)
        == .contract)
    #expect(
      try InitCommand.recognize(wp2 + wp, prefix: nil, logger: logger)
        == .wordPress(prefix: "wp_", usersPrefix: "wp_"))
    #expect(
      sink.lines == [
        #"loa: warning: [init] several WordPress sites: the prefixes "wp_", "wp2_"; mapping "wp_" (--table-prefix chooses another)"#
      ])
    #expect(
      try InitCommand.recognize(wp2 + wp, prefix: "wp2_", logger: logger)
        == .wordPress(prefix: "wp2_", usersPrefix: "wp2_"))
  }

  @Test func siteSettingsComeFromTheOptionsWithPlaceholdersForWhatIsMissing() {
    let logger = Logger(level: .warning, sink: CapturingSink())
    let site = InitCommand.wordPressSite(
      [
        "blogname": "Tin &amp; Ảnh", "home": "https://x.example.org/blog", "gmt_offset": "5.5",
        "timezone_string": "", "WPLANG": "en_US", "permalink_structure": "/%postname%/",
      ],
      logger: logger)
    #expect(site.title == "Tin & Ảnh")
    #expect(site.url == "https://x.example.org/blog/")
    #expect(site.timeZone == "+05:30")
    #expect(site.language == "en-US")
    #expect(site.articleLink == "/blog/{slug}/")
    #expect(site.placeholders.isEmpty)
    let empty = InitCommand.wordPressSite([:], logger: logger)
    #expect(empty.placeholders == ["site.title", "site.url", "site.timeZone"])
    #expect(empty.articleLink == "/?p={id}")
  }

  /// The queries `loa init` writes for `wp_` are the example's query files, comments aside.
  @Test(arguments: ["articles", "categories", "article-categories"])
  func theGeneratedQueriesAreTheExamplesQueryFiles(name: String) throws {
    let file = try String(
      contentsOfFile: PackagePaths.path("Examples/wordpress/\(name).sql"), encoding: .utf8)
    let lines = file.split(separator: "\n").map(String.init).filter {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--")
    }
    let generated =
      switch name {
      case "articles":
        WordPressMapping.articlesQuery(prefix: "wp_", users: "wp_", dialect: .groupConcat)
      case "categories": WordPressMapping.categoriesQuery(prefix: "wp_")
      default: WordPressMapping.articleCategoriesQuery(prefix: "wp_")
      }
    #expect(lines == generated)
  }

  @Test func aGeneratedConfigurationParses() throws {
    let logger = Logger(level: .warning, sink: CapturingSink())
    let site = InitCommand.wordPressSite(
      ["blogname": "T", "home": "https://x.example.org"], logger: logger)
    let text = InitCommand.configuration(
      schema: .wordPress(prefix: "wp_", usersPrefix: "wp_"), site: site,
      databaseURL: "postgresql://loa@db/wp", dialect: .stringAgg)
    #expect(text.contains("string_agg(t.name, ',')"))
    let c = try Configuration.parse(Data(text.utf8), path: "/tmp/loa-init-test/loa.json")
    #expect(c.links.article == "/?p={id}")
    #expect(c.output.directory == "/tmp/loa-init-test/feeds")
    #expect(c.output.baseURL.description == "https://x.example.org/feeds/")
  }

  /// `loa init` writes the database URL without its password, however it is spelt (libpq's
  /// keyword order).
  @Test(arguments: [
    (
      "postgresql://loa:s3cret@db.example.org:5432/wp?sslmode=require",
      "postgresql://loa@db.example.org:5432/wp?sslmode=require"
    ),
    ("postgresql://loa@db/wp?pass%77ord=s3cret", "postgresql://loa@db/wp"),
    ("host=db user=loa password='s3 cret' dbname=wp", "user=loa dbname=wp host=db"),
  ])
  func aConnectionStringIsWrittenWithoutItsPassword(url: String, written: String) throws {
    let got = try #require(ConnectionString.withoutPasswords(url))
    #expect(got == written)
    #expect(!got.contains("s3"))
  }
}
