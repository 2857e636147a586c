import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A finished child process with its peak memory.
public struct MeasuredProcessResult: Sendable {
  public let result: ProcessResult
  /// The child's peak resident set size in bytes: the largest `VmHWM` ("peak resident set
  /// size", proc(5)) read from `/proc/PID/status` every 2 ms until it exited. `VmHWM` only
  /// grows, so this misses at most the last 2 ms of growth.
  ///
  /// Not `wait4`'s `ru_maxrss`: `posix_spawn` starts the child on the parent's memory
  /// (`CLONE_VM`), and at `exec` the kernel folds the *parent's* peak into the child's
  /// `ru_maxrss` (`exec_mmap`), so a test runner at 180 MB made every child "180 MB".
  public let peakResidentBytes: Int
  /// Whether the hang guard had to kill the child.
  public let killedByHangGuard: Bool
}

extension Subprocess {
  /// Runs `executable` like ``run(_:_:environment:currentDirectory:)`` and reports its peak
  /// resident memory (``MeasuredProcessResult/peakResidentBytes``).
  ///
  /// Output goes through files in a temporary directory (no pipe can fill up).
  ///
  /// - Parameter hangGuardSeconds: the child is killed (SIGKILL) if it is still running after
  ///   this long; meant as a very generous bound, never as a timing assertion.
  public static func runMeasuringMemory(
    _ executable: String, _ arguments: [String], environment: [String: String],
    hangGuardSeconds: Double = 120
  ) throws -> MeasuredProcessResult {
    let dir = try TemporaryDirectory("loa-measured")
    defer { dir.remove() }
    let outPath = dir.path("stdout")
    let errPath = dir.path("stderr")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) }
    let envp = environment.map { strdup("\($0.key)=\($0.value)") }
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid: pid_t = 0
    let spawned: Int32 = (argv + [nil]).withUnsafeBufferPointer { a in
      (envp + [nil]).withUnsafeBufferPointer { e in
        guard let a = a.baseAddress, let e = e.baseAddress else { return EINVAL }
        return posix_spawn(&pid, executable, &actions, nil, a, e)
      }
    }
    guard spawned == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
    }
    // posix_spawn returns after the child's exec, so every read below is of the new program.
    let statusPath = "/proc/\(pid)/status"
    let giveUp = Date(timeIntervalSinceNow: hangGuardSeconds)
    var peakKiB = 0
    var killed = false
    var status: Int32 = 0
    while true {
      peakKiB = max(peakKiB, peakResidentKiB(statusPath))
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid { break }
      if reaped < 0 && errno != EINTR {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      if !killed && Date() > giveUp {
        killed = true
        kill(pid, SIGKILL)
      }
      usleep(2_000)
    }
    // <sys/wait.h>'s macros, which Swift cannot import: the low 7 bits are the signal.
    let signal = status & 0x7F
    let result = ProcessResult(
      status: signal == 0 ? (status >> 8) & 0xFF : signal,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
      terminationSignal: signal == 0 ? nil : signal)
    return MeasuredProcessResult(
      result: result, peakResidentBytes: peakKiB * 1024, killedByHangGuard: killed)
  }

  /// `VmHWM` in KiB from a `/proc/PID/status`; 0 when unreadable (the process is gone or a
  /// zombie, which has no memory left).
  private static func peakResidentKiB(_ path: String) -> Int {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.dropFirst(6).filter { $0.isNumber }
      return Int(digits) ?? 0
    }
    return 0
  }
}
