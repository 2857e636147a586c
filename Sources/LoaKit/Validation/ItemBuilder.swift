/// Turns database rows into ``FeedItem``s: checks every rule an item must meet, repairs what
/// can be repaired and reports it, and leaves out what cannot (with the reason).
///
/// Rules (docs/validation.md):
/// - text: characters XML 1.0 forbids are removed; titles have white space collapsed;
/// - title required;
/// - `published_at` must parse; a future one is a scheduled post and is left out silently;
/// - `updated_at` that does not parse, or is earlier than `published_at`, is `published_at`;
/// - the link is `url` resolved against the site (or the permalink template when `url` is
///   empty or not http(s)), and must be absolute http(s);
/// - the lead image is resolved against the article's link; a bad one is dropped;
/// - missing content falls back to the summary as a paragraph.
public struct ItemBuilder: Sendable {
  public let site: WebAddress
  public let idPrefix: String
  public let parser: DateParser
  public let now: Int64
  public let permalink: String
  public let tree: CategoryTree

  public init(configuration c: Configuration, tree: CategoryTree, now: Int64) {
    site = c.site.url
    idPrefix = c.site.idPrefix
    parser = DateParser(zone: c.site.timeZone, extraPatterns: c.database.dateFormats)
    self.now = now
    permalink = c.links.article
    self.tree = tree
  }

  /// Result of building one row.
  public enum Outcome: Sendable {
    case item(FeedItem)
    /// Not published yet; not an error.
    case scheduled
    /// Left out; the reason was reported.
    case leftOut
  }

  /// Builds one row, adding what it repaired or why it left the row out to `report`.
  public func build(_ row: ArticleRow, report: RunReport) -> Outcome {
    let id = row.id
    func warn(_ field: String, _ action: ValidationIssue.Action, _ message: String) {
      report.add(.init(.warning, action, article: id, field: field, message))
    }
    func clean(_ field: String, _ value: String?) -> String? {
      guard let value else { return nil }
      let (text, removed) = XMLText.sanitized(value)
      if removed > 0 {
        warn(field, .repaired, "removed \(removed) character\(removed == 1 ? "" : "s") XML does not allow")
      }
      return text
    }

    // Dates first: a scheduled row is left out before anything is reported about it.
    guard let publishedText = row.publishedAt, !publishedText.isEmpty else {
      warn("published_at", .leftOut, "is empty; left out")
      return .leftOut
    }
    guard let published = parser.parse(publishedText) else {
      warn("published_at", .leftOut, "\(Self.quoted(publishedText)) is not a date; left out")
      return .leftOut
    }
    if published.utc > now { return .scheduled }
    var updated = published
    if let updatedText = row.updatedAt, !Whitespace.trimmed(Substring(updatedText)).isEmpty {
      if let u = parser.parse(updatedText) {
        if u.utc >= published.utc {
          updated = u
        } else {
          report.add(.init(.info, .repaired, article: id, field: "updated_at", "is earlier than published_at; published_at is used"))
        }
      } else {
        warn("updated_at", .repaired, "\(Self.quoted(updatedText)) is not a date; published_at is used")
      }
    }

    let title = Whitespace.collapsed(clean("title", row.title) ?? "")
    guard !title.isEmpty else {
      warn("title", .leftOut, "is empty; left out")
      return .leftOut
    }

    let category = row.categoryID.flatMap { tree[$0] }
    guard let link = self.link(row, title: title, category: category, report: report) else {
      warn("url", .leftOut, "no absolute http(s) link can be made; left out")
      return .leftOut
    }
    let linkAddress = WebAddress(link)

    var summary = clean("summary", row.summary).map(Whitespace.collapsed)
    if summary?.isEmpty == true { summary = nil }
    var content = clean("content_html", row.contentHTML)
    if let c = content, Whitespace.trimmed(Substring(c)).isEmpty { content = nil }
    if content == nil, let summary { content = HTMLText.paragraph(summary) }

    let authors = Byline.authors(clean("author", row.author) ?? "")

    var categories: [String] = []
    if let category { categories.append(category.name) }
    if let tags = clean("tags", row.tags) {
      for tag in tags.split(separator: ",") {
        let t = Whitespace.collapsed(String(tag))
        if !t.isEmpty && !categories.contains(t) { categories.append(t) }
      }
    }

    var image: FeedImage?
    if let raw = clean("image_url", row.imageURL), !Whitespace.trimmed(Substring(raw)).isEmpty {
      if let url = WebAddress.resolve(raw, against: linkAddress ?? site) {
        var caption = clean("image_caption", row.imageCaption).map(Whitespace.collapsed)
        if caption?.isEmpty == true { caption = nil }
        let s = url.description
        image = FeedImage(url: s, mimeType: FeedImage.mimeType(forURL: url.path), caption: caption)
      } else {
        warn("image_url", .repaired, "\(Self.quoted(raw)) is not an http(s) URL; image left out")
      }
    }

    return .item(
      FeedItem(
        articleID: id, categoryID: row.categoryID, guid: idPrefix + "article:\(id)", title: title,
        link: link, summary: summary, contentHTML: content, authors: authors,
        categories: categories, published: published, updated: updated, image: image))
  }

  /// The article's absolute link: its `url` resolved against the site, or the permalink
  /// template.
  func link(_ row: ArticleRow, title: String, category: CategoryTree.Node?, report: RunReport)
    -> String?
  {
    if let raw = row.url.map({ XMLText.sanitized($0).text }),
      !Whitespace.trimmed(Substring(raw)).isEmpty
    {
      if let u = WebAddress.resolve(raw, against: site) { return u.description }
      report.add(.init(.warning, .repaired, article: row.id, field: "url", "\(Self.quoted(raw)) is not an http(s) URL; the permalink template is used"))
    }
    var slug = row.slug.map { Whitespace.collapsed(XMLText.sanitized($0).text) } ?? ""
    if slug.isEmpty { slug = Slug.make(title) }
    if slug.isEmpty { slug = "bai-viet" }
    let path = Template.fill(
      permalink, ["id": String(row.id), "slug": slug, "category": category?.slug ?? ""])
    return WebAddress.resolve(Template.collapsingEmptySegments(path), against: site)?.description
  }

  /// A value quoted for a one-line message, shortened to 60 characters.
  static func quoted(_ s: String) -> String {
    let short = s.count > 60 ? String(s.prefix(57)) + "…" : s
    return "\"" + Logger.oneLine(short) + "\""
  }
}

/// `{name}` placeholders.
enum Template {
  /// Collapses `//` left by an empty placeholder (`/{category}/x` without a category) in the
  /// path of a filled template, keeping the `//` after a scheme.
  static func collapsingEmptySegments(_ s: String) -> String {
    var prefix = ""
    var rest = Substring(s)
    if let r = s.range(of: "://") {
      let afterAuthority = s[r.upperBound...].firstIndex(of: "/") ?? s.endIndex
      prefix = String(s[..<afterAuthority])
      rest = s[afterAuthority...]
    }
    var out = ""
    var previousSlash = false
    for c in rest {
      if c == "/" && previousSlash { continue }
      previousSlash = c == "/"
      out.append(c)
    }
    return prefix + out
  }

  static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        out += rest[open...]
        return out
      }
      let name = String(rest[rest.index(after: open)..<close])
      if let v = values[name] { out += v } else { out += rest[open...close] }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
