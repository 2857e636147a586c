import LoaCore
import LoaStore
import LoaXML

/// Exit statuses (sysexits.h), as documented in docs/exit-codes.md.
package enum ExitStatus: Int32, Sendable {
  case success = 0
  /// Validation failed (`--strict` with warnings, or a generated file failed its check).
  case validationFailed = 1
  case usage = 64
  case noInput = 66
  case unavailable = 69
  case software = 70
  case cannotCreate = 73
  case ioError = 74
  case temporaryFailure = 75
  case config = 78
}

import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// A bad command line.
package struct UsageError: Error, Sendable, CustomStringConvertible {
  package let message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}

/// The `loa` command line, in the library so tests can run it in-process.
package enum LoaCommandLine {
  /// Runs `loa` with the process's own arguments, as `main` receives them.
  ///
  /// Swift's `CommandLine.arguments` replaces bytes that are not UTF-8 with U+FFFD, so an
  /// `--output` or `--config` holding such a path would name another folder, or a file that
  /// does not exist. Such an argument is refused (exit 64) before anything else, naming its
  /// position and showing it with `\xFF` escapes.
  package static func run(
    argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
  ) -> Int32 {
    var arguments: [String] = []
    for index in 1..<Int(max(argc, 1)) {
      guard let pointer = argv[index] else { break }
      let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer))
        .map { UInt8(bitPattern: $0) }
      guard let argument = String(validating: bytes, as: UTF8.self) else {
        let (status, message) = describe(
          UsageError("argument \(index) is not UTF-8: \"\(escaped(bytes))\"; loa reads every argument as UTF-8"))
        Logger(level: .error, sink: StderrSink()).error(nil, message)
        return status.rawValue
      }
      arguments.append(argument)
    }
    return run(arguments: arguments)
  }

  /// `bytes` for a message: valid UTF-8 as it is, control characters, `\` and `"` escaped, every
  /// byte of an invalid sequence as `\xHH`.
  static func escaped(_ bytes: [UInt8]) -> String {
    var out = ""
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    func hex(_ b: UInt8) -> String {
      "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let scalar = Unicode.UTF8.decode(encoded)
        offset += encoded.count
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          out += hex(UInt8(truncatingIfNeeded: scalar.value))
        } else if scalar == "\\" || scalar == "\"" {
          out += "\\" + String(scalar)
        } else {
          out.unicodeScalars.append(scalar)
        }
      case .error(let length):
        for b in bytes[offset..<min(offset + length, bytes.count)] { out += hex(b) }
        offset += length
      case .emptyInput:
        return out
      }
    }
  }

  /// Runs `loa` with `arguments` (without the program name).
  ///
  /// - Parameters:
  ///   - standardOutput: receives what the command prints on stdout.
  ///   - sink: receives log lines (stderr in the real program).
  ///   - clock: "now", unless `--now` is given.
  /// - Returns: the exit status.
  package static func run(
    arguments: [String], standardOutput: (String) -> Void = { print($0, terminator: "") },
    sink: LogSink = StderrSink(), clock: Clock = SystemClock()
  ) -> Int32 {
    var logger = Logger(level: .warning, sink: sink)
    do {
      var args = arguments[...]
      guard let command = args.popFirst() else {
        throw UsageError("no command given; try `loa --help`")
      }
      switch command {
      case "-h", "--help":
        standardOutput(usage + "\n")
        return ExitStatus.success.rawValue
      case "help":
        guard let topic = args.popFirst() else {
          standardOutput(usage + "\n")
          return ExitStatus.success.rawValue
        }
        guard LoaCommandInfo.named(topic) != nil, args.isEmpty else {
          throw UsageError(unknownCommand(topic, args: args))
        }
        standardOutput(help(for: topic) + "\n")
        return ExitStatus.success.rawValue
      case "--version", "-V", "version":
        standardOutput("loa \(LoaVersion.current)\n")
        return ExitStatus.success.rawValue
      case "--generate-man":
        // Hidden: writes docs/loa.1 (Tests/LoaCLITests/ManualTests checks the committed copy).
        standardOutput(manPage())
        return ExitStatus.success.rawValue
      case "completions":
        switch args.first {
        case "bash" where args.count == 1: standardOutput(bashCompletion())
        case "zsh" where args.count == 1: standardOutput(zshCompletion())
        case "-h", "--help": standardOutput(help(for: "completions") + "\n")
        default: throw UsageError("completions needs one shell: bash or zsh")
        }
        return ExitStatus.success.rawValue
      case "config":
        guard let sub = args.first, sub == "dump" || sub == "-h" || sub == "--help" else {
          throw UsageError("config needs a subcommand: dump; try `loa help config`")
        }
        if sub == "dump" { args = args.dropFirst() }
        let options = try PublishArguments.parse(args, command: "config")
        if options.help {
          standardOutput(help(for: "config") + "\n")
          return ExitStatus.success.rawValue
        }
        standardOutput(try Configuration.load(path: options.configPath).dumped())
        return ExitStatus.success.rawValue
      case "publish", "check", "weather":
        var options = try PublishArguments.parse(args, command: command)
        if options.help {
          standardOutput(help(for: command) + "\n")
          return ExitStatus.success.rawValue
        }
        logger.level = options.logLevel
        if options.clockOverride == nil { options.clockOverride = clock }
        return try publish(options, logger: logger, print: { standardOutput($0 + "\n") }).rawValue
      case "init":
        let options = try InitArguments.parse(args)
        if options.help {
          standardOutput(help(for: "init") + "\n")
          return ExitStatus.success.rawValue
        }
        logger.level = options.logLevel
        let text = try InitCommand.makeConfiguration(
          databaseURL: options.database, tablePrefix: options.tablePrefix, logger: logger)
        if let output = options.output {
          let path = Paths.absolute(output, relativeTo: Paths.currentDirectory())
          try InitCommand.writeNewFile(text, to: path)
          logger.info("init", "wrote \(path); next: loa publish --config \(output)")
        } else {
          standardOutput(text)
        }
        return ExitStatus.success.rawValue
      default:
        throw UsageError(unknownCommand(command, args: []))
      }
    } catch {
      let (status, message) = describe(error)
      logger.level = min(logger.level, .error)
      logger.error(nil, message)
      return status.rawValue
    }
  }

  /// `unknown command "pubish"; did you mean publish? try `loa --help``.
  static func unknownCommand(_ command: String, args: ArraySlice<String>) -> String {
    if LoaCommandInfo.named(command) != nil {
      return "help takes one command; try `loa help \(command)`"
    }
    let nearest = Suggestion.nearest(to: command, among: LoaCommandInfo.all.map(\.name))
    return "unknown command \"\(command)\"" + (nearest.map { "; did you mean \($0)?" } ?? "")
      + "; try `loa --help`"
  }

  /// The exit status and one-line message for an error. The single place that maps errors to
  /// exit codes.
  package static func describe(_ error: Error) -> (ExitStatus, String) {
    switch error {
    case let e as UsageError:
      return (.usage, e.message)
    case let e as ConfigError:
      return (e.code == .fileNotFound ? .noInput : .config, e.description)
    case let e as LibraryUnavailable:
      return (.unavailable, e.description)
    case let e as StoreError:
      switch e.code {
      case .notFound: return (.noInput, e.message)
      case .unavailable: return (.unavailable, e.message)
      case .schema, .configuration: return (.config, e.message)
      }
    case let e as WriteError:
      switch e.code {
      case .cannotCreate: return (.cannotCreate, e.description)
      case .io: return (.ioError, e.description)
      case .unsafePath: return (.software, e.description)
      }
    case let e as LockError:
      return (.temporaryFailure, e.description)
    case let e as PublishGuardError:
      return (.validationFailed, e.description)
    case let e as GzipError:
      return (.software, "internal error: \(e.description)")
    case let e as XMLWriterError:
      return (.software, "internal error: \(e.description)")
    default:
      return (.software, "internal error: \(error)")
    }
  }

  static func publish(
    _ options: PublishArguments, logger: Logger, print: (String) -> Void
  ) throws -> ExitStatus {
    if options.command == "weather" { return try weatherOnly(options, logger: logger) }
    guard let interval = options.every else {
      return try publishOnce(options, logger: logger, print: print)
    }
    // Loop mode. SIGTERM and SIGINT are blocked in every thread (threads inherit the mask, so
    // this comes before any is started) and collected with sigtimedwait between runs: a
    // signal during a run lets it finish, then ends the loop.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGTERM)
    sigaddset(&signals, SIGINT)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
    logger.info("loop", "publishing every \(interval) s; SIGTERM or SIGINT stops after the current run")
    while true {
      do {
        let status = try publishOnce(options, logger: logger, print: print)
        if status != .success { logger.warning("loop", "run ended with exit status \(status.rawValue)") }
      } catch {
        let (status, message) = describe(error)
        logger.error(nil, message)
        if status == .usage || status == .config || status == .noInput && error is ConfigError {
          return status
        }
      }
      var timeout = timespec(tv_sec: interval, tv_nsec: 0)
      var info = siginfo_t()
      let received = sigtimedwait(&signals, &info, &timeout)
      if received == SIGTERM || received == SIGINT {
        logger.info("loop", "signal \(received) received; stopping")
        return .success
      }
    }
  }

  static func publishOnce(
    _ options: PublishArguments, logger: Logger, print: (String) -> Void
  ) throws -> ExitStatus {
    var configuration = try Configuration.load(path: options.configPath)
    let cwd = Paths.currentDirectory()
    if let db = options.database {
      configuration.database.location = try DatabaseLocation.parse(
        db, baseDirectory: cwd, key: "--database")
    }
    if let out = options.output {
      configuration.output.directory = Paths.absolute(out, relativeTo: cwd)
    }
    if configuration.platform != nil {
      return try publishPlatform(configuration, options, logger: logger, print: print)
    }
    if options.shard != nil || options.site != nil {
      throw UsageError(
        "\(options.shard != nil ? "--shard" : "--site") is for a platform configuration (a \"platform\" object, docs/multisite.md)")
    }
    let reportPath = options.reportPath.map { Paths.absolute($0, relativeTo: cwd) }
    // Before the lock and the database: a report it cannot write failed after publishing.
    if let reportPath { try ReportDestination.check(reportPath, configuration: configuration) }
    let started = monotonicSeconds()
    let mode: PublishMode =
      options.command == "check"
      ? .check : options.dryRun ? .dryRun : options.strict ? .strict : .write
    var run = PublishRun(
      configuration: configuration, command: PublishRun.Command(rawValue: options.command) ?? .publish,
      mode: mode, options: PublishOptions(force: options.force, allowEmpty: options.allowEmpty),
      reportPath: reportPath,
      clock: options.clockOverride ?? SystemClock(), logger: logger)
    if options.output != nil { run.outputKey = "--output" }
    let progress = logger.enabled(.info) ? TerminalProgress.onStandardError() : nil
    run.progress = progress.map { p in { p.update(rowsRead: $0) } }
    defer { progress?.finish() }
    let report = RunReport(keepNotes: options.reportPath != nil || logger.enabled(.info))
    let outcome: PublishRun.Outcome
    do {
      outcome = try run.run(report: report)
    } catch {
      logIssues(report, logger)
      throw error
    }
    logIssues(report, logger)
    if mode == .dryRun {
      for path in report.filesWritten { print(path) }
    }
    let warnings = report.count(.warning)
    let errors = report.count(.error)
    // Warnings an earlier run printed for the same rows are one line, unless -v shows them.
    let repeated = logger.enabled(.info) ? 0 : report.repeatedWarnings
    let knownLine =
      "\(repeated) known warning\(repeated == 1 ? "" : "s") not repeated; -v shows them"
    if repeated > 0 && repeated == warnings && errors == 0 && mode != .strict {
      // Known warnings alone: one reminder a day at most, so cron mails once a day.
      if report.remindsOfKnownWarnings { logger.warning("summary", knownLine) }
    } else if warnings > 0 || errors > 0 {
      var parts: [String] = []
      if report.itemsLeftOut > 0 { parts.append("\(report.itemsLeftOut) item\(report.itemsLeftOut == 1 ? "" : "s") left out") }
      parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")")
      if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
      var line = parts.joined(separator: ", ")
      if repeated > 0 { line += "; " + knownLine }
      if mode == .strict { line += "; --strict: no file was replaced" }
      logger.log(errors > 0 || mode == .strict ? .error : .warning, "summary", line)
    } else if outcome.heldBack {
      logger.error("summary", "--strict: the weather source failed; no file was replaced")
    }
    let elapsed = Int((monotonicSeconds() - started) * 1000)
    let weather = outcome.weather
    let weatherNote = weather.map { "; weather \($0.state.rawValue)" + ($0.problem == nil ? "" : " (source failed)") } ?? ""
    progress?.finish()
    if outcome.nothingChanged {
      logger.info(options.command, "nothing changed; 0 files written\(weatherNote); \(elapsed) ms")
    } else {
      logger.info("phases", report.phases.summary)
      let verb = mode == .dryRun ? "would be written" : "written"
      logger.info(
        options.command,
        "\(report.articlesRead) articles read, \(report.itemsPublished) published, "
          + "\(report.itemsLeftOut) left out, \(report.scheduled) scheduled; "
          + "\(report.filesWritten.count) files \(verb), \(report.filesUnchanged.count) unchanged"
          + "\(weatherNote); \(elapsed) ms")
    }
    if errors > 0 { return .validationFailed }
    if options.strict && (warnings > 0 || weather?.problem != nil) { return .validationFailed }
    return .success
  }

  /// `loa weather`: only the weather box. Exit 0 when the source answered or was not due
  /// (`Expires`, `Retry-After`); 75 when it failed
  /// in a way worth retrying soon (timeout, connection, rate limit); 78 for a missing API key;
  /// 69 for anything else. The box itself always shows the last good data, or says there is
  /// none.
  static func weatherOnly(_ options: PublishArguments, logger: Logger) throws -> ExitStatus {
    var configuration = try Configuration.load(path: options.configPath)
    if let out = options.output {
      configuration.output.directory = Paths.absolute(out, relativeTo: Paths.currentDirectory())
    }
    guard let weather = configuration.weather, weather.enabled else {
      throw ConfigError(
        .missingKey, key: "weather", "is missing or disabled; loa weather has nothing to do",
        path: options.configPath)
    }
    let started = monotonicSeconds()
    var run = PublishRun(
      configuration: configuration, command: .weather, options: PublishOptions(force: options.force),
      clock: options.clockOverride ?? SystemClock(), logger: logger)
    if options.output != nil { run.outputKey = "--output" }
    guard let outcome = try run.run(report: RunReport()).weather else { return .success }
    logger.info(
      "weather",
      "\(outcome.state.rawValue); \(outcome.filesWritten.count) files written, "
        + "\(outcome.filesUnchanged.count) unchanged; \(Int((monotonicSeconds() - started) * 1000)) ms")
    guard let error = outcome.error else { return .success }
    if error.code == .missingAPIKey { return .config }
    return error.isTransient ? .temporaryFailure : .unavailable
  }

  /// `loa publish` of a platform: one line per site that failed or warned (and with `-v`,
  /// every site), then one summary line. Exit 0 when every site (and the roll-up) published;
  /// otherwise the exit status of the first failed site in the sites table's order.
  static func publishPlatform(
    _ configuration: Configuration, _ options: PublishArguments, logger: Logger,
    print: (String) -> Void
  ) throws -> ExitStatus {
    let reportPath = options.reportPath.map { Paths.absolute($0, relativeTo: Paths.currentDirectory()) }
    if let reportPath { try ReportDestination.check(reportPath, configuration: configuration) }
    let started = monotonicSeconds()
    let mode: PublishMode =
      options.command == "check"
      ? .check : options.dryRun ? .dryRun : options.strict ? .strict : .write
    var run = PlatformRun(
      configuration: configuration, mode: mode,
      options: PublishOptions(force: options.force, allowEmpty: options.allowEmpty),
      clock: options.clockOverride ?? SystemClock(), logger: logger, shard: options.shard,
      onlySite: options.site)
    run.keepReports = reportPath != nil || mode == .dryRun
    let lines = Mutex()
    run.siteFinished = { site in
      lines.withLock { _ = summarizeSite(site, mode: mode, strict: options.strict, logger: logger) }
    }
    let outcome = try run.run()
    if mode == .dryRun {
      // The files that would change, relative to the output root, sites in table order.
      for site in outcome.sites {
        for path in site.report.filesWritten { print(site.slug + "/" + path) }
      }
      for path in outcome.rollUp?.report.filesWritten ?? [] { print(path) }
    }
    var failed: ExitStatus?
    var counts = (published: 0, unchanged: 0, failed: 0)
    for site in outcome.sites {
      let status = siteStatus(site, strict: options.strict)
      if status != .success {
        counts.failed += 1
        if failed == nil { failed = status }
      } else if mode != .check && (site.nothingChanged || site.filesWritten == 0) {
        // Re-read (another site's edit changed the database) but not one file changed.
        counts.unchanged += 1
      } else {
        counts.published += 1
      }
    }
    var rollUpNote = ""
    if let rollUp = outcome.rollUp {
      let status = summarizeSite(rollUp, mode: mode, strict: options.strict, logger: logger)
      if status != .success, failed == nil { failed = status }
      rollUpNote =
        rollUp.error != nil
        ? "; roll-up failed"
        : rollUp.nothingChanged || rollUp.filesWritten == 0 ? "; roll-up unchanged" : "; roll-up written"
    }
    if let reportPath {
      var entries: [(slug: String, status: Int32, error: String?, report: RunReport)] = []
      for site in outcome.sites + (outcome.rollUp.map { [$0] } ?? []) {
        let status = siteStatus(site, strict: options.strict)
        let message = site.error.map { $0 is Configuration.SiteError ? "\($0)" : describe($0).1 }
        entries.append((site.slug, status.rawValue, message, site.report))
      }
      try RunReportJSON.write(
        bytes: RunReportJSON.encodePlatform(entries, command: options.command), to: reportPath)
    }
    let shardNote = options.shard.map { " (shard \($0))" } ?? ""
    let done = mode == .check ? "checked" : mode == .dryRun ? "would change" : "published"
    let line =
      "\(outcome.sites.count) site\(outcome.sites.count == 1 ? "" : "s")\(shardNote): "
      + "\(counts.published) \(done), \(counts.unchanged) unchanged, \(counts.failed) failed"
      + "\(rollUpNote); \(Int((monotonicSeconds() - started) * 1000)) ms"
    if counts.failed > 0 {
      logger.error("platform", line)
    } else {
      logger.info("platform", line)
    }
    return failed ?? .success
  }

  /// A site's exit status, as a run of its own would give it.
  static func siteStatus(_ site: PlatformRun.SiteOutcome, strict: Bool) -> ExitStatus {
    if let error = site.error {
      if error is Configuration.SiteError { return .validationFailed }
      return describe(error).0
    }
    if site.errors > 0 { return .validationFailed }
    if strict && (site.warnings > 0 || site.weatherProblem) { return .validationFailed }
    return .success
  }

  /// Prints a site's issues and its outcome line (`loa: bai-chay: …`); returns its status.
  @discardableResult
  static func summarizeSite(
    _ site: PlatformRun.SiteOutcome, mode: PublishMode, strict: Bool, logger: Logger
  ) -> ExitStatus {
    let name = site.slug.isEmpty ? "roll-up" : site.slug
    let siteLogger = Logger(level: logger.level, sink: logger.sink, label: logger.label + ": " + name)
    logIssues(site.report, siteLogger)
    let status = siteStatus(site, strict: strict)
    if let error = site.error {
      let message = error is Configuration.SiteError ? "\(error)" : describe(error).1
      siteLogger.error(nil, "\(message) (exit \(status.rawValue) for this site; its published files are as they were)")
      return status
    }
    let warnings = site.report.count(.warning)
    let errors = site.report.count(.error)
    let repeated = logger.enabled(.info) ? 0 : site.report.repeatedWarnings
    if warnings - repeated > 0 || errors > 0 {
      var parts = ["\(warnings) warning\(warnings == 1 ? "" : "s")"]
      if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
      if site.report.itemsLeftOut > 0 { parts.insert("\(site.report.itemsLeftOut) left out", at: 0) }
      siteLogger.log(errors > 0 ? .error : .warning, "summary", parts.joined(separator: ", "))
    }
    if site.nothingChanged {
      siteLogger.info("publish", "nothing changed; \(site.milliseconds) ms")
    } else {
      let verb = mode == .dryRun ? "would be written" : "written"
      siteLogger.info(
        "publish",
        "\(site.report.articlesRead) articles read, \(site.report.itemsPublished) published; "
          + "\(site.report.filesWritten.count) files \(verb), \(site.report.filesUnchanged.count) unchanged; \(site.milliseconds) ms")
    }
    return status
  }

  static func logIssues(_ report: RunReport, _ logger: Logger) {
    for issue in report.issues(includingRepeated: logger.enabled(.info)) {
      let level: LogLevel
      switch issue.severity {
      case .info: level = .info
      case .warning: level = .warning
      case .error: level = .error
      }
      logger.log(level, "validate", issue.description)
    }
  }

}

