import CSQLite3
import LoaCore

/// A SQLite error: the result code, SQLite's message and the SQL that failed.
package struct SQLiteError: Error, Sendable, CustomStringConvertible {
  /// The primary or extended result code.
  package let code: Int32
  /// `sqlite3_errmsg` at the time.
  package let message: String
  /// The C function that failed.
  package let function: String
  package let sql: String?
  /// The statement timeout this statement ran past (`SQLITE_INTERRUPT` from the progress
  /// handler); nil for every other error.
  package var timeoutSeconds: Double? = nil

  /// Whether the statement was stopped by the connection's statement timeout.
  package var isTimeout: Bool { timeoutSeconds != nil }

  package var description: String {
    var s = "\(function): \(message) (SQLite code \(code))"
    if let sql { s += " in: \(sql.prefix(200))" }
    return s
  }
}

/// One SQLite connection. Wraps `sqlite3_open_v2` / `sqlite3_close`. Close it explicitly with
/// ``close()``; `deinit` closes a forgotten one as a last resort.
package final class SQLiteConnection {
  /// The library's functions (``LibSQLite3``), kept so each call is one indirect call.
  let lib: LibSQLite3
  let handle: OpaquePointer
  private var isOpen = true
  /// The longest one statement may run inside SQLite, in seconds, counting only the time in
  /// `sqlite3_step` (not the caller's work between rows); nil for no limit. A statement past
  /// it fails with `SQLITE_INTERRUPT` (``SQLiteError/isTimeout``).
  package var statementTimeoutSeconds: Double?
  /// When the running step must stop; read by the progress handler.
  let deadline = SQLiteDeadline()

  /// How many virtual machine instructions SQLite runs between two looks at the deadline
  /// (well under a millisecond of work). A look is one comparison, plus one read of the
  /// monotonic clock while a step runs. Measured on a debug build, 4 rounds: the example's
  /// `loa check` ×20 took 1.06–1.30 s with the handler and 1.00–1.21 s without (noise), a
  /// 200,000-step recursive query ×8 4.18–4.96 s against 4.08–4.27 s at an interval of 1000;
  /// at 10,000, 4.47–6.19 s against 4.36–5.36 s on a loaded machine: within its noise.
  static let progressInterval: Int32 = 10_000

  /// Opens `path`.
  ///
  /// - Parameters:
  ///   - readOnly: `SQLITE_OPEN_READONLY`; the publisher never writes to the portal database.
  ///   - busyTimeoutMilliseconds: how long a statement waits for a writer's lock
  ///     (`sqlite3_busy_timeout`) before failing with `SQLITE_BUSY`.
  /// - Throws: ``LibraryUnavailable`` when libsqlite3 cannot be loaded; ``SQLiteError``.
  package init(path: String, readOnly: Bool = true, busyTimeoutMilliseconds: Int32 = 5000) throws {
    let lib = try LibSQLite3.load()
    self.lib = lib
    var db: OpaquePointer?
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
      | SQLITE_OPEN_NOMUTEX
    let rc = lib.sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      // "Whether or not an error occurs when it is opened, resources associated with the
      // database connection handle should be released by passing it to lib.sqlite3_close()."
      let message = db.flatMap { lib.sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
      if let db { _ = lib.sqlite3_close(db) }
      throw SQLiteError(code: rc, message: message, function: "sqlite3_open_v2", sql: nil)
    }
    handle = db
    _ = lib.sqlite3_extended_result_codes(db, 1)
    _ = lib.sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
    // "The progress handler callback is invoked periodically during long running calls to
    // lib.sqlite3_step() ... If the progress callback returns non-zero, the operation is
    // interrupted." A runaway query (a WITH RECURSIVE that never ends) would otherwise hold
    // the run lock forever, so every later run would exit 75.
    lib.sqlite3_progress_handler(
      db, Self.progressInterval,
      { context in
        guard let context else { return 0 }
        return Unmanaged<SQLiteDeadline>.fromOpaque(context).takeUnretainedValue().isPast ? 1 : 0
      }, Unmanaged.passUnretained(deadline).toOpaque())
  }

  deinit {
    if isOpen {
      lib.sqlite3_progress_handler(handle, 0, nil, nil)
      _ = lib.sqlite3_close_v2(handle)
    }
  }

  /// Closes the connection. Wraps `sqlite3_close`, which fails with `SQLITE_BUSY` while a
  /// statement is unfinalized.
  package func close() throws {
    guard isOpen else { return }
    lib.sqlite3_progress_handler(handle, 0, nil, nil)
    let rc = lib.sqlite3_close(handle)
    guard rc == SQLITE_OK else { throw error(rc, "sqlite3_close") }
    isOpen = false
  }

  func error(_ rc: Int32, _ function: String, sql: String? = nil) -> SQLiteError {
    SQLiteError(
      code: rc, message: lib.sqlite3_errmsg(handle).map { String(cString: $0) } ?? "out of memory",
      function: function, sql: sql)
  }

  /// Prepares one statement. Fails when `sql` holds more than one statement.
  package func prepare(_ sql: String, persistent: Bool = false) throws -> SQLiteStatement {
    var stmt: OpaquePointer?
    var tail: UnsafePointer<CChar>?
    let rc = sql.withCString { text in
      lib.sqlite3_prepare_v3(
        handle, text, -1, persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &stmt, &tail)
    }
    guard rc == SQLITE_OK, let stmt else {
      throw error(rc, "sqlite3_prepare_v3", sql: sql)
    }
    if let tail, tail.pointee != 0 {
      let rest = String(cString: tail).utf8.filter { $0 > 0x20 && $0 != UInt8(ascii: ";") }
      if !rest.isEmpty {
        _ = lib.sqlite3_finalize(stmt)
        throw SQLiteError(
          code: SQLITE_MISUSE, message: "only one SQL statement is allowed",
          function: "sqlite3_prepare_v3", sql: sql)
      }
    }
    return SQLiteStatement(stmt, connection: self, sql: sql)
  }

  /// Runs SQL that returns no rows (may hold several statements). Wraps `sqlite3_exec`.
  package func execute(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    let rc = lib.sqlite3_exec(handle, sql, nil, nil, &message)
    if rc != SQLITE_OK {
      let text =
        message.map { String(cString: $0) } ?? lib.sqlite3_errmsg(handle).map { String(cString: $0) }
        ?? "out of memory"
      lib.sqlite3_free(message)
      throw SQLiteError(code: rc, message: text, function: "sqlite3_exec", sql: nil)
    }
  }
}

