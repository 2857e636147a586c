import LoaCore

/// One problem found in the data. Validation problems are collected, never thrown: the run
/// keeps going and reports them at the end (`--strict` turns warnings into failures).
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// Worth knowing; the output is as intended (e.g. a scheduled article left out).
    case info
    /// The data was repaired or an item was left out; the feeds are still correct.
    case warning
    /// A configuration or data problem the operator must fix.
    case error

    private var rank: Int {
      switch self {
      case .info: return 0
      case .warning: return 1
      case .error: return 2
      }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// What happened to the article.
  public enum Action: String, Sendable, Equatable {
    /// The value was repaired and the item published.
    case repaired
    /// The item was left out of every feed.
    case leftOut = "left-out"
    /// Nothing changed; a remark.
    case noted
  }

  public var severity: Severity
  public var action: Action
  /// The article, when the issue is about one.
  public var articleID: Int64?
  /// The category, when the issue is about one.
  public var categoryID: Int64?
  /// The row, when the issue is about one whose id is not an integer
  /// (``RawArticleRow/rowName``: `row with id NULL`, `row with id 'abc'`, `row with id 2.5`).
  public var row: String?
  /// The column or config key concerned, e.g. `published_at`.
  public var field: String
  public var message: String

  public init(
    _ severity: Severity, _ action: Action, article: Int64? = nil, category: Int64? = nil,
    row: String? = nil, field: String, _ message: String
  ) {
    self.row = row
    self.severity = severity
    self.action = action
    self.articleID = article
    self.categoryID = category
    self.field = field
    self.message = message
  }

  /// `item 42: published_at: "32/13/2026" is not a date; left out`.
  public var description: String {
    var s = ""
    if let row { s += row + ": " } else if let articleID { s += "item \(articleID): " } else if let categoryID {
      s += "category \(categoryID): "
    }
    s += field + ": " + message
    return s
  }
}

/// Collects issues and counts for one run.
///
/// Notes (info level) are kept only when someone will read them (`keepNotes`: `--report` or
/// `-v`); otherwise they are only counted, so a run's memory does not grow with the number of
/// articles it publishes (nearly every article has a note, such as "normalized to NFC").
public final class RunReport: @unchecked Sendable {
  private let lock = Mutex()
  private var _issues: [ValidationIssue] = []
  private var counts: [ValidationIssue.Severity: Int] = [:]
  public let keepNotes: Bool
  public private(set) var articlesRead = 0
  /// Distinct articles in at least one feed.
  public private(set) var itemsPublished = 0
  public private(set) var itemsLeftOut = 0
  public private(set) var scheduled = 0
  public private(set) var filesWritten: [String] = []
  public private(set) var filesUnchanged: [String] = []

  public init(keepNotes: Bool = true) { self.keepNotes = keepNotes }

  /// The issues, in the order they were added (notes only when kept).
  public var issues: [ValidationIssue] { lock.withLock { _issues } }

  public func add(_ issue: ValidationIssue) {
    lock.withLock {
      if issue.severity != .info || keepNotes { _issues.append(issue) }
      counts[issue.severity, default: 0] += 1
      if issue.action == .leftOut { itemsLeftOut += 1 }
    }
  }

  func countRead() { lock.withLock { articlesRead += 1 } }
  func setPublished(_ n: Int) { lock.withLock { itemsPublished = n } }
  func countScheduled() { lock.withLock { scheduled += 1 } }
  func fileWritten(_ path: String) { lock.withLock { filesWritten.append(path) } }
  func fileUnchanged(_ path: String) { lock.withLock { filesUnchanged.append(path) } }

  /// Number of issues at `severity` (notes counted even when not kept).
  public func count(_ severity: ValidationIssue.Severity) -> Int {
    lock.withLock { counts[severity] ?? 0 }
  }
}
