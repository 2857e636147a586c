import FoundationEssentials
import LoaCore

/// What one weather run did.
public struct WeatherOutcome: Sendable {
  /// What the published box shows.
  public var state: WeatherState
  /// One line describing the source's failure and what the box shows instead; nil when the source
  /// answered well (or was rightly not asked).
  ///
  /// Already logged as a warning by the publisher: print it again only if you want it twice. Never
  /// contains the API key or a URL.
  public var problem: String?
  /// The failure itself, for choosing an exit code (``WeatherError/isTransient``).
  public var error: WeatherError?
  /// Whether the source was asked in this run (false while MET's `Expires` or a
  /// `Retry-After` holds, or when the section is disabled).
  public var sourceAsked: Bool
  /// Output paths (relative to the output directory) written, and left unchanged.
  public var filesWritten: [String]
  public var filesUnchanged: [String]
  /// The source time of the data shown; nil when unavailable.
  public var observedAt: Int64?
}

/// Publishes the weather box: asks the source (or reads the file), validates, keeps the last
/// good snapshot, decides fresh / stale / unavailable, renders `weather.html` and
/// `weather.json` and writes both atomically (unchanged files are not touched).
///
/// A source failure is never thrown: it is one warning line in the log and comes back in
/// ``WeatherOutcome/problem``. The whole fetch, retries included, ends within
/// `http.totalTimeoutSeconds`. See docs/weather.md.
public final class WeatherPublisher {
  public let configuration: WeatherConfiguration
  private let transaction: OutputTransaction
  private let stateDirectory: String?
  private let zone: SiteTimeZone
  private let clock: Clock
  private let logger: Logger
  private let environment: [String: String]
  /// Sends the weather request: ``HTTPClient`` unless a test gives its own.
  package var transport: any HTTPTransport = HTTPClient.shared

  /// - Parameters:
  ///   - transaction: the run's output transaction: both files are staged in it (committed
  ///     with the feeds, or discarded with them); `output.html` / `output.json` are relative
  ///     to its directory. Its `force` rewrites them even when unchanged.
  ///   - stateDirectory: where the last good snapshot is kept; nil keeps nothing between runs.
  ///   - siteTimeZone: the zone times are shown in (its offset; no tzdata needed).
  ///   - clock: "now", for ages, `Expires` and `Retry-After`.
  ///   - environment: where the API key's variable is looked up (the process environment in
  ///     the CLI; a dictionary in tests).
  package init(
    configuration: WeatherConfiguration, transaction: OutputTransaction,
    stateDirectory: String?, siteTimeZone: SiteTimeZone, clock: Clock, logger: Logger,
    environment: [String: String]
  ) {
    self.configuration = configuration
    self.transaction = transaction
    self.stateDirectory = stateDirectory
    self.zone = siteTimeZone
    self.clock = clock
    self.logger = logger
    self.environment = environment
  }

  /// The memory file's name: one per output directory and snippet, so several sites can share
  /// a state directory.
  public var stateFileName: String {
    "weather-" + StateStore.key(configuration.htmlFile, transaction.directory.path) + ".json"
  }

