import LoaStore
import LoaTestSupport

/// The rows of the servers' uncategorized-read tests (`PostgresStoreTests`,
/// `MariaDBStoreTests`): two categories, three articles without one (one a draft).
enum NullCategoryFixture {
  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES (1, NULL, 'a', 'A', NULL), (2, NULL, 'b', 'B', NULL);
    INSERT INTO articles (id, category_id, title, status, published_at) VALUES
      (1, 1, 'Một', 'published', '2026-11-01 08:00:00'),
      (2, 2, 'Hai', 'published', '2026-11-02 08:00:00'),
      (3, NULL, 'Ba', 'published', '2026-11-03 08:00:00'),
      (4, NULL, 'Bốn', 'draft', '2026-11-04 08:00:00'),
      (5, NULL, 'Năm', 'published', '2026-10-05 08:00:00');
    """

  /// The ids `store` reads as uncategorized when `known` are the known categories.
  static func uncategorized(_ store: ArticleStore, _ known: [Int64]) throws -> [Int64] {
    var ids: [Int64] = []
    try store.forEachArticle(in: .uncategorized(knownCategories: known)) {
      ids.append($0.id)
      return true
    }
    return ids
  }
}
