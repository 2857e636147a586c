import Foundation
import LoaKit
import LoaTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Database problems as cron sees them, through the real binary: a runaway custom query on
/// SQLite, a custom query of several statements, and connection strings libpq refuses (no
/// PostgreSQL server needed for any of these).
@Suite(.serialized) struct DatabaseFailureTests {
  let dir = try! TemporaryDirectory("loa-db")

  /// Runs `loa publish` with a config whose `database` object holds `database`, killing it
  /// after `hangGuard` seconds (a hang guard only: it then fails with a signal, not 69).
  func publish(
    database: String, extraArguments: [String] = [], hangGuard: Double = 120
  ) throws -> Outcome {
    try """
    {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
     "database": {\(database)},
     "output": {"directory": "out", "baseURL": "/f/"}}
    """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "PGPASSWORD")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(LoaBinary.path))
    p.arguments = ["publish", "--config", dir.path("c.json")] + extraArguments
    p.environment = env
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let pid = p.processIdentifier
    let guardItem = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + hangGuard, execute: guardItem)
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guardItem.cancel()
    return Outcome(
      status: p.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self),
      killed: p.terminationReason == .uncaughtSignal)
  }

  /// How a run ended.
  struct Outcome {
    let status: Int32
    let stderr: String
    /// A signal ended it (the hang guard's SIGKILL).
    let killed: Bool
  }

  /// A `WITH RECURSIVE` that never ends, returning the article columns.
  static let runawayArticles =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS id, NULL AS category_id,"
    + " 'x' AS title, NULL AS slug, NULL AS summary, NULL AS content_html, NULL AS author,"
    + " NULL AS image_url, NULL AS image_caption, NULL AS url, NULL AS tags, 'published' AS status,"
    + " '2026-01-01 08:00:00' AS published_at, NULL AS updated_at FROM n"

  static let runawayCategories =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS id,"
    + " NULL AS parent_id, 'c' || i AS slug, 'C' AS name, NULL AS description FROM n"

  /// Before: the run spun at 100% CPU forever, holding the lock, so every later run exited 75.
  @Test(arguments: [
    ("articlesQuery", runawayArticles, "the custom articles query (database.articlesQuery)"),
    (
      "categoriesQuery", runawayCategories, "the custom categories query (database.categoriesQuery)"
    ),
  ])
  func aRunawayCustomQueryOnSQLiteHitsTheStatementTimeout(key: String, query: String, named: String)
    throws
  {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let r = try publish(
      database: """
        "url": "sqlite:db.sqlite", "statementTimeoutSeconds": 1, "\(key)": "\(query)"
        """)
    #expect(!r.killed, "the run was still going when the hang guard ended it")
    #expect(r.status == 69, "\(r.stderr)")
    #expect(
      r.stderr.hasPrefix("loa: error: cannot read ")
        && r.stderr.contains(
          "statement timeout reached: \(named) ran longer than 1 s (database.statementTimeoutSeconds)"
        ),
      "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    // The lock went with the run: the next one with a sane query publishes.
    let next = try publish(database: "\"url\": \"sqlite:db.sqlite\"")
    #expect(next.status == 0, "\(next.stderr)")
  }

  /// The statement timeout counts the time inside SQLite per statement: the example, whose
  /// queries are quick, publishes with the smallest one.
  @Test func theSmallestStatementTimeoutLetsOrdinaryReadsThrough() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let r = try publish(database: "\"url\": \"sqlite:db.sqlite\", \"statementTimeoutSeconds\": 1")
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// Before: a second statement that closes loa's parenthesis was refused by the SQLite
  /// wrapper as "only one SQL statement is allowed" and mapped to 69, which cron retries
  /// forever; docs/database.md says a custom query must be one SELECT (78).
  @Test(arguments: [
    "SELECT * FROM categories; SELECT * FROM categories",
    "SELECT * FROM categories) AS c; SELECT * FROM (SELECT * FROM categories",
    "SELECT * FROM categories;; SELECT 1",
  ])
  func aCustomQueryOfSeveralStatementsIsAConfigurationError(query: String) throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    for key in ["categoriesQuery", "articlesQuery"] {
      let r = try publish(database: "\"url\": \"sqlite:db.sqlite\", \"\(key)\": \"\(query)\"")
      #expect(r.status == 78, "\(key): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
  }

  /// Before: libpq's refusal of a value (a bad `sslmode`, a port that is not a number, an
  /// unknown keyword) was 69, "unavailable", so cron retried it forever; and `PASSWORD=` (a
  /// keyword in the wrong case) was taken for a SQLite file name and printed with the password.
  @Test(arguments: [
    (
      "postgresql://loa@/portal?host=/nonexistent-loa-socket&sslmode=bogus", "invalid sslmode value"
    ),
    ("postgresql://loa@/portal?host=/nonexistent-loa-socket&port=abc", "invalid integer value"),
    ("postgresql://loa@db.invalid:99999/portal", "invalid port number"),
    ("host=/nonexistent-loa-socket port=1,2 dbname=portal", "could not match"),
    (
      "host=/nonexistent-loa-socket dbname=portal colour=blue password=S3cr3tKV",
      "invalid connection option"
    ),
    ("PASSWORD=S3cr3tUP host=/nonexistent-loa-socket", "invalid connection option \"PASSWORD\""),
    ("host=/nonexistent-loa-socket Password =S3cr3tMix", "invalid connection option \"Password\""),
    ("host=/nonexistent-loa-socket password=S3 cr3tSplit", "missing \"=\""),
    (
      "postgresql://loa:S3cr3t%ZZPW@/portal?host=/nonexistent-loa-socket",
      "invalid percent-encoded token"
    ),
  ])
  func aConnectionStringLibpqRefusesIsAConfigurationError(url: String, problem: String) throws {
    let r = try publish(
      database: "\"url\": \"sqlite:unused.sqlite\"", extraArguments: ["--database", url])
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains(problem), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    for secret in ["S3cr3t", "cr3t"] {
      #expect(!r.stderr.contains(secret), "\(r.stderr)")
    }
  }
}
