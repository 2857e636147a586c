/* The table behind lazy.S's stubs, and loading libxml2 into it (issue 16). */
#include "include/shim.h"

#if (defined(__x86_64__) || defined(__aarch64__)) && defined(__linux__)
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "functions.h"

#define LOA_XML2_DECLARE_LAZY(index, name) extern char loa_xml2_lazy_##name[];
LOA_XML2_FUNCTIONS(LOA_XML2_DECLARE_LAZY)

/* Where each stub jumps: its lazy entry until libxml2 is loaded, then the function. */
#define LOA_XML2_LAZY_ENTRY(index, name) (void *)loa_xml2_lazy_##name,
__attribute__((visibility("hidden"))) void *loa_xml2_functions[LOA_XML2_FUNCTION_COUNT] = {
  LOA_XML2_FUNCTIONS(LOA_XML2_LAZY_ENTRY)
};

#define LOA_XML2_NAME(index, name) #name,
static const char *const loa_xml2_names[LOA_XML2_FUNCTION_COUNT] = {
  LOA_XML2_FUNCTIONS(LOA_XML2_NAME)
};

/* libxml2's `xmlFree`, a global variable holding the deallocator it was set up with. */
static void (**loa_xml2_free_variable)(void *);

static pthread_once_t loa_xml2_once = PTHREAD_ONCE_INIT;

/* Binds every function, or stops loa with one line: without libxml2 it can write nothing. */
static void loa_xml2_bind(void) {
  /* The soname Debian and Ubuntu install (libxml2 2.9 to 2.14 keep it); RTLD_NOW: a missing
     symbol is found here, not at some later call. */
  const char *soname = "libxml2.so.2";
#if defined(DEBUG)
  /* Debug builds (the ones tests run) take another name from the environment, as
     SharedLibrary.open does for the database libraries, so a test can make it unloadable. */
  const char *override = getenv("LOA_TEST_DLOPEN_XML2");
  if (override) soname = override;
#endif
  void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  const char *problem = library ? NULL : dlerror();
  void *found[LOA_XML2_FUNCTION_COUNT];
  for (int i = 0; library && !problem && i < LOA_XML2_FUNCTION_COUNT; i++) {
    found[i] = dlsym(library, loa_xml2_names[i]);
    if (!found[i]) {
      const char *error = dlerror();
      problem = error ? error : loa_xml2_names[i];
    }
  }
  if (!problem) {
    loa_xml2_free_variable = (void (**)(void *))dlsym(library, "xmlFree");
    if (!loa_xml2_free_variable) {
      const char *error = dlerror();
      problem = error ? error : "xmlFree";
    }
  }
  if (problem) {
    /* The line and the status loa gives for a database client library it cannot load. */
    fprintf(stderr, "loa: cannot load %s (install the libxml2 package): %s\n", soname, problem);
    exit(69); /* EX_UNAVAILABLE */
  }
  for (int i = 0; i < LOA_XML2_FUNCTION_COUNT; i++) {
    __atomic_store_n(&loa_xml2_functions[i], found[i], __ATOMIC_RELEASE);
  }
}

__attribute__((visibility("hidden"))) void loa_xml2_load(void) {
  pthread_once(&loa_xml2_once, loa_xml2_bind);
}

void loa_xml2_free(void *pointer) {
  loa_xml2_load();
  (*loa_xml2_free_variable)(pointer);
}

#else
#error "libxml2 is loaded by stubs written for x86-64 and AArch64 Linux (lazy.S)"
#endif