/// The moment the running step must stop, read by SQLite's progress handler on the same
/// thread (a connection is used by one thread at a time, `SQLITE_OPEN_NOMUTEX`).
final class SQLiteDeadline {
  /// Monotonic seconds; infinity while no step runs.
  var at: Double = .infinity

  /// Whether the deadline has passed. Reads the clock only while a step runs.
  var isPast: Bool { at != .infinity && monotonicSeconds() > at }
}

/// One prepared statement. Wraps `sqlite3_prepare_v3` / `sqlite3_finalize`.
package final class SQLiteStatement {
  private let handle: OpaquePointer
  /// The connection's ``LibSQLite3`` table.
  private let lib: LibSQLite3
  unowned let connection: SQLiteConnection
  let sql: String
  /// Time spent in `sqlite3_step` since the statement was prepared or last reset: one
  /// execution's share of the statement timeout.
  private var secondsInStep: Double = 0

  init(_ handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
    self.handle = handle
    self.lib = connection.lib
    self.connection = connection
    self.sql = sql
  }

  deinit { _ = lib.sqlite3_finalize(handle) }

  /// Clears bindings and rewinds. Wraps `sqlite3_reset` and `sqlite3_clear_bindings`.
  package func reset() {
    secondsInStep = 0
    _ = lib.sqlite3_reset(handle)
    _ = lib.sqlite3_clear_bindings(handle)
  }

  private func check(_ rc: Int32, _ function: String) throws {
    if rc != SQLITE_OK { throw connection.error(rc, function, sql: sql) }
  }

  /// Binds an integer to parameter `index` (1-based).
  package func bind(_ value: Int64, at index: Int32) throws {
    try check(lib.sqlite3_bind_int64(handle, index, value), "sqlite3_bind_int64")
  }

  /// Binds an integer to the parameter called `name` (`?100`, `:site`) when the statement has it.
  package func bind(_ value: Int64, named name: String) throws {
    let index = lib.sqlite3_bind_parameter_index(handle, name)
    guard index > 0 else { return }
    try bind(value, at: index)
  }

  /// Binds text to parameter `index` (1-based); SQLite copies it (`SQLITE_TRANSIENT`).
  package func bind(_ value: String, at index: Int32) throws {
    let rc = value.withCString { lib.sqlite3_bind_text(handle, index, $0, -1, csqlite_transient()) }
    try check(rc, "sqlite3_bind_text")
  }

  /// Advances to the next row. Returns false when done. Wraps `sqlite3_step`.
  ///
  /// - Throws: ``SQLiteError``; with ``SQLiteError/isTimeout`` when this execution of the
  ///   statement has spent more than the connection's ``SQLiteConnection/statementTimeoutSeconds``
  ///   inside SQLite.
  package func step() throws -> Bool {
    let rc: Int32
    if let limit = connection.statementTimeoutSeconds {
      let start = monotonicSeconds()
      connection.deadline.at = start + (limit - secondsInStep)
      rc = lib.sqlite3_step(handle)
      connection.deadline.at = .infinity
      secondsInStep += monotonicSeconds() - start
      if rc == SQLITE_INTERRUPT && secondsInStep >= limit {
        throw SQLiteError(
          code: rc, message: "statement timeout reached", function: "sqlite3_step", sql: sql,
          timeoutSeconds: limit)
      }
    } else {
      rc = lib.sqlite3_step(handle)
    }
    if rc == SQLITE_ROW { return true }
    if rc == SQLITE_DONE { return false }
    throw connection.error(rc, "sqlite3_step", sql: sql)
  }

  package var columnCount: Int32 { lib.sqlite3_column_count(handle) }

  package func columnName(_ i: Int32) -> String {
    lib.sqlite3_column_name(handle, i).map { String(cString: $0) } ?? ""
  }

  package func isNull(_ i: Int32) -> Bool { lib.sqlite3_column_type(handle, i) == SQLITE_NULL }

  /// Whether column `i` holds an integer (not NULL, text or a real number).
  package func isInteger(_ i: Int32) -> Bool { lib.sqlite3_column_type(handle, i) == SQLITE_INTEGER }

  /// Whether column `i` holds a real number. Ask before reading the column as text: the type
  /// is "undefined after a type conversion".
  package func isReal(_ i: Int32) -> Bool { lib.sqlite3_column_type(handle, i) == SQLITE_FLOAT }
  package func double(_ i: Int32) -> Double { lib.sqlite3_column_double(handle, i) }

  package func int64(_ i: Int32) -> Int64 { lib.sqlite3_column_int64(handle, i) }

  /// The column as text, nil for NULL. Invalid UTF-8 is repaired with U+FFFD, never trapped.
  /// Integers and reals come back in SQLite's text form (`1732867200`).
  package func text(_ i: Int32) -> String? { textReportingRepair(i).text }

  /// The column's text bytes as SQLite holds them, valid until the next step; nil for NULL.
  package func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
    if lib.sqlite3_column_type(handle, i) == SQLITE_NULL { return nil }
    // "call lib.sqlite3_column_text() first to force the result into the desired format, then
    // invoke lib.sqlite3_column_bytes() to find the size of the result."
    guard let p = lib.sqlite3_column_text(handle, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: p, count: Int(lib.sqlite3_column_bytes(handle, i)))
  }

  /// The column as text, and whether invalid UTF-8 had to be replaced.
  package func textReportingRepair(_ i: Int32) -> (text: String?, repaired: Bool) {
    let type = lib.sqlite3_column_type(handle, i)
    if type == SQLITE_NULL { return (nil, false) }
    // "call lib.sqlite3_column_text() first to force the result into the desired format, then
    // invoke lib.sqlite3_column_bytes() to find the size of the result."
    guard let p = lib.sqlite3_column_text(handle, i) else { return ("", false) }
    let n = Int(lib.sqlite3_column_bytes(handle, i))
    let buffer = UnsafeBufferPointer(start: p, count: n)
    if let valid = String(validatingUTF8Bytes: buffer) { return (valid, false) }
    return (String(decoding: buffer, as: UTF8.self), true)
  }
}
