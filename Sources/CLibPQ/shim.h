#ifndef LOA_CLIBPQ_SHIM_H
#define LOA_CLIBPQ_SHIM_H
/* -I/usr/include/postgresql comes from `pkg-config --cflags libpq`. */
#include <libpq-fe.h>

/* libpq prints notices (e.g. "there is no transaction in progress") to stderr through a
   callback; loa keeps stderr for its own one-line messages. */
static void cpq_silent_notice(void *arg, const char *message) { (void)arg; (void)message; }
static inline void cpq_silence_notices(PGconn *conn) {
  PQsetNoticeProcessor(conn, cpq_silent_notice, NULL);
}
#endif
