/// The output formats.
public enum FeedFormat: String, Sendable, CaseIterable, Codable {
  case rss
  case atom
  case json

  /// File name inside a feed's folder.
  public var fileName: String {
    switch self {
    case .rss: return "rss.xml"
    case .atom: return "atom.xml"
    case .json: return "feed.json"
    }
  }

  /// The media type, as used in `type` attributes and autodiscovery links.
  public var mediaType: String {
    switch self {
    case .rss: return "application/rss+xml"
    case .atom: return "application/atom+xml"
    case .json: return "application/feed+json"
    }
  }

  public var displayName: String {
    switch self {
    case .rss: return "RSS 2.0"
    case .atom: return "Atom 1.0"
    case .json: return "JSON Feed 1.1"
    }
  }
}

/// One feed (the whole site, or one category with its sub-categories) with its items, ready
/// to serialize in any format.
public struct Feed: Sendable {
  /// Stable id: Atom `feed/id`. `tag:…:feed` for the site, `tag:…:feed:category:<id>` for a
  /// category.
  public var id: String
  public var title: String
  public var description: String
  /// Absolute URL of the HTML page the feed mirrors (site home or category page).
  public var homePageURL: String
  /// Path of the feed's folder relative to the output directory: `""` for the site,
  /// `"<slug>"` for a category.
  public var directory: String
  /// Category this feed is for; nil for the site feed.
  public var categoryID: Int64?
  /// Newest first.
  public var items: [FeedItem]
  /// Newest update among the items (RSS `lastBuildDate`, Atom `updated`); the site's newest
  /// when the feed is empty, so the value never depends on the clock.
  public var updated: Timestamp
  /// Its RFC 5005 archive links; nil when the feed has no archives.
  public var archive: ArchiveLinks?

  public init(
    id: String, title: String, description: String, homePageURL: String, directory: String,
    categoryID: Int64?, items: [FeedItem], updated: Timestamp, archive: ArchiveLinks? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.homePageURL = homePageURL
    self.directory = directory
    self.categoryID = categoryID
    self.items = items
    self.updated = updated
    self.archive = archive
  }

  /// Relative path of the file for `format`, e.g. `thoi-su/atom.xml`.
  public func path(_ format: FeedFormat) -> String {
    Self.path(format, in: directory)
  }

  /// Relative path of the file for `format` in the feed folder `directory` (`""` for the
  /// output directory itself).
  public static func path(_ format: FeedFormat, in directory: String) -> String {
    directory.isEmpty ? format.fileName : directory + "/" + format.fileName
  }
}

/// The links of one document of an archived feed (RFC 5005 §4): the subscription feed links
/// to its newest archive; each archive links to the subscription feed, the next older and the
/// next newer archive. Each is a feed folder relative to the output directory; the file in it
/// has the format of the document that links to it.
public struct ArchiveLinks: Sendable, Equatable {
  /// Whether the document is an archive document (`fh:archive`), not the subscription feed.
  public var isArchive: Bool
  /// The subscription feed's folder (`rel="current"`); written in archive documents only.
  public var current: String
  /// The next older archive (`rel="prev-archive"`, JSON Feed `next_url`).
  public var previous: String?
  /// The next newer archive (`rel="next-archive"`).
  public var next: String?

  public init(isArchive: Bool, current: String, previous: String?, next: String? = nil) {
    self.isArchive = isArchive
    self.current = current
    self.previous = previous
    self.next = next
  }

  /// The RFC 5005 namespace of `fh:archive`.
  public static let historyNamespace = "http://purl.org/syndication/history/1.0"
}

/// Site-wide metadata every serializer needs.
public struct SiteInfo: Sendable {
  public var title: String
  public var homePageURL: String
  public var description: String
  public var language: String
  /// Public base URL of the output directory, ending in `/`.
  public var feedBaseURL: String
  /// JSON Feed `icon` (≥ 512×512) and Atom `logo`.
  public var icon: String?
  /// JSON Feed `favicon` and Atom `icon`.
  public var favicon: String?
  /// RSS channel `image` (≤ 144×400).
  public var image: String?
  public var authorName: String
  public var authorURL: String?
  public var authorEmail: String?
  public var copyright: String?
  /// The generator named in every feed (RSS `generator`, Atom `generator`, the feed page).
  ///
  /// Only the program's name by default, without its version: an upgrade that changes no
  /// content then changes no published byte, so no file is rewritten and no ETag changes
  /// (docs/upgrading.md). A value with a space, such as `Loa 0.1.0`, is written to Atom as a
  /// name and a `version` attribute.
  public var generator: String
  /// WebSub hubs (`rel="hub"` links, JSON Feed `hubs`).
  public var hubs: [String]
  /// A platform site's administrative unit code: Dublin Core `dc:coverage` (the jurisdiction
  /// the feed is about, from a controlled vocabulary: the official list of administrative
  /// units) in RSS and Atom, `_loa.site.code` in JSON Feed; nil for a site of its own.
  public var code: String?
  /// Whether the feeds carry items of several sites (the platform roll-up): each item's
  /// `source` is written.
  public var isRollUp = false

  public init(
    title: String, homePageURL: String, description: String, language: String,
    feedBaseURL: String, icon: String? = nil, favicon: String? = nil, image: String? = nil,
    authorName: String, authorURL: String? = nil, authorEmail: String? = nil,
    copyright: String? = nil, generator: String = LoaVersion.name,
    hubs: [String] = [], code: String? = nil
  ) {
    self.code = code
    self.title = title
    self.homePageURL = homePageURL
    self.description = description
    self.language = language
    self.feedBaseURL = feedBaseURL
    self.icon = icon
    self.favicon = favicon
    self.image = image
    self.authorName = authorName
    self.authorURL = authorURL
    self.authorEmail = authorEmail
    self.copyright = copyright
    self.generator = generator
    self.hubs = hubs
  }

  /// The absolute URL of a file in the output directory.
  public func url(ofOutput relativePath: String) -> String { feedBaseURL + relativePath }
}

/// The program's name and version.
///
/// The version is printed by `loa --version` and sent in `User-Agent` headers, but never
/// written into a published file (``SiteInfo/generator``).
public enum LoaVersion {
  /// The name written into `generator` elements.
  public static let name = "Loa"
  public static let current = "0.1.0"
}
