import FoundationEssentials
import LoaCore
import LoaStore
import LoaWeather

/// One run of `loa publish`, `loa check` or `loa weather`, as a library operation.
///
/// A run is one transaction. It checks where it may write, takes the run lock, sweeps what a
/// killed run left behind, opens the database snapshot, claims every output path, builds,
/// cleans, renders and checks every file, and stages each one (feeds, `.gz` copies, OPML,
/// feed page, head links, weather box, a report inside the output directory) in one
/// ``OutputTransaction``. Only then does it commit them all, or, when the run failed or
/// `--strict` found a warning, discard them all: the published files stay exactly as they
/// were. docs/architecture.md draws the flow.
///
/// Everything it depends on is passed in (configuration, store factory, clock, logger,
/// environment), so tests run it in process; the command line only parses arguments, calls
/// ``run()`` and maps the outcome or error to an exit code.
public struct PublishRun {
  public enum Command: String, Sendable {
    case publish, check, weather
  }

  /// What the run did.
  public struct Outcome {
    public var report: RunReport
    /// True when no article, configuration or published file changed since the last run:
    /// no feed was rendered or written.
    public var nothingChanged = false
    /// Whether the files were held back (`--strict` with warnings): nothing was committed.
    public var heldBack = false
    /// The weather box, when the configuration has one and the run wrote it.
    public var weather: WeatherOutcome?
  }

  public var configuration: Configuration
  public var command: Command
  public var mode: PublishMode
  public var options: PublishOptions
  /// Where to write the JSON report (absolute), if asked.
  public var reportPath: String?
  /// How `output.directory` was given, for messages (`--output` or `output.directory`).
  public var outputKey = "output.directory"
  public var openStore: () throws -> ArticleStore
  /// Whether ``openStore`` opens `configuration.database` (no store was given), so its change
  /// token may be taken without opening it.
  private let opensConfiguredDatabase: Bool
  public var clock: Clock
  public var logger: Logger
  /// Where API keys are looked up; nil for the process's environment, read only by a run
  /// that fetches the weather.
  public var environment: [String: String]?
  /// Sends the weather request and the WebSub pings: ``HTTPClient`` (libcurl) unless a test
  /// gives its own, to run without a network or to see exactly what a run asks for.
  package var transport: any HTTPTransport = HTTPClient.shared
  /// Called with the number of rows read so far, as the run goes (progress on a terminal).
  public var progress: ((Int) -> Void)?

  public init(
    configuration: Configuration, command: Command = .publish, mode: PublishMode = .write,
    options: PublishOptions = PublishOptions(), reportPath: String? = nil,
    openStore: (() throws -> ArticleStore)? = nil, clock: Clock = SystemClock(),
    logger: Logger = .silent, environment: [String: String]? = nil
  ) {
    self.configuration = configuration
    self.command = command
    self.mode = mode
    self.options = options
    self.reportPath = reportPath
    self.openStore = openStore ?? { [configuration] in try configuration.openStore() }
    opensConfiguredDatabase = openStore == nil
    self.clock = clock
    self.logger = logger
    self.environment = environment
  }

  private var writes: Bool { mode == .write || mode == .strict }

  /// The report's path relative to the output directory when it lies inside it.
  private var reportInsideOutput: String? {
    guard let reportPath else { return nil }
    let root = OutputRoot.resolved(configuration.output.directory)
    let report = OutputRoot.resolved(reportPath)
    guard report.hasPrefix(root + "/") else { return nil }
    return String(report.dropFirst(root.count + 1))
  }

