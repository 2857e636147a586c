import LoaCore

/// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
///
/// Top level: `version`, `title`, `home_page_url`, `feed_url`, `description`, `icon`,
/// `favicon`, `language`, `authors` (1.1 replaces the single `author`). Items: `id` (a string,
/// the same tag URI as the RSS `guid` and Atom `id`), `url`, `title`, `summary`,
/// `content_html`, `image`, `date_published`, `date_modified` (RFC 3339 with the site's
/// offset), `authors`, `tags`. Keys are always written in this order.
public struct JSONFeedSerializer: FeedSerializer {
  public var format: FeedFormat { .json }
  public init() {}

  public func serialize(_ feed: Feed, site: SiteInfo) throws -> [UInt8] {
    var j = JSONWriter(capacity: RSS2Serializer.estimatedSize(feed))
    j.beginObject()
    j.member("version", "https://jsonfeed.org/version/1.1")
    j.member("title", feed.title)
    j.member("home_page_url", feed.homePageURL)
    j.member("feed_url", site.url(ofOutput: feed.path(.json)))
    if !feed.description.isEmpty { j.member("description", feed.description) }
    // Paging (JSON Feed 1.1 `next_url`): the subscription feed → the newest archive → each
    // older one, as RFC 5005's prev-archive links do in RSS and Atom.
    if let previous = feed.archive?.previous {
      j.member("next_url", site.url(ofOutput: Feed.path(.json, in: previous)))
    }
    j.member("icon", site.icon)
    j.member("favicon", site.favicon)
    j.member("language", site.language)
    j.beginArray("authors")
    j.beginObject()
    j.member("name", site.authorName)
    j.member("url", site.authorURL)
    j.endObject()
    j.endArray()
    if !site.hubs.isEmpty {
      j.beginArray("hubs")
      for hub in site.hubs {
        j.beginObject()
        j.member("type", "WebSub")
        j.member("url", hub)
        j.endObject()
      }
      j.endArray()
    }
    if let code = site.code {
      j.beginObject("_loa")
      j.beginObject("site")
      j.member("code", code)
      j.endObject()
      j.endObject()
    }
    j.beginArray("items")
    for item in feed.items {
      j.beginObject()
      j.member("id", item.guid)
      j.member("url", item.link)
      j.member("title", item.title)
      j.member("summary", item.summary)
      if let content = item.content {
        j.member("content_html", utf8: content.utf8)
      } else {
        j.member("content_html", "")
      }
      j.member("image", item.image?.url)
      j.member("date_published", DateFormats.rfc3339(item.published))
      j.member("date_modified", DateFormats.rfc3339(item.updated))
      if !item.authors.isEmpty {
        j.beginArray("authors")
        for a in item.authors {
          j.beginObject()
          j.member("name", a)
          j.endObject()
        }
        j.endArray()
      }
      if !item.categories.isEmpty {
        j.beginArray("tags")
        for t in item.categories { j.element(t) }
        j.endArray()
      }
      if let source = item.source {
        j.beginObject("_loa")
        j.beginObject("site")
        j.member("slug", source.slug)
        j.member("code", source.code)
        j.member("name", source.title)
        j.member("url", source.homePageURL)
        j.member("feed_url", source.feedURL(.json))
        j.endObject()
        j.endObject()
      }
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.bytes
  }
}
