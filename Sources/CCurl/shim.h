#ifndef LOA_CCURL_SHIM_H
#define LOA_CCURL_SHIM_H
/* Debian's libcurl4-openssl-dev puts curl/ in the multiarch include folder, which is on the
   compiler's default search path. */
#include <curl/curl.h>

/* libcurl is not linked: LibCurl (LoaCore) opens libcurl.so.4 with dlopen at the first HTTP
   request. These are the types of the functions loa calls, for LibCurl's table; keep the list
   in step with it. */
typedef __typeof__(&curl_easy_cleanup) ccurl_curl_easy_cleanup_fn;
typedef __typeof__(&curl_easy_init) ccurl_curl_easy_init_fn;
typedef __typeof__(&curl_easy_perform) ccurl_curl_easy_perform_fn;
typedef __typeof__(&curl_global_init) ccurl_curl_global_init_fn;
typedef __typeof__(&curl_slist_append) ccurl_curl_slist_append_fn;
typedef __typeof__(&curl_slist_free_all) ccurl_curl_slist_free_all_fn;

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift can neither call nor hold
   as a typed pointer: LibCurl keeps their addresses untyped, and these wrappers call them with
   one typed argument each ("the option's argument type must match", curl_easy_setopt(3)). */
typedef __typeof__(&curl_easy_setopt) ccurl_setopt_variadic;
typedef __typeof__(&curl_easy_getinfo) ccurl_getinfo_variadic;
static inline CURLcode ccurl_setopt_long(void *setopt, CURL *h, CURLoption o, long v) {
  return ((ccurl_setopt_variadic)setopt)(h, o, v);
}
/* Strings are copied by libcurl (since 7.17.0), so a temporary C string is enough. */
static inline CURLcode ccurl_setopt_string(void *setopt, CURL *h, CURLoption o, const char *v) {
  return ((ccurl_setopt_variadic)setopt)(h, o, v);
}
static inline CURLcode ccurl_setopt_pointer(void *setopt, CURL *h, CURLoption o, void *v) {
  return ((ccurl_setopt_variadic)setopt)(h, o, v);
}
static inline CURLcode ccurl_setopt_off_t(void *setopt, CURL *h, CURLoption o, curl_off_t v) {
  return ((ccurl_setopt_variadic)setopt)(h, o, v);
}
/* CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION share this type. */
static inline CURLcode ccurl_setopt_callback(
    void *setopt, CURL *h, CURLoption o, curl_write_callback f) {
  return ((ccurl_setopt_variadic)setopt)(h, o, f);
}
static inline CURLcode ccurl_getinfo_long(void *getinfo, CURL *h, CURLINFO i, long *v) {
  return ((ccurl_getinfo_variadic)getinfo)(h, i, v);
}
/* CURL_GLOBAL_DEFAULT is a macro. */
static inline long ccurl_global_default(void) { return CURL_GLOBAL_DEFAULT; }
#endif
