import CLibPQ
import CSQLite3
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// Looks at a database for `loa init`: which tables it has, and a few values read with bound
/// parameters. Read-only: a SQLite file is opened read-only, a PostgreSQL session is
/// `READ ONLY`. Closing twice is harmless; a query after closing throws (it never reaches
/// the freed C handle).
public protocol SchemaInspector: AnyObject {
  /// The tables and views of the database (PostgreSQL: those on the search path), by name.
  func tableNames() throws -> [String]

  /// The rows of one SELECT, every value as text (nil for NULL), with `parameters` bound to
  /// the markers ``parameterMarker(_:)`` writes.
  func rows(_ sql: String, parameters: [String]) throws -> [[String?]]

  /// How the `index`-th parameter (from 1) is written in SQL: `?1`, `$1`.
  func parameterMarker(_ index: Int) -> String

  /// Closes the connection.
  func close() throws
}

/// ``SchemaInspector`` for a SQLite file, opened read-only.
public final class SQLiteSchemaInspector: SchemaInspector {
  private let connection: SQLiteConnection
  private let path: String
  private var closed = false

  /// Opens `path` read-only.
  ///
  /// - Throws: ``StoreError``: `.notFound` for a missing file, `.unavailable` when it cannot
  ///   be opened.
  public init(path: String) throws {
    self.path = path
    var st = stat()
    if stat(path, &st) != 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        throw StoreError(.notFound, "database \(path) does not exist")
      }
      throw StoreError(.unavailable, "cannot open database \(path): \(Errno.message(code))")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      throw StoreError(.unavailable, "database \(path) is a directory, not a SQLite file")
    }
    do {
      connection = try SQLiteConnection(path: path, readOnly: true)
    } catch let e as SQLiteError {
      throw StoreError(.unavailable, "cannot open database \(path): \(e.message)")    } catch let e as LibraryUnavailable {
      throw StoreError(.unavailable, e.description)
    }
    connection.statementTimeoutSeconds = 30
  }

  public func tableNames() throws -> [String] {
    try rows(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", parameters: []
    ).compactMap { $0.first ?? nil }
  }

  public func rows(_ sql: String, parameters: [String]) throws -> [[String?]] {
    guard !closed else { throw StoreError(.unavailable, "database \(path) is closed") }
    do {
      let stmt = try connection.prepare(sql)
      for (i, value) in parameters.enumerated() { try stmt.bind(value, at: Int32(i + 1)) }
      var result: [[String?]] = []
      while try stmt.step() {
        result.append((0..<stmt.columnCount).map { stmt.isNull($0) ? nil : stmt.text($0) })
      }
      return result
    } catch let e as SQLiteError {
      let primary = e.code & 0xFF
      if primary == SQLITE_NOTADB {
        throw StoreError(.unavailable, "\(path) is not a SQLite database")
      }
      let code: StoreError.Code = primary == SQLITE_ERROR ? .schema : .unavailable
      throw StoreError(code, "cannot read database \(path): \(e.message)", sql: sql)
    }
  }

  public func parameterMarker(_ index: Int) -> String { "?\(index)" }

  public func close() throws {
    guard !closed else { return }
    closed = true
    do { try connection.close() } catch let e as SQLiteError {
      throw StoreError(.unavailable, "cannot close database \(path): \(e.message)")
    }
  }
}

/// ``SchemaInspector`` for PostgreSQL, in one `READ ONLY` transaction.
public final class PostgresSchemaInspector: SchemaInspector {
  private let connection: PGConnection
  private let secrets: [String]
  private let endpoint: String
  private var closed = false

  /// Connects to `url`.
  ///
  /// - Throws: ``StoreError`` as ``PostgresArticleStore`` does; no message has the password.
  public init(url: String, connectTimeoutSeconds: Int = 10) throws {
    if let problem = ConnectionString.parseProblem(in: url) {
      throw StoreError(
        .configuration, "database.url: the PostgreSQL connection string does not parse: \(problem)")
    }
    secrets = ConnectionString.secrets(in: url)
    do {
      connection = try PGConnection(url: url, connectTimeoutSeconds: connectTimeoutSeconds)
    } catch let e as PostgresError {
      throw PostgresArticleStore.connectError(e, url: url)
    }
    let live = connection.endpoint
    endpoint =
      ConnectionString.withholding(live, secrets: secrets) == live ? live : "(the server)"
    connection.responseTimeoutSeconds = 35
    do {
      try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
      try connection.execute("SET LOCAL statement_timeout = '30s'")
    } catch let e as PostgresError {
      throw failure(e, sql: nil)
    }
  }

  public func tableNames() throws -> [String] {
    try rows(
      "SELECT table_name::text FROM information_schema.tables"
        + " WHERE table_schema = ANY (current_schemas(false)) ORDER BY 1", parameters: []
    ).compactMap { $0.first ?? nil }
  }

  public func rows(_ sql: String, parameters: [String]) throws -> [[String?]] {
    guard !closed else { throw StoreError(.unavailable, "PostgreSQL \(endpoint): closed") }
    do {
      let r = try connection.query(sql, parameters: parameters)
      return (0..<r.rowCount).map { row in
        (0..<r.columnCount).map { r.isNull(row, $0) ? nil : r.text(row, $0).text }
      }
    } catch let e as PostgresError {
      throw failure(e, sql: sql)
    }
  }

  public func parameterMarker(_ index: Int) -> String { "$\(index)" }

  public func close() throws {
    // Once only: a statement on a finished connection would use freed memory.
    guard !closed else { return }
    closed = true
    try? connection.execute("COMMIT")
    connection.close()
  }

  /// A server error as one line without any spelling of the password.
  private func failure(_ e: PostgresError, sql: String?) -> StoreError {
    let message = ConnectionString.withholding(e.message, secrets: secrets)
    if e.connectionLost {
      return StoreError(
        .unavailable, "cannot read PostgreSQL \(endpoint): connection lost (\(message))")
    }
    let code: StoreError.Code =
      switch e.sqlState ?? "" {
      case "42P01", "42703", "42601", "42883": .schema
      case "42501", "28000", "28P01": .configuration
      default: .unavailable
      }
    return StoreError(code, "cannot read PostgreSQL \(endpoint): \(message)", sql: sql)
  }
}
