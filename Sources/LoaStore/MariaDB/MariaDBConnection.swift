import CMariaDB
import FoundationEssentials
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// A MariaDB/MySQL error: what failed, the client library's or server's message, the error
/// number (`1146` no such table, `2013` lost connection) and the SQL (never with bound values,
/// never with a password).
package struct MariaDBError: Error, Sendable, CustomStringConvertible {
  /// The C function that failed, e.g. `mysql_stmt_execute`.
  package let function: String
  package let message: String
  /// `mysql_errno`: a server error (1000–1999, 3000…) or a client one (2000–2999).
  package let number: UInt32
  package let sql: String?

  /// Whether the connection itself is gone: the server went away, was killed or stopped
  /// answering within the read timeout (`CR_SERVER_GONE_ERROR` 2006, `CR_SERVER_LOST` 2013,
  /// `CR_SERVER_LOST_EXTENDED` 2055, `ER_CONNECTION_KILLED` 1927, `ER_SERVER_SHUTDOWN` 1053,
  /// `CR_CONN_HOST_ERROR` 2003, `CR_CONNECTION_ERROR` 2002, 4031 disconnected as idle).
  package var connectionLost: Bool {
    [2002, 2003, 2005, 2006, 2013, 2055, 1927, 1053, 4031].contains(number)
  }

  package var description: String { "\(function): \(message) (error \(number))" }
}

