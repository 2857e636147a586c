import LoaCore

/// A failure reading the article database.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  public enum Code: Sendable, Equatable {
    /// The database file does not exist (exit 66).
    case notFound
    /// The database cannot be opened or read: not a database, locked, server down (exit 69).
    case unavailable
    /// The schema does not match the contract or the custom query is wrong (exit 78).
    case schema
    /// Credentials or permissions are wrong: fix the configuration (exit 78).
    case configuration
  }

  public let code: Code
  /// What failed, in one line, with any secret already redacted.
  public let message: String
  /// The SQL involved, when there is one (never with bound values).
  public let sql: String?

  public init(_ code: Code, _ message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  public var description: String { message }
}

/// Reads categories and articles in the shape of the database contract (docs/database.md).
public protocol ArticleStore: AnyObject {
  /// Every category.
  func categories() throws -> [CategoryRow]

  /// Published articles of one selection, newest first by the database's ordering
  /// (`published_at DESC, id DESC`), as the database gave their bytes. `body` returns false to
  /// stop reading early, so a feed of N items reads about N rows however large the table is.
  ///
  /// `expecting` is how many rows the caller thinks it needs, so a store that reads in pages
  /// can size the first one.
  func forEachRawArticle(
    in selection: ArticleSelection, expecting: Int, _ body: (RawArticleRow) throws -> Bool
  ) throws

  /// The `published_at` text of the newest and the oldest published article in the database's
  /// own order, so a run can tell when that order cannot be trusted (Unix seconds mixed with
  /// dates as text sort apart).
  func publishedAtRange() throws -> (newest: String?, oldest: String?)

  /// How many rows the articles table (or `database.articlesQuery`) holds, by `status`
  /// value, whatever the status. Asked only when a run found nothing to publish, to say why.
  func statusCounts() throws -> StatusCounts

  /// Whether articles come from `database.articlesQuery` rather than the `articles` table.
  var usesArticlesQuery: Bool { get }

  /// Ends the read transaction and closes the connection.
  func close() throws

  /// The sites of a platform database, by id (the `sites` table or `database.sitesQuery`).
  func sites() throws -> [SiteRow]

  /// Restricts every read that follows to the categories and articles whose `site_id` is
  /// `id`. Only a store opened for a platform (`platform: true`) reads per site; before the
  /// first call it reads nothing.
  func restrict(toSite id: Int64) throws

  /// The `site_id` and `id` of the published rows of every site, newest first in the same
  /// order as each site's reads (a platform's roll-up); `body` returns false to stop.
  func forEachNewestAcrossSites(_ body: (_ site: Int64, _ article: Int64) throws -> Bool) throws

  /// A value that changes whenever the data may have changed, taken before the read snapshot;
  /// nil when the store cannot tell (then every run renders everything).
  var changeToken: String? { get }
}

extension ArticleStore {
  /// ``forEachRawArticle(in:_:)`` with each row made into Strings.
  public func forEachArticle(in selection: ArticleSelection, _ body: (ArticleRow) throws -> Bool)
    throws
  {
    try forEachRawArticle(in: selection, expecting: 64) { try body($0.materialized()) }
  }
}

/// Rows by `status` value (``ArticleStore/statusCounts()``).
public struct StatusCounts: Sendable, Equatable {
  /// Every row, whatever its status.
  public private(set) var rows = 0
  /// The most frequent values first (at most ``shown``), with their row counts; nil is NULL.
  public private(set) var values: [Value] = []
  /// How many distinct values there were.
  public private(set) var distinct = 0

  public struct Value: Sendable, Equatable {
    public var status: String?
    public var rows: Int
  }

  /// How many values a message lists.
  public static let shown = 8

  public init() {}

  /// Adds the next value (callers add the most frequent first).
  public mutating func add(_ status: String?, rows n: Int) {
    rows += n
    distinct += 1
    if values.count < Self.shown { values.append(Value(status: status, rows: n)) }
  }
}

/// Which articles to read.
public enum ArticleSelection: Sendable, Equatable {
  /// Every published article (the site feed, when there are no category feeds).
  case all
  /// Articles whose `category_id` is this category.
  case category(Int64)
  /// Articles with no category, or a category id that is not among `knownCategories`.
  case uncategorized(knownCategories: [Int64])
}
