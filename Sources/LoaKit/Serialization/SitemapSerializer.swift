import LoaCore
import LoaXML

/// One article in a sitemap: what the sitemaps.org and Google News elements need, and no more
/// (a sitemap of thousands of articles must not keep their bodies in memory).
package struct SitemapEntry: Sendable, Equatable {
  package var articleID: Int64
  /// Absolute http(s) URL of the article page (`<loc>`).
  package var link: String
  /// Plain text (`<news:title>`).
  package var title: String
  /// `<news:publication_date>`.
  package var published: Timestamp
  /// `<lastmod>`.
  package var updated: Timestamp

  package init(
    articleID: Int64, link: String, title: String, published: Timestamp, updated: Timestamp
  ) {
    self.articleID = articleID
    self.link = link
    self.title = title
    self.published = published
    self.updated = updated
  }

  package init(_ item: FeedItem) {
    self.init(
      articleID: item.articleID, link: item.link, title: item.title, published: item.published,
      updated: item.updated)
  }

  /// Sitemap order: newest `published` first, then higher id first (``FeedItem/isNewer(_:_:)``).
  package static func isNewer(_ a: SitemapEntry, _ b: SitemapEntry) -> Bool {
    if a.published.utc != b.published.utc { return a.published.utc > b.published.utc }
    return a.articleID > b.articleID
  }
}

/// Writes the sitemaps of the feeds' articles through libxml2's writer, like the feeds:
///
/// - a sitemaps.org urlset (https://www.sitemaps.org/protocol.html, schema
///   `sitemap/0.9/sitemap.xsd`): `<url><loc><lastmod>` per article;
/// - a Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap,
///   schema `sitemap-news/0.9/sitemap-news.xsd`): the same urlset with `<news:news>`
///   (publication name and language, publication date, title) per article;
/// - a sitemaps.org sitemap index (schema `siteindex.xsd`) listing the two.
///
/// Which articles go in is decided by ``SitemapSelection``; dates are W3C datetimes
/// (`2026-11-29T14:00:00+07:00`, the site's offset), the same instants as the feeds'.
package enum SitemapSerializer {
  package static let sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
  package static let newsNamespace = "http://www.google.com/schemas/sitemap-news/0.9"

  /// `sitemap.xml`: one `<url>` with `<loc>` and `<lastmod>` per entry, in the given order.
  package static func urlset(_ entries: [SitemapEntry]) throws -> [UInt8] {
    try XMLStreamWriter.withDocument { w in
      try w.start("urlset")
      try w.attribute("xmlns", sitemapNamespace)
      for e in entries {
        try w.start("url")
        try w.element("loc", e.link)
        try w.element("lastmod", DateFormats.rfc3339(e.updated))
        try w.end()
      }
      try w.end()
    }
  }

  /// `news-sitemap.xml`: one `<url>` with `<loc>` and `<news:news>` per entry, in the given
  /// order.
  ///
  /// - Parameters:
  ///   - publicationName: `<news:name>`, as the publication appears on Google News.
  ///   - language: `<news:language>`, already in Google's form (``SitemapSelection/newsLanguage(_:)``).
  package static func newsURLSet(
    _ entries: [SitemapEntry], publicationName: String, language: String
  ) throws -> [UInt8] {
    try XMLStreamWriter.withDocument { w in
      try w.start("urlset")
      try w.attribute("xmlns", sitemapNamespace)
      try w.attribute("xmlns:news", newsNamespace)
      for e in entries {
        try w.start("url")
        try w.element("loc", e.link)
        try w.start("news:news")
        try w.start("news:publication")
        try w.element("news:name", publicationName)
        try w.element("news:language", language)
        try w.end()
        try w.element("news:publication_date", DateFormats.rfc3339(e.published))
        try w.element("news:title", e.title)
        try w.end()
        try w.end()
      }
      try w.end()
    }
  }

  /// One sitemap listed in the index.
  package struct IndexEntry: Sendable, Equatable {
    /// Absolute URL of the sitemap file.
    package var location: String
    /// The newest `lastmod` (or publication date) in it.
    package var lastModified: Timestamp

    package init(location: String, lastModified: Timestamp) {
      self.location = location
      self.lastModified = lastModified
    }
  }

  /// `sitemap-index.xml`: a sitemaps.org `<sitemapindex>` of `sitemaps`.
  package static func index(_ sitemaps: [IndexEntry]) throws -> [UInt8] {
    try XMLStreamWriter.withDocument { w in
      try w.start("sitemapindex")
      try w.attribute("xmlns", sitemapNamespace)
      for s in sitemaps {
        try w.start("sitemap")
        try w.element("loc", s.location)
        try w.element("lastmod", DateFormats.rfc3339(s.lastModified))
        try w.end()
      }
      try w.end()
    }
  }
}
