#ifndef LOA_CCURL_SHIM_H
#define LOA_CCURL_SHIM_H
/* -I/usr/include/x86_64-linux-gnu comes from `pkg-config --cflags libcurl`. */
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
   wrapper per kind of argument ("the option's argument type must match", curl_easy_setopt(3)). */
static inline CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v) {
  return curl_easy_setopt(h, o, v);
}
/* Strings are copied by libcurl (since 7.17.0), so a temporary C string is enough. */
static inline CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v) {
  return curl_easy_setopt(h, o, v);
}
static inline CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v) {
  return curl_easy_setopt(h, o, v);
}
static inline CURLcode ccurl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) {
  return curl_easy_setopt(h, o, v);
}
/* CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION share this type. */
static inline CURLcode ccurl_setopt_callback(CURL *h, CURLoption o, curl_write_callback f) {
  return curl_easy_setopt(h, o, f);
}
static inline CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v) {
  return curl_easy_getinfo(h, i, v);
}
/* CURL_GLOBAL_DEFAULT is a macro. */
static inline CURLcode ccurl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
#endif
