import FoundationEssentials
import LoaCore
import LoaXML

/// Renders, checks and stages the files of one feed, on any thread.
///
/// The CPU-heavy half of a publish (three serializers, libxml2 re-parsing, RELAX NG
/// validation) runs on worker threads while the publisher's thread reads and cleans the next
/// category. A renderer touches nothing shared but the file system (each path its own
/// temporary file) and its pool of validators; everything it decides comes back as a
/// ``FeedOutcome`` that the publisher applies on its own thread, in feed order, so reports,
/// lists and files are the same whatever order the workers finish in.
final class FeedRenderer: @unchecked Sendable {
  let formats: [FeedFormat]
  let budget: Int
  let site: SiteInfo
  let mode: PublishMode
  let force: Bool
  /// Where files are staged (publish); nil when nothing is written (check, dry run).
  let transaction: OutputTransaction?
  /// The published files, for a dry run's comparison.
  let output: OutputDirectory?
  /// Hashes of files that passed their check in an earlier run of this build and
  /// configuration (``RunState/checked``): the same bytes pass again without a re-check.
  let previouslyChecked: [String: String]
  private let validators = ValidatorPool(RelaxNGValidator.atom)
  private let sitemapValidators = ValidatorPool(RelaxNGValidator.sitemap)
  /// Where render and check times go (``RunPhases``).
  var phases: RunPhases?

  init(
    formats: [FeedFormat], budget: Int, site: SiteInfo, mode: PublishMode, force: Bool,
    transaction: OutputTransaction?, output: OutputDirectory?,
    previouslyChecked: [String: String]
  ) {
    self.formats = formats
    self.budget = budget
    self.site = site
    self.mode = mode
    self.force = force
    self.transaction = transaction
    self.output = output
    self.previouslyChecked = previouslyChecked
  }

  /// How a rendered file is checked: XML re-parsed, Atom validated against RFC 4287, sitemaps
  /// against loa's sitemap grammar (``RelaxNGValidator/sitemap()``), JSON re-parsed; HTML
  /// pages are built by libxml2 from a tree and need no re-parse.
  enum Check { case xml, atom, sitemap, json, html }

  /// Renders `feed` in every format, keeping every file within `feeds.maxFeedBytes` (the same
  /// items in every format), then checks and stages the files.
  ///
  /// Over budget, an item too large for any feed on its own is left out (the publisher reports
  /// it once, with its id); of the rest, the oldest are dropped until every format fits. One
  /// huge article never empties a feed.
  func render(_ feed: Feed) -> FeedOutcome {
    var outcome = FeedOutcome(categoryID: feed.categoryID)
    do {
      func render(_ f: Feed) throws -> [[UInt8]] {
        let start = monotonicSeconds()
        defer { phases?.add(.render, seconds: monotonicSeconds() - start, count: formats.count) }
        return try formats.map { try $0.serializer.serialize(f, site: site) }
      }
      func fits(_ r: [[UInt8]]) -> Bool { r.allSatisfy { $0.count <= budget } }
      var rendered = try render(feed)
      var kept = feed
      if !fits(rendered) {
        var candidates: [FeedItem] = []
        for item in feed.items {
          var alone = feed
          alone.items = [item]
          let r = try render(alone)
          if fits(r) {
            candidates.append(item)
          } else {
            outcome.tooLarge.append((item.articleID, r.map(\.count).max() ?? 0))
          }
        }
        // Binary search for the most (newest) candidates that fit in every format.
        kept.items = candidates
        rendered = try render(kept)
        if !fits(rendered) {
          var lo = 0
          var hi = candidates.count - 1
          var best: (Feed, [[UInt8]])?
          while lo <= hi {
            let mid = (lo + hi) / 2
            var candidate = feed
            candidate.items = Array(candidates.prefix(mid))
            let r = try render(candidate)
            if fits(r) {
              best = (candidate, r)
              lo = mid + 1
            } else {
              hi = mid - 1
            }
          }
          if let best {
            kept = best.0
            rendered = best.1
          } else {
            kept.items = []
            rendered = try render(kept)
          }
          let dropped = candidates.count - kept.items.count
          outcome.issues.append(.init(.warning, .noted, .feedOverBudget, category: feed.categoryID, field: "feed", "\(feed.path(formats[0])): \(dropped) oldest item\(dropped == 1 ? "" : "s") left out to stay under \(budget) bytes (feeds.maxFeedBytes)"))
        }
      }
      for (format, bytes) in zip(formats, rendered) {
        try emit(
          bytes, kept.path(format), check: format == .json ? .json : format == .atom ? .atom : .xml,
          into: &outcome)
      }
      outcome.kept = kept
    } catch {
      outcome.error = error
    }
    return outcome
  }

  /// Renders an archive document (RFC 5005) in every format, checks and stages the files.
  ///
  /// An archive holds every item of its month: `feeds.maxFeedBytes` does not apply (the
  /// subscription feed is the small one). Archives are not announced to WebSub hubs.
  func renderArchive(_ feed: Feed) -> FeedOutcome {
    var outcome = FeedOutcome(categoryID: feed.categoryID)
    outcome.isArchive = true
    do {
      for format in formats {
        let bytes = try format.serializer.serialize(feed, site: site)
        try emit(
          bytes, feed.path(format),
          check: format == .json ? .json : format == .atom ? .atom : .xml, into: &outcome)
      }
    } catch {
      outcome.error = error
    }
    outcome.changedFeeds = []
    return outcome
  }