  /// Runs once.
  ///
  /// - Parameter report: collects every issue; the caller prints them, also when this throws.
  /// - Throws: ``ConfigError`` (a dangerous output directory, two outputs claiming one path),
  ///   ``LockError``, ``StoreError``, ``WriteError``; nothing published has changed then.
  public func run(report: RunReport) throws -> Outcome {
    var outcome = Outcome(report: report)
    try checkOutputRoot()
    var lock: RunLock?
    if writes || command == .weather {
      try OutputDirectory.makeDirectories(configuration.output.directory)
      lock = try RunLock(directory: configuration.output.directory)
    }
    defer { lock?.release() }
    let directory = writes || command == .weather
      ? try OutputDirectory(path: configuration.output.directory) : nil
    // Under the lock, before anything else: a run killed while writing leaves temporary
    // files even when the next run finds no article changed.
    directory?.removeAbandonedTemporaryFiles()
    let state = writes || command == .weather ? openState() : nil
    state?.sweepAbandoned()
    // Without a usable state directory, the publisher and the weather box keep nothing and
    // say nothing more about it: openState's warning is the one line.
    var publisherConfiguration = configuration
    if writes || command == .weather { publisherConfiguration.state.directory = state?.path }
    let transaction = directory.map {
      OutputTransaction(
        $0, force: options.force,
        gzipLevel: configuration.output.gzip ? Int32(configuration.output.gzipLevel) : nil)
    }
    if command == .weather, let transaction {
      try checkClaims(publisher: nil)
      outcome.weather = try runWeather(transaction, stateDirectory: state?.path)
      try transaction.commit()
      return outcome
    }

    // Nothing changed since the last run (configuration, database token, files, no scheduled
    // article due), decided with a few `stat` calls before categories or published feeds are
    // read: a platform checks thousands of sites so. With WebSub hubs the publisher runs, to
    // retry the pings a last run could not deliver.
    // Without a publisher (nothing changed), the shared tail below only runs the weather box
    // and commits its files and the report.
    let mayBeUnchanged = mode == .write && !options.force && configuration.websub.hubs.isEmpty
    func unchanged(_ token: String?) -> Bool {
      mayBeUnchanged
        && Publisher.unchangedSinceLastRun(
          publisherConfiguration, token: token, state: state, now: clock.now())
    }
    // A SQLite file's token is those `stat` calls alone: when it shows nothing changed, the
    // run neither loads libsqlite3 nor opens the database (Benchmarks/analysis.md, "The no-op,
    // round three"). A server's token needs a connection.
    let earlyToken =
      opensConfiguredDatabase && mayBeUnchanged ? configuration.database.tokenWithoutConnecting : nil
    let store = earlyToken != nil && unchanged(earlyToken) ? nil : try openStore()
    // Closed once: explicitly after the commit (its error counts), or here when the run failed.
    var storeOpen = store != nil
    defer { if storeOpen { try? store?.close() } }
    var publisher: Publisher?
    // Asked once: with an early token the answer was "changed" (a change since then only
    // makes it truer).
    if let store, earlyToken != nil || !unchanged(store.changeToken) {
      // Ids keep the prefix readers have seen (a domain move changes site.url's host).
      let p = try Publisher(
        configuration: PublishedIDPrefix.adopted(publisherConfiguration, logger: logger),
        store: store, clock: clock, logger: logger, report: report,
        mode: mode, options: options, transaction: transaction, state: state)
      p.transport = transport
      p.progress = progress
      // A run that will find nothing changed writes nothing: its claims are the last run's,
      // which were checked with the same configuration and categories (the run state is
      // saved only after a run that committed).
      if !p.willFindNothingChanged { try checkClaims(publisher: p) }
      try p.run()
      outcome.nothingChanged = p.nothingChanged
      publisher = p
    } else {
      outcome.nothingChanged = true
    }
    let mustHoldBack = publisher?.mustHoldBack ?? false

    // The weather box is time-driven, so it runs even when no article changed; its failures
    // are one warning and never fail the feeds (only --strict turns them into exit 1, and
    // then nothing at all is replaced).
    if let transaction, !mustHoldBack, let w = configuration.weather, w.enabled {
      outcome.weather = try runWeather(transaction, stateDirectory: state?.path)
    }
    outcome.heldBack = mustHoldBack || (mode == .strict && outcome.weather?.problem != nil)
    if let transaction {
      if outcome.heldBack {
        transaction.discard()
      } else {
        publisher?.recordStagedAsWritten()
        try stageReport(report, into: transaction)
        try report.phases.measure(.commit, count: report.filesWritten.count) {
          try transaction.commit()
        }
      }
      publisher?.finish(committed: !outcome.heldBack)
    }
    storeOpen = false
    try store?.close()
    // The report explains a held-back run, so it is written then too (alone).
    if let path = reportPath, outcome.heldBack || transaction == nil || reportInsideOutput == nil {
      if let relative = reportInsideOutput, let directory {
        let alone = OutputTransaction(directory)
        try alone.stage(RunReportJSON.encode(report, command: command.rawValue), to: relative)
        try alone.commit()
      } else {
        try RunReportJSON.write(report, command: command.rawValue, to: path)
      }
    }
    return outcome
  }

