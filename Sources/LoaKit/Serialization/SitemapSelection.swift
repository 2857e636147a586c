import LoaCore

/// Which of the feeds' articles go into the sitemaps, by the rules of sitemaps.org and Google
/// News. Pure functions of the articles, so the files depend on the database alone and are
/// the same on every run until an article changes.
///
/// - Only articles: the items of the published feeds (never a draft, a scheduled or a
///   left-out row: none of those reaches a feed), each once (by id, then by URL: two rows
///   pointing at one page are one page to a crawler).
/// - Only the site's pages: sitemaps.org allows URLs of one host in a sitemap, and Google
///   ignores the others; an article whose link has another scheme, host or port than
///   `site.url` (a `url` column pointing at another portal) is left out of both sitemaps.
/// - At most 50,000 URLs in `sitemap.xml` (sitemaps.org), the newest.
/// - The news sitemap holds the articles published in the two days up to the newest article
///   (Google: "articles published in the last two days"), at most 1,000 (Google's limit per
///   news sitemap), the newest. The window ends at the newest article rather than at the
///   clock, so the file is byte-stable between runs (an unchanged database publishes an
///   unchanged file, and ``Publisher``'s "nothing changed" shortcut stays right) and the
///   example's golden files do not depend on the day they are regenerated. On a site that
///   publishes daily, it is the same as the last two days; on a quiet one, the file keeps its
///   last articles, which Google ignores once they are older than two days.
package enum SitemapSelection {
  /// Google News: "Include URLs for articles published in the last two days."
  package static let newsWindowSeconds: Int64 = 2 * 86_400
  /// Google News: "Add no more than 1,000 `<url>` tags in a single News sitemap."
  package static let newsLimit = 1_000
  /// sitemaps.org: "no more than 50,000 URLs".
  package static let urlLimit = 50_000

  /// The articles of `sitemap.xml`: `entries` newest first, without duplicates, on `site`'s
  /// scheme, host and port, at most ``urlLimit``.
  ///
  /// - Returns: the entries kept, and those left out for their host (for the report).
  package static func articles(_ entries: [SitemapEntry], site: WebAddress) -> (
    kept: [SitemapEntry], offSite: [SitemapEntry]
  ) {
    var kept: [SitemapEntry] = []
    var offSite: [SitemapEntry] = []
    var ids = Set<Int64>()
    var links = Set<String>()
    for e in entries.sorted(by: SitemapEntry.isNewer) where ids.insert(e.articleID).inserted {
      guard isOnSite(e.link, site) else {
        offSite.append(e)
        continue
      }
      guard kept.count < urlLimit, links.insert(e.link).inserted else { continue }
      kept.append(e)
    }
    return (kept, offSite)
  }

  /// The articles of `news-sitemap.xml`: of `articles` (newest first, from
  /// ``articles(_:site:)``), those published at most ``newsWindowSeconds`` before the newest
  /// one, at most ``newsLimit``.
  package static func news(_ articles: [SitemapEntry]) -> [SitemapEntry] {
    guard let newest = articles.first?.published.utc else { return [] }
    let start = newest - newsWindowSeconds
    return Array(articles.prefix { $0.published.utc >= start }.prefix(newsLimit))
  }

  /// The note for an article left out for its host (info: the feeds still carry it).
  package static func offSiteNote(_ e: SitemapEntry, _ site: WebAddress) -> ValidationIssue {
    ValidationIssue(.info, .noted, article: e.articleID, field: "link", "\(e.link) is not on \(site.scheme)://\(site.authority) (site.url): left out of the sitemaps, which list only the site's own pages")
  }

  /// Whether `link` has the scheme and authority (host and port) of `site`.
  package static func isOnSite(_ link: String, _ site: WebAddress) -> Bool {
    guard let address = WebAddress(link) else { return false }
    return address.scheme == site.scheme && address.authority == site.authority
  }

  /// `<news:language>` for a BCP 47 `site.language`: Google wants an ISO 639 code (2 or 3
  /// letters, lowercase), except for Chinese, `zh-cn` (Simplified) or `zh-tw` (Traditional).
  ///
  /// `vi`, `vi-VN` → `vi`; `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…` → `zh-tw`; other `zh…` →
  /// `zh-cn`.
  package static func newsLanguage(_ tag: String) -> String {
    let parts = tag.lowercased().split(separator: "-").map(String.init)
    let primary = parts.first ?? "vi"
    guard primary == "zh" else { return primary }
    let traditional: Set<String> = ["tw", "hk", "mo", "hant"]
    return parts.dropFirst().contains(where: traditional.contains) ? "zh-tw" : "zh-cn"
  }
}

/// Gathers the articles of the feeds as the publisher keeps them, for ``SitemapFiles``: each
/// id once, only the site's own pages (the others noted at once), and never more than twice
/// ``SitemapSelection/urlLimit`` entries: past that, only the newest ``SitemapSelection/urlLimit``
/// are kept, which are all `sitemap.xml` can hold. A site of a million articles in thousands
/// of category feeds needs no more memory than one of 100,000.
package struct SitemapCollector {
  package let site: WebAddress
  package private(set) var entries: [SitemapEntry] = []
  private var ids = Set<Int64>()

  package init(site: WebAddress) { self.site = site }

  /// Adds the items of one published feed.
  package mutating func add(_ items: [FeedItem], report: RunReport) {
    for item in items where ids.insert(item.articleID).inserted {
      let entry = SitemapEntry(item)
      guard SitemapSelection.isOnSite(entry.link, site) else {
        report.add(SitemapSelection.offSiteNote(entry, site))
        continue
      }
      entries.append(entry)
    }
    if entries.count >= 2 * SitemapSelection.urlLimit {
      entries.sort(by: SitemapEntry.isNewer)
      entries.removeLast(entries.count - SitemapSelection.urlLimit)
    }
  }
}
