import CMariaDB
import LoaCore

/// The MariaDB Connector/C functions loa calls, from `libmariadb.so.3` opened with `dlopen`
/// at the first MariaDB connection (``SharedLibrary``): a run on SQLite or PostgreSQL never
/// loads it and the TLS libraries it brings. The function types come from CMariaDB's shim.h;
/// keep the two lists in step.
package struct LibMariaDB: @unchecked Sendable {
  /// The library, or why it cannot be loaded; `dlopen`ed once, at the first call.
  private static let loaded = Result { () throws(LibraryUnavailable) -> LibMariaDB in
    try LibMariaDB(SharedLibrary.open("libmariadb.so.3", package: "libmariadb3", testKey: "MARIADB"))
  }

  /// The loaded functions.
  ///
  /// - Throws: ``LibraryUnavailable`` when `libmariadb.so.3` (or one of its functions) cannot be
  ///   loaded: exit 69, with the package to install.
  package static func load() throws(LibraryUnavailable) -> LibMariaDB { try loaded.get() }

  package let mysql_close: cmariadb_mysql_close_fn
  package let mysql_errno: cmariadb_mysql_errno_fn
  package let mysql_error: cmariadb_mysql_error_fn
  package let mysql_fetch_fields: cmariadb_mysql_fetch_fields_fn
  package let mysql_field_count: cmariadb_mysql_field_count_fn
  package let mysql_free_result: cmariadb_mysql_free_result_fn
  package let mysql_get_server_info: cmariadb_mysql_get_server_info_fn
  package let mysql_init: cmariadb_mysql_init_fn
  package let mysql_next_result: cmariadb_mysql_next_result_fn
  package let mysql_num_fields: cmariadb_mysql_num_fields_fn
  package let mysql_options: cmariadb_mysql_options_fn
  package let mysql_real_connect: cmariadb_mysql_real_connect_fn
  package let mysql_real_query: cmariadb_mysql_real_query_fn
  package let mysql_stmt_attr_set: cmariadb_mysql_stmt_attr_set_fn
  package let mysql_stmt_bind_param: cmariadb_mysql_stmt_bind_param_fn
  package let mysql_stmt_bind_result: cmariadb_mysql_stmt_bind_result_fn
  package let mysql_stmt_close: cmariadb_mysql_stmt_close_fn
  package let mysql_stmt_errno: cmariadb_mysql_stmt_errno_fn
  package let mysql_stmt_error: cmariadb_mysql_stmt_error_fn
  package let mysql_stmt_execute: cmariadb_mysql_stmt_execute_fn
  package let mysql_stmt_fetch: cmariadb_mysql_stmt_fetch_fn
  package let mysql_stmt_fetch_column: cmariadb_mysql_stmt_fetch_column_fn
  package let mysql_stmt_free_result: cmariadb_mysql_stmt_free_result_fn
  package let mysql_stmt_init: cmariadb_mysql_stmt_init_fn
  package let mysql_stmt_param_count: cmariadb_mysql_stmt_param_count_fn
  package let mysql_stmt_prepare: cmariadb_mysql_stmt_prepare_fn
  package let mysql_stmt_result_metadata: cmariadb_mysql_stmt_result_metadata_fn
  package let mysql_stmt_store_result: cmariadb_mysql_stmt_store_result_fn
  package let mysql_store_result: cmariadb_mysql_store_result_fn

  private init(_ library: SharedLibrary) throws(LibraryUnavailable) {
    mysql_close = try library.function("mysql_close")
    mysql_errno = try library.function("mysql_errno")
    mysql_error = try library.function("mysql_error")
    mysql_fetch_fields = try library.function("mysql_fetch_fields")
    mysql_field_count = try library.function("mysql_field_count")
    mysql_free_result = try library.function("mysql_free_result")
    mysql_get_server_info = try library.function("mysql_get_server_info")
    mysql_init = try library.function("mysql_init")
    mysql_next_result = try library.function("mysql_next_result")
    mysql_num_fields = try library.function("mysql_num_fields")
    mysql_options = try library.function("mysql_options")
    mysql_real_connect = try library.function("mysql_real_connect")
    mysql_real_query = try library.function("mysql_real_query")
    mysql_stmt_attr_set = try library.function("mysql_stmt_attr_set")
    mysql_stmt_bind_param = try library.function("mysql_stmt_bind_param")
    mysql_stmt_bind_result = try library.function("mysql_stmt_bind_result")
    mysql_stmt_close = try library.function("mysql_stmt_close")
    mysql_stmt_errno = try library.function("mysql_stmt_errno")
    mysql_stmt_error = try library.function("mysql_stmt_error")
    mysql_stmt_execute = try library.function("mysql_stmt_execute")
    mysql_stmt_fetch = try library.function("mysql_stmt_fetch")
    mysql_stmt_fetch_column = try library.function("mysql_stmt_fetch_column")
    mysql_stmt_free_result = try library.function("mysql_stmt_free_result")
    mysql_stmt_init = try library.function("mysql_stmt_init")
    mysql_stmt_param_count = try library.function("mysql_stmt_param_count")
    mysql_stmt_prepare = try library.function("mysql_stmt_prepare")
    mysql_stmt_result_metadata = try library.function("mysql_stmt_result_metadata")
    mysql_stmt_store_result = try library.function("mysql_stmt_store_result")
    mysql_store_result = try library.function("mysql_store_result")
  }
}