  private func stageReport(_ report: RunReport, into transaction: OutputTransaction) throws {
    guard let relative = reportInsideOutput else { return }
    let plain = OutputTransaction(transaction.directory, force: transaction.force)
    let prepared = try plain.prepare(
      RunReportJSON.encode(report, command: command.rawValue), to: relative)
    transaction.add(prepared.files)
  }

  /// Refuses an output directory that is `/`, a system folder, or holds the state, the
  /// configuration or the database (``OutputRoot``).
  private func checkOutputRoot() throws {
    var database: String?
    if case .sqlite(let path) = configuration.database.location { database = path }
    do {
      try OutputRoot.check(
        configuration.output.directory, key: outputKey, configuration: configuration.path,
        state: configuration.state.directory, database: database)
    } catch let e as ConfigError where outputKey == "--output" {
      // Given on the command line, it is a bad command line (exit 64).
      throw UsageError("--output: \(e.message)")
    }
  }

  /// Every output path of the run, claimed once (``OutputClaims``).
  private func checkClaims(publisher: Publisher?) throws {
    var claims = OutputClaims()
    if let publisher {
      publisher.claim(into: &claims)
    } else {
      Publisher.claimSiteFiles(of: configuration, into: &claims)
    }
    if let w = configuration.weather, w.enabled, writes || command == .weather {
      for (path, key) in [(w.htmlFile, "weather.output.html"), (w.jsonFile, "weather.output.json")] {
        claims.claim(path, by: key)
        claims.claim(path + ".gz", by: key + " (.gz)")
      }
    }
    if let relative = reportInsideOutput { claims.claim(relative, by: "--report") }
    try claims.check()
  }

  /// The state directory, or nil after one warning that says how to give loa one: the run
  /// goes on without (it renders everything and repeats every warning).
  private func openState() -> StateStore? {
    let fix = "set state.directory in the configuration or STATE_DIRECTORY to a folder loa may write"
    guard let path = configuration.state.directory else {
      logger.warning(
        "state",
        "no state directory (HOME, XDG_STATE_HOME and STATE_DIRECTORY are unset): every run renders everything and repeats every warning; \(fix)")
      return nil
    }
    do {
      let store = try StateStore(directory: path)
      if let problem = store.writeProblem() {
        logger.warning(
          "state",
          "cannot write the state directory \(path) (every run renders everything and repeats every warning): \(problem); \(fix)")
        return nil
      }
      return store
    } catch {
      logger.warning(
        "state",
        "cannot use the state directory \(path) (every run renders everything and repeats every warning): \(error); \(fix)")
      return nil
    }
  }

  private func runWeather(_ transaction: OutputTransaction, stateDirectory: String?) throws -> WeatherOutcome? {
    guard let w = configuration.weather, w.enabled else { return nil }
    let weather = WeatherPublisher(
      configuration: w, transaction: transaction, stateDirectory: stateDirectory,
      siteTimeZone: configuration.site.timeZone, clock: clock, logger: logger,
      environment: environment ?? ProcessInfo.processInfo.environment)
    weather.transport = transport
    return try weather.run()
  }
}
