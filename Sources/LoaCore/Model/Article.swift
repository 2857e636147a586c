/// One row of the article database as the store returns it: raw text, before any cleaning.
/// Field names follow the database contract (docs/database.md).
public struct ArticleRow: Sendable, Equatable {
  public var id: Int64
  public var categoryID: Int64?
  public var title: String?
  public var slug: String?
  public var summary: String?
  public var contentHTML: String?
  public var author: String?
  public var imageURL: String?
  public var imageCaption: String?
  public var url: String?
  public var tags: String?
  public var status: String?
  public var publishedAt: String?
  public var updatedAt: String?
  /// Columns whose bytes were not valid UTF-8 and were repaired with U+FFFD when read.
  public var invalidUTF8Fields: [String] = []
  /// The row's `id` is NULL or not an integer (a custom query can return anything); such a
  /// row is left out, since ids make guids and tell articles apart.
  public var idIsMissing = false
  /// The `id` as the database gave it when it is not an integer, as SQL writes it (`NULL`,
  /// `'abc'`, `2.5`), so a report names the row as it is rather than as `item 0`.
  public var idLiteral: String?
  /// The categories linked to the article besides `category_id` (`article_categories` or
  /// `database.articleCategoriesQuery`), as the database gave them: any order, unknown ids
  /// included; empty when there are no links.
  public var linkedCategoryIDs: [Int64] = []

  public init(
    id: Int64, categoryID: Int64? = nil, title: String? = nil, slug: String? = nil,
    summary: String? = nil, contentHTML: String? = nil, author: String? = nil,
    imageURL: String? = nil, imageCaption: String? = nil, url: String? = nil,
    tags: String? = nil, status: String? = "published", publishedAt: String? = nil,
    updatedAt: String? = nil
  ) {
    self.id = id
    self.categoryID = categoryID
    self.title = title
    self.slug = slug
    self.summary = summary
    self.contentHTML = contentHTML
    self.author = author
    self.imageURL = imageURL
    self.imageCaption = imageCaption
    self.url = url
    self.tags = tags
    self.status = status
    self.publishedAt = publishedAt
    self.updatedAt = updatedAt
  }
}

/// One row of the categories table.
public struct CategoryRow: Sendable, Equatable {
  public var id: Int64
  public var parentID: Int64?
  public var slug: String
  public var name: String
  public var description: String?

  public init(id: Int64, parentID: Int64? = nil, slug: String, name: String, description: String? = nil) {
    self.id = id
    self.parentID = parentID
    self.slug = slug
    self.name = name
    self.description = description
  }
}

/// One article row as the database gave its bytes, before any `String` is made.
///
/// Making a `String` validates its UTF-8, and for a Vietnamese article that cost more than
/// everything else an unchanged row needs (docs/PERFORMANCE.md). The cleaning cache's key is
/// computed from these bytes, so a row whose cached item is still good never becomes Strings at
/// all; the others are ``materialized()`` (on the threads that build items).
public struct RawArticleRow: Sendable {
  public var id: Int64
  /// The `id` is NULL or not an integer.
  public var idIsMissing = false
  /// The `id` as SQL writes it, when it is not an integer (``ArticleRow/idLiteral``).
  public var idLiteral: String?
  public var categoryID: Int64?
  /// The categories linked to the article besides `category_id` (``ArticleRow/linkedCategoryIDs``).
  public var linkedCategoryIDs: [Int64] = []
  /// Every text column after `category_id` (title … updated_at, ``textColumns``), end to end.
  var bytes: [UInt8] = []
  /// Where each text column is in `bytes`; nil for SQL NULL.
  var ranges: [Range<Int>?] = []

  /// The text columns, in order.
  static let textColumns = Array(ArticleColumns.names[2...])

  public init(id: Int64, categoryID: Int64?) {
    self.id = id
    self.categoryID = categoryID
    bytes.reserveCapacity(4096)
    ranges.reserveCapacity(Self.textColumns.count)
  }

