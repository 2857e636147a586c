import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif
import LoaCore
import LoaStore
import LoaWeather

/// Where the article database is.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
  /// A SQLite file (absolute path).
  case sqlite(path: String)
  /// A PostgreSQL connection URI (`postgresql://` or `postgres://`) or libpq key=value string
  /// (`host=db dbname=portal user=loa`), passed to libpq as is.
  case postgres(url: String)
  /// A MariaDB or MySQL URL (`mysql://` or `mariadb://`, ``MariaDBURL``), checked when parsed.
  case mariadb(url: String)

  /// Whether `key` (the text before the first `=`) makes `text` a libpq key=value string:
  /// a libpq keyword in any case (`PASSWORD=…` is a misspelt key=value string, which libpq
  /// refuses; not a SQLite file whose name would be printed).
  static func isConninfoKey(_ key: Substring) -> Bool {
    let word = Whitespace.trimmed(key).lowercased()
    return word.containsText("password")
      || ConnectionString.keywords.contains { $0.lowercased() == word }
  }

  /// Parses `sqlite:PATH`, `sqlite://PATH`, a bare path (a relative path is taken from
  /// `baseDirectory`), a `postgresql://` URI or a libpq key=value string.
  ///
  /// - Parameter key: where `text` came from, named by every error: `database.url` (the
  ///   file), `LOA_DATABASE_URL` (the environment) or `--database` (the command line).
  public static func parse(
    _ text: String, baseDirectory: String, key: String = "database.url"
  ) throws -> DatabaseLocation {
    var rest = Substring(text)
    if rest.hasPrefix("sqlite://") {
      rest = rest.dropFirst("sqlite://".count)
    } else if rest.hasPrefix("sqlite:") {
      rest = rest.dropFirst("sqlite:".count)
    } else if rest.hasPrefix("postgres://") || rest.hasPrefix("postgresql://") {
      // libpq ends the user info at the first "@", so an unencoded "@" in a password would
      // make the rest of it the host name, and libpq's error would print it.
      let afterScheme = rest.firstOccurrence(of: "://").map { rest[$0.upperBound...] } ?? rest
      let authority = afterScheme.prefix(while: { $0 != "/" && $0 != "?" })
      if authority.filter({ $0 == "@" }).count > 1 {
        throw ConfigError(
          .invalidValue, key: key,
          "the PostgreSQL URL has more than one \"@\" before the host: write an \"@\" in the user name or password as %40")
      }
      return try postgres(text, key: key)
    } else if MariaDBURL.isURL(String(rest)) {
      do {
        _ = try MariaDBURL(parsing: text)
      } catch let e as MariaDBURL.ParseError {
        throw ConfigError(.invalidValue, key: key, e.description)
      }
      return .mariadb(url: text)
    } else if let equals = rest.firstIndex(of: "="), isConninfoKey(rest[..<equals]) {
      return try postgres(text, key: key)
    } else if let colon = rest.firstIndex(of: ":"), rest[..<colon].count > 1,
      !rest[..<colon].contains("/")
    {
      throw ConfigError(
        .invalidValue, key: key,
        "unknown database scheme \"\(rest[..<colon])\"; use sqlite:PATH, postgresql://… or mysql://…")
    }
    guard !rest.isEmpty else {
      throw ConfigError(.invalidValue, key: key, "sqlite: needs a file path")
    }
    return .sqlite(path: Paths.absolute(String(rest), relativeTo: baseDirectory))
  }

  /// A PostgreSQL location, refused (exit 78) when libpq cannot parse it; the message quotes
  /// nothing of the string but a keyword.
  private static func postgres(_ text: String, key: String) throws -> DatabaseLocation {
    if let problem = ConnectionString.parseProblem(in: text) {
      throw ConfigError(
        .invalidValue, key: key,
        "the PostgreSQL connection string does not parse: \(problem)")
    }
    return .postgres(url: text)
  }

  /// For messages and for what a run stores: a PostgreSQL connection string is rebuilt from
  /// what libpq parses, with every password shown as `***` (``ConnectionString/displayed(_:)``).
  public var description: String {
    switch self {
    case .sqlite(let path): return "sqlite:" + path
    case .postgres(let url): return ConnectionString.displayed(url)
    case .mariadb(let url): return MariaDBURL.displayed(url)
    }
  }
}

