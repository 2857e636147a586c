import Dispatch
import FoundationEssentials
import LoaCore
import LoaStore

/// `loa publish` of a platform (docs/multisite.md): every site of the `sites` table, each as
/// its own ``PublishRun`` into `<output.directory>/<slug>`, several at once, then the
/// roll-up at the top of the output directory.
///
/// Each site is its own transaction with its own lock, state and report: one site's bad rows,
/// failing weather source or full folder fails that site alone, and never leaves another
/// site's files half written. A site whose database rows, configuration and published files
/// are unchanged costs its no-op check alone (a few `stat` calls).
public struct PlatformRun: Sendable {
  /// `--shard I/N`: this process publishes the sites whose ``Shard/index(of:count:)`` is
  /// `index`; N processes with I = 1…N publish every site once, over the same output.
  public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
      self.index = index
      self.count = count
    }

    /// `"2/3"`, or nil for anything else (1 ≤ I ≤ N ≤ 10,000).
    public init?(_ text: String) {
      let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]),
        (1...10_000).contains(n), (1...n).contains(i)
      else { return nil }
      index = i
      count = n
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard (1…`count`) of a site: FNV-1a (64-bit) of its slug's bytes, modulo `count`,
    /// plus one. It depends on the slug alone, so it is the same on every machine and in every
    /// run, and a site keeps its shard when others are added.
    public static func index(of slug: String, count: Int) -> Int {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in slug.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
      }
      return Int(hash % UInt64(count)) + 1
    }

    public func contains(_ slug: String) -> Bool { Self.index(of: slug, count: count) == index }
  }

  /// What happened to one site.
  public struct SiteOutcome: Sendable {
    public var id: Int64
    public var slug: String
    /// The site's whole report until ``PlatformRun/siteFinished`` has seen it; then, unless
    /// ``PlatformRun/keepReports``, an empty one, so memory does not grow with the number of
    /// sites (a report lists every file written). The counts below stay.
    public var report: RunReport
    public var errors = 0
    public var warnings = 0
    public var filesWritten = 0
    /// Nil when the site failed before or while publishing (``error``).
    public var nothingChanged = false
    public var heldBack = false
    public var weatherProblem = false
    /// The failure that stopped this site, as the command line prints it.
    public var error: (any Error)?
    public var milliseconds = 0
  }

  /// What the run did.
  public struct Outcome: Sendable {
    /// Every site this run published (its shard's), in sites order.
    public var sites: [SiteOutcome] = []
    /// The roll-up's report; nil when this run wrote no roll-up (another shard does, or it is
    /// off).
    public var rollUp: SiteOutcome?
  }

  public var configuration: Configuration
  public var mode: PublishMode
  public var options: PublishOptions
  public var clock: Clock
  public var logger: Logger
  public var environment: [String: String]
  public var shard: Shard?
  /// `--site SLUG`: this site alone.
  public var onlySite: String?
  /// Whether the roll-up may be written: by an unsharded run or shard 1, never with `--site`.
  public var writesRollUp: Bool {
    (configuration.platform?.rollUp ?? false) && onlySite == nil && (shard.map { $0.index == 1 } ?? true)
  }
  package var transport: any HTTPTransport = HTTPClient.shared
  /// Called after each site with its outcome (the command line prints its lines as sites end).
  public var siteFinished: (@Sendable (SiteOutcome) -> Void)?
  /// Whether every site's whole report is kept until the run ends (`--report`, `--dry-run`);
  /// otherwise only its counts.
  public var keepReports = false

  public init(
    configuration: Configuration, mode: PublishMode = .write, options: PublishOptions = PublishOptions(),
    clock: Clock = SystemClock(), logger: Logger = .silent,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    shard: Shard? = nil, onlySite: String? = nil
  ) {
    self.configuration = configuration
    self.mode = mode
    self.options = options
    self.clock = clock
    self.logger = logger
    self.environment = environment
    self.shard = shard
    self.onlySite = onlySite
  }

  /// Publishes every site of this run's shard, then the roll-up.
  ///
  /// - Throws: what stops every site: ``ConfigError`` (a dangerous output directory),
  ///   ``StoreError`` (the database or its `sites` table cannot be read), ``UsageError`` (a
  ///   `--site` no row has). A failure of one site is in its ``SiteOutcome`` instead.
  public func run() throws -> Outcome {
    guard let platform = configuration.platform else {
      throw ConfigError(.missingKey, key: "platform", "is required for a platform run")
    }
    try OutputRoot.check(
      configuration.output.directory, key: "output.directory", configuration: configuration.path,
      state: configuration.state.directory,
      database: { if case .sqlite(let p) = configuration.database.location { return p } else { return nil } }())
    let first = try configuration.openPlatformStore()
    let rows: [SiteRow]
    do {
      rows = try first.sites()
    } catch {
      try? first.close()
      throw error
    }
    guard !rows.isEmpty else {
      try? first.close()
      throw StoreError(.schema, "the sites table (or \(configuration.database.queryKeys.sites)) has no row; a platform needs at least one site")
    }
    // Slugs name folders: a second row with a slug already taken is refused (its folder is
    // the first's), never merged into it.
    var seen: [String: Int64] = [:]
    var chosen: [(SiteRow, duplicateOf: Int64?)] = []
    for row in rows {
      let duplicate = seen[row.slug]
      if duplicate == nil { seen[row.slug] = row.id }
      if let onlySite, row.slug != onlySite { continue }
      if let shard, !shard.contains(row.slug) { continue }
      chosen.append((row, duplicate))
    }
    let selected = chosen
    if let onlySite, selected.isEmpty {
      try? first.close()
      throw UsageError("--site: no site has the slug \"\(onlySite)\" (\(rows.count) sites in the sites table)")
    }
    let results = SiteResults(count: selected.count)
    let workers = min(platform.workers, max(1, selected.count))
    let firstStore = SendableBox(first)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var store: ArticleStore? = worker == 0 ? firstStore.take() : nil
      while let i = results.next() {
        let (row, duplicateOf) = selected[i]
        let started = monotonicSeconds()
        var outcome = SiteOutcome(id: row.id, slug: row.slug, report: RunReport(keepNotes: logger.enabled(.info)))
        do {
          if let duplicateOf {
            throw Configuration.SiteError(
              message: "site \(row.id): slug \"\(row.slug)\" is already site \(duplicateOf)'s; give each site its own slug")
          }
          let site = try configuration.forSite(row)
          if store == nil { store = try configuration.openPlatformStore() }
          guard let open = store else { continue }
          try open.restrict(toSite: row.id)
          outcome = try publish(site, store: open, outcome: outcome)
        } catch {
          outcome.error = error
          // A connection that failed may be unusable: the next site opens a new one.
          if error is StoreError {
            try? store?.close()
            store = nil
          }
        }
        outcome.milliseconds = Int((monotonicSeconds() - started) * 1000)
        outcome.errors = outcome.report.count(.error)
        outcome.warnings = outcome.report.count(.warning)
        outcome.filesWritten = outcome.report.filesWritten.count
        siteFinished?(outcome)
        if !keepReports { outcome.report = RunReport() }
        results.set(i, outcome)
      }
      try? store?.close()
    }
    var result = Outcome(sites: results.all)
    if writesRollUp {
      result.rollUp = RollUpPublisher(
        run: self, sites: rows.filter { seen[$0.slug] == $0.id }, slugs: Set(rows.map(\.slug))
      ).publish()
    }
    return result
  }

  private func publish(_ site: Configuration, store: ArticleStore, outcome: SiteOutcome) throws -> SiteOutcome {
    var outcome = outcome
    var run = PublishRun(
      configuration: site, command: .publish, mode: mode, options: options,
      openStore: { BorrowedStore(store) }, clock: clock,
      logger: Logger(level: logger.level, sink: logger.sink, label: logger.label + ": " + outcome.slug),
      environment: environment)
    run.transport = transport
    let done = try run.run(report: outcome.report)
    outcome.nothingChanged = done.nothingChanged
    outcome.heldBack = done.heldBack
    outcome.weatherProblem = done.weather?.problem != nil
    return outcome
  }
}

