import LoaCore

/// How long each phase of a run took and how much it did, for `-v`: reading rows, cleaning
/// them, rendering and checking files, committing them. Render and check run on worker
/// threads, so theirs are the sums over the threads (they may exceed the run's wall time).
public final class RunPhases: @unchecked Sendable {
  public enum Phase: String, Sendable, CaseIterable {
    case read, clean, render, check, commit

    /// What the phase counts.
    var unit: String {
      switch self {
      case .read, .clean: return "rows"
      case .render, .check, .commit: return "files"
      }
    }
  }

  private let lock = Mutex()
  private var seconds: [Phase: Double] = [:]
  private var counts: [Phase: Int] = [:]

  public init() {}

  func add(_ phase: Phase, seconds s: Double, count: Int = 0) {
    lock.withLock {
      seconds[phase, default: 0] += s
      counts[phase, default: 0] += count
    }
  }

  /// Runs `body`, adding its duration and `count` to `phase`.
  func measure<T>(_ phase: Phase, count: Int = 0, _ body: () throws -> T) rethrows -> T {
    let start = monotonicSeconds()
    defer { add(phase, seconds: monotonicSeconds() - start, count: count) }
    return try body()
  }

  public func count(_ phase: Phase) -> Int { lock.withLock { counts[phase] ?? 0 } }

  /// `read 46 rows 12 ms, clean 46 rows 30 ms, render 36 files 41 ms, check 36 files 20 ms,
  /// commit 3 files 5 ms`.
  public var summary: String {
    lock.withLock {
      Phase.allCases.map { p in
        "\(p.rawValue) \(counts[p] ?? 0) \(p.unit) \(Int(((seconds[p] ?? 0) * 1000).rounded())) ms"
      }.joined(separator: ", ")
    }
  }
}
