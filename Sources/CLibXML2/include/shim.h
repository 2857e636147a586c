#ifndef LOA_CLIBXML2_SHIM_H
#define LOA_CLIBXML2_SHIM_H
/* libxml2's headers, found through include/libxml, a link to /usr/include/libxml2/libxml
   (where libxml2-dev installs them on Debian and Ubuntu): SwiftPM puts this target's include
   directory on every dependent's header path. Not a system library target with pkgConfig,
   which would also link libxml2 into loa (lazy.S says why it is not). */
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ICU headers clash with the newer ones Foundation ships
   ("'UErrorCode' has different definitions in different modules"). Hiding them only hides two
   trailing fields of xmlCharEncodingHandler, which loa never allocates by value. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* `xmlFree` is a global variable of function-pointer type (XMLPUBVAR); Swift 6 rejects reading
   a mutable global from nonisolated code, so it is called through this wrapper, which reads it
   from the libxml2 loaded on first use (lazy.c). */
void loa_xml2_free(void *pointer);
static inline void cxml_free(void *p) { loa_xml2_free(p); }

/* libxml2 reports parse and validity errors through a variadic callback, which Swift cannot
   implement. This no-op handler keeps them off stderr; loa reports its own one-line errors. */
static void cxml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, cxml_silent_error);
}
static inline void cxml_relaxng_silence(xmlRelaxNGValidCtxtPtr ctxt) {
  xmlRelaxNGSetValidErrors(ctxt, cxml_silent_error, cxml_silent_error, NULL);
}
static inline void cxml_relaxng_parser_silence(xmlRelaxNGParserCtxtPtr ctxt) {
  xmlRelaxNGSetParserErrors(ctxt, cxml_silent_error, cxml_silent_error, NULL);
}
#endif
