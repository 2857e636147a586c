import CLibPQ
import FoundationEssentials
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// A PostgreSQL error: what failed, libpq's message (first line), the SQLSTATE when the server
/// sent one, and the SQL (never with bound values, never with a password).
package struct PostgresError: Error, Sendable, CustomStringConvertible {
  /// The libpq function that failed, e.g. `PQexecPrepared`.
  package let function: String
  package let message: String
  /// Five-character SQLSTATE (`42703` undefined column), when known.
  package let sqlState: String?
  package let sql: String?
  /// Whether the connection itself is gone (server stopped, network cut).
  package let connectionLost: Bool
  /// Why a connection could not be made, judged from libpq's own message (which may not be
  /// shown when it holds the password); nil for other failures.
  package var connectFailure: ConnectFailure? = nil

  /// Why a connection could not be made.
  package enum ConnectFailure: Sendable, Equatable {
    /// libpq refused a value of the connection string (`sslmode`, a port that is not a
    /// number): only a person can fix it.
    case invalidOption
    /// The server refused the role, the password or the database.
    case authentication
    /// The server could not be reached: it may be back on the next run.
    case unreachable

    /// Judged from libpq's message (libpq has no error codes before a server answers).
    init(libpqMessage message: String) {
      let invalidOption = [
        "invalid integer value", "invalid port number", " value: \"", "could not match ",
        "invalid SSL protocol version range", "for minimum SSL protocol version",
        "for maximum SSL protocol version", "invalid when SSL support is not compiled in",
        "invalid connection option", "missing \"=\" after", "unterminated quoted string",
        "percent-encoded", " in URI", "URI query parameter",
      ]
      let authentication = [
        "password authentication failed", "no password supplied", "authentication failed",
        "role \"", "does not exist", "no pg_hba.conf entry",
      ]
      if invalidOption.contains(where: message.contains) {
        self = .invalidOption
      } else if authentication.contains(where: message.contains) {
        self = .authentication
      } else {
        self = .unreachable
      }
    }
  }

  package var description: String {
    var s = "\(function): \(message)"
    if let sqlState { s += " (SQLSTATE \(sqlState))" }
    return s
  }
}

