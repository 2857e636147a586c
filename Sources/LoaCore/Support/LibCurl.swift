import CCurl

/// The libcurl functions loa calls, from `libcurl.so.4` opened with `dlopen` at the first HTTP
/// request (``SharedLibrary``): a run that fetches no weather and pings no hub never loads
/// libcurl and the TLS, LDAP, SSH and HTTP/2 libraries it brings. The function types come
/// from CCurl's shim.h; keep the two lists in step.
///
/// `curl_easy_setopt` and `curl_easy_getinfo` are variadic: their addresses are kept untyped
/// and called through the shim's typed `ccurl_setopt_*` / `ccurl_getinfo_long` wrappers.
package struct LibCurl: @unchecked Sendable {
  /// The library, or why it cannot be loaded; `dlopen`ed once, at the first call.
  private static let loaded = Result { () throws(LibraryUnavailable) -> LibCurl in
    try LibCurl(SharedLibrary.open("libcurl.so.4", package: "libcurl4", testKey: "CURL"))
  }

  /// The loaded functions.
  ///
  /// - Throws: ``LibraryUnavailable`` when `libcurl.so.4` (or one of its functions) cannot be
  ///   loaded: exit 69, with the package to install.
  package static func load() throws(LibraryUnavailable) -> LibCurl { try loaded.get() }

  let curl_easy_cleanup: ccurl_curl_easy_cleanup_fn
  let curl_easy_init: ccurl_curl_easy_init_fn
  let curl_easy_perform: ccurl_curl_easy_perform_fn
  let curl_global_init: ccurl_curl_global_init_fn
  let curl_slist_append: ccurl_curl_slist_append_fn
  let curl_slist_free_all: ccurl_curl_slist_free_all_fn

  /// `curl_easy_setopt`, for the shim's wrappers.
  let curl_easy_setopt: UnsafeMutableRawPointer
  /// `curl_easy_getinfo`, for the shim's wrappers.
  let curl_easy_getinfo: UnsafeMutableRawPointer

  private init(_ library: SharedLibrary) throws(LibraryUnavailable) {
    curl_easy_setopt = try library.address("curl_easy_setopt")
    curl_easy_getinfo = try library.address("curl_easy_getinfo")
    curl_easy_cleanup = try library.function("curl_easy_cleanup")
    curl_easy_init = try library.function("curl_easy_init")
    curl_easy_perform = try library.function("curl_easy_perform")
    curl_global_init = try library.function("curl_global_init")
    curl_slist_append = try library.function("curl_slist_append")
    curl_slist_free_all = try library.function("curl_slist_free_all")
  }
}
