import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// Progress of a long run on a terminal (`-v`, standard error a TTY): one line rewritten in
/// place (`\r`), at most once a second, only after the run has lasted two seconds (a first run
/// over a large database; an ordinary run ends before), and erased at the end. Never when
/// standard error is not a terminal: cron mail and the journal get only whole lines.
final class TerminalProgress: @unchecked Sendable {
  private let started = monotonicSeconds()
  private var lastShown = 0.0
  private var shown = false

  /// A progress line on standard error, or nil when it is not a terminal.
  static func onStandardError() -> TerminalProgress? {
    isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
  }

  func update(rowsRead: Int) {
    let now = monotonicSeconds()
    guard now - started >= 2, now - lastShown >= 1 else { return }
    lastShown = now
    shown = true
    write("\r\u{1B}[Kloa: \(rowsRead) articles read and cleaned…")
  }

  /// Erases the line, once.
  func finish() {
    guard shown else { return }
    shown = false
    write("\r\u{1B}[K")
  }

  private func write(_ text: String) {
    let bytes = Array(text.utf8)
    // Best effort: a progress line that cannot be shown is not worth an error.
    _ = try? bytes.withUnsafeBytes { buffer in
      try retryingSyscall("write") { Glibc.write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }
  }
}
