import FoundationEssentials
import LoaCore

/// How a WordPress database maps onto loa's article contract (docs/database.md, "WordPress"):
/// the tables that make one, the three queries for a table prefix, and the permalink template.
/// `Examples/wordpress/*.sql` hold the same queries for the prefix `wp_` (a test checks it).
package enum WordPressMapping {
  /// The tables every WordPress site has (after the prefix), of those the queries read.
  /// `users` may carry the network's prefix instead (a multisite's second site, `wp_2_`,
  /// shares `wp_users`).
  package static let siteTables = [
    "posts", "postmeta", "terms", "term_taxonomy", "term_relationships", "options",
  ]

  /// How a SELECT concatenates the tag names of a post.
  package enum Dialect: Sendable {
    /// `group_concat(x)`: SQLite, MariaDB and MySQL (all separate with a comma).
    case groupConcat
    /// `string_agg(x, ',')`: PostgreSQL.
    case stringAgg

    func concatenated(_ expression: String) -> String {
      switch self {
      case .groupConcat: return "group_concat(\(expression))"
      case .stringAgg: return "string_agg(\(expression), ',')"
      }
    }
  }

  /// The WordPress table prefixes in `tables` (`wp_`, `wp2_`, `wp_2_`), shortest first, each
  /// with the prefix of its users table. Only prefixes WordPress accepts (letters, digits,
  /// `_`) are taken, so a prefix is safe to write into SQL.
  package static func prefixes(in tables: [String]) -> [(site: String, users: String)] {
    let names = Set(tables)
    var found: [(site: String, users: String)] = []
    for table in tables.sorted() where table.hasSuffix("posts") {
      let prefix = String(table.dropLast("posts".count))
      guard isSafePrefix(prefix), siteTables.allSatisfy({ names.contains(prefix + $0) }) else {
        continue
      }
      // Its own users table, else the longest shorter prefix that has one (the network's).
      let usersPrefix =
        names.contains(prefix + "users")
        ? prefix
        : (0..<prefix.count).reversed().map { String(prefix.prefix($0)) }
          .first { names.contains($0 + "users") }
      guard let usersPrefix else { continue }
      found.append((prefix, usersPrefix))
    }
    return found.sorted { ($0.site.count, $0.site) < ($1.site.count, $1.site) }
  }

  /// Whether `prefix` is one WordPress would accept for `$table_prefix`: letters, digits and
  /// underscores (wp-includes/load.php, `wp_set_wpdb_vars`).
  package static func isSafePrefix(_ prefix: String) -> Bool {
    prefix.utf8.allSatisfy { b in
      WebAddress.isAlpha(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "_")
    }
  }

  /// The articles query, as lines.
  package static func articlesQuery(prefix p: String, users u: String, dialect: Dialect)
    -> [String]
  {
    [
      "SELECT",
      "  p.ID AS id,",
      "  (SELECT MIN(tt.term_id)",
      "     FROM \(p)term_relationships tr",
      "     JOIN \(p)term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id",
      "    WHERE tr.object_id = p.ID AND tt.taxonomy = 'category') AS category_id,",
      "  p.post_title AS title,",
      "  p.post_name AS slug,",
      "  p.post_excerpt AS summary,",
      "  p.post_content AS content_html,",
      "  u.display_name AS author,",
      "  (SELECT a.guid FROM \(p)postmeta m JOIN \(p)posts a ON a.ID = CAST(m.meta_value AS INTEGER)",
      "    WHERE m.post_id = p.ID AND m.meta_key = '_thumbnail_id' AND a.post_type = 'attachment')",
      "    AS image_url,",
      "  (SELECT a.post_excerpt FROM \(p)postmeta m JOIN \(p)posts a ON a.ID = CAST(m.meta_value AS INTEGER)",
      "    WHERE m.post_id = p.ID AND m.meta_key = '_thumbnail_id' AND a.post_type = 'attachment')",
      "    AS image_caption,",
      "  NULL AS url,",
      "  (SELECT \(dialect.concatenated("t.name"))",
      "     FROM \(p)term_relationships tr",
      "     JOIN \(p)term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id",
      "     JOIN \(p)terms t ON t.term_id = tt.term_id",
      "    WHERE tr.object_id = p.ID AND tt.taxonomy = 'post_tag') AS tags,",
      "  p.post_status AS status,",
      "  p.post_date AS published_at,",
      "  p.post_modified AS updated_at",
      "FROM \(p)posts p",
      "LEFT JOIN \(u)users u ON u.ID = p.post_author",
      "WHERE p.post_type = 'post' AND p.post_password = ''",
    ]
  }

  /// The categories query, as lines.
  package static func categoriesQuery(prefix p: String) -> [String] {
    [
      "SELECT",
      "  t.term_id AS id,",
      "  NULLIF(tt.parent, 0) AS parent_id,",
      "  t.slug AS slug,",
      "  t.name AS name,",
      "  tt.description AS description",
      "FROM \(p)terms t",
      "JOIN \(p)term_taxonomy tt ON tt.term_id = t.term_id",
      "WHERE tt.taxonomy = 'category'",
    ]
  }

  /// The query linking every post to each of its categories, as lines.
  package static func articleCategoriesQuery(prefix p: String) -> [String] {
    [
      "SELECT",
      "  tr.object_id AS article_id,",
      "  tt.term_id AS category_id",
      "FROM \(p)term_relationships tr",
      "JOIN \(p)term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id",
      "WHERE tt.taxonomy = 'category'",
    ]
  }

  /// `links.article` for WordPress's `permalink_structure` option, under the path of its
  /// `home` URL (`/blog` for a site in a folder, else empty).
  ///
  /// `%postname%` is `{slug}` and `%post_id%` is `{id}`. Plain permalinks (an empty structure)
  /// are `/?p={id}`. Any other tag (`%year%`, `%category%`: WordPress writes the whole parent
  /// path, loa knows one category slug) cannot be filled: the result is then `/?p={id}`,
  /// which WordPress redirects to the permalink, and `unsupported` names the tag.
  package static func articleTemplate(permalinkStructure structure: String, homePath: String)
    -> (template: String, unsupported: String?)
  {
    let fallback = homePath + "/?p={id}"
    let trimmed = Whitespace.trimmed(Substring(structure))
    guard !trimmed.isEmpty else { return (fallback, nil) }
    var template = trimmed.replacingAll("%postname%", with: "{slug}")
      .replacingAll("%post_id%", with: "{id}")
    if let start = template.firstIndex(of: "%") {
      let rest = template[template.index(after: start)...]
      let tag = rest.firstIndex(of: "%").map { "%" + rest[..<$0] + "%" } ?? "%"
      return (fallback, tag)
    }
    guard template.contains("{id}") || template.contains("{slug}"),
      !template.contains("{{"), !template.contains("}}"),
      template.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 })
    else { return (fallback, String(trimmed)) }
    if !template.hasPrefix("/") { template = "/" + template }
    return (homePath + template, nil)
  }

  /// `links.category` for WordPress's `category_base` option (empty: `category`).
  package static func categoryTemplate(categoryBase: String, homePath: String) -> String {
    let base = String(Whitespace.trimmed(Substring(categoryBase)))
      .split(separator: "/").joined(separator: "/")
    let safe =
      !base.isEmpty
      && base.utf8.allSatisfy { b in
        WebAddress.isAlpha(b) || (b >= 48 && b <= 57) || "-_./".utf8.contains(b)
      }
    return homePath + "/" + (safe ? base : "category") + "/{slug}/"
  }
}
