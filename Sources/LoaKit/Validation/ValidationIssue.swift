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

  /// What kind of problem a warning is, for docs/warnings.md (what it means, what to do) and
  /// for remembering which warnings a row has already had (``WarningMemory``).
  public enum Code: String, Sendable, CaseIterable {
    case idInvalid = "id-invalid"
    case idDuplicate = "id-duplicate"
    case invalidUTF8 = "invalid-utf8"
    case textRepaired = "text-repaired"
    case legacyEncoding = "legacy-encoding"
    case dateMissing = "date-missing"
    case dateInvalid = "date-invalid"
    case dateImplausible = "date-implausible"
    case dateFormatsMixed = "date-formats-mixed"
    case archivesNotUpdated = "archives-not-updated"
    case updatedInFuture = "updated-in-future"
    case updatedInvalid = "updated-invalid"
    case titleMissing = "title-missing"
    case linkMissing = "link-missing"
    case linkReplaced = "link-replaced"
    case imageDropped = "image-dropped"
    case contentRepaired = "content-repaired"
    case itemTooLarge = "item-too-large"
    case feedOverBudget = "feed-over-budget"
    case feedShrank = "feed-shrank"
    case clockSuspect = "clock-suspect"
    case categoryIDDuplicate = "category-id-duplicate"
    case categorySlugTaken = "category-slug-taken"
    case categorySlugLong = "category-slug-long"
    case categoryTextRepaired = "category-text-repaired"
    case categoryParentInvalid = "category-parent-invalid"
    case categoryCycle = "category-cycle"
    case rollUpEmpty = "roll-up-empty"
    case siteRemoved = "site-removed"
  }

  public var severity: Severity
  public var action: Action
  /// The kind of warning; nil for notes and errors that have none.
  public var code: Code?
  /// A hash of the row's content (``ItemBuilder/itemKey(_:)``) when the issue came from
  /// cleaning one row: an edit of the row makes its warnings new again.
  public var rowHash: UInt64?
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
    _ severity: Severity, _ action: Action, _ code: Code? = nil, article: Int64? = nil,
    category: Int64? = nil, row: String? = nil, field: String, _ message: String
  ) {
    self.code = code
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
  /// Time and counts per phase (``RunPhases``), for `-v`.
  public let phases = RunPhases()
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

  /// Warnings an earlier run already printed for the same row version (``WarningMemory``),
  /// by position in ``issues``: the command line prints them only with `-v`; the JSON report
  /// lists them all.
  private var repeated = Set<Int>()

  /// How many warnings are repeats of ones an earlier run printed.
  public var repeatedWarnings: Int { lock.withLock { repeated.count } }

  /// Whether the command line reminds of the repeated warnings in one line: when this run
  /// also has new warnings, or when the last reminder is a day old (``WarningMemory``).
  public var remindsOfKnownWarnings: Bool {
    get { lock.withLock { _remindsOfKnownWarnings } }
    set { lock.withLock { _remindsOfKnownWarnings = newValue } }
  }
  private var _remindsOfKnownWarnings = false

  /// Marks the warnings `isKnown` accepts as repeats.
  func markRepeated(_ isKnown: (ValidationIssue) -> Bool) {
    lock.withLock {
      for (i, issue) in _issues.enumerated() where issue.severity == .warning && isKnown(issue) {
        repeated.insert(i)
      }
    }
  }

  /// The issues to print: every one, or all but the repeated warnings.
  public func issues(includingRepeated: Bool) -> [ValidationIssue] {
    lock.withLock {
      includingRepeated ? _issues : _issues.enumerated().filter { !repeated.contains($0.offset) }.map(\.element)
    }
  }

  /// Number of issues at `severity` (notes counted even when not kept).
  public func count(_ severity: ValidationIssue.Severity) -> Int {
    lock.withLock { counts[severity] ?? 0 }
  }
}
