import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A finished child process with its peak memory, as the kernel counted it.
public struct MeasuredProcessResult: Sendable {
  public let result: ProcessResult
  /// The child's peak resident set size in bytes (`ru_maxrss` from `wait4`; the kernel
  /// counts it in KiB). Only this child: not the test process, not other tests' children.
  public let peakResidentBytes: Int
  /// Whether the hang guard had to kill the child.
  public let killedByHangGuard: Bool
}

extension Subprocess {
  /// Runs `executable` like ``run(_:_:environment:currentDirectory:)`` and reports its peak
  /// resident memory: `posix_spawn`, then `wait4` for that one child's `rusage`.
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
    let guardState = HangGuard(pid: pid)
    DispatchQueue.global().asyncAfter(deadline: .now() + hangGuardSeconds) {
      guardState.fire()
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
    let killed = guardState.finish()
    // <sys/wait.h>'s macros, which Swift cannot import: the low 7 bits are the signal.
    let signal = status & 0x7F
    let result = ProcessResult(
      status: signal == 0 ? (status >> 8) & 0xFF : signal,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
      terminationSignal: signal == 0 ? nil : signal)
    return MeasuredProcessResult(
      result: result, peakResidentBytes: Int(usage.ru_maxrss) * 1024, killedByHangGuard: killed)
  }

  /// Kills a child that outlived its hang guard, unless it was reaped first (the pid may not
  /// be reused under us: both sides take the lock).
  private final class HangGuard: @unchecked Sendable {
    private let lock = NSLock()
    private let pid: pid_t
    private var reaped = false
    private var killed = false

    init(pid: pid_t) { self.pid = pid }

    func fire() {
      lock.withLock {
        guard !reaped else { return }
        killed = true
        kill(pid, SIGKILL)
      }
    }

    /// Marks the child reaped; true when the guard had killed it.
    func finish() -> Bool {
      lock.withLock {
        reaped = true
        return killed
      }
    }
  }
}
