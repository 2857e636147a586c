import CLibPQ
import LoaCore

/// The libpq functions loa calls, from `libpq.so.5` opened with `dlopen` at the first
/// PostgreSQL connection or connection-string parse (``SharedLibrary``): a run on SQLite never
/// loads libpq and the Kerberos, LDAP and TLS libraries it brings. The function types come
/// from CLibPQ's shim.h; keep the two lists in step.
package struct LibPQ: @unchecked Sendable {
  /// The library, or why it cannot be loaded; `dlopen`ed once, at the first call.
  private static let loaded = Result { () throws(LibraryUnavailable) -> LibPQ in
    try LibPQ(SharedLibrary.open("libpq.so.5", package: "libpq5", testKey: "PQ"))
  }

  /// The loaded functions.
  ///
  /// - Throws: ``LibraryUnavailable`` when `libpq.so.5` (or one of its functions) cannot be
  ///   loaded: exit 69, with the package to install.
  package static func load() throws(LibraryUnavailable) -> LibPQ { try loaded.get() }

  package let PQclear: cpq_PQclear_fn
  package let PQconnectdb: cpq_PQconnectdb_fn
  package let PQconnectdbParams: cpq_PQconnectdbParams_fn
  package let PQconninfoFree: cpq_PQconninfoFree_fn
  package let PQconninfoParse: cpq_PQconninfoParse_fn
  package let PQconsumeInput: cpq_PQconsumeInput_fn
  package let PQdb: cpq_PQdb_fn
  package let PQerrorMessage: cpq_PQerrorMessage_fn
  package let PQexec: cpq_PQexec_fn
  package let PQfinish: cpq_PQfinish_fn
  package let PQfreemem: cpq_PQfreemem_fn
  package let PQftype: cpq_PQftype_fn
  package let PQgetResult: cpq_PQgetResult_fn
  package let PQgetisnull: cpq_PQgetisnull_fn
  package let PQgetlength: cpq_PQgetlength_fn
  package let PQgetvalue: cpq_PQgetvalue_fn
  package let PQhost: cpq_PQhost_fn
  package let PQisBusy: cpq_PQisBusy_fn
  package let PQnfields: cpq_PQnfields_fn
  package let PQntuples: cpq_PQntuples_fn
  package let PQport: cpq_PQport_fn
  package let PQputCopyData: cpq_PQputCopyData_fn
  package let PQputCopyEnd: cpq_PQputCopyEnd_fn
  package let PQresultErrorField: cpq_PQresultErrorField_fn
  package let PQresultErrorMessage: cpq_PQresultErrorMessage_fn
  package let PQresultStatus: cpq_PQresultStatus_fn
  package let PQsendPrepare: cpq_PQsendPrepare_fn
  package let PQsendQuery: cpq_PQsendQuery_fn
  package let PQsendQueryParams: cpq_PQsendQueryParams_fn
  package let PQsendQueryPrepared: cpq_PQsendQueryPrepared_fn
  package let PQsetNoticeProcessor: cpq_PQsetNoticeProcessor_fn
  package let PQsocket: cpq_PQsocket_fn
  package let PQstatus: cpq_PQstatus_fn

  private init(_ library: SharedLibrary) throws(LibraryUnavailable) {
    PQclear = try library.function("PQclear")
    PQconnectdb = try library.function("PQconnectdb")
    PQconnectdbParams = try library.function("PQconnectdbParams")
    PQconninfoFree = try library.function("PQconninfoFree")
    PQconninfoParse = try library.function("PQconninfoParse")
    PQconsumeInput = try library.function("PQconsumeInput")
    PQdb = try library.function("PQdb")
    PQerrorMessage = try library.function("PQerrorMessage")
    PQexec = try library.function("PQexec")
    PQfinish = try library.function("PQfinish")
    PQfreemem = try library.function("PQfreemem")
    PQftype = try library.function("PQftype")
    PQgetResult = try library.function("PQgetResult")
    PQgetisnull = try library.function("PQgetisnull")
    PQgetlength = try library.function("PQgetlength")
    PQgetvalue = try library.function("PQgetvalue")
    PQhost = try library.function("PQhost")
    PQisBusy = try library.function("PQisBusy")
    PQnfields = try library.function("PQnfields")
    PQntuples = try library.function("PQntuples")
    PQport = try library.function("PQport")
    PQputCopyData = try library.function("PQputCopyData")
    PQputCopyEnd = try library.function("PQputCopyEnd")
    PQresultErrorField = try library.function("PQresultErrorField")
    PQresultErrorMessage = try library.function("PQresultErrorMessage")
    PQresultStatus = try library.function("PQresultStatus")
    PQsendPrepare = try library.function("PQsendPrepare")
    PQsendQuery = try library.function("PQsendQuery")
    PQsendQueryParams = try library.function("PQsendQueryParams")
    PQsendQueryPrepared = try library.function("PQsendQueryPrepared")
    PQsetNoticeProcessor = try library.function("PQsetNoticeProcessor")
    PQsocket = try library.function("PQsocket")
    PQstatus = try library.function("PQstatus")
  }
}
