#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much `loa` says. Ordered from most to least verbose.
public enum LogLevel: Int, Sendable, Comparable, CustomStringConvertible {
  case debug = 0
  case info = 1
  case warning = 2
  case error = 3

  public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

  public var description: String {
    switch self {
    case .debug: return "debug"
    case .info: return "info"
    case .warning: return "warning"
    case .error: return "error"
    }
  }
}

/// Where log lines go: one call per complete line (without the newline).
public protocol LogSink: Sendable {
  func write(line: String)
  /// The same, knowing the line's level (``StderrSink`` prefixes a syslog priority under
  /// systemd); by default ``write(line:)``.
  func write(line: String, level: LogLevel)
}

extension LogSink {
  public func write(line: String, level: LogLevel) { write(line: line) }
}

/// Writes each line to standard error with one `write(2)` of the whole line, so lines from
/// concurrent writers never interleave (for lines up to `PIPE_BUF` on pipes).
///
/// When standard error is the journal (systemd sets `JOURNAL_STREAM` to its device and inode,
/// ``stderrIsJournal``), each line starts with its syslog priority (`<3>` error, `<4>`
/// warning, `<6>` info, `<7>` debug), which journald strips and records, so
/// `journalctl -p warning -u loa` shows the warnings and errors only.
public struct StderrSink: LogSink {
  /// Whether lines carry `<N>` priority prefixes.
  public let priorityPrefixes: Bool

  public init(priorityPrefixes: Bool = StderrSink.stderrIsJournal) {
    self.priorityPrefixes = priorityPrefixes
  }

  /// Whether standard error is the journal stream systemd connected, as sd-daemon(3)
  /// documents: `JOURNAL_STREAM` holds `DEVICE:INODE` (decimal) of that stream, and it is ours
  /// only when standard error's `fstat` has the same device and inode (a redirected stderr
  /// inherits the variable but not the stream).
  public static let stderrIsJournal: Bool = {
    guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
    let parts = value.split(separator: ":")
    guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
      return false
    }
    var st = stat()
    guard fstat(STDERR_FILENO, &st) == 0 else { return false }
    return UInt64(st.st_dev) == device && UInt64(st.st_ino) == inode
  }()

  /// The syslog priority of a level (sd-daemon's `SD_ERR`, `SD_WARNING`, `SD_INFO`, `SD_DEBUG`).
  public static func priority(_ level: LogLevel) -> Int {
    switch level {
    case .debug: return 7
    case .info: return 6
    case .warning: return 4
    case .error: return 3
    }
  }

  public func write(line: String, level: LogLevel) {
    write(line: priorityPrefixes ? "<\(Self.priority(level))>" + line : line)
  }

  public func write(line: String) {
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes {
        Glibc.write(STDERR_FILENO, $0.baseAddress! + done, $0.count - done)
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      done += n
    }
  }
}

/// Collects lines in memory; for tests.
public final class CapturingSink: LogSink, @unchecked Sendable {
  private var storage: [String] = []
  private let lock = Mutex()
  public init() {}
  public func write(line: String) { lock.withLock { storage.append(line) } }
  /// Every line written so far.
  public var lines: [String] { lock.withLock { storage } }
}

/// A small pthread mutex, for the few places that share mutable state across threads.
package final class Mutex: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  package init() { pthread_mutex_init(&mutex, nil) }
  deinit { pthread_mutex_destroy(&mutex) }
  package func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return try body()
  }
}

/// A leveled logger that writes one line per event: `loa: warning: [label] message`.
/// Libraries receive one; only the CLI builds it.
public struct Logger: Sendable {
  public var level: LogLevel
  public let sink: LogSink
  public let label: String

  public init(level: LogLevel = .warning, sink: LogSink = StderrSink(), label: String = "loa") {
    self.level = level
    self.sink = sink
    self.label = label
  }

  /// A logger that drops everything.
  public static var silent: Logger { Logger(level: .error, sink: NullSink()) }

  public func enabled(_ l: LogLevel) -> Bool { l >= level }

  public func log(_ l: LogLevel, _ topic: String?, _ message: @autoclosure () -> String) {
    guard l >= level else { return }
    var line = "\(label): \(l): "
    if let topic { line += "[\(topic)] " }
    line += Self.oneLine(message())
    sink.write(line: line, level: l)
  }

  public func debug(_ topic: String?, _ m: @autoclosure () -> String) { log(.debug, topic, m()) }
  public func info(_ topic: String?, _ m: @autoclosure () -> String) { log(.info, topic, m()) }
  public func warning(_ topic: String?, _ m: @autoclosure () -> String) { log(.warning, topic, m()) }
  public func error(_ topic: String?, _ m: @autoclosure () -> String) { log(.error, topic, m()) }

  /// Keeps a message on one line: control characters (newlines included) become spaces.
  package static func oneLine(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return s }
    return String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
  }
}

struct NullSink: LogSink {
  func write(line: String) {}
}
