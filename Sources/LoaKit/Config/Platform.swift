import FoundationEssentials
import LoaCore
import LoaStore
import LoaWeather
import LoaXML

extension Configuration {
  /// Platform mode (docs/multisite.md): one database holds many sites (the wards and communes
  /// of a province), listed in its `sites` table; one run publishes each of them into its own
  /// folder of the output directory, plus a roll-up of them all at the top.
  public struct Platform: Sendable {
    /// Where each site's feeds are served, relative to the site's `url` (`feeds/`): its
    /// `output.baseURL`.
    public var feedsPath = "feeds/"
    /// Whether the top of the output directory gets the roll-up feeds (the newest items of
    /// every site, each naming its site) and the OPML of every site's feeds.
    public var rollUp = true
    /// How many sites are built at once; 0 for one per processor core.
    public var concurrency = 0
    /// Where each site's files go: `{slug}` (a folder of `output.directory`, the default), or
    /// a path of its own with `{slug}` in it (`/srv/www/{slug}/feeds`: each site its own
    /// output root, for one web root per ward host). Relative paths are taken from
    /// `output.directory`.
    public var siteDirectory = "{slug}"

    public init() {}

    static func parse(_ p: inout ConfigObject) throws -> Platform {
      var platform = Platform()
      if let path = try p.string("feedsPath") {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("//"), !path.contains(".."),
          WebAddress.resolve(path, against: WebAddress("https://example.org/")) != nil
        else {
          throw ConfigError(
            .invalidValue, key: "platform.feedsPath",
            "must be a relative path such as feeds/ (resolved against each site's url)")
        }
        platform.feedsPath = path.hasSuffix("/") ? path : path + "/"
      }
      platform.rollUp = try p.bool("rollUp") ?? true
      if let template = try p.string("siteDirectory") {
        let parts = template.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.filter({ $0.containsText("{slug}") }).count == 1,
          !parts.contains(where: { $0 == ".." || $0 == "." }),
          template.replacingAll("{slug}", with: "").contains("{") == false
        else {
          throw ConfigError(
            .invalidValue, key: "platform.siteDirectory",
            "must be a path with {slug} in exactly one folder name, such as {slug} or /srv/www/{slug}/feeds")
        }
        platform.siteDirectory = template
      }
      if let n = try p.int("concurrency") {
        guard (0...256).contains(n) else {
          throw ConfigError(.invalidValue, key: "platform.concurrency", "must be 0…256 (0: one per core)")
        }
        platform.concurrency = n
      }
      return platform
    }

    /// How many sites are built at once.
    public var workers: Int {
      concurrency > 0 ? concurrency : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
  }

  /// Why a row of the sites table cannot be published: one line naming the site.
  public struct SiteError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
  }

  /// Whether `slug` can name a site's folder and URL path: `[a-z0-9-]`, 1…63 characters, not
  /// starting or ending with a hyphen (a DNS label, so a slug can also name a host).
  public static func isSiteSlug(_ slug: String) -> Bool {
    let bytes = Array(slug.utf8)
    guard (1...63).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else {
      return false
    }
    return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
  }