/// The effective configuration of one run (docs/configuration.md documents every key).
public struct Configuration: Sendable {
  /// The only config version this loa reads.
  public static let supportedVersion = 1

  public struct Site: Sendable {
    public var title: String
    public var url: WebAddress
    public var description: String
    public var language: String
    public var timeZone: SiteTimeZone
    public var icon: String?
    public var favicon: String?
    public var image: String?
    public var authorName: String
    public var authorURL: String?
    public var authorEmail: String?
    public var copyright: String?
    /// Prefix of every id: `tag:baichay.example.org,2026:`. Never change it once published.
    public var idPrefix: String
    /// Whether the configuration sets `site.idPrefix`; when it does not, a run keeps the
    /// prefix of the published feeds (``PublishedIDPrefix``) rather than the one derived from
    /// `site.url`, so a domain move changes no id.
    public var idPrefixIsExplicit = false
    /// The administrative unit code of a platform's site (`sites.code`), written in its feeds
    /// (docs/multisite.md); nil otherwise.
    public var code: String?
  }

  public struct Database: Sendable {
    public var location: DatabaseLocation
    public var articlesQuery: String?
    public var categoriesQuery: String?
    /// The operator's SELECT returning `article_id, category_id`, in place of the optional
    /// `article_categories` table (docs/database.md).
    public var articleCategoriesQuery: String?
    /// Where each custom query came from (`database.articlesQuery`, or the file of
    /// `database.articlesQueryFile`), for messages.
    public var queryKeys = QueryKeys()
    public var dateFormats: [DatePattern]
    public var busyTimeoutSeconds: Int
    /// The longest one statement may run (PostgreSQL's `statement_timeout`; for SQLite, time
    /// inside `sqlite3_step`, checked by a progress handler).
    public var statementTimeoutSeconds: Int
    /// PostgreSQL: how long to try to connect.
    public var connectTimeoutSeconds: Int
    /// The `status` values that mean "published" (WordPress writes `publish`); never empty.
    public var publishedStatuses: [String] = ["published"]
    /// The operator's SELECT returning the `sites` columns (docs/multisite.md); platform only.
    public var sitesQuery: String?

    /// The store's ``ArticleStore/changeToken`` when it can be had without a connection: a
    /// SQLite file's, from `stat` calls; nil for a server.
    var tokenWithoutConnecting: String? {
      guard case .sqlite(let path) = location else { return nil }
      return SQLiteArticleStore.fileToken(path)
    }
  }

  public struct Output: Sendable {
    /// Absolute path of the output directory.
    public var directory: String
    /// Public URL of the output directory, ending in `/`.
    public var baseURL: WebAddress
    /// Write a `.gz` sibling of every file (for nginx `gzip_static`).
    public var gzip: Bool
    /// zlib level for those, 1 (fast, the default) … 9.
    public var gzipLevel: Int
    /// Write `index.html` and `head-links.html`.
    public var index: Bool
  }

  public struct WebSub: Sendable {
    /// Hub URLs announced in every feed and notified after each run that changed a feed.
    public var hubs: [String]
    /// The longest all notifications of one run may take together.
    public var timeoutSeconds: Int
  }

  public struct Feeds: Sendable {
    public var itemsPerFeed: Int
    public var formats: [FeedFormat]
    public var categoryFeeds: Bool
    public var opml: Bool
    /// Publish RFC 5005 archives: every published item, one document per calendar month in
    /// the site's time zone, for the site and each category feed (docs/formats.md).
    public var archives = true
    /// Title of a category feed; `{category}` and `{site}` are replaced.
    public var categoryTitle: String
    /// Largest sanitized content of one item, in bytes.
    public var maxContentBytes: Int
    /// Largest feed file, in bytes; the oldest items are dropped to stay under it.
    public var maxFeedBytes: Int
  }