/// A store lent to one site's ``PublishRun``: closing it leaves the connection (and its read
/// transaction) to the next site of the same worker.
final class BorrowedStore: ArticleStore {
  private let store: ArticleStore
  init(_ store: ArticleStore) { self.store = store }
  func categories() throws -> [CategoryRow] { try store.categories() }
  func forEachRawArticle(
    in selection: ArticleSelection, expecting: Int, _ body: (RawArticleRow) throws -> Bool
  ) throws {
    try store.forEachRawArticle(in: selection, expecting: expecting, body)
  }
  func publishedAtRange() throws -> (newest: String?, oldest: String?) { try store.publishedAtRange() }
  func statusCounts() throws -> StatusCounts { try store.statusCounts() }
  var usesArticlesQuery: Bool { store.usesArticlesQuery }
  func close() throws {}
  var changeToken: String? { store.changeToken }
  func sites() throws -> [SiteRow] { try store.sites() }
  func restrict(toSite id: Int64) throws { try store.restrict(toSite: id) }
  func forEachNewestAcrossSites(_ body: (Int64, Int64) throws -> Bool) throws {
    try store.forEachNewestAcrossSites(body)
  }
}

/// Hands a value made on one thread to the one worker that uses it.
final class SendableBox<T>: @unchecked Sendable {
  private let lock = Mutex()
  private var value: T?
  init(_ value: T) { self.value = value }
  func take() -> T? { lock.withLock { defer { value = nil }; return value } }
}

/// The sites still to publish, and their outcomes by position.
final class SiteResults: @unchecked Sendable {
  private let lock = Mutex()
  private var nextIndex = 0
  private var outcomes: [PlatformRun.SiteOutcome?]
  init(count: Int) { outcomes = Array(repeating: nil, count: count) }
  func next() -> Int? {
    lock.withLock {
      guard nextIndex < outcomes.count else { return nil }
      defer { nextIndex += 1 }
      return nextIndex
    }
  }
  func set(_ i: Int, _ outcome: PlatformRun.SiteOutcome) { lock.withLock { outcomes[i] = outcome } }
  var all: [PlatformRun.SiteOutcome] { lock.withLock { outcomes.compactMap { $0 } } }
}
