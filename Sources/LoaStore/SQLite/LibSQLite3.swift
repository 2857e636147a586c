import CSQLite3
import LoaCore

/// The SQLite functions loa calls, from `libsqlite3.so.0` opened with `dlopen` at the first
/// connection (``SharedLibrary``): a run where nothing changed never opens the database, and
/// loading the library cost it about a tenth of its instructions in symbol binding
/// (Benchmarks/analysis.md, "The no-op, round three"). Unlike libpq and libmariadb, SQLite is
/// the default database, so the package depends on it; the function types come from CSQLite3's
/// shim.h; keep the two lists in step. A connection and its statements keep the table, so a
/// call is one indirect call, as a PLT call is.
package struct LibSQLite3: @unchecked Sendable {
  /// The library, or why it cannot be loaded; `dlopen`ed once, at the first call.
  private static let loaded = Result { () throws(LibraryUnavailable) -> LibSQLite3 in
    try LibSQLite3(
      SharedLibrary.open("libsqlite3.so.0", package: "libsqlite3-0", testKey: "SQLITE3"))
  }

  /// The loaded functions.
  ///
  /// - Throws: ``LibraryUnavailable`` when `libsqlite3.so.0` (or one of its functions) cannot
  ///   be loaded: exit 69, with the package to install.
  package static func load() throws(LibraryUnavailable) -> LibSQLite3 { try loaded.get() }

  package let sqlite3_bind_int64: csqlite3_bind_int64_fn
  package let sqlite3_bind_parameter_index: csqlite3_bind_parameter_index_fn
  package let sqlite3_bind_text: csqlite3_bind_text_fn
  package let sqlite3_busy_timeout: csqlite3_busy_timeout_fn
  package let sqlite3_clear_bindings: csqlite3_clear_bindings_fn
  package let sqlite3_close: csqlite3_close_fn
  package let sqlite3_close_v2: csqlite3_close_v2_fn
  package let sqlite3_column_bytes: csqlite3_column_bytes_fn
  package let sqlite3_column_count: csqlite3_column_count_fn
  package let sqlite3_column_double: csqlite3_column_double_fn
  package let sqlite3_column_int64: csqlite3_column_int64_fn
  package let sqlite3_column_name: csqlite3_column_name_fn
  package let sqlite3_column_text: csqlite3_column_text_fn
  package let sqlite3_column_type: csqlite3_column_type_fn
  package let sqlite3_errmsg: csqlite3_errmsg_fn
  package let sqlite3_exec: csqlite3_exec_fn
  package let sqlite3_extended_result_codes: csqlite3_extended_result_codes_fn
  package let sqlite3_finalize: csqlite3_finalize_fn
  package let sqlite3_free: csqlite3_free_fn
  package let sqlite3_open_v2: csqlite3_open_v2_fn
  package let sqlite3_prepare_v3: csqlite3_prepare_v3_fn
  package let sqlite3_progress_handler: csqlite3_progress_handler_fn
  package let sqlite3_reset: csqlite3_reset_fn
  package let sqlite3_step: csqlite3_step_fn

  private init(_ library: SharedLibrary) throws(LibraryUnavailable) {
    sqlite3_bind_int64 = try library.function("sqlite3_bind_int64")
    sqlite3_bind_parameter_index = try library.function("sqlite3_bind_parameter_index")
    sqlite3_bind_text = try library.function("sqlite3_bind_text")
    sqlite3_busy_timeout = try library.function("sqlite3_busy_timeout")
    sqlite3_clear_bindings = try library.function("sqlite3_clear_bindings")
    sqlite3_close = try library.function("sqlite3_close")
    sqlite3_close_v2 = try library.function("sqlite3_close_v2")
    sqlite3_column_bytes = try library.function("sqlite3_column_bytes")
    sqlite3_column_count = try library.function("sqlite3_column_count")
    sqlite3_column_double = try library.function("sqlite3_column_double")
    sqlite3_column_int64 = try library.function("sqlite3_column_int64")
    sqlite3_column_name = try library.function("sqlite3_column_name")
    sqlite3_column_text = try library.function("sqlite3_column_text")
    sqlite3_column_type = try library.function("sqlite3_column_type")
    sqlite3_errmsg = try library.function("sqlite3_errmsg")
    sqlite3_exec = try library.function("sqlite3_exec")
    sqlite3_extended_result_codes = try library.function("sqlite3_extended_result_codes")
    sqlite3_finalize = try library.function("sqlite3_finalize")
    sqlite3_free = try library.function("sqlite3_free")
    sqlite3_open_v2 = try library.function("sqlite3_open_v2")
    sqlite3_prepare_v3 = try library.function("sqlite3_prepare_v3")
    sqlite3_progress_handler = try library.function("sqlite3_progress_handler")
    sqlite3_reset = try library.function("sqlite3_reset")
    sqlite3_step = try library.function("sqlite3_step")
  }
}
