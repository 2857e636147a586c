import LoaCore
import LoaXML

/// OPML 2.0 (http://opml.org/spec2.opml): the index of the feeds `loa` publishes, for
/// importing into a reader.
///
/// One `outline type="rss"` per feed (OPML uses `type="rss"` for any feed format), in the
/// primary format (the first configured one), site first, then categories in tree order with
/// their path as the title ("Du lịch › Lễ hội"). Listing each feed once matters: a reader
/// imports every outline, and three formats of one feed would subscribe three times. The other
/// formats sit next to each file in the same folder. The head has no `dateModified`: the
/// file changes only when the list of feeds does, so its ETag stays stable while articles come
/// and go.
package struct OPMLSerializer: Sendable {
  package init() {}

  /// One feed in the index.
  package struct Entry: Sendable {
    package var title: String
    package var description: String
    package var homePageURL: String
    /// Path of the feed file relative to the output directory.
    package var feedPath: String

    package init(title: String, description: String, homePageURL: String, feedPath: String) {
      self.title = title
      self.description = description
      self.homePageURL = homePageURL
      self.feedPath = feedPath
    }
  }

  package func serialize(entries: [Entry], site: SiteInfo) throws -> [UInt8] {
    try XMLStreamWriter.withDocument { w in
      try w.start("opml")
      try w.attribute("version", "2.0")
      try w.start("head")
      try w.element("title", site.title)
      try w.element("ownerName", site.authorName)
      if let email = site.authorEmail { try w.element("ownerEmail", email) }
      try w.end()
      try w.start("body")
      for e in entries {
        try w.start("outline")
        try w.attribute("type", "rss")
        try w.attribute("text", e.title)
        try w.attribute("title", e.title)
        if !e.description.isEmpty { try w.attribute("description", e.description) }
        try w.attribute("xmlUrl", site.url(ofOutput: e.feedPath))
        try w.attribute("htmlUrl", e.homePageURL)
        try w.attribute("language", site.language)
        try w.end()
      }
      try w.end()
      try w.end()
    }
  }
}
