import LoaCore
import LoaXML

/// RSS 2.0 (https://www.rssboard.org/rss-specification), following the RSS Advisory Board's
/// best-practices profile (https://www.rssboard.org/rss-profile):
///
/// - `atom:link rel="self"` in the channel (profile §3.2 / validator `MissingAtomSelfLink`);
/// - `lastBuildDate` is the newest item's update, never the time of the run, and left out of
///   a feed with no items (optional in RSS 2.0);
/// - `guid isPermaLink="false"`: a tag URI from the site and article id, stable when the URL
///   changes;
/// - `description` (the summary, as HTML-escaped text) before `content:encoded` (full HTML
///   in CDATA);
/// - authors as one `dc:creator` holding the whole byline in reading order ("Trần Thanh –
///   Lương Huấn"), the way WordPress writes it (RSS `author` must be an e-mail address):
///   with one element per name, gofeed, sfeed and rss2email show only the first and newsboat
///   only the last; Atom and JSON Feed keep one author per name;
/// - the lead image as one `enclosure` (length 0 = unknown, which the profile allows) and as
///   Media RSS `media:content` with the caption in `media:description`.
public struct RSS2Serializer: FeedSerializer {
  public var format: FeedFormat { .rss }
  /// Item counts past which items are written on every core (``XMLStreamWriter/elements(_:inside:threshold:_:)``).
  let parallelThreshold: Int

  public init() { parallelThreshold = XMLStreamWriter.parallelThreshold }

  /// A serializer that writes items on every core past `parallelThreshold` items (`.max`:
  /// never; tests compare both).
  package init(parallelThreshold: Int) { self.parallelThreshold = parallelThreshold }

  static let atomNS = "http://www.w3.org/2005/Atom"
  static let contentNS = "http://purl.org/rss/1.0/modules/content/"
  static let dcNS = "http://purl.org/dc/elements/1.1/"
  static let mediaNS = "http://search.yahoo.com/mrss/"

  public func serialize(_ feed: Feed, site: SiteInfo) throws -> [UInt8] {
    try XMLStreamWriter.withDocument(capacity: Self.estimatedSize(feed)) { w in
      try writeDocument(feed, site: site, w)
    }
  }

  /// Writes the same document into `sink` as it is produced (a big feed goes to its staged
  /// file instead of memory).
  package func serialize(_ feed: Feed, site: SiteInfo, into sink: DocumentSink) throws {
    try XMLStreamWriter.write(into: sink) { w in try writeDocument(feed, site: site, w) }
  }

  private func writeDocument(_ feed: Feed, site: SiteInfo, _ w: XMLStreamWriter) throws {
    try w.start("rss")
    try w.attribute("version", "2.0")
    try w.attribute("xmlns:atom", Self.atomNS)
    try w.attribute("xmlns:content", Self.contentNS)
    try w.attribute("xmlns:dc", Self.dcNS)
    try w.attribute("xmlns:media", Self.mediaNS)
    if feed.archive?.isArchive == true {
      try w.attribute("xmlns:fh", ArchiveLinks.historyNamespace)
    }
    try w.start("channel")
    try w.element("title", feed.title)
    try w.element("link", feed.homePageURL)
    try w.element("description", feed.description)
    try w.element("language", site.language)
    if let copyright = site.copyright { try w.element("copyright", copyright) }
    // An empty feed has no item to date it, and RSS does not require the element.
    if !feed.items.isEmpty { try w.element("lastBuildDate", DateFormats.rfc822(feed.updated)) }
    try w.element("generator", site.generator)
    try w.element("docs", "https://www.rssboard.org/rss-specification")
    try w.element(
      "atom:link",
      attributes: [
        "href": site.url(ofOutput: feed.path(.rss)), "rel": "self", "type": FeedFormat.rss.mediaType,
      ])
    for hub in site.hubs { try w.element("atom:link", attributes: ["href": hub, "rel": "hub"]) }
    if let archive = feed.archive { try writeArchiveLinks(archive, w, site: site) }
    if let image = site.image {
      // The profile: the image's title and link should match the channel's.
      try w.start("image")
      try w.element("url", image)
      try w.element("title", feed.title)
      try w.element("link", feed.homePageURL)
      try w.end()
    }
    if let code = site.code { try w.element("dc:coverage", code) }
    try w.elements(feed.items, inside: ["rss", "channel"], threshold: parallelThreshold) { item, w in try writeItem(item, w) }
    try w.end()
    try w.end()
  }

