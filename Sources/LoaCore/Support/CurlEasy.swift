import CCurl

/// Owns one libcurl easy handle and its request header list. Wraps `curl_easy_init` /
/// `curl_easy_cleanup` and `curl_slist_append` / `curl_slist_free_all`.
///
/// Only ``HTTPClient`` uses it: one handle per request, used and freed on the calling thread
/// ("you must never share the same handle in multiple threads", libcurl-thread(3)).
final class CurlEasy {
  /// `curl_global_init` once per process, before the first handle ("not thread-safe" before
  /// 7.84; this libcurl is 7.88, but the once is free).
  private static let globalInit: CURLcode? = (try? LibCurl.load()).map {
    $0.curl_global_init(ccurl_global_default())
  }

  private let curl: LibCurl
  private let handle: UnsafeMutableRawPointer
  private var headerList: UnsafeMutablePointer<curl_slist>?

  /// A new handle, or nil when libcurl cannot make one (out of memory, failed global init).
  init?(_ curl: LibCurl) {
    guard Self.globalInit == CURLE_OK, let h = curl.curl_easy_init() else { return nil }
    self.curl = curl
    handle = h
  }

  deinit {
    curl.curl_easy_cleanup(handle)
    if let headerList { curl.curl_slist_free_all(headerList) }
  }

  /// Sets a `long` option (`CURLOPTTYPE_LONG`).
  func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
    try check(ccurl_setopt_long(curl.curl_easy_setopt, handle, option, value), option)
  }

  /// Sets a string option; libcurl keeps its own copy.
  func set(_ option: CURLoption, _ value: String) throws(CurlError) {
    try check(
      value.withCString { ccurl_setopt_string(curl.curl_easy_setopt, handle, option, $0) }, option)
  }

  /// Sets a `curl_off_t` option.
  func set(_ option: CURLoption, offset value: Int64) throws(CurlError) {
    try check(ccurl_setopt_off_t(curl.curl_easy_setopt, handle, option, curl_off_t(value)), option)
  }

  /// Sets a data pointer option (`CURLOPT_WRITEDATA`, `CURLOPT_HEADERDATA`).
  func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlError) {
    try check(ccurl_setopt_pointer(curl.curl_easy_setopt, handle, option, pointer), option)
  }

  /// Sets a callback option (`CURLOPT_WRITEFUNCTION`, `CURLOPT_HEADERFUNCTION`).
  func set(_ option: CURLoption, callback: curl_write_callback) throws(CurlError) {
    try check(ccurl_setopt_callback(curl.curl_easy_setopt, handle, option, callback), option)
  }

  /// Replaces the request headers (`CURLOPT_HTTPHEADER`); each line is `Name: value`.
  func setHeaders(_ lines: [String]) throws(CurlError) {
    var list: UnsafeMutablePointer<curl_slist>?
    for line in lines {
      guard let appended = curl.curl_slist_append(list, line) else {
        if let list { curl.curl_slist_free_all(list) }
        throw CurlError(code: CURLE_OUT_OF_MEMORY, call: "curl_slist_append")
      }
      list = appended
    }
    if let headerList { curl.curl_slist_free_all(headerList) }
    headerList = list
    try set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(list))
  }

  /// A `long` from `curl_easy_getinfo`, or nil when libcurl has none.
  func info(_ what: CURLINFO) -> Int? {
    var value = 0
    return ccurl_getinfo_long(curl.curl_easy_getinfo, handle, what, &value) == CURLE_OK
      ? value : nil
  }

  /// Runs the transfer on the calling thread. Wraps `curl_easy_perform`.
  ///
  /// - Returns: libcurl's result code (`CURLE_OK` when the exchange completed, any status).
  func perform() -> CURLcode { curl.curl_easy_perform(handle) }

  private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlError) {
    guard code == CURLE_OK else {
      throw CurlError(code: code, call: "curl_easy_setopt(\(option.rawValue))")
    }
  }
}

/// A libcurl call that failed before any transfer: the C function and its code.
struct CurlError: Error, Sendable, CustomStringConvertible {
  let code: CURLcode
  let call: String

  var description: String { "\(call) failed (curl error \(code.rawValue))" }
}
