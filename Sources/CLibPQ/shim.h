#ifndef LOA_CLIBPQ_SHIM_H
#define LOA_CLIBPQ_SHIM_H
/* Debian's libpq-dev puts the header in /usr/include/postgresql (its own includes are quoted,
   so they resolve next to it). */
#include <postgresql/libpq-fe.h>

/* libpq is not linked: LibPQ (LoaStore) opens libpq.so.5 with dlopen at the first PostgreSQL
   connection, so runs that never use it do not load it and the ~20 libraries it brings. These
   are the types of the functions loa calls, for LibPQ's table; keep the list in step with it. */
typedef __typeof__(&PQclear) cpq_PQclear_fn;
typedef __typeof__(&PQconnectdb) cpq_PQconnectdb_fn;
typedef __typeof__(&PQconnectdbParams) cpq_PQconnectdbParams_fn;
typedef __typeof__(&PQconninfoFree) cpq_PQconninfoFree_fn;
typedef __typeof__(&PQconninfoParse) cpq_PQconninfoParse_fn;
typedef __typeof__(&PQconsumeInput) cpq_PQconsumeInput_fn;
typedef __typeof__(&PQdb) cpq_PQdb_fn;
typedef __typeof__(&PQerrorMessage) cpq_PQerrorMessage_fn;
typedef __typeof__(&PQexec) cpq_PQexec_fn;
typedef __typeof__(&PQfinish) cpq_PQfinish_fn;
typedef __typeof__(&PQfreemem) cpq_PQfreemem_fn;
typedef __typeof__(&PQftype) cpq_PQftype_fn;
typedef __typeof__(&PQgetResult) cpq_PQgetResult_fn;
typedef __typeof__(&PQgetisnull) cpq_PQgetisnull_fn;
typedef __typeof__(&PQgetlength) cpq_PQgetlength_fn;
typedef __typeof__(&PQgetvalue) cpq_PQgetvalue_fn;
typedef __typeof__(&PQhost) cpq_PQhost_fn;
typedef __typeof__(&PQisBusy) cpq_PQisBusy_fn;
typedef __typeof__(&PQnfields) cpq_PQnfields_fn;
typedef __typeof__(&PQntuples) cpq_PQntuples_fn;
typedef __typeof__(&PQport) cpq_PQport_fn;
typedef __typeof__(&PQputCopyData) cpq_PQputCopyData_fn;
typedef __typeof__(&PQputCopyEnd) cpq_PQputCopyEnd_fn;
typedef __typeof__(&PQresultErrorField) cpq_PQresultErrorField_fn;
typedef __typeof__(&PQresultErrorMessage) cpq_PQresultErrorMessage_fn;
typedef __typeof__(&PQresultStatus) cpq_PQresultStatus_fn;
typedef __typeof__(&PQsendPrepare) cpq_PQsendPrepare_fn;
typedef __typeof__(&PQsendQuery) cpq_PQsendQuery_fn;
typedef __typeof__(&PQsendQueryParams) cpq_PQsendQueryParams_fn;
typedef __typeof__(&PQsendQueryPrepared) cpq_PQsendQueryPrepared_fn;
typedef __typeof__(&PQsetNoticeProcessor) cpq_PQsetNoticeProcessor_fn;
typedef __typeof__(&PQsocket) cpq_PQsocket_fn;
typedef __typeof__(&PQstatus) cpq_PQstatus_fn;
#endif