/// One connection to a MariaDB or MySQL server. Wraps `mysql_init` / `mysql_real_connect` /
/// `mysql_close`. Close it explicitly with ``close()``.
package final class MariaDBConnection {
  /// The client library, loaded at the first connection.
  let db: LibMariaDB
  let handle: UnsafeMutablePointer<MYSQL>
  private var isOpen = true
  /// The server's version text (`10.11.19-MariaDB-0+deb12u1`).
  package let serverVersion: String

  /// Whether the server is MariaDB (rather than MySQL).
  package var isMariaDB: Bool { serverVersion.contains("MariaDB") }

  /// Connects.
  ///
  /// - Parameters:
  ///   - url: the parsed URL. With no password in it the client library reads `MYSQL_PWD`.
  ///   - connectTimeoutSeconds: `MYSQL_OPT_CONNECT_TIMEOUT`.
  ///   - readTimeoutSeconds: `MYSQL_OPT_READ_TIMEOUT` and `MYSQL_OPT_WRITE_TIMEOUT`: how long
  ///     one wait for the server may last. The server's own statement timeout cannot help when
  ///     the server stops answering altogether (a frozen process, a partition: a live kernel
  ///     still acknowledges TCP), so without this a run would hold the lock forever.
  ///   - multipleStatements: `CLIENT_MULTI_STATEMENTS`, for test fixtures that load SQL
  ///     scripts; never for a store.
  /// - Throws: ``LibraryUnavailable`` when libmariadb cannot be loaded; ``MariaDBError``, whose
  ///   message may hold what the server echoed, so callers withhold secrets before showing it.
  package init(
    url: MariaDBURL, connectTimeoutSeconds: Int = 10, readTimeoutSeconds: Int = 60,
    multipleStatements: Bool = false
  ) throws {
    let db = try LibMariaDB.load()
    self.db = db
    // "mysql_init() … Returns NULL if there was insufficient memory."
    guard let mysql = db.mysql_init(nil) else {
      throw MariaDBError(function: "mysql_init", message: "out of memory", number: 2008, sql: nil)
    }
    var connectTimeout = UInt32(max(2, connectTimeoutSeconds))
    var readTimeout = UInt32(max(1, readTimeoutSeconds))
    _ = db.mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
    _ = db.mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
    _ = db.mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &readTimeout)
    _ = db.mysql_options(mysql, MYSQL_SET_CHARSET_NAME, url.charset)
    // libmariadb reads no option file (~/.my.cnf) unless asked to (MYSQL_READ_DEFAULT_FILE): the
    // URL is the whole configuration.
    var yes: CChar = 1
    var no: CChar = 0
    switch url.sslMode {
    case .required?:
      _ = db.mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &yes)
      _ = db.mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &no)
    case .verifyCA?, .verifyIdentity?:
      _ = db.mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &yes)
      _ = db.mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes)
    case .disabled?, .preferred?, nil:
      break
    }
    if let ca = url.sslCA { _ = db.mysql_options(mysql, MYSQL_OPT_SSL_CA, ca) }
    if let path = url.sslCAPath { _ = db.mysql_options(mysql, MYSQL_OPT_SSL_CAPATH, path) }
    if let cert = url.sslCert { _ = db.mysql_options(mysql, MYSQL_OPT_SSL_CERT, cert) }
    if let key = url.sslKey { _ = db.mysql_options(mysql, MYSQL_OPT_SSL_KEY, key) }
    let flags = multipleStatements ? cmariadb_client_multi_statements() : 0
    let connected = db.mysql_real_connect(
      mysql, url.host, url.user, url.password, url.database, url.port ?? 0, url.socket, flags)
    guard connected != nil else {
      let e = MariaDBError(
        function: "mysql_real_connect", message: Self.firstLine(db.mysql_error(mysql)),
        number: db.mysql_errno(mysql), sql: nil)
      // "mysql_close() … also deallocates the connection handle" even after a failed connect.
      db.mysql_close(mysql)
      throw e
    }
    handle = mysql
    serverVersion = db.mysql_get_server_info(mysql).map { String(cString: $0) } ?? ""
  }

  deinit {
    if isOpen { db.mysql_close(handle) }
  }

  /// Closes the connection. Wraps `mysql_close`.
  package func close() {
    guard isOpen else { return }
    db.mysql_close(handle)
    isOpen = false
  }

  /// `host:port/db` (or `socket/db`) of the live connection, for messages.
  package func endpoint(_ url: MariaDBURL) -> String {
    let place: String
    if let host = url.host, host != "localhost" {
      place = (host.contains(":") ? "[\(host)]" : host) + ":\(url.port ?? 3306)"
    } else {
      place = url.socket ?? "localhost"
    }
    return place + "/" + (url.database ?? "")
  }

  static func firstLine(_ p: UnsafePointer<CChar>?) -> String {
    guard let p else { return "unknown error" }
    let s = String(cString: p)
    return s.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? s
  }

  /// The error of the connection, naming `function`.
  func error(_ function: String, sql: String?) -> MariaDBError {
    MariaDBError(
      function: function, message: Self.firstLine(db.mysql_error(handle)),
      number: db.mysql_errno(handle), sql: sql)
  }

  /// Runs fixed SQL that takes no data (a `SET`, `START TRANSACTION`; with
  /// `multipleStatements`, a script), discarding any rows. Wraps `mysql_real_query`,
  /// `mysql_store_result`, `mysql_next_result`.
  package func execute(_ sql: String) throws {
    let status = sql.withCString { db.mysql_real_query(handle, $0, UInt(strlen($0))) }
    guard status == 0 else { throw error("mysql_real_query", sql: sql) }
    while true {
      if let result = db.mysql_store_result(handle) {
        db.mysql_free_result(result)
      } else if db.mysql_field_count(handle) != 0 {
        throw error("mysql_store_result", sql: sql)
      }
      // "0: Successful and there are more results; -1: no more results; >0: an error."
      let next = db.mysql_next_result(handle)
      if next == -1 { return }
      if next > 0 { throw error("mysql_next_result", sql: sql) }
    }
  }

  /// Prepares one statement. Wraps `mysql_stmt_init` / `mysql_stmt_prepare`.
  package func prepare(_ sql: String) throws -> MariaDBStatement {
    try MariaDBStatement(connection: self, sql: sql)
  }
}
