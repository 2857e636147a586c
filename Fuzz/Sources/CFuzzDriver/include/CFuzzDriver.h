#ifndef LOA_CFUZZDRIVER_H
#define LOA_CFUZZDRIVER_H

/* Runs libFuzzer on the target's LLVMFuzzerTestOneInput. SwiftPM links debug executables with
   `--defsym main=<Target>_main` (so tests can import them), which replaces libFuzzer's own
   `main`; each target's `<Target>_main` therefore calls this, which does what libFuzzer's
   `main` does. */
int cfuzz_run(int argc, char **argv);

#endif
