#include "CFuzzDriver.h"
#include <stddef.h>
#include <stdint.h>

/* From libFuzzer (compiler-rt/lib/fuzzer/FuzzerInterface.h / FuzzerDriver.cpp). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

int cfuzz_run(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
