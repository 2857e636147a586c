#ifndef LOA_CMARIADB_SHIM_H
#define LOA_CMARIADB_SHIM_H
/* Debian's libmariadb-dev puts the header in /usr/include/mariadb (its own includes are quoted,
   so they resolve next to it). */
#include <mariadb/mysql.h>

/* MYSQL_NO_DATA and MYSQL_DATA_TRUNCATED are macros Swift imports as plain Int32 values, but
   CLIENT_MULTI_STATEMENTS is a `(1UL << 16)` expression Swift cannot import. */
static inline unsigned long cmariadb_client_multi_statements(void) {
  return CLIENT_MULTI_STATEMENTS;
}

/* libmariadb is not linked: LibMariaDB (LoaStore) opens libmariadb.so.3 with dlopen at the
   first MariaDB connection. These are the types of the functions loa calls, for LibMariaDB's
   table; keep the list in step with it. */
typedef __typeof__(&mysql_close) cmariadb_mysql_close_fn;
typedef __typeof__(&mysql_errno) cmariadb_mysql_errno_fn;
typedef __typeof__(&mysql_error) cmariadb_mysql_error_fn;
typedef __typeof__(&mysql_fetch_fields) cmariadb_mysql_fetch_fields_fn;
typedef __typeof__(&mysql_field_count) cmariadb_mysql_field_count_fn;
typedef __typeof__(&mysql_free_result) cmariadb_mysql_free_result_fn;
typedef __typeof__(&mysql_get_server_info) cmariadb_mysql_get_server_info_fn;
typedef __typeof__(&mysql_init) cmariadb_mysql_init_fn;
typedef __typeof__(&mysql_next_result) cmariadb_mysql_next_result_fn;
typedef __typeof__(&mysql_num_fields) cmariadb_mysql_num_fields_fn;
typedef __typeof__(&mysql_options) cmariadb_mysql_options_fn;
typedef __typeof__(&mysql_real_connect) cmariadb_mysql_real_connect_fn;
typedef __typeof__(&mysql_real_query) cmariadb_mysql_real_query_fn;
typedef __typeof__(&mysql_stmt_attr_set) cmariadb_mysql_stmt_attr_set_fn;
typedef __typeof__(&mysql_stmt_bind_param) cmariadb_mysql_stmt_bind_param_fn;
typedef __typeof__(&mysql_stmt_bind_result) cmariadb_mysql_stmt_bind_result_fn;
typedef __typeof__(&mysql_stmt_close) cmariadb_mysql_stmt_close_fn;
typedef __typeof__(&mysql_stmt_errno) cmariadb_mysql_stmt_errno_fn;
typedef __typeof__(&mysql_stmt_error) cmariadb_mysql_stmt_error_fn;
typedef __typeof__(&mysql_stmt_execute) cmariadb_mysql_stmt_execute_fn;
typedef __typeof__(&mysql_stmt_fetch) cmariadb_mysql_stmt_fetch_fn;
typedef __typeof__(&mysql_stmt_fetch_column) cmariadb_mysql_stmt_fetch_column_fn;
typedef __typeof__(&mysql_stmt_free_result) cmariadb_mysql_stmt_free_result_fn;
typedef __typeof__(&mysql_stmt_init) cmariadb_mysql_stmt_init_fn;
typedef __typeof__(&mysql_stmt_param_count) cmariadb_mysql_stmt_param_count_fn;
typedef __typeof__(&mysql_stmt_prepare) cmariadb_mysql_stmt_prepare_fn;
typedef __typeof__(&mysql_stmt_result_metadata) cmariadb_mysql_stmt_result_metadata_fn;
typedef __typeof__(&mysql_stmt_store_result) cmariadb_mysql_stmt_store_result_fn;
typedef __typeof__(&mysql_store_result) cmariadb_mysql_store_result_fn;
#endif
