/// A cleaned, validated article, ready for every format. RSS, Atom and JSON Feed are all
/// written from the same `FeedItem`, so an article has the same id, link and dates in each.
/// Every string is free of characters XML forbids.
public struct FeedItem: Sendable, Equatable {
  public var articleID: Int64
  public var categoryID: Int64?
  /// Stable identifier: RSS `guid`, Atom `id`, JSON Feed `id`. Derived from the site and the
  /// article id, never from the URL, so it survives a URL change.
  public var guid: String
  public var title: String
  /// Absolute http(s) URL of the article page.
  public var link: String
  /// Plain text.
  public var summary: String?
  /// HTML.
  public var contentHTML: String?
  public var authors: [String]
  /// Category name first (when the article has one), then its tags.
  public var categories: [String]
  public var published: Timestamp
  /// Never earlier than `published`.
  public var updated: Timestamp
  public var image: FeedImage?

  public init(
    articleID: Int64, categoryID: Int64?, guid: String, title: String, link: String,
    summary: String?, contentHTML: String?, authors: [String], categories: [String],
    published: Timestamp, updated: Timestamp, image: FeedImage?
  ) {
    self.articleID = articleID
    self.categoryID = categoryID
    self.guid = guid
    self.title = title
    self.link = link
    self.summary = summary
    self.contentHTML = contentHTML
    self.authors = authors
    self.categories = categories
    self.published = published
    self.updated = updated
    self.image = image
  }

  /// Feed order: newest `published` first, then higher id first.
  public static func isNewer(_ a: FeedItem, _ b: FeedItem) -> Bool {
    if a.published.utc != b.published.utc { return a.published.utc > b.published.utc }
    return a.articleID > b.articleID
  }
}

/// An article's lead image.
public struct FeedImage: Sendable, Equatable {
  /// Absolute http(s) URL.
  public var url: String
  /// `image/jpeg` and so on, from the file extension; nil when unknown.
  public var mimeType: String?
  /// Plain text caption (Media RSS `media:description`).
  public var caption: String?

  public init(url: String, mimeType: String?, caption: String?) {
    self.url = url
    self.mimeType = mimeType
    self.caption = caption
  }

  /// The MIME type for an image URL's file extension (query and fragment ignored).
  public static func mimeType(forURL url: String) -> String? {
    var path = Substring(url)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "jpg", "jpeg", "jpe", "jfif": return "image/jpeg"
    case "png": return "image/png"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "avif": return "image/avif"
    case "svg": return "image/svg+xml"
    case "bmp": return "image/bmp"
    default: return nil
    }
  }
}
