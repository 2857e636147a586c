import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one place every file-system change of a run passes through (creating a folder or a
/// temporary file, writing, `fsync`, renaming, removing), in the output directory and in the
/// state directory alike.
///
/// In release builds it does nothing. In debug builds (the ones the tests run) it gives the
/// crash tests a deterministic handle on a run, read once from the environment:
///
/// - `LOA_TEST_KILL_AT_FS_OP=N`: the process kills itself with `SIGKILL` immediately before
///   its N-th operation (1-based), so a test can enumerate every point of a run at which it
///   could die, with no timing involved.
/// - `LOA_TEST_FS_OP_LOG=FILE`: each operation appends one line `N op path` to FILE, so a test
///   knows how many operations a run makes.
/// - `LOA_TEST_SWAP_AT_FS_OP=N:FOLDER:TARGET`: immediately before operation N, the folder
///   FOLDER (absolute) is renamed away and replaced by a symlink to TARGET: the race in
///   which a category folder is swapped for a link while a run works in it.
///
/// Only changes count: reading never alters what is on disk, so a kill before a read leaves
/// the same files as a kill after the change before it.
enum FileOperation {
  /// Called before every change; `path` names what it touches, for the log.
  @inline(__always)
  static func willChange(_ operation: StaticString, _ path: @autoclosure () -> String) {
    #if DEBUG
      FaultInjection.shared?.step(operation, path())
    #endif
  }
}

#if DEBUG
  /// Test builds only: see ``FileOperation``.
  final class FaultInjection: @unchecked Sendable {
    static let shared: FaultInjection? = FaultInjection(ProcessInfo.processInfo.environment)

    private let lock = Mutex()
    private var count = 0
    private let killAt: Int?
    private let log: Int32?
    private let swap: (at: Int, folder: String, target: String)?

    init?(_ environment: [String: String]) {
      killAt = environment["LOA_TEST_KILL_AT_FS_OP"].flatMap { Int($0) }
      if let path = environment["LOA_TEST_FS_OP_LOG"] {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        log = fd >= 0 ? fd : nil
      } else {
        log = nil
      }
      if let spec = environment["LOA_TEST_SWAP_AT_FS_OP"] {
        let parts = spec.split(separator: ":", maxSplits: 2).map(String.init)
        if parts.count == 3, let n = Int(parts[0]) {
          swap = (n, parts[1], parts[2])
        } else {
          swap = nil
        }
      } else {
        swap = nil
      }
      if killAt == nil && log == nil && swap == nil { return nil }
    }

    func step(_ operation: StaticString, _ path: String) {
      lock.withLock {
        count += 1
        if let log {
          let line = Array("\(count) \(operation) \(path)\n".utf8)
          _ = line.withUnsafeBytes { Glibc.write(log, $0.baseAddress, $0.count) }
        }
        if let swap, swap.at == count {
          _ = rename(swap.folder, swap.folder + ".swapped-away")
          _ = symlink(swap.target, swap.folder)
        }
        if let killAt, killAt == count { raise(SIGKILL) }
      }
    }
  }
#endif
