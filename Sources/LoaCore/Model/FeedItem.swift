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
  /// The HTML, as UTF-8 bytes followed by a NUL, ready for libxml2 and the JSON writer.
  ///
  /// Bytes rather than a `String`: the cleaning cache hands back thousands of bodies per run,
  /// and making each a `String` would validate its UTF-8 again (it was valid when loa wrote
  /// it, and the cache entry's checksum says it still is).
  public var content: HTMLBytes?

  /// The HTML as text (tests, fuzzing; the serializers use ``content``).
  public var contentHTML: String? {
    get { content.map { String(decoding: $0.utf8, as: UTF8.self) } }
    set { content = newValue.map(HTMLBytes.init) }
  }
  public var authors: [String]
  /// The byline as one line, the names in reading order with the editor's separators
  /// ("Trần Thanh – Lương Huấn"): RSS `dc:creator`, which readers show as one author.
  public var byline: String
  /// Category name first (when the article has one), then its tags.
  public var categories: [String]
  public var published: Timestamp
  /// Never earlier than `published`.
  public var updated: Timestamp
  public var image: FeedImage?
  /// The site the item comes from, in a platform's roll-up feed (RSS `source`, Atom
  /// `source`, JSON Feed `_loa`); nil in a site's own feeds.
  public var source: ItemSource?

  public init(
    articleID: Int64, categoryID: Int64?, guid: String, title: String, link: String,
    summary: String?, contentHTML: String?, authors: [String], categories: [String],
    published: Timestamp, updated: Timestamp, image: FeedImage?, byline: String? = nil
  ) {
    self.articleID = articleID
    self.categoryID = categoryID
    self.guid = guid
    self.title = title
    self.link = link
    self.summary = summary
    self.content = contentHTML.map(HTMLBytes.init)
    self.authors = authors
    self.byline = byline ?? authors.joined(separator: ", ")
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

/// The site of a platform an item of the roll-up feed comes from (docs/multisite.md).
public struct ItemSource: Sendable, Equatable {
  /// The site's title.
  public var title: String
  public var slug: String
  /// The administrative unit code (`sites.code`), if any.
  public var code: String?
  public var homePageURL: String
  /// The site's site feed: its Atom `id`, and the public URL of its output folder.
  public var feedID: String
  public var feedBaseURL: String
  /// Atom `source/updated`: the newest `updated` of the site's items in the roll-up.
  public var updated: Timestamp?

  public init(
    title: String, slug: String, code: String?, homePageURL: String, feedID: String,
    feedBaseURL: String
  ) {
    self.title = title
    self.slug = slug
    self.code = code
    self.homePageURL = homePageURL
    self.feedID = feedID
    self.feedBaseURL = feedBaseURL
  }

  public func feedURL(_ format: FeedFormat) -> String { feedBaseURL + format.fileName }
}

/// UTF-8 text kept as bytes with a trailing NUL (not part of ``utf8``).
public struct HTMLBytes: Sendable, Equatable {
  /// The bytes and the NUL.
  let storage: [UInt8]

  public init(_ text: String) {
    var s = Array(text.utf8)
    s.append(0)
    storage = s
  }

  /// `bytes` must be valid UTF-8 (without a NUL at the end; one is added).
  package init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    var s = [UInt8]()
    s.reserveCapacity(bytes.count + 1)
    s.append(contentsOf: bytes)
    s.append(0)
    storage = s
  }

  /// The text's bytes, without the NUL.
  public var utf8: ArraySlice<UInt8> { storage[0..<(storage.count - 1)] }

  public var count: Int { storage.count - 1 }

  /// Calls `body` with the NUL-terminated bytes.
  package func withCString<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { preconditionFailure("HTMLBytes always holds its NUL") }
      return try body(base)
    }
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
    // Over the bytes when they are ASCII (a resolved URL's path is percent-encoded): the same
    // answer as the Character-wise search below, without grapheme breaking.
    var copy = url
    if let ascii = copy.withUTF8({ Self.asciiExtension($0) }) {
      return ascii.isEmpty ? nil : mimeType(extension: ascii)
    }
    var path = Substring(url)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    return mimeType(extension: path[path.index(after: dot)...].lowercased())
  }

  /// The lower-cased extension of an ASCII URL's path ("" when it has none); nil when the URL
  /// is not all ASCII.
  static func asciiExtension(_ b: UnsafeBufferPointer<UInt8>) -> String? {
    var end = b.count
    for i in 0..<b.count {
      let c = b[i]
      if c >= 0x80 { return nil }
      if (c == UInt8(ascii: "?") || c == UInt8(ascii: "#")) && end == b.count { end = i }
    }
    var dot = end
    while dot > 0 {
      dot -= 1
      let c = b[dot]
      if c == UInt8(ascii: "/") { return "" }
      if c == UInt8(ascii: ".") {
        var ext = [UInt8](UnsafeBufferPointer(rebasing: b[(dot + 1)..<end]))
        for k in ext.indices where ext[k] >= 65 && ext[k] <= 90 { ext[k] += 32 }
        return String(decoding: ext, as: UTF8.self)
      }
    }
    return ""
  }

  /// The image type of a lower-case file extension.
  package static func mimeType(extension ext: String) -> String? {
    switch ext {
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
