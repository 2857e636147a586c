import CSQLite3

#if canImport(Glibc)
  import Glibc
#endif

/// A failure while building a corpus; one line.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}

/// Writes the corpus into a new SQLite file with the contract schema and the recommended
/// indexes (docs/database.md, Examples/bai-chay.sql). Built in a temporary sibling with
/// `journal_mode=OFF`, `synchronous=OFF`, one transaction and one prepared insert, indexes
/// created after the load, then renamed into place: an interrupted run leaves no half file.
final class SQLiteSink {
  private let path: String
  private let temporary: String
  private var db: OpaquePointer?
  private var insert: OpaquePointer?

  static let schema = """
    CREATE TABLE categories (
      id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES categories(id),
      slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT);
    CREATE TABLE articles (
      id INTEGER PRIMARY KEY, category_id INTEGER REFERENCES categories(id),
      title TEXT NOT NULL, slug TEXT, summary TEXT, content_html TEXT, author TEXT,
      image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
      status TEXT NOT NULL DEFAULT 'published', published_at TEXT NOT NULL, updated_at TEXT);
    """
  static let indexes = """
    CREATE INDEX articles_category_published ON articles(category_id, published_at);
    CREATE INDEX articles_published ON articles(published_at);
    """
  /// The platform contract (docs/multisite.md): a sites table, `site_id` on categories and
  /// articles, category slugs unique per site.
  static let platformSchema = """
    CREATE TABLE sites (
      id INTEGER PRIMARY KEY, code TEXT, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      url TEXT NOT NULL, description TEXT, language TEXT, time_zone TEXT,
      latitude REAL, longitude REAL);
    CREATE TABLE categories (
      id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL REFERENCES sites(id),
      parent_id INTEGER REFERENCES categories(id),
      slug TEXT NOT NULL, name TEXT NOT NULL, description TEXT, UNIQUE (site_id, slug));
    CREATE TABLE articles (
      id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL REFERENCES sites(id),
      category_id INTEGER REFERENCES categories(id),
      title TEXT NOT NULL, slug TEXT, summary TEXT, content_html TEXT, author TEXT,
      image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
      status TEXT NOT NULL DEFAULT 'published', published_at TEXT NOT NULL, updated_at TEXT);
    """
  static let platformIndexes = """
    CREATE INDEX articles_site_category_published ON articles(site_id, category_id, published_at);
    CREATE INDEX articles_site_published ON articles(site_id, published_at);
    """
  /// Whether this is a platform database (`site_id` columns and a sites table).
  private let platform: Bool

  init(path: String, platform: Bool = false) throws {
    self.path = path
    self.platform = platform
    temporary = path + ".tmp"
    unlink(temporary)
    guard sqlite3_open_v2(temporary, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK
    else { throw BenchError("cannot create \(temporary): \(message)") }
    try exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;")
    try exec(platform ? Self.platformSchema : Self.schema)
    try exec("BEGIN")
  }

  private var message: String { db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory" }

  private func exec(_ sql: String) throws {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
      throw BenchError("sqlite3_exec failed on \(temporary): \(message)")
    }
  }

  /// One row of the sites table (platform databases only); language and time zone NULL.
  func add(_ site: PlatformCorpus.Site) throws {
    let sql = "INSERT INTO sites VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL, NULL, ?6, ?7)"
    var stmt: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else {
      throw BenchError("sqlite3_prepare_v2 failed: \(message)")
    }
    defer { sqlite3_finalize(stmt) }
    sqlite3_bind_int64(stmt, 1, site.id)
    sqlite3_bind_text(stmt, 2, site.code, -1, csqlite_transient())
    sqlite3_bind_text(stmt, 3, site.slug, -1, csqlite_transient())
    sqlite3_bind_text(stmt, 4, site.name, -1, csqlite_transient())
    sqlite3_bind_text(stmt, 5, site.url, -1, csqlite_transient())
    sqlite3_bind_double(stmt, 6, site.latitude)
    sqlite3_bind_double(stmt, 7, site.longitude)
    guard sqlite3_step(stmt) == SQLITE_DONE else { throw BenchError("insert site: \(message)") }
  }

  /// A category; `site` is its site's id in a platform database, nil in a single-site one.
  func add(_ c: Corpus.Category, site: Int64? = nil) throws {
    let sql = platform
      ? "INSERT INTO categories (site_id, id, parent_id, slug, name, description) VALUES (?6, ?1, ?2, ?3, ?4, ?5)"
      : "INSERT INTO categories VALUES (?1, ?2, ?3, ?4, ?5)"
    var stmt: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else {
      throw BenchError("sqlite3_prepare_v2 failed: \(message)")
    }
    defer { sqlite3_finalize(stmt) }
    sqlite3_bind_int64(stmt, 1, c.id)
    if let p = c.parentID { sqlite3_bind_int64(stmt, 2, p) } else { sqlite3_bind_null(stmt, 2) }
    sqlite3_bind_text(stmt, 3, c.slug, -1, csqlite_transient())
    sqlite3_bind_text(stmt, 4, c.name, -1, csqlite_transient())
    sqlite3_bind_text(stmt, 5, c.description, -1, csqlite_transient())
    if platform { sqlite3_bind_int64(stmt, 6, site ?? 0) }
    guard sqlite3_step(stmt) == SQLITE_DONE else { throw BenchError("insert category: \(message)") }
  }

  /// An article; `site` as for categories.
  func add(_ a: Corpus.Article, site: Int64? = nil) throws {
    if insert == nil {
      let sql = platform
        ? "INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (?15, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        : "INSERT INTO articles VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
      guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &insert, nil) == SQLITE_OK
      else { throw BenchError("sqlite3_prepare_v3 failed: \(message)") }
    }
    let s = insert
    sqlite3_reset(s)
    func text(_ i: Int32, _ v: [UInt8]?) {
      guard let v else {
        sqlite3_bind_null(s, i)
        return
      }
      if v.isEmpty {
        // An empty array has no storage; SQLite would read a NULL pointer as SQL NULL.
        sqlite3_bind_text(s, i, "", 0, csqlite_transient())
        return
      }
      v.withUnsafeBufferPointer {
        let p = UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(s, i, p, Int32(v.count), csqlite_transient())
      }
    }
    sqlite3_bind_int64(s, 1, a.id)
    if let c = a.categoryID { sqlite3_bind_int64(s, 2, c) } else { sqlite3_bind_null(s, 2) }
    text(3, a.title)
    text(4, a.slug)
    text(5, a.summary)
    text(6, a.content)
    text(7, a.author)
    text(8, a.imageURL)
    text(9, a.imageCaption)
    text(10, a.url)
    text(11, a.tags)
    text(12, a.status)
    text(13, a.publishedAt)
    text(14, a.updatedAt)
    if platform { sqlite3_bind_int64(s, 15, site ?? 0) }
    guard sqlite3_step(s) == SQLITE_DONE else { throw BenchError("insert article \(a.id): \(message)") }
  }

  /// Commits, builds the indexes, and moves the file into place.
  func finish() throws {
    sqlite3_finalize(insert)
    insert = nil
    try exec("COMMIT")
    try exec(platform ? Self.platformIndexes : Self.indexes)
    try exec("ANALYZE")
    guard sqlite3_close(db) == SQLITE_OK else { throw BenchError("sqlite3_close: \(message)") }
    db = nil
    guard rename(temporary, path) == 0 else {
      throw BenchError("cannot rename \(temporary) to \(path): errno \(errno)")
    }
  }

  deinit {
    if let insert { sqlite3_finalize(insert) }
    if let db { sqlite3_close(db) }
  }
}