  /// Appends the next text column (nil for NULL).
  public mutating func append(_ column: UnsafeBufferPointer<UInt8>?) {
    guard let column else { return ranges.append(nil) }
    let start = bytes.count
    bytes.append(contentsOf: column)
    ranges.append(start..<bytes.count)
  }

  /// The same row from Strings (tests, fuzzing, rows that did not come from a store).
  public init(_ row: ArticleRow) {
    self.init(id: row.id, categoryID: row.categoryID)
    idIsMissing = row.idIsMissing
    idLiteral = row.idLiteral
    linkedCategoryIDs = row.linkedCategoryIDs
    for value in [
      row.title, row.slug, row.summary, row.contentHTML, row.author, row.imageURL,
      row.imageCaption, row.url, row.tags, row.status, row.publishedAt, row.updatedAt,
    ] {
      if var value {
        value.withUTF8 { append($0) }
      } else {
        append(nil)
      }
    }
  }

  /// Column `k` of ``textColumns`` as text, and whether invalid UTF-8 had to be replaced.
  package func text(_ k: Int) -> (text: String?, repaired: Bool) {
    guard k < ranges.count, let r = ranges[k] else { return (nil, false) }
    return bytes.withUnsafeBufferPointer { b in
      let column = UnsafeBufferPointer(rebasing: b[r])
      if let valid = String(validatingUTF8Bytes: column) { return (valid, false) }
      return (String(decoding: column, as: UTF8.self), true)
    }
  }

  /// `published_at` as text.
  package var publishedAt: String? { text(10).text }

  /// How a report names a row whose id is not an integer: `row with id NULL`,
  /// `row with id 'abc'`, `row with id 2.5`.
  public var rowName: String { "row with id " + (idLiteral ?? "NULL") }

  /// `id` as SQL writes a value that is not an integer: text in single quotes (quotes
  /// doubled, cut to 40 characters, on one line), a number as it is.
  public static func idLiteral(text: String?, isNumber: Bool) -> String {
    guard let text else { return "NULL" }
    if isNumber { return Logger.oneLine(text) }
    let short = text.count > 40 ? String(text.prefix(39)) + "…" : text
    let escaped = Logger.oneLine(short).split(separator: "'", omittingEmptySubsequences: false)
      .joined(separator: "''")
    return "'" + escaped + "'"
  }

  /// `updated_at` as text.
  package var updatedAt: String? { text(11).text }

  /// The row as Strings; invalid UTF-8 is repaired with U+FFFD and its columns named.
  public func materialized() -> ArticleRow {
    var repaired: [String] = []
    func t(_ k: Int) -> String? {
      let (value, bad) = text(k)
      if bad { repaired.append(Self.textColumns[k]) }
      return value
    }
    var row = ArticleRow(
      id: id, categoryID: categoryID, title: t(0), slug: t(1), summary: t(2), contentHTML: t(3),
      author: t(4), imageURL: t(5), imageCaption: t(6), url: t(7), tags: t(8), status: t(9),
      publishedAt: t(10), updatedAt: t(11))
    row.invalidUTF8Fields = repaired
    row.idIsMissing = idIsMissing
    row.idLiteral = idLiteral
    row.linkedCategoryIDs = linkedCategoryIDs
    return row
  }

  /// Feeds every column into `hash`.
  package func hash(into h: inout WordHash) {
    h.add(id)
    h.add(idIsMissing ? 1 : 0)
    h.add(categoryID ?? Int64.min)
    // Only when there are links, so every other row keeps the key it had before links existed.
    if !linkedCategoryIDs.isEmpty {
      h.add("linked categories")
      for id in linkedCategoryIDs { h.add(id) }
    }
    bytes.withUnsafeBufferPointer { b in
      for r in ranges {
        if let r { h.add(UnsafeBufferPointer(rebasing: b[r])) } else { h.add(nil as String?) }
      }
    }
  }
}

/// The columns every article query returns, in this order.
package enum ArticleColumns {
  package static let names = [
    "id", "category_id", "title", "slug", "summary", "content_html", "author", "image_url",
    "image_caption", "url", "tags", "status", "published_at", "updated_at",
  ]
  package static let list = names.joined(separator: ", ")
}