  /// Checks a rendered file, then stages it (or only notes it, by mode).
  func emit(_ bytes: [UInt8], _ path: String, check: Check, into outcome: inout FeedOutcome)
    throws
  {
    let hash = FileHash.of(bytes)
    if previouslyChecked[path] != hash {
      let start = monotonicSeconds()
      defer { phases?.add(.check, seconds: monotonicSeconds() - start, count: 1) }
      let problem: String?
      switch check {
      case .xml: problem = OutputCheck.xmlProblem(bytes)
      case .json: problem = OutputCheck.jsonProblem(bytes)
      case .html: problem = bytes.isEmpty ? "empty" : nil
      case .atom: problem = try validators.withValidator { $0.problem(bytes) }
      case .sitemap: problem = try sitemapValidators.withValidator { $0.problem(bytes) }
      }
      if let problem {
        outcome.issues.append(.init(.error, .noted, field: path, "failed its check and was not published (the previous file is kept): \(problem)"))
        return
      }
    }
    outcome.checked[path] = hash
    outcome.published.append(path)
    let isFeed = check == .atom || check == .json || path.hasSuffix("rss.xml")
    switch mode {
    case .check:
      return
    case .dryRun:
      if force || output.map({ !$0.holds(bytes, at: path) }) ?? true {
        if isFeed { outcome.changedFeeds.append(path) }
        outcome.written.append(path)
      } else {
        outcome.unchanged.append(path)
      }
      return
    case .write, .strict:
      break
    }
    guard let transaction else { return }
    let prepared = try transaction.prepare(bytes, to: path)
    outcome.staged += prepared.files
    outcome.removals += prepared.removals
    if transaction.gzipLevel != nil { outcome.published.append(path + ".gz") }
    if prepared.outcome == .written {
      if isFeed { outcome.changedFeeds.append(path) }
    } else {
      outcome.unchanged.append(path)
    }
  }
}

/// What rendering one feed (or one file) decided, for the publisher to apply in order.
struct FeedOutcome {
  var categoryID: Int64?
  /// The feed as published (its items after the size budget); nil for a single file.
  var kept: Feed?
  /// Whether this is an archive document (``FeedRenderer/renderArchive(_:)``).
  var isArchive = false
  /// Articles too large for a feed on their own, with the size of such a feed.
  var tooLarge: [(Int64, Int)] = []
  var issues: [ValidationIssue] = []
  var staged: [OutputDirectory.StagedFile] = []
  /// Stale `.gz` copies to remove on commit.
  var removals: [String] = []
  /// Every file this feed publishes (changed or not).
  var published: [String] = []
  var changedFeeds: [String] = []
  /// Dry runs: files that would be written; every mode: files left as they were.
  var written: [String] = []
  var unchanged: [String] = []
  /// Hashes of the files that passed their check.
  var checked: [String: String] = [:]
  /// A failure to stage (disk full, permissions): the run fails.
  var error: Error?

  init(categoryID: Int64? = nil) { self.categoryID = categoryID }
}

/// RELAX NG validators of one schema for worker threads: libxml2's validation context is not
/// thread-safe, so each concurrent validation takes its own (compiled once, then reused).
final class ValidatorPool: @unchecked Sendable {
  private let lock = Mutex()
  private var idle: [RelaxNGValidator] = []
  /// Compiles another validator (``RelaxNGValidator/atom()``, ``RelaxNGValidator/sitemap()``).
  private let make: @Sendable () throws -> RelaxNGValidator

  init(_ make: @escaping @Sendable () throws -> RelaxNGValidator) { self.make = make }

  func withValidator<R>(_ body: (RelaxNGValidator) throws -> R) throws -> R {
    // Compiling a schema touches libxml2's global type registry, so it happens under the lock.
    let v = try lock.withLock { try idle.popLast() ?? make() }
    defer { lock.withLock { idle.append(v) } }
    return try body(v)
  }
}

/// A 128-bit hash of a file's bytes, as 32 hex digits, to recognize bytes that were already
/// checked: two independent 64-bit multiply–xor lanes over 8-byte words (not cryptographic;
/// the bytes are loa's own output, so nobody chooses them to collide).
enum FileHash {
  static func of(_ bytes: [UInt8]) -> String {
    let (a, b) = bytes.withUnsafeBytes { lanes($0) }
    return hex(a) + hex(b)
  }

  /// The first lane alone, for checksums.
  static func value(_ raw: UnsafeRawBufferPointer) -> UInt64 { lanes(raw).0 }

  static func lanes(_ raw: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
    var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
    var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(raw.count)
    do {
      let n = raw.count / 8
      for k in 0..<n {
        let w = raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
        a = (a ^ w) &* 0xFF51_AFD7_ED55_8CCD
        a ^= a >> 29
        b = (b &+ w) &* 0xC4CE_B9FE_1A85_EC53
        b ^= b >> 31
      }
      var tail: UInt64 = 0
      for k in (n * 8)..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
      a = (a ^ tail) &* 0xFF51_AFD7_ED55_8CCD
      b = (b &+ tail) &* 0xC4CE_B9FE_1A85_EC53
      a ^= a >> 33
      b ^= b >> 33
    }
    return (a, b)
  }

  private static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
