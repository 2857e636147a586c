import LoaCore

/// The sitemap files of one run, in the output directory's root: `sitemap.xml`
/// (sitemaps.org), `news-sitemap.xml` (Google News) and `sitemap-index.xml` listing them,
/// rendered from the articles of the published feeds (``SitemapSelection`` says which).
///
/// A sitemap left with no article (every article on another host) is not published: an
/// empty `<urlset>` is invalid against sitemaps.org's schema, so the file of an earlier run is
/// removed instead, and the index leaves it out.
package enum SitemapFiles {
  package static let articlesPath = "sitemap.xml"
  package static let newsPath = "news-sitemap.xml"
  package static let indexPath = "sitemap-index.xml"
  /// sitemaps.org: "no larger than 50MB (52,428,800 bytes)" uncompressed.
  package static let maxBytes = 52_428_800

  /// One file to publish (`bytes`) or to remove (nil).
  package struct File: Sendable {
    package var path: String
    package var bytes: [UInt8]?
  }

  /// The paths a configuration publishes, with what claims them (``OutputClaims``).
  package static func paths(_ sitemaps: Configuration.Sitemaps) -> [(path: String, owner: String)] {
    var paths: [(String, String)] = []
    if sitemaps.articles { paths.append((articlesPath, "sitemaps.articles (the article sitemap)")) }
    if sitemaps.news { paths.append((newsPath, "sitemaps.news (the Google News sitemap)")) }
    if sitemaps.any { paths.append((indexPath, "the sitemap index")) }
    return paths
  }

  /// Renders the configured sitemaps and their index from `entries`, the items of every
  /// published feed (in any order, with repeats; ``SitemapCollector`` gathers them).
  ///
  /// - Parameter report: gets a note for each article left out for its host, and a warning
  ///   when `sitemap.xml` had to drop articles to stay under ``maxBytes``.
  /// - Throws: ``XMLWriterError``.
  package static func render(
    _ entries: [SitemapEntry], configuration: Configuration, report: RunReport
  ) throws -> [File] {
    let settings = configuration.sitemaps
    guard settings.any else { return [] }
    let site = configuration.site.url
    var (articles, offSite) = SitemapSelection.articles(entries, site: site)
    for e in offSite { report.add(SitemapSelection.offSiteNote(e, site)) }
    let siteInfo = configuration.siteInfo
    var files: [File] = []
    var index: [SitemapSerializer.IndexEntry] = []
    func add(_ path: String, _ kept: [SitemapEntry], _ bytes: [UInt8]) {
      guard let newest = kept.max(by: { $0.updated.utc < $1.updated.utc })?.updated else {
        files.append(File(path: path, bytes: nil))
        return
      }
      files.append(File(path: path, bytes: bytes))
      index.append(.init(location: siteInfo.url(ofOutput: path), lastModified: newest))
    }
    if settings.articles {
      var bytes = try SitemapSerializer.urlset(articles)
      if bytes.count > maxBytes {
        let before = articles.count
        while bytes.count > maxBytes && articles.count > 1 {
          articles.removeLast(max(1, articles.count / 10))
          bytes = try SitemapSerializer.urlset(articles)
        }
        report.add(.init(.warning, .noted, field: articlesPath, "\(before - articles.count) oldest articles left out to stay under \(maxBytes) bytes (sitemaps.org's limit)"))
      }
      add(articlesPath, articles, bytes)
    }
    if settings.news {
      let news = SitemapSelection.news(articles)
      let bytes = try SitemapSerializer.newsURLSet(
        news, publicationName: settings.publicationName ?? configuration.site.title,
        language: SitemapSelection.newsLanguage(configuration.site.language))
      add(newsPath, news, bytes)
    }
    let indexBytes = index.isEmpty ? nil : try SitemapSerializer.index(index)
    files.append(File(path: indexPath, bytes: indexBytes))
    return files
  }
}