/// The command line of `loa publish` and `loa check`.
struct PublishArguments {
  var configPath = ""
  var database: String?
  var output: String?
  var clockOverride: Clock?
  var logLevel = LogLevel.warning
  var help = false
  var strict = false
  var reportPath: String?
  var command = "publish"
  var force = false
  /// `--allow-empty` (``PublishGuard``).
  var allowEmpty = false
  var dryRun = false
  /// Loop mode: run, then wait this many seconds, until SIGTERM or SIGINT.
  var every: Int?
  /// `--shard I/N` and `--site SLUG` (platform mode).
  var shard: PlatformRun.Shard?
  var site: String?

  static func parse(_ arguments: ArraySlice<String>, command: String) throws -> PublishArguments {
    var o = PublishArguments()
    o.command = command
    var args = arguments
    var config: String?
    var given: Set<String> = []
    func value(_ name: String, _ inline: String?) throws -> String {
      // A second --config silently won before; which file did cron mean?
      let canonical = ["-c": "--config", "-o": "--output"][name] ?? name
      guard given.insert(canonical).inserted else {
        throw UsageError("\(canonical) is given twice; give it once")
      }
      if let inline {
        // `--output=` is as empty as `--output ""`: never "the current directory".
        guard !inline.isEmpty else { throw UsageError("\(name)= needs a value") }
        return inline
      }
      guard let v = args.popFirst(), !v.isEmpty else {
        throw UsageError("\(name) needs a value")
      }
      return v
    }
    let accepted = LoaOption.options(of: command)
    while let arg = args.popFirst() {
      var name = arg
      var inline: String?
      if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      if name == "-vv" {
        o.logLevel = .debug
        continue
      }
      guard let option = accepted.first(where: { $0.names.contains(name) }) else {
        throw UsageError(unknownOption(arg, name: name, command: command, accepted: accepted))
      }
      if option.value == nil, inline != nil { throw UsageError("\(name) takes no value") }
      switch option.name {
      case "--config": config = try value(name, inline)
      case "--database": o.database = try value(name, inline)
      case "--output": o.output = try value(name, inline)
      case "--now":
        let text = try value(name, inline)
        let parser = DateParser(zone: SiteTimeZone(offsetSeconds: 0))
        guard let t = parser.parse(text) else {
          throw UsageError("--now: \"\(text)\" is not a date (use ISO 8601 or Unix seconds)")
        }
        o.clockOverride = FixedClock(t.utc)
      case "--verbose": o.logLevel = o.logLevel == .info ? .debug : .info
      case "--quiet": o.logLevel = .error
      case "--strict": o.strict = true
      case "--report": o.reportPath = try value(name, inline)
      case "--force": o.force = true
      case "--allow-empty": o.allowEmpty = true
      case "--dry-run": o.dryRun = true
      case "--shard":
        let text = try value(name, inline)
        guard let shard = PlatformRun.Shard(text) else {
          throw UsageError("--shard: \"\(text)\" is not I/N with 1 ≤ I ≤ N ≤ 10000 (e.g. 1/4)")
        }
        o.shard = shard
      case "--site":
        let slug = try value(name, inline)
        guard Configuration.isSiteSlug(slug) else {
          throw UsageError("--site: \"\(slug)\" is not a site slug (a-z, 0-9 and -)")
        }
        o.site = slug
      case "--every":
        let text = try value(name, inline)
        guard let seconds = Self.duration(text), seconds >= 10 else {
          throw UsageError("--every: \"\(text)\" is not a duration of at least 10 s (e.g. 300, 90s, 5m, 1h)")
        }
        o.every = seconds
      case "--help": o.help = true
      default:
        // An option in the table that this parser does not handle: a programming error.
        throw UsageError("internal: \(option.name) is not handled for \(command)")
      }
    }
    if o.help { return o }
    guard let config else { throw UsageError("\(command) needs --config FILE") }
    if o.dryRun && o.every != nil { throw UsageError("--dry-run and --every do not go together") }
    o.configPath = config
    return o
  }

