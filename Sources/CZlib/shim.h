#ifndef LOA_CZLIB_SHIM_H
#define LOA_CZLIB_SHIM_H
#include <zlib.h>
/* deflateInit2 is a macro over deflateInit2_ (it passes ZLIB_VERSION and the stream size),
   which Swift cannot import. windowBits 15 + 16 asks for a gzip wrapper. */
static inline int czlib_deflate_init_gzip(z_streamp s, int level) {
  return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
/* The same with windowBits 15: the zlib wrapper, which is what HTTP calls "deflate"
   (RFC 9110 §8.4.1.2). Used by tests to build compressed answers. */
static inline int czlib_deflate_init_zlib(z_streamp s, int level) {
  return deflateInit2(s, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY);
}
#endif
