/// The configuration keys the operator's own queries came from, so that a store's messages
/// name the key the operator wrote: `database.articlesQuery`, or
/// `database.articlesQueryFile (/etc/loa/articles.sql)` for a query read from a file.
public struct QueryKeys: Sendable, Equatable {
  public var articles = "database.articlesQuery"
  public var categories = "database.categoriesQuery"
  public var articleCategories = "database.articleCategoriesQuery"
  public var sites = "database.sitesQuery"

  public init() {}
}

/// The optional link table of the contract (docs/database.md): `article_categories(article_id,
/// category_id)`, or `database.articleCategoriesQuery` returning those columns. An article
/// belongs to its `category_id` and to every category linked to it.
package enum ArticleCategoryLinks {
  /// The table used when it exists and no query is configured.
  package static let table = "article_categories"

  /// The name of the extra column an article query returns when there are links: the
  /// article's linked category ids, separated by commas (any order, maybe repeated).
  package static let column = "loa_linked_categories"

  /// The ids of a ``column`` value (`5,3,5`), sorted, each once (`[3, 5]`), so the same links
  /// give the same row whatever order the database aggregated them in. What is not an integer
  /// is skipped: no category has such an id.
  package static func ids(_ text: String?) -> [Int64] {
    guard let text else { return [] }
    var out: [Int64] = []
    for part in text.split(separator: ",") {
      if let id = Int64(part.trimmingPrefixAndSuffixSpaces()) { out.append(id) }
    }
    out.sort()
    var unique: [Int64] = []
    for id in out where unique.last != id { unique.append(id) }
    return unique
  }
}

extension Substring {
  fileprivate func trimmingPrefixAndSuffixSpaces() -> Substring {
    var s = self
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return s
  }
}