  /// `unknown option "--confg" for publish; did you mean --config?`, or, for an option of
  /// another command, which commands take it.
  static func unknownOption(
    _ arg: String, name: String, command: String, accepted: [LoaOption]
  ) -> String {
    if let other = LoaOption.all.first(where: { $0.names.contains(name) }) {
      let takers = other.commands.sorted().map { "loa " + $0 }.joined(separator: ", ")
      return "\(name) is not an option of loa \(command) (it is for \(takers)); "
        + "try `loa \(command) --help`"
    }
    var message = "unknown option \"\(arg)\" for \(command)"
    if name.hasPrefix("--"),
      let nearest = Suggestion.nearest(to: name, among: accepted.map(\.name))
    {
      message += "; did you mean \(nearest)?"
    }
    return message + "; try `loa \(command) --help`"
  }

  /// `300`, `90s`, `5m`, `1h` → seconds.
  static func duration(_ text: String) -> Int? {
    var digits = Substring(text)
    var unit = 1
    switch text.last {
    case "s": digits = digits.dropLast()
    case "m": digits = digits.dropLast(); unit = 60
    case "h": digits = digits.dropLast(); unit = 3600
    default: break
    }
    guard let n = Int(digits), n > 0, n <= 7 * 86_400 / unit else { return nil }
    return n * unit
  }
}

