/// One row of the optional `sites` table of a platform database (docs/multisite.md): one ward
/// or commune portal of a province platform, whose categories and articles carry its id in
/// `site_id`.
public struct SiteRow: Sendable, Equatable {
  public var id: Int64
  /// The official administrative unit code (mã đơn vị hành chính), kept in the site's feeds so
  /// consumers can join on it; nil when the row has none.
  public var code: String?
  public var slug: String
  public var name: String
  public var url: String
  public var description: String?
  public var language: String?
  public var timeZone: String?
  public var latitude: Double?
  public var longitude: Double?

  public init(
    id: Int64, code: String? = nil, slug: String, name: String, url: String,
    description: String? = nil, language: String? = nil, timeZone: String? = nil,
    latitude: Double? = nil, longitude: Double? = nil
  ) {
    self.id = id
    self.code = code
    self.slug = slug
    self.name = name
    self.url = url
    self.description = description
    self.language = language
    self.timeZone = timeZone
    self.latitude = latitude
    self.longitude = longitude
  }
}

/// How a store restricts its reads to one site of a platform database.
///
/// The site id is never written into SQL: each dialect reads it from a value bound or set per
/// site (SQLite's parameter `?100`, PostgreSQL's `loa.site_id` setting, MariaDB's
/// `@loa_site_id`), so the statements are prepared once and reused for every site. The
/// operator's own queries are wrapped the same way and must return `site_id`.
package enum SiteScope {
  /// The columns the sites table or `database.sitesQuery` returns, in this order.
  package static let columns =
    "id, code, slug, name, url, description, language, time_zone, latitude, longitude"

  /// The table read when no `database.sitesQuery` is configured.
  package static let table = "sites"

  /// `source` (a table name, or a query in parentheses with its alias) restricted to the site
  /// `marker` names, as a derived table called `alias`.
  package static func restricted(_ source: String, to marker: String, alias: String) -> String {
    "(SELECT * FROM \(source) WHERE site_id = \(marker)) AS \(alias)"
  }

  /// A platform store's sources: the articles of the site `marker` names (as `loa_articles`),
  /// the articles of every site (the roll-up's scan), and the SELECT of the site's
  /// categories; the operator's queries, when given, in place of the tables.
  package static func sources(
    articlesQuery: String?, categoriesQuery: String?, marker: String
  ) -> (articles: String, everySite: String, categoriesSQL: String) {
    let everySite =
      articlesQuery.map { "(" + SQLiteArticleStore.trimmedQuery($0) + ") AS loa_query" } ?? "articles"
    let categories =
      categoriesQuery.map { "(" + SQLiteArticleStore.trimmedQuery($0) + ") AS loa_query" }
      ?? "categories"
    return (
      restricted(everySite, to: marker, alias: "loa_articles"), everySite,
      "SELECT id, parent_id, slug, name, description FROM "
        + restricted(categories, to: marker, alias: "loa_categories") + " ORDER BY id"
    )
  }

  /// The SELECT of the sites, ordered by id.
  package static func sitesSQL(_ query: String?) -> String {
    let source = query.map { "(" + $0 + ") AS loa_sites" } ?? table
    return "SELECT \(columns) FROM \(source) ORDER BY id"
  }
}
