#ifndef LOA_CZLIB_SHIM_H
#define LOA_CZLIB_SHIM_H
#include <zlib.h>
/* deflateInit2 is a macro over deflateInit2_ (it passes ZLIB_VERSION and the stream size),
   which Swift cannot import. windowBits 15 + 16 asks for a gzip wrapper. */
static inline int czlib_deflate_init_gzip(z_streamp s, int level) {
  return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
