#ifndef LOA_CSQLITE3_SHIM_H
#define LOA_CSQLITE3_SHIM_H
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import.
   "SQLITE_TRANSIENT means that the content will likely change in the near future and that
   SQLite should make its own private copy of the content before returning." */
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