  /// The configuration of one site of the platform: this configuration's values as defaults,
  /// with the site's own from its row (title, url, description, language, time zone, weather
  /// location), its own output folder `<output.directory>/<slug>` served at
  /// `<url>/<platform.feedsPath>`, and its own id prefix `tag:<host>,2026:`.
  ///
  /// `site.icon`, `favicon` and `image` on the platform's own host are taken as paths on each
  /// site's host; on another host (a CDN) they are kept as they are.
  ///
  /// - Throws: ``SiteError`` for a row that cannot be published (a bad slug, url, language or
  ///   time zone).
  public func forSite(_ row: SiteRow) throws -> Configuration {
    let name = "site \(row.id) (\(row.slug))"
    guard let platform else { throw SiteError(message: "\(name): not a platform configuration") }
    guard Self.isSiteSlug(row.slug) else {
      throw SiteError(
        message:
          "site \(row.id): slug \"\(row.slug)\" cannot name a folder; use 1-63 of a-z, 0-9 and - (not first or last)"
      )
    }
    let title = TextCleaner.clean(row.name, maxCharacters: 200).text ?? ""
    guard !title.isEmpty else { throw SiteError(message: "\(name): name is empty") }
    guard let url = WebAddress(row.url.trimmingWhitespace()) else {
      throw SiteError(message: "\(name): url \"\(row.url)\" is not an absolute http(s) URL")
    }
    var c = self
    c.platform = nil
    c.database.sitesQuery = nil
    c.site.title = title
    c.site.url = url
    c.site.description = TextCleaner.clean(row.description, maxCharacters: 2000).text ?? ""
    if let language = row.language, !language.isEmpty {
      guard Self.isLanguageTag(language) else {
        throw SiteError(message: "\(name): language \"\(language)\" is not a language tag such as vi")
      }
      c.site.language = language
    }
    if let zone = row.timeZone, !zone.isEmpty {
      do {
        c.site.timeZone = try SiteTimeZone(zone)
      } catch {
        throw SiteError(message: "\(name): time_zone \"\(zone)\" is not a time zone such as Asia/Ho_Chi_Minh")
      }
    }
    func moved(_ value: String?) -> String? {
      guard let value, let address = WebAddress(value), address.authority == site.url.authority
      else { return value }
      var reference = address.path
      if let q = address.query { reference += "?" + q }
      return WebAddress.resolve(reference, against: url)?.description ?? value
    }
    c.site.icon = moved(site.icon)
    c.site.favicon = moved(site.favicon)
    c.site.image = moved(site.image)
    c.site.authorName = title
    c.site.authorURL = url.description
    c.site.authorEmail = nil
    c.site.copyright = nil
    c.site.idPrefix = Self.idPrefix(of: url)
    c.site.idPrefixIsExplicit = false
    c.site.code = TextCleaner.clean(row.code, maxCharacters: 32).text
    guard let base = WebAddress.resolve(platform.feedsPath, against: url) else {
      throw SiteError(message: "\(name): platform.feedsPath does not resolve against \(url)")
    }
    c.output.baseURL = base
    let folder = platform.siteDirectory.replacingAll("{slug}", with: row.slug)
    c.output.directory = folder.hasPrefix("/") ? folder : output.directory + "/" + folder
    // Each site's own state folder: a run sweeps and reads its state folder, which would
    // otherwise hold the files of every site (thousands).
    c.state.directory = state.directory.map { $0 + "/sites/" + row.slug }
    c.sitemaps.publicationName = nil
    if var w = weather {
      if let latitude = row.latitude, let longitude = row.longitude,
        (-90...90).contains(latitude), (-180...180).contains(longitude)
      {
        w.location = .init(name: title, latitude: latitude, longitude: longitude)
        if case .file(let format, let path) = w.source {
          w.source = .file(format, path: path.replacingAll("{site}", with: row.slug))
        }
        c.weather = w
      } else {
        c.weather = nil
      }
    }
    return c
  }

  /// A platform site's id prefix: `tag:<host>,2026:`, and for a site under a path of a shared
  /// host (`https://quangninh.example.org/bai-chay/`) `tag:<host>,2026:bai-chay:`, so sites on
  /// one host never share a feed id. It depends on the site's own URL alone: adding a site
  /// never changes another's ids.
  static func idPrefix(of url: WebAddress) -> String {
    let host = url.authority.split(separator: ":").first.map(String.init) ?? url.authority
    let path = url.path.split(separator: "/").joined(separator: "/")
    return "tag:\(host),2026:" + (path.isEmpty ? "" : path + ":")
  }

  /// Opens the article database of a platform: every read of the store is for the site
  /// ``ArticleStore/restrict(toSite:)`` names.
  public func openPlatformStore() throws -> ArticleStore {
    try openStore(platform: true)
  }
}
