import LoaCore
import LoaXML

/// Atom 1.0 (RFC 4287).
///
/// - §4.1.1 `atom:feed`: `id`, `title`, `updated` (the newest item's update, never the time of
///   the run), `link rel="self"` and `rel="alternate"`, `author` (the site, so every entry has
///   one, §4.1.1), `generator`, `icon`/`logo` when configured; `xml:lang` on the root.
/// - §4.1.2 `atom:entry`: `id` (the same tag URI as the RSS `guid`), `title`, `link
///   rel="alternate"`, `published`, `updated`, one `author` per byline name, `category`
///   (term = label text), `summary` (text), `content type="html"` (the HTML as text in CDATA,
///   §3.1.1.2),
///   and the lead image as `link rel="enclosure"` (§4.2.7.2).
/// - Dates are RFC 3339 with the site's offset (§3.3).
public struct AtomSerializer: FeedSerializer {
  public var format: FeedFormat { .atom }
  /// Item counts past which items are written on every core (``XMLStreamWriter/elements(_:inside:threshold:_:)``).
  let parallelThreshold: Int

  public init() { parallelThreshold = XMLStreamWriter.parallelThreshold }

  /// A serializer that writes items on every core past `parallelThreshold` items (`.max`:
  /// never; tests compare both).
  package init(parallelThreshold: Int) { self.parallelThreshold = parallelThreshold }

  static let atomNS = "http://www.w3.org/2005/Atom"

  public func serialize(_ feed: Feed, site: SiteInfo) throws -> [UInt8] {
    try XMLStreamWriter.withDocument { w in try writeDocument(feed, site: site, w) }
  }

  /// Writes the same document into `sink` as it is produced (a big feed goes to its staged
  /// file instead of memory).
  package func serialize(_ feed: Feed, site: SiteInfo, into sink: DocumentSink) throws {
    try XMLStreamWriter.write(into: sink) { w in try writeDocument(feed, site: site, w) }
  }

  private func writeDocument(_ feed: Feed, site: SiteInfo, _ w: XMLStreamWriter) throws {
    try w.start("feed")
    try w.attribute("xmlns", Self.atomNS)
    if feed.archive?.isArchive == true {
      try w.attribute("xmlns:fh", ArchiveLinks.historyNamespace)
    }
    if site.code != nil || site.isRollUp { try w.attribute("xmlns:dc", RSS2Serializer.dcNS) }
    try w.attribute("xml:lang", site.language)
    try w.element("id", feed.id)
    try w.element("title", feed.title)
    if !feed.description.isEmpty { try w.element("subtitle", feed.description) }
    try w.element("updated", DateFormats.rfc3339(feed.updated))
    try w.element(
      "link",
      attributes: [
        "rel": "self", "type": FeedFormat.atom.mediaType,
        "href": site.url(ofOutput: feed.path(.atom)),
      ])
    try w.element(
      "link", attributes: ["rel": "alternate", "type": "text/html", "href": feed.homePageURL])
    for hub in site.hubs { try w.element("link", attributes: ["rel": "hub", "href": hub]) }
    if let archive = feed.archive { try writeArchiveLinks(archive, w, site: site) }
    try w.start("author")
    try w.element("name", site.authorName)
    if let email = site.authorEmail { try w.element("email", email) }
    if let uri = site.authorURL { try w.element("uri", uri) }
    try w.end()
    let parts = site.generator.split(separator: " ", maxSplits: 1)
    if parts.count == 2 {
      try w.element("generator", attributes: ["version": String(parts[1])], text: String(parts[0]))
    } else {
      try w.element("generator", site.generator)
    }
    if let favicon = site.favicon { try w.element("icon", favicon) }
    if let icon = site.icon { try w.element("logo", icon) }
    if let copyright = site.copyright { try w.element("rights", copyright) }
    if let code = site.code { try w.element("dc:coverage", code) }
    try w.elements(feed.items, inside: ["feed"], threshold: parallelThreshold) { item, w in try writeEntry(item, w) }
    try w.end()
  }

  /// RFC 5005 §4: `current`, `prev-archive` and `next-archive` links, and `fh:archive` in an
  /// archive document.
  private func writeArchiveLinks(_ a: ArchiveLinks, _ w: XMLStreamWriter, site: SiteInfo) throws {
    var links: [(String, String)] = []
    if a.isArchive { links.append(("current", a.current)) }
    if let previous = a.previous { links.append(("prev-archive", previous)) }
    if let next = a.next { links.append(("next-archive", next)) }
    for (rel, folder) in links {
      try w.element(
        "link",
        attributes: [
          "rel": rel, "type": FeedFormat.atom.mediaType,
          "href": site.url(ofOutput: Feed.path(.atom, in: folder)),
        ])
    }
    if a.isArchive { try w.element("fh:archive", attributes: [:]) }
  }

  private func writeEntry(_ item: FeedItem, _ w: XMLStreamWriter) throws {
    try w.start("entry")
    try w.element("id", item.guid)
    try w.element("title", item.title)
    try w.element("link", attributes: ["rel": "alternate", "type": "text/html", "href": item.link])
    try w.element("published", DateFormats.rfc3339(item.published))
    try w.element("updated", DateFormats.rfc3339(item.updated))
    for author in item.authors {
      try w.start("author")
      try w.element("name", author)
      try w.end()
    }
    for category in item.categories {
      try w.element("category", attributes: ["term": category])
    }
    if let summary = item.summary {
      try w.element("summary", attributes: ["type": "text"], text: summary)
    }
    if let content = item.content {
      // HTML as text (RFC 4287 §3.1.1.2), in CDATA as in RSS `content:encoded`: the same
      // characters to every XML reader, without escaping every `<` and `"` of the markup.
      try w.start("content")
      try w.attribute("type", "html")
      try w.cdata(content)
      try w.end()
    }
    if let image = item.image {
      try w.start("link")
      try w.attribute("rel", "enclosure")
      if let mime = image.mimeType { try w.attribute("type", mime) }
      try w.attribute("href", image.url)
      try w.end()
    }
    if let source = item.source {
      // RFC 4287 §4.2.11: the feed the entry was copied from.
      try w.start("source")
      try w.element("id", source.feedID)
      try w.element("title", source.title)
      if let updated = source.updated { try w.element("updated", DateFormats.rfc3339(updated)) }
      try w.element(
        "link", attributes: ["rel": "self", "type": FeedFormat.atom.mediaType, "href": source.feedURL(.atom)])
      try w.element("link", attributes: ["rel": "alternate", "type": "text/html", "href": source.homePageURL])
      try w.end()
      if let code = source.code { try w.element("dc:coverage", code) }
    }
    try w.end()
  }
}
