import Foundation
import LoaStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The throwaway MariaDB server that Scripts/test.sh starts (`LOA_TEST_MARIADB_URL`,
/// Scripts/mariadb-test-server.sh). Where `LOA_REQUIRE_MARIADB=1` (the README's test command,
/// CI) a missing server fails the tests instead of skipping them.
public enum MariaDBFixture {
  public static var url: String? {
    ProcessInfo.processInfo.environment["LOA_TEST_MARIADB_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }
  public static var required: Bool {
    ProcessInfo.processInfo.environment["LOA_REQUIRE_MARIADB"] == "1"
  }
  /// Whether the MariaDB tests run here.
  public static var enabled: Bool { url != nil || required }

  /// The server URL, or a recorded failure when it is required and missing.
  public static func serverURL(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    guard let url else {
      Issue.record(
        "LOA_REQUIRE_MARIADB=1 but LOA_TEST_MARIADB_URL is not set: run Scripts/test.sh",
        sourceLocation: sourceLocation)
      throw CancellationError()
    }
    return url
  }

  /// `url` with its database name replaced.
  public static func url(_ url: String, database: String) -> String {
    PostgresFixture.url(url, database: database)
  }

  /// A connection for fixtures (several statements per call allowed).
  package static func connect(_ url: String) throws -> MariaDBConnection {
    try MariaDBConnection(url: try MariaDBURL(parsing: url), multipleStatements: true)
  }

  /// A fresh, empty database on the server at `server` (the shared one by default); drop it
  /// with the returned closure.
  public static func makeDatabase(on server: String? = nil) throws
    -> (url: String, drop: @Sendable () -> Void)
  {
    let server = try server ?? serverURL()
    let name =
      "loa_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
    let admin = try connect(server)
    try admin.execute("CREATE DATABASE \(name) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    admin.close()
    return (
      url(server, database: name),
      {
        if let c = try? connect(server) {
          try? c.execute("DROP DATABASE IF EXISTS \(name)")
          c.close()
        }
      }
    )
  }

  /// Runs a SQL script (several statements) in the database at `url`.
  public static func run(_ sql: String, in url: String) throws {
    let c = try connect(url)
    defer { c.close() }
    try c.execute(sql)
  }

  /// Copies every category and article of a SQLite database of the contract into the database
  /// at `url`, with all columns as utf8mb4 text (so the same date strings are read back),
  /// through bound parameters.
  public static func copy(fromSQLite path: String, to url: String) throws {
    try run(
      """
      CREATE TABLE categories (id BIGINT PRIMARY KEY, parent_id BIGINT, slug TEXT NOT NULL,
        name TEXT NOT NULL, description TEXT) CHARACTER SET utf8mb4;
      CREATE TABLE articles (id BIGINT PRIMARY KEY, category_id BIGINT, title TEXT, slug TEXT,
        summary TEXT, content_html LONGTEXT, author TEXT, image_url TEXT, image_caption TEXT,
        url TEXT, tags TEXT, status TEXT, published_at TEXT, updated_at TEXT)
        CHARACTER SET utf8mb4;
      """, in: url)
    let db = try connect(url)
    defer { db.close() }
    let lite = try SQLiteConnection(path: path)
    defer { try? lite.close() }
    for (table, columns) in [
      ("categories", ["id", "parent_id", "slug", "name", "description"]),
      ("articles", ArticleColumnNames.all),
    ] {
      let select = try lite.prepare("SELECT \(columns.joined(separator: ", ")) FROM \(table)")
      let placeholders = columns.map { _ in "?" }.joined(separator: ", ")
      let insert = try db.prepare(
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
      while try select.step() {
        let values: [MariaDBValue] = (0..<columns.count).map { i in
          select.text(Int32(i)).map { .text($0) } ?? .null
        }
        _ = try insert.run(values)
      }
    }
  }

  /// A private server (Scripts/mariadb-test-server.sh in a temporary folder), for tests that
  /// kill or freeze it; the shared one must keep serving the other tests.
  public final class PrivateServer {
    public let url: String
    public let directory: String

    public init() throws {
      directory = "/tmp/loa-mariadb-\(getpid())-\(UUID().uuidString.prefix(8))"
      let r = try Subprocess.run(
        PackagePaths.path("Scripts/mariadb-test-server.sh"), ["start", directory],
        hangGuardSeconds: 300)
      url = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      guard r.status == 0, !url.isEmpty else {
        throw StartFailure()
      }
    }

    /// Scripts/mariadb-test-server.sh did not print a URL.
    public struct StartFailure: Error {}

    /// The server's process id.
    public var pid: Int32? {
      (try? String(contentsOfFile: directory + "/server.pid", encoding: .utf8))
        .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Stops the server (continuing it first if it was frozen) and removes its folder.
    public func stop() {
      _ = try? Subprocess.run(
        PackagePaths.path("Scripts/mariadb-test-server.sh"), ["stop", directory],
        hangGuardSeconds: 300)
    }
  }
}

/// The article columns of the database contract, in order.
public enum ArticleColumnNames {
  public static let all = [
    "id", "category_id", "title", "slug", "summary", "content_html", "author", "image_url",
    "image_caption", "url", "tags", "status", "published_at", "updated_at",
  ]
}