  /// Runs once.
  ///
  /// - Throws: ``WriteError`` when `weather.html` or `weather.json` cannot be written (the
  ///   published file is then unchanged), ``XMLWriterError`` if libxml2 fails to allocate.
  public func run() throws -> WeatherOutcome {
    guard configuration.enabled else {
      return WeatherOutcome(
        state: .unavailable, problem: nil, error: nil, sourceAsked: false, filesWritten: [],
        filesUnchanged: [], observedAt: nil)
    }
    let now = clock.now()
    let key = configuration.sourceKey
    var memory = loadMemory(key) ?? WeatherMemory(sourceKey: key)
    let source = WeatherSource(
      configuration: configuration, zone: zone, environment: environment, logger: logger,
      transport: transport)
    let kind = configuration.source.kind

    var asked = true
    var failure: (WeatherError, Int)?
    switch configuration.source {
    case .file(let format, let path):
      apply(source.readFile(path: path, format: format, now: now), to: &memory, now: now, &failure)
    case .network(let format, _):
      if let until = memory.retryAfter, until > now {
        asked = false
        logger.info(
          "weather", "\(kind): not asked: rate limited until \(show(until)) (Retry-After)")
      } else if format == .metNorway, let expires = memory.expires, expires > now,
        memory.snapshot != nil
      {
        asked = false
        logger.debug("weather", "\(kind): not asked: data valid until \(show(expires)) (Expires)")
      } else {
        let since = format == .metNorway && memory.snapshot != nil ? memory.lastModified : nil
        let result = source.fetch(format: format, now: now, ifModifiedSince: since)
        apply(result, to: &memory, now: now, &failure)
      }
    }

    // Decide what to show. A file source without `checkAge` is shown as of its own time.
    var state = WeatherState.unavailable
    var shown: WeatherSnapshot?
    var reference = now
    if let s = memory.snapshot {
      if case .file = configuration.source, !configuration.checkFileAge { reference = s.observedAt }
      let age = reference - s.observedAt
      if age <= configuration.staleAfterSeconds {
        state = .fresh
      } else if age <= configuration.hideAfterSeconds {
        state = .stale
      }
      if state != .unavailable { shown = s }
    }

    var problem: String?
    if let (error, attempts) = failure {
      var line = "\(kind): \(error.message)"
      if attempts > 1 { line += " after \(attempts) attempts" }
      switch (state, shown) {
      case (.fresh, let s?): line += "; kept the data from \(show(s.observedAt))"
      case (.stale, let s?): line += "; showing the data from \(show(s.observedAt)) marked as old"
      default: line += "; the box says no data is available"
      }
      problem = line
      logger.warning("weather", line)
    }

    let view = WeatherView(
      state: state, configuration: configuration, zone: zone, snapshot: shown,
      today: WeatherText.localDay(utc: reference, offset: zone.offset(atUTC: reference)),
      lastError: memory.lastError)
    let html = try WeatherHTMLRenderer.render(view)
    let json = WeatherJSONRenderer.render(view)

    saveMemory(memory)
    var written: [String] = []
    var unchanged: [String] = []
    for (bytes, path) in [(html, configuration.htmlFile), (json, configuration.jsonFile)] {
      switch try transaction.stage(bytes, to: path) {
      case .written:
        written.append(path)
        logger.debug("write", "\(path): staged")
      case .unchanged:
        unchanged.append(path)
        logger.debug("write", "\(path): unchanged")
      }
    }
    logger.info(
      "weather",
      "\(kind): \(state.rawValue)" + (shown.map { ", data from \(show($0.observedAt))" } ?? ""))
    return WeatherOutcome(
      state: state, problem: problem, error: failure?.0, sourceAsked: asked,
      filesWritten: written, filesUnchanged: unchanged, observedAt: shown?.observedAt)
  }

  /// Folds a source result into the memory.
  private func apply(
    _ result: SourceResult, to memory: inout WeatherMemory, now: Int64,
    _ failure: inout (WeatherError, Int)?
  ) {
    let isFile: Bool
    if case .file = configuration.source { isFile = true } else { isFile = false }
    switch result {
    case .data(let s, let expires, let lastModified):
      memory.snapshot = s
      memory.fetchedAt = isFile ? nil : now
      memory.expires = cappedExpires(expires, now: now)
      memory.lastModified = lastModified
      memory.retryAfter = nil
      memory.lastError = nil
    case .notModified(let expires, let lastModified):
      logger.debug("weather", "\(configuration.source.kind): not modified since the last fetch")
      memory.fetchedAt = now
      memory.expires = cappedExpires(expires, now: now) ?? memory.expires
      memory.lastModified = lastModified ?? memory.lastModified
      memory.retryAfter = nil
      memory.lastError = nil
    case .failed(let e, let attempts):
      failure = (e, attempts)
      memory.lastError = .init(at: now, code: e.code.rawValue, httpStatus: e.httpStatus)
      if e.code == .rateLimited { memory.retryAfter = e.retryAfter }
    }
  }

  /// MET's `Expires`, at most `staleAfterMinutes` ahead: a server saying "2099" must not stop
  /// loa from ever asking again while the box goes stale.
  private func cappedExpires(_ expires: Int64?, now: Int64) -> Int64? {
    expires.map { min($0, now + configuration.staleAfterSeconds) }
  }

  private func show(_ utc: Int64) -> String {
    WeatherText.clockAndDate(Timestamp(utc: utc, offset: zone.offset(atUTC: utc)))
  }

  private func loadMemory(_ key: String) -> WeatherMemory? {
    guard let dir = stateDirectory, let store = try? StateStore(directory: dir) else { return nil }
    // A missing file is the normal first run.
    guard let data = store.read(stateFileName, limit: 1_048_576) else { return nil }
    guard let m = WeatherMemory.decode(data) else {
      logger.warning("weather", "ignoring the unreadable weather state file \(dir)/\(stateFileName)")
      return nil
    }
    guard m.sourceKey == key else {
      logger.info("weather", "the source or place changed; the saved weather data is not used")
      return nil
    }
    return m
  }

  private func saveMemory(_ m: WeatherMemory) {
    guard let dir = stateDirectory else {
      logger.debug("weather", "no state directory: the last good data is not kept")
      return
    }
    do {
      try StateStore(directory: dir).write(m.encoded(), to: stateFileName)
    } catch {
      logger.warning("weather", "cannot save the last good weather data: \(error)")
    }
  }
}
