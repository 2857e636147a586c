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
}

/// Writes each line to standard error with one `write(2)` of the whole line, so lines from
/// concurrent writers never interleave (for lines up to `PIPE_BUF` on pipes).
public struct StderrSink: LogSink {
  public init() {}
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
    sink.write(line: line)
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
