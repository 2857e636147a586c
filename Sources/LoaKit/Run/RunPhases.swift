import LoaCore

/// How long each phase of a run took and how much it did, for `-v`: reading rows, cleaning
/// them, rendering and checking files, committing them. Render and check run on worker
/// threads, so theirs are the sums over the threads (they may exceed the run's wall time).
public final class RunPhases: @unchecked Sendable {
  public enum Phase: String, Sendable, CaseIterable {
    case read, clean, render, check, commit

    /// The phase's place in ``allCases``.
    var index: Int {
      switch self {
      case .read: return 0
      case .clean: return 1
      case .render: return 2
      case .check: return 3
      case .commit: return 4
      }
    }

    /// What the phase counts.
    var unit: String {
      switch self {
      case .read, .clean: return "rows"
      case .render, .check, .commit: return "files"
      }
    }
  }

  private let lock = Mutex()
  // Arrays indexed by phase, not dictionaries keyed by it: the first dictionary with a new key
  // type costs the Swift runtime a scan of every protocol conformance in the binary
  // (`Phase: Hashable`), a twentieth of a run where nothing changed (issue 16).
  private var seconds = [Double](repeating: 0, count: Phase.allCases.count)
  private var counts = [Int](repeating: 0, count: Phase.allCases.count)

  public init() {}

  func add(_ phase: Phase, seconds s: Double, count: Int = 0) {
    lock.withLock {
      seconds[phase.index] += s
      counts[phase.index] += count
    }
  }

  /// Runs `body`, adding its duration and `count` to `phase`.
  func measure<T>(_ phase: Phase, count: Int = 0, _ body: () throws -> T) rethrows -> T {
    let start = monotonicSeconds()
    defer { add(phase, seconds: monotonicSeconds() - start, count: count) }
    return try body()
  }

  public func count(_ phase: Phase) -> Int { lock.withLock { counts[phase.index] } }

  /// `read 46 rows 12 ms, clean 46 rows 30 ms, render 36 files 41 ms, check 36 files 20 ms,
  /// commit 3 files 5 ms`.
  public var summary: String {
    lock.withLock {
      Phase.allCases.map { p in
        "\(p.rawValue) \(counts[p.index]) \(p.unit) \(Int((seconds[p.index] * 1000).rounded())) ms"
      }.joined(separator: ", ")
    }
  }
}
