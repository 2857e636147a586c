import CMariaDB
import FoundationEssentials
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// A value bound to a `?` of a prepared statement: data never becomes SQL text.
package enum MariaDBValue: Sendable {
  case text(String)
  case integer(Int64)
  case null
}

/// One column of a result, as the server described it.
package struct MariaDBColumn: Sendable {
  /// `MYSQL_FIELD.type`.
  package let type: enum_field_types
  /// `MYSQL_FIELD.charsetnr`: with `character_set_results` unset, the column's own character
  /// set (33/45/224… UTF-8, 8/47/48… latin1, 63 binary).
  package let charset: UInt32

  /// A number type (an id of such a type that is not an integer is written as it is).
  package var isNumber: Bool {
    [
      MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_INT24,
      MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL,
    ].contains(type)
  }

  /// A date or time type (sorted as it is, not as text).
  package var isTemporal: Bool {
    [
      MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_DATE, MYSQL_TYPE_TIME,
      MYSQL_TYPE_NEWDATE, MYSQL_TYPE_DATETIME2, MYSQL_TYPE_TIMESTAMP2, MYSQL_TYPE_YEAR,
    ].contains(type)
  }

  /// `TIMESTAMP`: an instant, which the session (`time_zone = '+00:00'`) gives in UTC.
  package var isTimestamp: Bool { type == MYSQL_TYPE_TIMESTAMP || type == MYSQL_TYPE_TIMESTAMP2 }
}