/// The command line of `loa init`.
struct InitArguments {
  var database = ""
  var output: String?
  var tablePrefix: String?
  var logLevel = LogLevel.warning
  var help = false

  static func parse(_ arguments: ArraySlice<String>) throws -> InitArguments {
    var o = InitArguments()
    var args = arguments
    var database: String?
    var given: Set<String> = []
    func value(_ name: String, _ inline: String?) throws -> String {
      guard given.insert(name).inserted else {
        throw UsageError("\(name) is given twice; give it once")
      }
      if let inline {
        guard !inline.isEmpty else { throw UsageError("\(name)= needs a value") }
        return inline
      }
      guard let v = args.popFirst(), !v.isEmpty else { throw UsageError("\(name) needs a value") }
      return v
    }
    while let arg = args.popFirst() {
      var name = arg
      var inline: String?
      if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      switch name {
      case "--database": database = try value(name, inline)
      case "--output", "-o": o.output = try value("--output", inline)
      case "--table-prefix":
        let prefix = try value(name, inline)
        guard WordPressMapping.isSafePrefix(prefix) else {
          throw UsageError("--table-prefix: \"\(prefix)\" is not a WordPress table prefix (letters, digits, _)")
        }
        o.tablePrefix = prefix
      case "-q", "--quiet": o.logLevel = .error
      case "-v", "--verbose": o.logLevel = .info
      case "-h", "--help": o.help = true
      default:
        throw UsageError(
          PublishArguments.unknownOption(
            arg, name: name, command: "init", accepted: LoaOption.options(of: "init")))
      }
    }
    if o.help { return o }
    guard let database else { throw UsageError("init needs --database URL") }
    o.database = database
    return o
  }
}