  /// The sitemaps of the feeds' articles (docs/formats.md), in the output directory's root.
  public struct Sitemaps: Sendable {
    /// Write `sitemap.xml` (sitemaps.org) of the feeds' articles.
    public var articles = true
    /// Write `news-sitemap.xml` (Google News) of the articles of the last two days.
    public var news = true
    /// `<news:name>`: the publication's name as Google News shows it; `site.title` when nil.
    public var publicationName: String?

    public init(articles: Bool = true, news: Bool = true, publicationName: String? = nil) {
      self.articles = articles
      self.news = news
      self.publicationName = publicationName
    }

    /// Whether any sitemap (and so `sitemap-index.xml`) is written.
    public var any: Bool { articles || news }
  }

  public struct State: Sendable {
    /// Absolute path of the folder for the cleaning cache and other run-to-run state; nil
    /// when none could be chosen (the cache is then off).
    public var directory: String?
  }

  public struct Links: Sendable {
    /// Article URL when the row has none: `{id}`, `{slug}`, `{category}`; relative to the site.
    /// Contains `{id}` or `{slug}`; without `{id}` the `slug` column is used as it is
    /// (``ItemBuilder``), since it is then the key the CMS routes by.
    public var article: String
    /// Category page URL: `{slug}`, `{id}`; relative to the site.
    public var category: String
  }

  public var version: Int
  public var site: Site
  public var database: Database
  public var output: Output
  public var feeds: Feeds
  public var links: Links
  public var state: State
  public var websub: WebSub
  public var sitemaps = Sitemaps()
  /// The weather box (docs/weather.md); nil when the config has no `weather` section.
  public var weather: WeatherConfiguration?
  /// Platform mode (docs/multisite.md): one database, many sites; nil for one site.
  public var platform: Platform?
  /// Absolute path of the file this came from.
  public var path: String
  /// A hash of the file's bytes: a changed file means every output must be rendered again.
  public var fileFingerprint: UInt64 = 0

