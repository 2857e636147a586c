import FoundationEssentials
import LoaCore
import LoaStore
import LoaXML

#if canImport(Glibc)
  import Glibc
#endif

/// `loa init --database URL`: looks at a database, read-only, and writes a starting
/// configuration for it (docs/init.md): the loa contract tables as they are, or a WordPress
/// site (any table prefix) with the queries, the site's title, description, address, time
/// zone and permalinks from its `options` table.
package enum InitCommand {
  /// What the database holds.
  package enum Schema: Equatable, Sendable {
    /// The `articles` and `categories` tables of docs/database.md.
    case contract
    /// WordPress tables with this prefix, and the prefix of its users table.
    case wordPress(prefix: String, usersPrefix: String)
  }

  /// What the site settings were read as; placeholders where the database had nothing.
  package struct Site: Sendable, Equatable {
    package var title = "Tên trang (site title)"
    package var description = "Mô tả trang (site description)"
    package var url = "https://example.org/"
    package var language = "vi"
    package var timeZone = "Asia/Ho_Chi_Minh"
    package var articleLink = "/{slug}-{id}.html"
    package var categoryLink = "/{slug}/"
    /// The `site.*` keys left as placeholders, for the warning.
    package var placeholders: [String] = ["site.title", "site.url", "site.description"]
  }

  /// The schema `tables` make, preferring the contract, then the WordPress prefix asked for
  /// (or the shortest one found).
  ///
  /// - Throws: ``StoreError`` `.schema` (exit 78) naming what was looked for and found.
  package static func recognize(_ tables: [String], prefix wanted: String?, logger: Logger)
    throws -> Schema
  {
    let prefixes = WordPressMapping.prefixes(in: tables)
    if wanted == nil, tables.contains("articles"), tables.contains("categories") {
      return .contract
    }
    if let wanted {
      guard let match = prefixes.first(where: { $0.site == wanted }) else {
        throw StoreError(
          .schema,
          "no WordPress tables with the prefix \"\(wanted)\" (\(wanted)posts, \(wanted)options, …); "
            + (prefixes.isEmpty
              ? "found none with any prefix"
              : "found the prefixes " + prefixes.map { "\"\($0.site)\"" }.joined(separator: ", ")))
      }
      return .wordPress(prefix: match.site, usersPrefix: match.users)
    }
    guard let first = prefixes.first else {
      let shown = tables.prefix(8).joined(separator: ", ") + (tables.count > 8 ? ", …" : "")
      throw StoreError(
        .schema,
        "cannot tell what this database holds: looked for the loa tables (articles, categories) "
          + "and for WordPress tables with any prefix (wp_posts, wp_options, wp_terms, …); found "
          + (tables.isEmpty
            ? "no tables" : "\(tables.count) table\(tables.count == 1 ? "" : "s"): \(shown)"))
    }
    if prefixes.count > 1 {
      logger.warning(
        "init",
        "several WordPress sites: the prefixes "
          + prefixes.map { "\"\($0.site)\"" }.joined(separator: ", ")
          + "; mapping \"\(first.site)\" (--table-prefix chooses another)")
    }
    return .wordPress(prefix: first.site, usersPrefix: first.users)
  }

  /// The WordPress options `loa init` reads.
  static let optionNames = [
    "blogname", "blogdescription", "home", "siteurl", "timezone_string", "gmt_offset", "WPLANG",
    "permalink_structure", "category_base",
  ]

  /// The site settings from WordPress's options (name → value), placeholders where missing.
  package static func wordPressSite(_ options: [String: String], logger: Logger) -> Site {
    var site = Site()
    site.placeholders = []
    // WordPress stores the title and tagline HTML-escaped (esc_html on save): "&amp;".
    let title = TextCleaner.clean(options["blogname"]).text ?? ""
    if title.isEmpty { site.placeholders.append("site.title") } else { site.title = title }
    // RSS needs a channel description; WordPress's tagline may be empty.
    site.description = TextCleaner.clean(options["blogdescription"]).text ?? ""
    if site.description.isEmpty { site.description = title.isEmpty ? site.title : title }
    var homePath = ""
    if let home = (options["home"] ?? options["siteurl"]).flatMap({
      WebAddress($0 + (($0.hasSuffix("/")) ? "" : "/"))
    }) {
      site.url = home.description
      homePath = String(home.path.dropLast())
    } else {
      site.placeholders.append("site.url")
    }
    if let zone = options["timezone_string"], !zone.isEmpty, (try? SiteTimeZone(zone)) != nil {
      site.timeZone = zone
    } else if let offset = options["gmt_offset"].flatMap(Double.init), abs(offset) <= 14 {
      let minutes = Int((abs(offset) * 60).rounded())
      site.timeZone =
        (offset < 0 ? "-" : "+") + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    } else {
      site.placeholders.append("site.timeZone")
    }
    if let lang = options["WPLANG"] {
      // WordPress writes a locale (vi, en_US); an empty one is its default, en_US.
      let tag = lang.isEmpty ? "en-US" : lang.replacingAll("_", with: "-")
      if Configuration.isLanguageTag(tag) { site.language = tag }
    }
    let (article, unsupported) = WordPressMapping.articleTemplate(
      permalinkStructure: options["permalink_structure"] ?? "", homePath: homePath)
    site.articleLink = article
    if let unsupported {
      logger.warning(
        "init",
        "permalink_structure \"\(options["permalink_structure"] ?? "")\" has \(unsupported), which loa cannot fill; "
          + "links.article is \(article), which WordPress redirects to the permalink")
    }
    site.categoryLink = WordPressMapping.categoryTemplate(
      categoryBase: options["category_base"] ?? "", homePath: homePath)
    return site
  }

  /// The configuration file's text.
  ///
  /// - Parameters:
  ///   - databaseURL: what `database.url` says (without a password).
  ///   - dialect: how the database concatenates tags (WordPress only).
  package static func configuration(
    schema: Schema, site: Site, databaseURL: String, dialect: WordPressMapping.Dialect
  ) -> String {
    var w = JSONWriter()
    w.beginObject()
    w.member("version", Int64(Configuration.supportedVersion))
    w.beginObject("site")
    w.member("title", site.title)
    w.member("url", site.url)
    w.member("description", site.description)
    w.member("language", site.language)
    w.member("timeZone", site.timeZone)
    w.endObject()
    w.beginObject("database")
    w.member("url", databaseURL)
    if case .wordPress(let prefix, let users) = schema {
      func lines(_ key: String, _ query: [String]) {
        w.beginArray(key)
        for line in query { w.element(line) }
        w.endArray()
      }
      lines(
        "articlesQuery",
        WordPressMapping.articlesQuery(prefix: prefix, users: users, dialect: dialect))
      lines("categoriesQuery", WordPressMapping.categoriesQuery(prefix: prefix))
      lines("articleCategoriesQuery", WordPressMapping.articleCategoriesQuery(prefix: prefix))
      w.beginArray("publishedStatuses")
      w.element("publish")
      w.endArray()
    }
    w.endObject()
    w.beginObject("output")
    w.member("directory", "feeds")
    w.member("baseURL", site.url + "feeds/")
    w.endObject()
    w.beginObject("links")
    w.member("article", site.articleLink)
    w.member("category", site.categoryLink)
    w.endObject()
    w.endObject()
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// Runs `loa init`: inspects the database and returns the configuration's text.
  ///
  /// - Throws: ``StoreError`` (no database, unknown schema), ``ConfigError`` (a bad URL).
  package static func makeConfiguration(
    databaseURL text: String, tablePrefix: String?, logger: Logger
  ) throws -> String {
    let location = try DatabaseLocation.parse(text, baseDirectory: Paths.currentDirectory())
    let inspector: SchemaInspector
    let written: String
    let dialect: WordPressMapping.Dialect
    switch location {
    case .sqlite(let path):
      inspector = try SQLiteSchemaInspector(path: path)
      written = "sqlite:" + path
      dialect = .groupConcat
    case .postgres(let url):
      inspector = try PostgresSchemaInspector(url: url)
      written = ConnectionString.withoutPasswords(url) ?? url
      dialect = .stringAgg
      if !ConnectionString.passwords(in: url).isEmpty {
        logger.warning(
          "init",
          "the password is not written into the configuration: give it with PGPASSWORD, ~/.pgpass or LOA_DATABASE_URL"
        )
      }
    case .mariadb(let url):
      inspector = try MariaDBSchemaInspector(url: url)
      var parsed = try? MariaDBURL(parsing: url)
      let hadPassword = parsed?.password.map { !$0.isEmpty } ?? false
      parsed?.password = nil
      written = parsed?.displayed ?? MariaDBURL.displayed(url)
      dialect = .groupConcat
      if hadPassword {
        logger.warning(
          "init",
          "the password is not written into the configuration: give it with MYSQL_PWD or LOA_DATABASE_URL"
        )
      }
    }
    defer { try? inspector.close() }
    let schema = try recognize(try inspector.tableNames(), prefix: tablePrefix, logger: logger)
    var site = Site()
    if case .wordPress(let prefix, _) = schema {
      let markers = optionNames.indices.map { inspector.parameterMarker($0 + 1) }
      let rows = try inspector.rows(
        "SELECT option_name, option_value FROM \(prefix)options WHERE option_name IN ("
          + markers.joined(separator: ", ") + ")", parameters: optionNames)
      var options: [String: String] = [:]
      for row in rows where row.count == 2 {
        if let name = row[0] { options[name] = row[1] ?? "" }
      }
      site = wordPressSite(options, logger: logger)
    }
    try inspector.close()
    if !site.placeholders.isEmpty {
      logger.warning(
        "init",
        "\(site.placeholders.joined(separator: ", ")): placeholders; edit them before publishing")
    }
    return configuration(schema: schema, site: site, databaseURL: written, dialect: dialect)
  }

  /// Writes `text` to a new file at `path`; never replaces an existing one.
  ///
  /// - Throws: ``WriteError`` `.cannotCreate` (exit 73) when the file exists or cannot be
  ///   created, `.io` (74) when writing fails.
  package static func writeNewFile(_ text: String, to path: String) throws {
    let fd: Int32
    do {
      fd = try retryingSyscall("open") {
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      }
    } catch let e as SystemCallError {
      if e.errno == EEXIST {
        throw WriteError(
          .cannotCreate, path: path, "the file exists; loa init never replaces a file")
      }
      throw WriteError(.cannotCreate, path: path, e.description, underlying: e)
    }
    var closed = false
    defer { if !closed { close(fd) } }
    do {
      try Array(text.utf8).withUnsafeBytes { buffer in
        var done = 0
        while done < buffer.count {
          let n = try retryingSyscall("write") {
            write(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
          }
          if n == 0 { throw SystemCallError(call: "write", errno: EIO) }
          done += n
        }
      }
      _ = try retryingSyscall("fsync") { fsync(fd) }
      closed = true
      // Not retried: after EINTR the descriptor is already closed on Linux.
      if close(fd) != 0 { throw SystemCallError(call: "close", errno: errno) }
    } catch let e as SystemCallError {
      unlink(path)
      throw WriteError(.io, path: path, e.description, underlying: e)
    }
  }

  /// `n` (0…99) with a leading zero: `07`.
  private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
