#ifndef LOA_CMARIADB_SHIM_H
#define LOA_CMARIADB_SHIM_H
/* -I/usr/include/mariadb comes from `pkg-config --cflags libmariadb` (Debian libmariadb-dev). */
#include <mysql.h>

/* MYSQL_NO_DATA and MYSQL_DATA_TRUNCATED are macros Swift imports as plain Int32 values, but
   CLIENT_MULTI_STATEMENTS is a `(1UL << 16)` expression Swift cannot import. */
static inline unsigned long cmariadb_client_multi_statements(void) {
  return CLIENT_MULTI_STATEMENTS;
}
#endif