  /// Refuses a template with a placeholder it cannot fill (a misspelt `{categroy}` would be
  /// published as `%7Bcategroy%7D` in every link) or, for a link, a scheme other than http(s)
  /// (`javascript:…` would make every article's link unusable and the article vanish).
  ///
  /// - Throws: ``ConfigError`` naming the key, the placeholder and the known ones.
  static func checkTemplate(
    _ template: String, key: String, placeholders known: [String], link: Bool
  ) throws {
    let list = known.map { "{\($0)}" }.joined(separator: ", ")
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else {
        throw ConfigError(.invalidValue, key: key, "\"{\" is not closed; placeholders are \(list)")
      }
      let name = String(after[..<close])
      guard known.contains(name) else {
        throw ConfigError(
          .invalidValue, key: key, "unknown placeholder {\(name)}; placeholders are \(list)")
      }
      rest = after[after.index(after: close)...]
    }
    guard link else { return }
    // A scheme is letters, digits, "+", "-", "." before the first ":" that comes before any
    // "/", "?" or "#" (RFC 3986 §3.1); a path like "/{slug}" has none.
    let head = template.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if let colon = head.firstIndex(of: ":") {
      let scheme = head[..<colon].lowercased()
      guard scheme == "http" || scheme == "https" else {
        throw ConfigError(
          .invalidValue, key: key,
          "\"\(template)\" has the scheme \"\(scheme):\"; a link must be a path or an http(s) URL")
      }
    }
  }

  /// Reads and checks a config file.
  ///
  /// - Throws: ``ConfigError``; its `path` is set.
  public static func load(path: String) throws -> Configuration {
    let absolute = Paths.absolute(path, relativeTo: Paths.currentDirectory())
    let data: Data
    do {
      data = try readFile(absolute)
    } catch var e as ConfigError {
      e.path = path
      throw e
    }
    do {
      var c = try parse(data, path: absolute)
      var content = String(decoding: data, as: UTF8.self)
      if let queries = c.queryFilesFingerprint { content += "\u{1F}" + queries }
      c.fileFingerprint = CleaningCache.key(content: content, base: "")
      return c
    } catch var e as ConfigError {
      e.path = path
      throw e
    }
  }

  /// The largest configuration file read; a real one is a few kilobytes.
  static let maximumFileBytes = 1 << 20

  /// The bytes of the regular file at `path`, saying what is wrong otherwise: it does not
  /// exist, cannot be read, is a directory or not a regular file (`/dev/null`, a pipe: opened
  /// without blocking and never read), is empty, or is larger than ``maximumFileBytes``.
  ///
  /// - Throws: ``ConfigError`` (`fileNotFound`, exit 66; `syntax` for an empty file, 78).
  static func readFile(_ path: String) throws -> Data {
    let fd: Int32
    do {
      fd = try retryingSyscall("open") { open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
    } catch let e as SystemCallError {
      switch e.errno {
      case ENOENT: throw ConfigError(.fileNotFound, key: nil, "does not exist")
      case EACCES, EPERM: throw ConfigError(.fileNotFound, key: nil, "cannot be read (permission denied)")
      case ENOTDIR: throw ConfigError(.fileNotFound, key: nil, "does not exist (a folder on its path is a file)")
      default: throw ConfigError(.fileNotFound, key: nil, "cannot be opened: \(e)")
      }
    }
    defer { close(fd) }
    var st = stat()
    guard (try? retryingSyscall("fstat", { fstat(fd, &st) })) != nil else {
      throw ConfigError(.fileNotFound, key: nil, "cannot be read (fstat failed)")
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw ConfigError(.fileNotFound, key: nil, "is a directory, not a configuration file")
    case S_IFCHR: throw ConfigError(.fileNotFound, key: nil, "is a character device, not a configuration file")
    case S_IFIFO: throw ConfigError(.fileNotFound, key: nil, "is a pipe, not a configuration file")
    default: throw ConfigError(.fileNotFound, key: nil, "is not a regular file")
    }
    guard st.st_size <= maximumFileBytes else {
      throw ConfigError(
        .syntax, key: nil, "is \(st.st_size) bytes; a configuration file is at most \(maximumFileBytes)")
    }
    var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
    var count = 0
    while count < bytes.count {
      let n: Int
      do {
        n = try bytes.withUnsafeMutableBytes { b -> Int in
          guard let base = b.baseAddress else { return 0 }
          return try retryingSyscall("read") { read(fd, base + count, b.count - count) }
        }
      } catch {
        throw ConfigError(.fileNotFound, key: nil, "cannot be read: \(error)")
      }
      if n == 0 { break }
      count += n
    }
    // One byte more than its size was asked for: reading it means the file is being written.
    guard count < bytes.count else {
      throw ConfigError(.fileNotFound, key: nil, "changed while it was read; try again")
    }
    guard count > 0 else {
      throw ConfigError(.syntax, key: nil, "is empty; a configuration is a JSON object (docs/configuration.md)")
    }
    return Data(bytes[..<count])
  }

  /// Parses config JSON; relative paths in it are taken from the directory of `path`.
  public static func parse(_ data: Data, path: String) throws -> Configuration {
    try parse(data, path: path, recorder: nil)
  }

  /// ``parse(_:path:)`` that also collects, in `recorder`, every key the parser asks for.
  package static func parse(_ data: Data, path: String, recorder: KeyRecorder?) throws -> Configuration {
    let root: JSONValue
    do {
      root = try JSONValue.parse(data)
    } catch let f as JSONReader.Failure {
      throw ConfigError(.syntax, key: nil, f.message, position: (f.line, f.column))
    }
    guard case .object(let top) = root else {
      throw ConfigError(.syntax, key: nil, "must be a JSON object")
    }
    var o = ConfigObject(top, path: "")
    o.recorder = recorder
    guard let version = try o.int("version") else {
      throw o.missing("version", "is required (use \(supportedVersion))")
    }
    guard version == supportedVersion else {
      throw ConfigError(
        .unsupportedVersion, key: "version",
        "\(version) is not supported; this loa reads version \(supportedVersion)")
    }
    let baseDirectory = Paths.directory(of: path)

    guard var s = try o.object("site") else {
      throw o.missing("site")
    }
    let title = try s.requiredText("title")
    let urlText = try s.requiredString("url")
    guard let siteURL = WebAddress(urlText) else {
      throw ConfigError(.invalidValue, key: "site.url", "must be an absolute http(s) URL")
    }
    func siteRelative(_ obj: inout ConfigObject, _ key: String) throws -> String? {
      guard let v = try obj.string(key) else { return nil }
      guard let u = WebAddress.resolve(v, against: siteURL) else {
        throw ConfigError(.invalidValue, key: obj.keyPath(key), "must be an http(s) URL or a path")
      }
      return u.description
    }
    let zoneName = try s.string("timeZone") ?? "Asia/Ho_Chi_Minh"
    let zone: SiteTimeZone
    do { zone = try SiteTimeZone(zoneName) }
    let language = try s.string("language") ?? "vi"
    guard Self.isLanguageTag(language) else {
      throw ConfigError(.invalidValue, key: "site.language", "must be a language tag such as vi or vi-VN")
    }
    var authorName = title
    var authorURL: String? = siteURL.description
    var authorEmail: String?
    if var a = try s.object("author") {
      authorName = try a.text("name") ?? title
      authorURL = try siteRelative(&a, "url") ?? authorURL
      authorEmail = try a.string("email")
      if let e = authorEmail, !Self.isEmailAddress(e) {
        throw ConfigError(.invalidValue, key: "site.author.email", "\"\(e)\" is not an e-mail address (name@example.org)")
      }
      try a.rejectUnknownKeys()
    }
    let host = siteURL.authority.split(separator: ":").first.map(String.init) ?? siteURL.authority
    let explicitIDPrefix = try s.string("idPrefix")
    let idPrefix = explicitIDPrefix ?? "tag:\(host),2026:"
    let site = Site(
      title: title, url: siteURL, description: try s.text("description", multiline: true) ?? "",
      language: language, timeZone: zone, icon: try siteRelative(&s, "icon"),
      favicon: try siteRelative(&s, "favicon"), image: try siteRelative(&s, "image"),
      authorName: authorName, authorURL: authorURL, authorEmail: authorEmail,
      copyright: try s.text("copyright"), idPrefix: idPrefix,
      idPrefixIsExplicit: explicitIDPrefix != nil)
    try s.rejectUnknownKeys()

    guard var d = try o.object("database") else {
      throw o.missing("database")
    }
    // LOA_DATABASE_URL keeps a connection string (and any password in it) out of the file.
    let environmentURL = Environment.value("LOA_DATABASE_URL").flatMap {
      $0.isEmpty ? nil : $0
    }
    let databaseURL = try environmentURL ?? d.requiredString("url")
    if environmentURL != nil { _ = try d.string("url") }
    let location = try DatabaseLocation.parse(
      databaseURL, baseDirectory: baseDirectory,
      key: environmentURL == nil ? "database.url" : "LOA_DATABASE_URL")
    let patterns = try (d.strings("dateFormats") ?? []).map { try DatePattern($0) }
    let busy = try d.int("busyTimeoutSeconds") ?? 5
    guard (0...600).contains(busy) else {
      throw ConfigError(.invalidValue, key: "database.busyTimeoutSeconds", "must be 0…600")
    }
    let statementTimeout = try d.int("statementTimeoutSeconds") ?? 30
    let connectTimeout = try d.int("connectTimeoutSeconds") ?? 10
    guard (1...3600).contains(statementTimeout) else {
      throw ConfigError(.invalidValue, key: "database.statementTimeoutSeconds", "must be 1…3600")
    }
    guard (2...600).contains(connectTimeout) else {
      throw ConfigError(.invalidValue, key: "database.connectTimeoutSeconds", "must be 2…600")
    }
    let statuses = try d.strings("publishedStatuses") ?? ["published"]
    guard !statuses.isEmpty, statuses.count <= 20, !statuses.contains(where: \.isEmpty) else {
      throw ConfigError(
        .invalidValue, key: "database.publishedStatuses", "must list 1…20 non-empty status values")
    }
    let articlesQuery = try customQuery(&d, "articlesQuery", baseDirectory: baseDirectory)
    let categoriesQuery = try customQuery(&d, "categoriesQuery", baseDirectory: baseDirectory)
    let linksQuery = try customQuery(&d, "articleCategoriesQuery", baseDirectory: baseDirectory)
    let sitesQuery = try customQuery(&d, "sitesQuery", baseDirectory: baseDirectory)
    var database = Database(
      location: location, articlesQuery: articlesQuery?.sql,
      categoriesQuery: categoriesQuery?.sql, articleCategoriesQuery: linksQuery?.sql,
      dateFormats: patterns, busyTimeoutSeconds: busy,
      statementTimeoutSeconds: statementTimeout, connectTimeoutSeconds: connectTimeout,
      publishedStatuses: statuses)
    if let q = articlesQuery { database.queryKeys.articles = q.origin }
    if let q = categoriesQuery { database.queryKeys.categories = q.origin }
    if let q = linksQuery { database.queryKeys.articleCategories = q.origin }
    if let q = sitesQuery {
      database.sitesQuery = q.sql
      database.queryKeys.sites = q.origin
    }
    try d.rejectUnknownKeys()

    guard var out = try o.object("output") else {
      throw o.missing("output")
    }
    let directory = Paths.absolute(try out.requiredString("directory"), relativeTo: baseDirectory)
    var baseText = try out.requiredString("baseURL")
    if !baseText.hasSuffix("/") { baseText += "/" }
    guard let baseURL = WebAddress.resolve(baseText, against: siteURL) else {
      throw ConfigError(.invalidValue, key: "output.baseURL", "must be an http(s) URL or a path")
    }
    let gzipLevel = try out.int("gzipLevel") ?? 1
    guard (1...9).contains(gzipLevel) else {
      throw ConfigError(.invalidValue, key: "output.gzipLevel", "must be 1…9")
    }
    let output = Output(
      directory: directory, baseURL: baseURL, gzip: try out.bool("gzip") ?? false,
      gzipLevel: gzipLevel, index: try out.bool("index") ?? true)
    try out.rejectUnknownKeys()

    var feeds = Feeds(
      itemsPerFeed: 50, formats: FeedFormat.allCases, categoryFeeds: true, opml: true,
      categoryTitle: "{category} – {site}", maxContentBytes: 1_000_000, maxFeedBytes: 2_000_000)
    if var f = try o.object("feeds") {
      if let n = try f.int("itemsPerFeed") {
        guard (1...10_000).contains(n) else {
          throw ConfigError(.invalidValue, key: "feeds.itemsPerFeed", "must be 1…10000")
        }
        feeds.itemsPerFeed = n
      }
      if let names = try f.strings("formats") {
        var formats: [FeedFormat] = []
        for name in names {
          guard let format = FeedFormat(rawValue: name) else {
            throw ConfigError(
              .invalidValue, key: "feeds.formats", "unknown format \"\(name)\"; use rss, atom, json")
          }
          if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else {
          throw ConfigError(.invalidValue, key: "feeds.formats", "must name at least one format")
        }
        feeds.formats = formats
      }
      feeds.categoryFeeds = try f.bool("categories") ?? true
      feeds.opml = try f.bool("opml") ?? true
      feeds.archives = try f.bool("archives") ?? true
      feeds.categoryTitle = try f.text("categoryTitle") ?? feeds.categoryTitle
      if let n = try f.int("maxContentBytes") {
        guard n >= 1000 else {
          throw ConfigError(.invalidValue, key: "feeds.maxContentBytes", "must be at least 1000")
        }
        feeds.maxContentBytes = n
      }
      if let n = try f.int("maxFeedBytes") {
        guard n >= 10_000 else {
          throw ConfigError(.invalidValue, key: "feeds.maxFeedBytes", "must be at least 10000")
        }
        feeds.maxFeedBytes = n
      }
      try f.rejectUnknownKeys()
    }

    var links = Links(article: "/{slug}-{id}.html", category: "/{slug}/")
    if var l = try o.object("links") {
      links.article = try l.string("article") ?? links.article
      links.category = try l.string("category") ?? links.category
      // {slug} alone is a CMS's own permalink (WordPress /%postname%/): its slugs are unique.
      // (`containsText`, not `contains`: _StringProcessing's substring search builds a
      // `[Character: Int]`, whose first use costs a scan of every protocol conformance.)
      guard links.article.containsText("{id}") || links.article.containsText("{slug}") else {
        throw ConfigError(
          .invalidValue, key: "links.article",
          "must contain {id} or {slug} so every article gets its own URL")
      }
      try l.rejectUnknownKeys()
    }
    try Self.checkTemplate(links.article, key: "links.article", placeholders: ["id", "slug", "category"], link: true)
    try Self.checkTemplate(links.category, key: "links.category", placeholders: ["slug", "id"], link: true)
    try Self.checkTemplate(feeds.categoryTitle, key: "feeds.categoryTitle", placeholders: ["category", "site"], link: false)
    var state = State(directory: Self.defaultStateDirectory())
    if var st = try o.object("state") {
      if let d = try st.string("directory") {
        state.directory = Paths.absolute(d, relativeTo: baseDirectory)
      }
      try st.rejectUnknownKeys()
    }
    var websub = WebSub(hubs: [], timeoutSeconds: 10)
    if var w = try o.object("websub") {
      for hub in try w.strings("hubs") ?? [] {
        guard let u = WebAddress(hub) else {
          throw ConfigError(.invalidValue, key: "websub.hubs", "\"\(hub)\" is not an http(s) URL")
        }
        websub.hubs.append(u.description)
      }
      websub.timeoutSeconds = try w.int("timeoutSeconds") ?? 10
      guard (1...120).contains(websub.timeoutSeconds) else {
        throw ConfigError(.invalidValue, key: "websub.timeoutSeconds", "must be 1…120")
      }
      try w.rejectUnknownKeys()
    }
    var sitemaps = Sitemaps()
    if var m = try o.object("sitemaps") {
      sitemaps.articles = try m.bool("articles") ?? true
      sitemaps.news = try m.bool("news") ?? true
      sitemaps.publicationName = try m.text("publicationName")
      if sitemaps.publicationName?.isEmpty == true {
        throw ConfigError(.invalidValue, key: "sitemaps.publicationName", "must not be empty (leave it out to use site.title)")
      }
      try m.rejectUnknownKeys()
    }
    var weather: WeatherConfiguration?
    if var w = try o.object("weather") {
      weather = try WeatherConfiguration.parse(&w, baseDirectory: baseDirectory)
    }
    var platform: Platform?
    if var p = try o.object("platform") {
      platform = try Platform.parse(&p)
      try p.rejectUnknownKeys()
    } else if database.sitesQuery != nil {
      throw ConfigError(
        .invalidValue, key: database.queryKeys.sites, "is read only in platform mode; add a \"platform\" object")
    }
    try o.rejectUnknownKeys()
    var c = Configuration(
      version: version, site: site, database: database, output: output, feeds: feeds,
      links: links, state: state, websub: websub, sitemaps: sitemaps, weather: weather, path: path)
    c.platform = platform
    return c
  }

  /// `$STATE_DIRECTORY` (systemd `StateDirectory=`), else `$XDG_STATE_HOME/loa`, else
  /// `~/.local/state/loa`.
  static func defaultStateDirectory() -> String? {
    if let d = Environment.value("STATE_DIRECTORY"), !d.isEmpty {
      // systemd may pass several, separated by colons; the first is ours.
      return String(d.split(separator: ":").first ?? Substring(d))
    }
    if let d = Environment.value("XDG_STATE_HOME"), d.hasPrefix("/") { return d + "/loa" }
    if let h = Environment.value("HOME"), h.hasPrefix("/") { return h + "/.local/state/loa" }
    return nil
  }

  /// BCP 47-ish: letters, digits and hyphens, starting with 2–3 letters.
  static func isLanguageTag(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.utf8.allSatisfy({ WebAddress.isAlpha($0) })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count)
        && $0.utf8.allSatisfy { WebAddress.isAlpha($0) || ($0 >= 48 && $0 <= 57) }
    }
  }

  /// Site-wide metadata for the serializers.
  public var siteInfo: SiteInfo {
    SiteInfo(
      title: site.title, homePageURL: site.url.description, description: site.description,
      language: site.language, feedBaseURL: output.baseURL.description, icon: site.icon,
      favicon: site.favicon, image: site.image, authorName: site.authorName,
      authorURL: site.authorURL, authorEmail: site.authorEmail, copyright: site.copyright,
      hubs: websub.hubs, code: site.code)
  }
}