/// One connection to a PostgreSQL server. Wraps `PQconnectdbParams` / `PQfinish`. Close it
/// explicitly with ``close()``.
package final class PGConnection {
  /// libpq, loaded at the first connection.
  let pq: LibPQ
  let handle: OpaquePointer
  private var isOpen = true
  /// How long to wait for the answer to one request before giving up on the connection.
  ///
  /// `statement_timeout` is enforced by the server, so it cannot help when the server or the
  /// network stops answering altogether (a frozen backend, a partition: TCP keepalives are
  /// still answered by a live kernel). Without a deadline here, such a run would hold the
  /// lock forever and every later cron run would exit 75. Set it above the statement timeout.
  package var responseTimeoutSeconds: Double = 60

  /// Connects.
  ///
  /// - Parameters:
  ///   - url: a libpq connection URI (`postgresql://user@host:5432/db?sslmode=require`,
  ///     `postgresql:///db?host=/run/postgresql`) or key=value string. The password comes from
  ///     it, `PGPASSWORD` or `~/.pgpass`, all handled by libpq.
  ///   - connectTimeoutSeconds: libpq's `connect_timeout`.
  /// - Throws: ``LibraryUnavailable`` when libpq cannot be loaded; ``PostgresError`` with
  ///   libpq's message (the password never appears in it).
  package init(url: String, applicationName: String = "loa", connectTimeoutSeconds: Int = 10)
    throws
  {
    let pq = try LibPQ.load()
    self.pq = pq
    // "If expand_dbname is non-zero, the value for the first dbname key word is checked to see
    // if it is a connection string" — so the URL goes in as dbname and our own settings are
    // added after it (later keywords win only where the URL does not set them first).
    let keys = ["dbname", "application_name", "connect_timeout", "client_encoding"]
    let values = [url, applicationName, String(max(2, connectTimeoutSeconds)), "UTF8"]
    let conn: OpaquePointer? = Self.withCStrings(keys) { k in
      Self.withCStrings(values) { v in pq.PQconnectdbParams(k, v, 1) }
    }
    guard let conn else {
      throw PostgresError(
        function: "PQconnectdbParams", message: "out of memory", sqlState: nil, sql: nil,
        connectionLost: true)
    }
    if pq.PQstatus(conn) != CONNECTION_OK {
      let raw = Self.firstLine(pq.PQerrorMessage(conn))
      // "Note that when PQconnectdb returns a null pointer or a connection with a bad status,
      // you should still call PQfinish to release the storage used by the PGconn object."
      pq.PQfinish(conn)
      throw PostgresError(
        function: "PQconnectdbParams",
        message: ConnectionString.withholdingSecrets(raw, from: url), sqlState: nil,
        sql: nil, connectionLost: true,
        connectFailure: PostgresError.ConnectFailure(libpqMessage: raw))
    }
    // libpq prints notices ("there is no transaction in progress") to stderr through this
    // callback; loa keeps stderr for its own one-line messages.
    _ = pq.PQsetNoticeProcessor(conn, { _, _ in }, nil)
    handle = conn
  }

  deinit {
    if isOpen { pq.PQfinish(handle) }
  }

  /// Closes the connection. Wraps `PQfinish`.
  package func close() {
    guard isOpen else { return }
    pq.PQfinish(handle)
    isOpen = false
  }

  /// `host:port/dbname` of the live connection, for messages (no user, no password).
  package var endpoint: String {
    let host = pq.PQhost(handle).map { String(cString: $0) } ?? "?"
    let port = pq.PQport(handle).map { String(cString: $0) } ?? "?"
    let db = pq.PQdb(handle).map { String(cString: $0) } ?? "?"
    return "\(host):\(port)/\(db)"
  }

  static func firstLine(_ p: UnsafePointer<CChar>?) -> String {
    guard let p else { return "unknown error" }
    let s = String(cString: p)
    let line = s.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? s
    return line.hasPrefix("FATAL:  ") ? String(line.dropFirst(8)) : line.hasPrefix("ERROR:  ") ? String(line.dropFirst(8)) : line
  }

  /// Runs `body` with `strings` as a NULL-terminated array of C strings that live for the call.
  static func withCStrings<R>(
    _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> R
  ) rethrows -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return try body(pointers.map { $0.map { UnsafePointer($0) } })
  }

  /// Turns a finished result into a ``PGResult`` or a ``PostgresError``; `expected` is the
  /// status that means success. Every `PGresult` is cleared, error results too.
  func check(_ result: OpaquePointer?, _ function: String, sql: String?, expected: ExecStatusType)
    throws -> PGResult
  {
    guard let result else {
      throw PostgresError(
        function: function, message: Self.firstLine(pq.PQerrorMessage(handle)), sqlState: nil,
        sql: sql, connectionLost: pq.PQstatus(handle) != CONNECTION_OK)
    }
    let status = pq.PQresultStatus(result)
    guard status == expected else {
      let message = Self.firstLine(pq.PQresultErrorMessage(result))
      let state = pq.PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
      pq.PQclear(result)
      throw PostgresError(
        function: function, message: message, sqlState: state, sql: sql,
        connectionLost: pq.PQstatus(handle) != CONNECTION_OK)
    }
    return PGResult(result, pq)
  }

  /// Sends one request with `send` (a `PQsend…` call), then waits for its result within
  /// ``responseTimeoutSeconds``, polling the socket (`PQconsumeInput`, `PQisBusy`,
  /// `PQgetResult` until it returns NULL, as libpq's asynchronous API requires). Past the
  /// deadline the connection counts as lost; the caller closes it.
  private func roundTrip(
    _ function: String, sql: String?, expected: ExecStatusType, _ send: () -> Int32
  ) throws -> PGResult {
    guard send() == 1 else {
      throw PostgresError(
        function: function, message: Self.firstLine(pq.PQerrorMessage(handle)), sqlState: nil,
        sql: sql, connectionLost: pq.PQstatus(handle) != CONNECTION_OK)
    }
    let deadline = monotonicSeconds() + responseTimeoutSeconds
    var first: OpaquePointer?
    defer { if let first { pq.PQclear(first) } }
    while true {
      while pq.PQisBusy(handle) == 1 {
        let remaining = deadline - monotonicSeconds()
        guard remaining > 0 else {
          throw PostgresError(
            function: function,
            message: "no answer from the server within \(Int(responseTimeoutSeconds)) s",
            sqlState: nil, sql: sql, connectionLost: true)
        }
        var p = pollfd(fd: pq.PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, Int32(min(remaining, 1) * 1000) + 1)
        if ready < 0 && errno != EINTR {
          throw PostgresError(
            function: "poll", message: Errno.message(errno), sqlState: nil, sql: sql,
            connectionLost: true)
        }
        if ready > 0 && pq.PQconsumeInput(handle) == 0 {
          throw PostgresError(
            function: function, message: Self.firstLine(pq.PQerrorMessage(handle)), sqlState: nil,
            sql: sql, connectionLost: true)
        }
      }
      guard let r = pq.PQgetResult(handle) else { break }
      // One statement gives one result; keep it (or the first error) and drain the rest.
      if first == nil { first = r } else { pq.PQclear(r) }
    }
    let result = first
    first = nil
    return try check(result, function, sql: sql, expected: expected)
  }

  /// Runs SQL without parameters that returns no rows. Wraps `PQsendQuery`.
  package func execute(_ sql: String) throws {
    _ = try roundTrip("PQsendQuery", sql: sql, expected: PGRES_COMMAND_OK) {
      pq.PQsendQuery(handle, sql)
    }
  }

  /// Runs SQL without parameters and returns its rows. Wraps `PQsendQuery`.
  package func query(_ sql: String) throws -> PGResult {
    try roundTrip("PQsendQuery", sql: sql, expected: PGRES_TUPLES_OK) { pq.PQsendQuery(handle, sql) }
  }

  /// Runs a query with text parameters that returns rows. Wraps `PQsendQueryParams`.
  package func query(_ sql: String, parameters: [String?]) throws -> PGResult {
    try Self.withCStrings(parameters) { values in
      try roundTrip("PQsendQueryParams", sql: sql, expected: PGRES_TUPLES_OK) {
        pq.PQsendQueryParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
      }
    }
  }

  /// Runs SQL with text parameters that returns no rows. Wraps `PQsendQueryParams`.
  package func execute(_ sql: String, parameters: [String?]) throws {
    _ = try Self.withCStrings(parameters) { values in
      try roundTrip("PQsendQueryParams", sql: sql, expected: PGRES_COMMAND_OK) {
        pq.PQsendQueryParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
      }
    }
  }

  /// Prepares a named statement. Wraps `PQsendPrepare`.
  package func prepare(_ name: String, _ sql: String) throws {
    _ = try roundTrip("PQsendPrepare", sql: sql, expected: PGRES_COMMAND_OK) {
      pq.PQsendPrepare(handle, name, sql, 0, nil)
    }
  }

  /// Runs a prepared statement with text parameters. Wraps `PQsendQueryPrepared`.
  package func executePrepared(_ name: String, _ parameters: [String?], sql: String) throws
    -> PGResult
  {
    try Self.withCStrings(parameters) { values in
      try roundTrip("PQsendQueryPrepared", sql: sql, expected: PGRES_TUPLES_OK) {
        pq.PQsendQueryPrepared(handle, name, Int32(parameters.count), values, nil, nil, 0)
      }
    }
  }
}

