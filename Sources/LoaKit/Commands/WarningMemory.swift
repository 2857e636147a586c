import FoundationEssentials
import LoaCore

/// The warnings the last publish printed, kept in the state directory so that an unchanged bad
/// row is reported once, not again on every run in which anything else changed (cron would
/// mail the same lines each time an editor publishes).
///
/// A warning is remembered as one 64-bit fingerprint of what it is about (the article id, the
/// row, the category), the version of that row (``ValidationIssue/rowHash``, or the message
/// when there is none) and its ``ValidationIssue/Code``. Editing the row changes its hash, so
/// its warnings are printed again. The file holds only the fingerprints of the warnings of the
/// last run, that is of rows still in the output window, so it stays bounded.
///
/// Nothing here is essential: a missing or unreadable file means every warning is new.
struct WarningMemory: Equatable {
  private(set) var fingerprints: Set<UInt64>
  /// When the operator was last told about warnings (Unix seconds): printed in full, or
  /// reminded of by the one "known warnings" line. The reminder comes at most once per
  /// ``reminderInterval``, so a database with one bad row gives at most one cron mail a day.
  var toldAt: Int64?

  /// How long an unchanged warning goes unmentioned: a day.
  static let reminderInterval: Int64 = 86_400

  init(_ fingerprints: Set<UInt64> = [], toldAt: Int64? = nil) {
    self.fingerprints = fingerprints
    self.toldAt = toldAt
  }

  /// Whether a run at `now` with only known warnings should remind of them.
  func remindsAt(_ now: Int64) -> Bool {
    guard let toldAt else { return true }
    return now - toldAt >= Self.reminderInterval || now < toldAt
  }

  /// The fingerprint of a warning; nil for notes and errors (never held back).
  static func fingerprint(_ issue: ValidationIssue) -> UInt64? {
    guard issue.severity == .warning else { return nil }
    var h = FNV1a()
    if let row = issue.row {
      h.add("row " + row)
    } else if let article = issue.articleID {
      h.add("article \(article)")
    } else if let category = issue.categoryID {
      h.add("category \(category)")
    } else {
      h.add("site")
    }
    if let hash = issue.rowHash {
      h.add(String(hash, radix: 16))
    } else {
      h.add(issue.message)
    }
    h.add(issue.code?.rawValue ?? issue.field)
    h.add(issue.field)
    return h.value
  }

  /// The memory of `issues`: what the next run will not repeat.
  init(of issues: [ValidationIssue]) {
    self.init(Set(issues.compactMap(Self.fingerprint)))
  }

  func contains(_ issue: ValidationIssue) -> Bool {
    Self.fingerprint(issue).map { fingerprints.contains($0) } ?? false
  }

  /// The file's form: the fingerprints as sorted hex strings, and when the operator was told.
  private struct Stored: Codable {
    var warnings: [String]
    var toldAt: Int64?
  }

  static func load(_ store: StateStore, _ name: String) -> WarningMemory? {
    guard let data = store.read(name, limit: 4 << 20) else { return nil }
    if let stored = try? JSONDecoder().decode(Stored.self, from: Data(data)) {
      return WarningMemory(
        Set(stored.warnings.compactMap { UInt64($0, radix: 16) }), toldAt: stored.toldAt)
    }
    // The first form: the fingerprints alone.
    guard let hex = try? JSONDecoder().decode([String].self, from: Data(data)) else { return nil }
    return WarningMemory(Set(hex.compactMap { UInt64($0, radix: 16) }))
  }

  /// Sorted hex strings and the time: the same warnings told at the same time give the same
  /// bytes.
  func encoded() -> [UInt8] {
    let stored = Stored(warnings: fingerprints.sorted().map { String($0, radix: 16) }, toldAt: toldAt)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return [UInt8]((try? encoder.encode(stored)) ?? Data("{}".utf8))
  }
}
