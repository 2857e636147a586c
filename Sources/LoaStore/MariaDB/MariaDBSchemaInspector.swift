import LoaCore

/// ``SchemaInspector`` for a MariaDB or MySQL database: one `READ ONLY` transaction, values
/// read as text in utf8mb4, a 30 s statement timeout (and a read timeout a little longer, so a
/// frozen server cannot hang `loa init`).
public final class MariaDBSchemaInspector: SchemaInspector {
  private let connection: MariaDBConnection
  private let secrets: [String]
  private let endpoint: String
  private var closed = false

  /// Connects to `url` (`mysql://` or `mariadb://`).
  ///
  /// - Throws: ``StoreError`` as ``MariaDBArticleStore`` does; no message has the password.
  public init(url: String, connectTimeoutSeconds: Int = 10) throws {
    (connection, secrets, endpoint) = try MariaDBArticleStore.connect(
      url, connectTimeoutSeconds: connectTimeoutSeconds, readTimeoutSeconds: 35)
    do {
      // MariaDB's max_statement_time, MySQL's max_execution_time (milliseconds, SELECT only).
      let timeout =
        connection.isMariaDB
        ? "SET SESSION max_statement_time = 30" : "SET SESSION max_execution_time = 30000"
      try connection.execute(timeout)
      try connection.execute("START TRANSACTION READ ONLY")
    } catch let e as MariaDBError {
      connection.close()
      throw failure(e)
    }
  }

  public func tableNames() throws -> [String] {
    try rows(
      "SELECT CAST(table_name AS CHAR) FROM information_schema.tables"
        + " WHERE table_schema = DATABASE() ORDER BY 1", parameters: []
    ).compactMap { $0.first ?? nil }
  }

  public func rows(_ sql: String, parameters: [String]) throws -> [[String?]] {
    guard !closed else { throw StoreError(.unavailable, "MariaDB \(endpoint): closed") }
    do {
      let statement = try connection.prepare(sql)
      let result = try statement.run(parameters.map { .text($0) })
      return result.rows.indices.map { row in
        result.columns.indices.map { result.text(row, $0) }
      }
    } catch let e as MariaDBError {
      throw failure(e)
    }
  }

  public func parameterMarker(_ index: Int) -> String { "?" }

  public func close() throws {
    // Once only: a statement on a closed connection would use freed memory.
    guard !closed else { return }
    closed = true
    try? connection.execute("COMMIT")
    connection.close()
  }

  /// A server error as one line without any spelling of the password.
  private func failure(_ e: MariaDBError) -> StoreError {
    let message = MariaDBURL.withholding(e.message, secrets: secrets)
    if e.connectionLost {
      return StoreError(.unavailable, "cannot read MariaDB \(endpoint): connection lost (\(message))")
    }
    let code: StoreError.Code =
      switch e.number {
      case 1146, 1054, 1064: .schema
      case 1044, 1045, 1142, 1143: .configuration
      default: .unavailable
      }
    return StoreError(code, "cannot read MariaDB \(endpoint): \(message)", sql: e.sql)
  }
}
