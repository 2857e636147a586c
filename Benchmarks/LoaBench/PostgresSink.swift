import CLibPQ
import LoaStore

/// Bulk-loads the corpus into PostgreSQL with `COPY … FROM STDIN` (text format), into the
/// schema of Examples/bai-chay.postgres.sql: `bigint` ids, `timestamp` dates (wall-clock
/// time in the site's zone) and its two indexes, created after the load, then `ANALYZE`.
///
/// loa-bench opens its own `PGconn` (LoaKit's `PGConnection` keeps its handle internal).
final class PostgresSink {
  private let conn: OpaquePointer
  private var buffer: [UInt8] = []
  private var copying: String?

  static let schema = """
    DROP TABLE IF EXISTS articles;
    DROP TABLE IF EXISTS categories;
    CREATE TABLE categories (
      id bigint PRIMARY KEY, parent_id bigint REFERENCES categories(id),
      slug text NOT NULL UNIQUE, name text NOT NULL, description text);
    CREATE TABLE articles (
      id bigint PRIMARY KEY, category_id bigint REFERENCES categories(id),
      title text NOT NULL, slug text, summary text, content_html text, author text,
      image_url text, image_caption text, url text, tags text,
      status text NOT NULL DEFAULT 'published',
      published_at timestamp NOT NULL, updated_at timestamp);
    """
  static let indexes = """
    CREATE INDEX articles_category_published ON articles(category_id, published_at DESC, id DESC);
    CREATE INDEX articles_published ON articles(published_at DESC, id DESC);
    ANALYZE;
    """

  /// The platform contract (docs/multisite.md), as SQLiteSink.platformSchema.
  static let platformSchema = """
    DROP TABLE IF EXISTS articles;
    DROP TABLE IF EXISTS categories;
    DROP TABLE IF EXISTS sites;
    CREATE TABLE sites (
      id bigint PRIMARY KEY, code text, slug text NOT NULL UNIQUE, name text NOT NULL,
      url text NOT NULL, description text, language text, time_zone text,
      latitude double precision, longitude double precision);
    CREATE TABLE categories (
      id bigint PRIMARY KEY, site_id bigint NOT NULL REFERENCES sites(id),
      parent_id bigint REFERENCES categories(id),
      slug text NOT NULL, name text NOT NULL, description text, UNIQUE (site_id, slug));
    CREATE TABLE articles (
      id bigint PRIMARY KEY, site_id bigint NOT NULL REFERENCES sites(id),
      category_id bigint REFERENCES categories(id),
      title text NOT NULL, slug text, summary text, content_html text, author text,
      image_url text, image_caption text, url text, tags text,
      status text NOT NULL DEFAULT 'published',
      published_at timestamp NOT NULL, updated_at timestamp);
    """
  static let platformIndexes = """
    CREATE INDEX articles_site_category_published ON articles(site_id, category_id, published_at DESC, id DESC);
    CREATE INDEX articles_site_published ON articles(site_id, published_at DESC, id DESC);
    ANALYZE;
    """
  private let platform: Bool
  /// libpq, loaded with dlopen like loa's own connections.
  private let pq: LibPQ

  /// Wraps `PQconnectdb`; `PQfinish` even after a failed connect.
  init(url: String, platform: Bool = false) throws {
    self.platform = platform
    let pq = try LibPQ.load()
    self.pq = pq
    guard let c = pq.PQconnectdb(url) else { throw BenchError("PQconnectdb: out of memory") }
    guard pq.PQstatus(c) == CONNECTION_OK else {
      let m = pq.PQerrorMessage(c).map { String(cString: $0) } ?? ""
      pq.PQfinish(c)
      throw BenchError("cannot connect to PostgreSQL: \(m)")
    }
    conn = c
    _ = pq.PQsetNoticeProcessor(c, { _, _ in }, nil)
    try exec(platform ? Self.platformSchema : Self.schema)
  }

  deinit { pq.PQfinish(conn) }

  private var message: String {
    var m = pq.PQerrorMessage(conn).map { String(cString: $0) } ?? ""
    while m.last == "\n" { m.removeLast() }
    return m
  }