extension Configuration {
  /// A plain `local@domain` address (Atom's `email` needs `.+@.+`; feed readers need a real
  /// address): printable ASCII without spaces, quotes or angle brackets, one `@`, a dot in the
  /// domain.
  static func isEmailAddress(_ s: String) -> Bool {
    let parts = s.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
      !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
      s.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x3C && $0 != 0x3E })
    else { return false }
    return true
  }

  /// Opens the configured article database.
  ///
  /// - Throws: ``StoreError``.
  public func openStore() throws -> ArticleStore {
    try openStore(platform: false)
  }

  /// Opens the configured article database; with `platform`, restricted to one site at a
  /// time (``openPlatformStore()``).
  func openStore(platform: Bool) throws -> ArticleStore {
    switch database.location {
    case .sqlite(let path):
      return try SQLiteArticleStore(
        path: path, articlesQuery: database.articlesQuery,
        categoriesQuery: database.categoriesQuery,
        articleCategoriesQuery: database.articleCategoriesQuery, queryKeys: database.queryKeys,
        datePatterns: database.dateFormats,
        busyTimeoutMilliseconds: Int32(database.busyTimeoutSeconds * 1000),
        statementTimeoutSeconds: database.statementTimeoutSeconds,
        publishedStatuses: database.publishedStatuses, platform: platform,
        sitesQuery: database.sitesQuery)
    case .postgres(let url):
      return try PostgresArticleStore(
        url: url, articlesQuery: database.articlesQuery,
        categoriesQuery: database.categoriesQuery,
        articleCategoriesQuery: database.articleCategoriesQuery, queryKeys: database.queryKeys,
        datePatterns: database.dateFormats,
        statementTimeoutSeconds: database.statementTimeoutSeconds,
        connectTimeoutSeconds: database.connectTimeoutSeconds,
        publishedStatuses: database.publishedStatuses, platform: platform,
        sitesQuery: database.sitesQuery)
    case .mariadb(let url):
      return try MariaDBArticleStore(
        url: url, articlesQuery: database.articlesQuery,
        categoriesQuery: database.categoriesQuery,
        articleCategoriesQuery: database.articleCategoriesQuery, queryKeys: database.queryKeys,
        datePatterns: database.dateFormats,
        statementTimeoutSeconds: database.statementTimeoutSeconds,
        connectTimeoutSeconds: database.connectTimeoutSeconds,
        publishedStatuses: database.publishedStatuses, platform: platform,
        sitesQuery: database.sitesQuery)
    }
  }
}
