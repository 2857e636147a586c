import CSystem

/// How the process's `malloc` keeps memory it frees (glibc's `mallopt`).
package enum MallocTuning {
  /// Keeps freed memory mapped for the next document instead of returning it to the kernel
  /// after each one: blocks under 32 MB from the heap, and up to 64 MB free at its top
  /// (glibc's defaults are 128 KB for both until a large free raises them). Called once, first
  /// thing, by the `loa` binary and `loa-bench`. Peak memory is what is live at once, so it
  /// does not grow; page faults drop by three quarters in a warm W3 run (Benchmarks/analysis.md,
  /// "Freed memory kept for the next document").
  package static func keepFreedMemory() {
    _ = csystem_keep_freed_memory()
  }
}