  /// About the size of the document, a little over rather than under: its text plus the
  /// markup around it, so the writer's buffer is allocated once
  /// (``XMLStreamWriter/withDocument(indent:capacity:_:)``). Summaries count twice: `&`, `<`,
  /// `>` and `"` in them are escaped for HTML and then for XML.
  static func estimatedSize(_ feed: Feed) -> Int {
    var size = 4096 + 2 * feed.title.utf8.count + feed.description.utf8.count
    for item in feed.items {
      size += 1024 + item.guid.utf8.count + item.title.utf8.count + item.link.utf8.count
      size += 2 * (item.summary?.utf8.count ?? 0) + (item.content?.count ?? 0)
      size += item.byline.utf8.count
      for category in item.categories { size += 32 + category.utf8.count }
      if let image = item.image {
        size += 2 * image.url.utf8.count + (image.caption?.utf8.count ?? 0)
      }
      if let source = item.source { size += 256 + source.title.utf8.count }
    }
    return size
  }

  /// RFC 5005 §4 and Appendix B: `atom:link` elements `current`, `prev-archive` and
  /// `next-archive`, and `fh:archive` in an archive document.
  private func writeArchiveLinks(_ a: ArchiveLinks, _ w: XMLStreamWriter, site: SiteInfo) throws {
    var links: [(String, String)] = []
    if a.isArchive { links.append(("current", a.current)) }
    if let previous = a.previous { links.append(("prev-archive", previous)) }
    if let next = a.next { links.append(("next-archive", next)) }
    for (rel, folder) in links {
      try w.element(
        "atom:link",
        attributes: [
          "href": site.url(ofOutput: Feed.path(.rss, in: folder)), "rel": rel,
          "type": FeedFormat.rss.mediaType,
        ])
    }
    if a.isArchive { try w.element("fh:archive", attributes: [:]) }
  }

  private func writeItem(_ item: FeedItem, _ w: XMLStreamWriter) throws {
    try w.start("item")
    try w.element("title", item.title)
    try w.element("link", item.link)
    // `description` is HTML in RSS (readers render it), so the plain-text summary is escaped
    // once for HTML before the writer escapes it for XML.
    if let summary = item.summary { try w.element("description", HTMLText.escaped(summary)) }
    if let content = item.content { try w.cdataElement("content:encoded", content) }
    if !item.authors.isEmpty { try w.element("dc:creator", item.byline) }
    for category in item.categories { try w.element("category", category) }
    // Attributes one call each rather than through `element(_:attributes:text:)`: its
    // `KeyValuePairs` is an array allocated per call, three per item.
    try w.start("guid")
    try w.attribute("isPermaLink", "false")
    try w.text(item.guid)
    try w.end()
    try w.element("pubDate", DateFormats.rfc822(item.published))
    if let image = item.image {
      try w.start("enclosure")
      try w.attribute("url", image.url)
      try w.attribute("length", "0")
      try w.attribute("type", image.mimeType ?? "image/jpeg")
      try w.end()
      try w.start("media:content")
      try w.attribute("url", image.url)
      if let mime = image.mimeType { try w.attribute("type", mime) }
      try w.attribute("medium", "image")
      if let caption = image.caption {
        try w.start("media:description")
        try w.attribute("type", "plain")
        try w.text(caption)
        try w.end()
      }
      try w.end()
    }
    if let source = item.source {
      try w.element("source", attributes: ["url": source.feedURL(.rss)], text: source.title)
      if let code = source.code { try w.element("dc:coverage", code) }
    }
    try w.end()
  }
}