/// The rows of one result, copied out of the client library.
package struct MariaDBRows: Sendable {
  package var columns: [MariaDBColumn] = []
  /// Each row's values as the server sent their bytes (text, or the client library's text of a
  /// number or date); nil for SQL NULL.
  package var rows: [[[UInt8]?]] = []

  /// A value as text (invalid UTF-8 replaced); nil for NULL or past the end.
  package func text(_ row: Int, _ column: Int) -> String? {
    guard row < rows.count, column < rows[row].count, let bytes = rows[row][column] else {
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A value as an integer; nil for NULL or anything else.
  package func int64(_ row: Int, _ column: Int) -> Int64? {
    text(row, column).flatMap { Int64($0) }
  }
}

/// Owns one prepared statement. Wraps `mysql_stmt_init` / `mysql_stmt_prepare` /
/// `mysql_stmt_close`.
package final class MariaDBStatement {
  private let db: LibMariaDB
  private let handle: UnsafeMutablePointer<MYSQL_STMT>
  /// A statement never keeps a connection alive.
  unowned let connection: MariaDBConnection
  package let sql: String

  init(connection: MariaDBConnection, sql: String) throws {
    let db = connection.db
    self.db = db
    guard let stmt = db.mysql_stmt_init(connection.handle) else {
      throw connection.error("mysql_stmt_init", sql: sql)
    }
    let status = sql.withCString { db.mysql_stmt_prepare(stmt, $0, UInt(strlen($0))) }
    guard status == 0 else {
      let e = Self.error(db, stmt, "mysql_stmt_prepare", sql: sql)
      _ = db.mysql_stmt_close(stmt)
      throw e
    }
    handle = stmt
    self.connection = connection
    self.sql = sql
  }

  deinit { _ = db.mysql_stmt_close(handle) }

  private static func error(
    _ db: LibMariaDB, _ stmt: UnsafeMutablePointer<MYSQL_STMT>, _ function: String, sql: String
  )
    -> MariaDBError
  {
    MariaDBError(
      function: function, message: MariaDBConnection.firstLine(db.mysql_stmt_error(stmt)),
      number: db.mysql_stmt_errno(stmt), sql: sql)
  }

  private func error(_ function: String) -> MariaDBError {
    Self.error(db, handle, function, sql: sql)
  }

  /// How many `?` the statement has.
  package var parameterCount: Int { Int(db.mysql_stmt_param_count(handle)) }

  /// Binds `parameters`, executes and reads every row (`mysql_stmt_store_result`: the whole
  /// result is read within the read timeout, then copied out).
  /// Wraps `mysql_stmt_bind_param`, `mysql_stmt_execute`, `mysql_stmt_store_result`,
  /// `mysql_stmt_bind_result`, `mysql_stmt_fetch`, `mysql_stmt_fetch_column`.
  package func run(_ parameters: [MariaDBValue] = []) throws -> MariaDBRows {
    try withBoundParameters(parameters) {
      guard db.mysql_stmt_execute(handle) == 0 else { throw error("mysql_stmt_execute") }
    }
    defer { _ = db.mysql_stmt_free_result(handle) }
    // Before mysql_stmt_store_result: "update the metadata MYSQL_FIELD->max_length value".
    var update: CChar = 1
    _ = db.mysql_stmt_attr_set(handle, STMT_ATTR_UPDATE_MAX_LENGTH, &update)
    guard db.mysql_stmt_store_result(handle) == 0 else { throw error("mysql_stmt_store_result") }
    guard let meta = db.mysql_stmt_result_metadata(handle) else {
      if db.mysql_stmt_errno(handle) != 0 { throw error("mysql_stmt_result_metadata") }
      return MariaDBRows()
    }
    defer { db.mysql_free_result(meta) }
    let n = Int(db.mysql_num_fields(meta))
    guard let fields = db.mysql_fetch_fields(meta) else { return MariaDBRows() }
    var out = MariaDBRows()
    var capacities: [Int] = []
    for i in 0..<n {
      out.columns.append(MariaDBColumn(type: fields[i].type, charset: fields[i].charsetnr))
      // Dates and numbers as text need up to about 64 bytes; strings their longest value.
      capacities.append(max(Int(fields[i].max_length), 64) + 1)
    }
    let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: max(n, 1))
    let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: max(n, 1))
    let nulls = UnsafeMutablePointer<CChar>.allocate(capacity: max(n, 1))
    let errors = UnsafeMutablePointer<CChar>.allocate(capacity: max(n, 1))
    let buffers = capacities.map { UnsafeMutableRawPointer.allocate(byteCount: $0, alignment: 8) }
    defer {
      binds.deallocate()
      lengths.deallocate()
      nulls.deallocate()
      errors.deallocate()
      for b in buffers { b.deallocate() }
    }
    for i in 0..<n {
      binds[i] = MYSQL_BIND()
      binds[i].buffer_type = MYSQL_TYPE_STRING
      binds[i].buffer = buffers[i]
      binds[i].buffer_length = UInt(capacities[i])
      binds[i].length = lengths + i
      binds[i].is_null = nulls + i
      binds[i].error = errors + i
    }
    guard db.mysql_stmt_bind_result(handle, binds) == 0 else { throw error("mysql_stmt_bind_result") }
    while true {
      let status = db.mysql_stmt_fetch(handle)
      if status == MYSQL_NO_DATA { break }
      guard status == 0 || status == MYSQL_DATA_TRUNCATED else { throw error("mysql_stmt_fetch") }
      var row: [[UInt8]?] = []
      row.reserveCapacity(n)
      for i in 0..<n {
        if nulls[i] != 0 {
          row.append(nil)
          continue
        }
        let length = Int(lengths[i])
        // The terminating NUL a string fetch writes needs room too.
        if length < capacities[i] {
          row.append(Array(UnsafeRawBufferPointer(start: buffers[i], count: length)))
          continue
        }
        // Longer than max_length said (it does not cover every type): read it again whole.
        let whole = UnsafeMutableRawPointer.allocate(byteCount: length + 1, alignment: 8)
        defer { whole.deallocate() }
        var wholeLength: UInt = 0
        let fetched = withUnsafeMutablePointer(to: &wholeLength) { p -> Int32 in
          var bind = MYSQL_BIND()
          bind.buffer_type = MYSQL_TYPE_STRING
          bind.buffer = whole
          bind.buffer_length = UInt(length + 1)
          bind.length = p
          return db.mysql_stmt_fetch_column(handle, &bind, UInt32(i), 0)
        }
        guard fetched == 0 else { throw error("mysql_stmt_fetch_column") }
        row.append(
          Array(UnsafeRawBufferPointer(start: whole, count: min(Int(wholeLength), length))))
      }
      out.rows.append(row)
    }
    return out
  }

  /// Runs `body` with `parameters` bound (`mysql_stmt_bind_param`); the bound memory lives for
  /// the call.
  private func withBoundParameters(_ parameters: [MariaDBValue], _ body: () throws -> Void)
    throws
  {
    let n = parameters.count
    guard n > 0 else { return try body() }
    let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: n)
    let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: n)
    var buffers: [UnsafeMutableRawPointer] = []
    defer {
      binds.deallocate()
      lengths.deallocate()
      for b in buffers { b.deallocate() }
    }
    for (i, value) in parameters.enumerated() {
      binds[i] = MYSQL_BIND()
      switch value {
      case .text(let s):
        let bytes = Array(s.utf8)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        buffers.append(buffer)
        buffer.copyMemory(from: bytes, byteCount: bytes.count)
        lengths[i] = UInt(bytes.count)
        binds[i].buffer_type = MYSQL_TYPE_STRING
        binds[i].buffer = buffer
        binds[i].buffer_length = UInt(bytes.count)
        binds[i].length = lengths + i
      case .integer(let v):
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
        buffers.append(buffer)
        buffer.storeBytes(of: v, as: Int64.self)
        binds[i].buffer_type = MYSQL_TYPE_LONGLONG
        binds[i].buffer = buffer
      case .null:
        binds[i].buffer_type = MYSQL_TYPE_NULL
      }
    }
    guard db.mysql_stmt_bind_param(handle, binds) == 0 else { throw error("mysql_stmt_bind_param") }
    try body()
  }
}
