import Foundation
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// Bounds that only stop a test that would otherwise wait forever: never a timing assertion.
///
/// CI runs the suite on a 2-core machine next to other CPU-heavy jobs, and the ASan pass runs
/// everything 2-5 times slower, so a test proves *what* happened (an error code, a message, a
/// request log) and keeps a clock only to end a hang. Every bound here is at least three times
/// the expected time and at least 20 s more than it (issue 11). A test that proves a deadline
/// makes the thing the deadline cuts (a trickle, a stall, a sleep) last longer than the hang
/// guard, so an ignored deadline still fails the test.
public enum HangGuard {
  /// The hang guard for something expected to take `expected` seconds: `max(3 × expected,
  /// expected + 20)`.
  public static func seconds(expecting expected: Double) -> Double {
    max(3 * expected, expected + 20)
  }

  /// Seconds on the monotonic clock (never the wall clock, which can jump).
  public static func now() -> Double { monotonicSeconds() }

  /// Monotonic seconds `body` took, for comparing with a hang guard only.
  public static func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return now() - start
  }

  /// Polls `condition` every 10 ms until it holds or `seconds` have passed.
  ///
  /// - Returns: whether the condition held (false: the hang guard gave up).
  public static func wait(seconds: Double, until condition: () throws -> Bool) rethrows -> Bool {
    let giveUp = now() + seconds
    while true {
      if try condition() { return true }
      if now() > giveUp { return false }
      usleep(10_000)
    }
  }

  /// Waits for `process` to exit; after `seconds`, kills it (SIGKILL) and waits for that.
  ///
  /// - Returns: whether the hang guard had to kill it.
  @discardableResult
  public static func waitUntilExit(_ process: Process, seconds: Double) -> Bool {
    let exited = wait(seconds: seconds) { !process.isRunning }
    if !exited { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return !exited
  }
}