/// The rows of one result. Wraps a `PGresult`, cleared in `deinit` (`PQclear`).
package final class PGResult {
  let handle: OpaquePointer
  let pq: LibPQ

  init(_ handle: OpaquePointer, _ pq: LibPQ) {
    self.handle = handle
    self.pq = pq
  }
  deinit { pq.PQclear(handle) }

  package var rowCount: Int { Int(pq.PQntuples(handle)) }
  package var columnCount: Int { Int(pq.PQnfields(handle)) }

  /// The type OID of a column (`PQftype`): 25 text, 1043 varchar, 1114 timestamp, …
  package func columnType(_ column: Int) -> UInt32 { pq.PQftype(handle, Int32(column)) }

  package func isNull(_ row: Int, _ column: Int) -> Bool {
    pq.PQgetisnull(handle, Int32(row), Int32(column)) != 0
  }

  /// The value as text; nil for SQL NULL ("PQgetvalue never returns NULL", so
  /// `PQgetisnull` decides). Invalid UTF-8 is repaired with U+FFFD and reported.
  package func text(_ row: Int, _ column: Int) -> (text: String?, repaired: Bool) {
    if isNull(row, column) { return (nil, false) }
    guard let p = pq.PQgetvalue(handle, Int32(row), Int32(column)) else { return ("", false) }
    let n = Int(pq.PQgetlength(handle, Int32(row), Int32(column)))
    let buffer = UnsafeRawBufferPointer(start: p, count: n).bindMemory(to: UInt8.self)
    if let s = String(validatingUTF8Bytes: buffer) { return (s, false) }
    return (String(decoding: buffer, as: UTF8.self), true)
  }

  /// The value's bytes as libpq holds them, valid while the result lives; nil for SQL NULL.
  package func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8>? {
    if isNull(row, column) { return nil }
    guard let p = pq.PQgetvalue(handle, Int32(row), Int32(column)) else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    let n = Int(pq.PQgetlength(handle, Int32(row), Int32(column)))
    return UnsafeRawBufferPointer(start: p, count: n).bindMemory(to: UInt8.self)
  }

  package func int64(_ row: Int, _ column: Int) -> Int64? {
    guard let t = text(row, column).text else { return nil }
    return Int64(t)
  }
}