  /// Wraps `PQexec`; several statements may be given at once.
  private func exec(_ sql: String) throws {
    let r = pq.PQexec(conn, sql)
    defer { pq.PQclear(r) }
    let status = pq.PQresultStatus(r)
    guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
      throw BenchError("PostgreSQL: \(message)")
    }
  }

  private func beginCopy(_ table: String, _ columns: String) throws {
    if copying == table { return }
    try endCopy()
    let r = pq.PQexec(conn, "COPY \(table) (\(columns)) FROM STDIN")
    defer { pq.PQclear(r) }
    guard pq.PQresultStatus(r) == PGRES_COPY_IN else { throw BenchError("COPY \(table): \(message)") }
    copying = table
  }

  /// Sends what is buffered: "PQputCopyData: Sends data to the server during COPY_IN state.
  /// … Returns 1 if successful, 0 if … not sent because the attempt would block (only possible
  /// if the connection is in nonblocking mode), or -1 if an error occurred."
  private func flush() throws {
    guard !buffer.isEmpty else { return }
    let r = buffer.withUnsafeBufferPointer {
      $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) {
        pq.PQputCopyData(conn, $0, Int32(buffer.count))
      }
    }
    guard r == 1 else { throw BenchError("PQputCopyData: \(message)") }
    buffer.removeAll(keepingCapacity: true)
  }

  private func endCopy() throws {
    guard copying != nil else { return }
    try flush()
    guard pq.PQputCopyEnd(conn, nil) == 1 else { throw BenchError("PQputCopyEnd: \(message)") }
    // "After successfully calling PQputCopyEnd, call PQgetResult to obtain the final result
    // status of the COPY command."
    while let r = pq.PQgetResult(conn) {
      defer { pq.PQclear(r) }
      guard pq.PQresultStatus(r) == PGRES_COMMAND_OK else { throw BenchError("COPY: \(message)") }
    }
    copying = nil
  }

  /// One field in COPY's text format: `\N` for NULL; backslash, tab, newline and carriage
  /// return escaped.
  private func field(_ v: [UInt8]?, last: Bool = false) {
    if let v {
      for b in v {
        switch b {
        case 0x5C: buffer += [0x5C, 0x5C]
        case 0x09: buffer += [0x5C, 0x74]
        case 0x0A: buffer += [0x5C, 0x6E]
        case 0x0D: buffer += [0x5C, 0x72]
        default: buffer.append(b)
        }
      }
    } else {
      buffer += [0x5C, 0x4E]
    }
    buffer.append(last ? 0x0A : 0x09)
  }

  /// One row of the sites table (platform databases only).
  func add(_ site: PlatformCorpus.Site) throws {
    try beginCopy("sites", "id, code, slug, name, url, latitude, longitude")
    field(Array(String(site.id).utf8))
    field(Array(site.code.utf8))
    field(Array(site.slug.utf8))
    field(Array(site.name.utf8))
    field(Array(site.url.utf8))
    field(Array(String(site.latitude).utf8))
    field(Array(String(site.longitude).utf8), last: true)
  }

  /// A category; `site` is its site's id in a platform database, nil in a single-site one.
  func add(_ c: Corpus.Category, site: Int64? = nil) throws {
    try beginCopy("categories", platform ? "site_id, id, parent_id, slug, name, description" : "id, parent_id, slug, name, description")
    if platform { field(Array(String(site ?? 0).utf8)) }
    field(Array(String(c.id).utf8))
    field(c.parentID.map { Array(String($0).utf8) })
    field(Array(c.slug.utf8))
    field(Array(c.name.utf8))
    field(Array(c.description.utf8), last: true)
  }

  /// An article; `site` as for categories.
  func add(_ a: Corpus.Article, site: Int64? = nil) throws {
    try beginCopy(
      "articles",
      (platform ? "site_id, " : "")
        + "id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at"
    )
    if platform { field(Array(String(site ?? 0).utf8)) }
    field(Array(String(a.id).utf8))
    field(a.categoryID.map { Array(String($0).utf8) })
    field(a.title)
    field(a.slug)
    field(a.summary)
    field(a.content)
    field(a.author)
    field(a.imageURL)
    field(a.imageCaption)
    field(a.url)
    field(a.tags)
    field(a.status)
    field(a.publishedAt)
    field(a.updatedAt, last: true)
    if buffer.count > 1 << 20 { try flush() }
  }

  func finish() throws {
    try endCopy()
    try exec(platform ? Self.platformIndexes : Self.indexes)
  }
}
