#ifndef LOA_CSQLITE3_SHIM_H
#define LOA_CSQLITE3_SHIM_H
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import.
   "SQLITE_TRANSIENT means that the content will likely change in the near future and that
   SQLite should make its own private copy of the content before returning." */
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/* libsqlite3 is not linked into loa: LibSQLite3 (LoaStore) opens libsqlite3.so.0 with dlopen at
   the first connection, so a run where nothing changed, which never opens the database, does
   not load it and bind its ~1,600 symbols (Benchmarks/analysis.md, "The no-op, round three").
   These are the types of the functions loa calls, for LibSQLite3's table; keep the list in
   step with it. (loa-bench links the library and calls it directly.) */
typedef __typeof__(&sqlite3_bind_int64) csqlite3_bind_int64_fn;
typedef __typeof__(&sqlite3_bind_parameter_index) csqlite3_bind_parameter_index_fn;
typedef __typeof__(&sqlite3_bind_text) csqlite3_bind_text_fn;
typedef __typeof__(&sqlite3_busy_timeout) csqlite3_busy_timeout_fn;
typedef __typeof__(&sqlite3_clear_bindings) csqlite3_clear_bindings_fn;
typedef __typeof__(&sqlite3_close) csqlite3_close_fn;
typedef __typeof__(&sqlite3_close_v2) csqlite3_close_v2_fn;
typedef __typeof__(&sqlite3_column_bytes) csqlite3_column_bytes_fn;
typedef __typeof__(&sqlite3_column_count) csqlite3_column_count_fn;
typedef __typeof__(&sqlite3_column_double) csqlite3_column_double_fn;
typedef __typeof__(&sqlite3_column_int64) csqlite3_column_int64_fn;
typedef __typeof__(&sqlite3_column_name) csqlite3_column_name_fn;
typedef __typeof__(&sqlite3_column_text) csqlite3_column_text_fn;
typedef __typeof__(&sqlite3_column_type) csqlite3_column_type_fn;
typedef __typeof__(&sqlite3_errmsg) csqlite3_errmsg_fn;
typedef __typeof__(&sqlite3_exec) csqlite3_exec_fn;
typedef __typeof__(&sqlite3_extended_result_codes) csqlite3_extended_result_codes_fn;
typedef __typeof__(&sqlite3_finalize) csqlite3_finalize_fn;
typedef __typeof__(&sqlite3_free) csqlite3_free_fn;
typedef __typeof__(&sqlite3_open_v2) csqlite3_open_v2_fn;
typedef __typeof__(&sqlite3_prepare_v3) csqlite3_prepare_v3_fn;
typedef __typeof__(&sqlite3_progress_handler) csqlite3_progress_handler_fn;
typedef __typeof__(&sqlite3_reset) csqlite3_reset_fn;
typedef __typeof__(&sqlite3_step) csqlite3_step_fn;
#endif
