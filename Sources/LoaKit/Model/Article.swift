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
