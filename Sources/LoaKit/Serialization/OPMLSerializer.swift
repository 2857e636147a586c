import LoaCore
import LoaXML

/// OPML 2.0 (http://opml.org/spec2.opml): the index of the feeds `loa` publishes, for
/// importing into a reader.
///
/// One outline per feed, in the format the publisher lists (the first configured RSS or Atom),
/// site first, then
/// categories in tree order, each titled as the feed titles itself (its `<title>`, the same a
/// reader shows once subscribed). Listing each feed once matters: a reader imports every
/// outline, and three formats of one feed would subscribe three times. The other formats sit
/// next to each file in the same folder.
///
/// The category tree is nested outlines the way readers import folders: a category with
/// sub-categories is a folder outline (its name, no `xmlUrl`) holding its own feed and its
/// sub-categories'. (An outline that has both an `xmlUrl` and children is read as a feed by
/// readers, Miniflux among them, and its children are dropped.) Folders
/// nest at most ``maxFolderDepth`` deep; deeper categories sit in the deepest folder, after
/// their parent, so the file is never as deep as the tree.
///
/// `type="rss"` is the OPML 2.0 subscription-list type, which readers use for RSS and Atom
/// alike (FeedLand reads only such outlines; selfoss accepts `rss` and `atom`). A JSON Feed
/// is not RSS: its outline (when JSON Feed is the only format published) has no `type`.
///
/// The head has no `dateModified`: the file changes only when the list of feeds does, so its
/// ETag stays stable while articles come and go.
package struct OPMLSerializer: Sendable {
  package init() {}

  /// Folder outlines nest at most this deep.
  package static let maxFolderDepth = 8

  /// One feed in the index.
  package struct Entry: Sendable {
    package var title: String
    package var description: String
    package var homePageURL: String
    /// Path of the feed file relative to the output directory.
    package var feedPath: String
    package var format: FeedFormat
    /// How many folders hold this entry (0: at the top).
    package var level: Int
    /// When set, a folder outline of this name is opened at ``level`` and the feed (and every
    /// following entry of a deeper level) goes inside it.
    package var folder: String?

    package init(
      title: String, description: String, homePageURL: String, feedPath: String,
      format: FeedFormat = .rss, level: Int = 0, folder: String? = nil
    ) {
      self.title = title
      self.description = description
      self.homePageURL = homePageURL
      self.feedPath = feedPath
      self.format = format
      self.level = level
      self.folder = folder
    }
  }

  /// - Parameters:
  ///   - entries: in tree order (each folder's contents right after it).
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
      var open = 0
      for e in entries {
        let level = max(0, min(e.level, Self.maxFolderDepth))
        while open > level {
          try w.end()
          open -= 1
        }
        if let folder = e.folder, open < Self.maxFolderDepth {
          // Only `text`: an outline with more should say its `type` (the W3C validator).
          try w.start("outline")
          try w.attribute("text", folder)
          open += 1
        }
        try writeFeed(e, site: site, w)
      }
      while open > 0 {
        try w.end()
        open -= 1
      }
      try w.end()
      try w.end()
    }
  }

  private func writeFeed(_ e: Entry, site: SiteInfo, _ w: XMLStreamWriter) throws {
    try w.start("outline")
    if e.format != .json { try w.attribute("type", "rss") }
    try w.attribute("text", e.title)
    try w.attribute("title", e.title)
    if !e.description.isEmpty { try w.attribute("description", e.description) }
    try w.attribute("xmlUrl", site.url(ofOutput: e.feedPath))
    try w.attribute("htmlUrl", e.homePageURL)
    try w.attribute("language", site.language)
    try w.end()
  }
}
