#if canImport(Glibc)
  import Glibc
#endif

/// One environment variable, read with `getenv`. `ProcessInfo.processInfo.environment` copies
/// every variable into a new dictionary on each call, about a tenth of a run where nothing
/// changed when three places asked for it (Benchmarks/analysis.md, "The no-op, round three").
package enum Environment {
  /// The variable's value (empty when set to nothing), or nil when it is not set. Bytes that
  /// are not UTF-8 are repaired with U+FFFD.
  package static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
