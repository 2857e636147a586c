import Dispatch
import FoundationEssentials
import LoaCore
import LoaStore
import LoaXML

/// What a run does with the files it renders.
public enum PublishMode: Sendable, Equatable {
  /// Write every file that changed.
  case write
  /// Render and check everything, write nothing (`loa check`).
  case check
  /// Render and check everything; replace files only if the run found no warning
  /// (`--strict`).
  case strict
  /// Render and check everything, write nothing, list the files that would change
  /// (`--dry-run`).
  case dryRun
}

/// Options that change how files are written.
public struct PublishOptions: Sendable {
  /// Rewrite every file even when its bytes are unchanged, and skip the "nothing changed"
  /// shortcut.
  public var force = false
  /// Publish whatever the database holds, even nothing, without comparing with what the last
  /// run published (`--allow-empty`, ``PublishGuard``).
  public var allowEmpty = false
  public init(force: Bool = false, allowEmpty: Bool = false) {
    self.force = force
    self.allowEmpty = allowEmpty
  }
}

/// Builds every feed of the site from the store and writes it to the output directory.
///
/// Each article is read and cleaned once. Per category, the store is read newest first until
/// `itemsPerFeed` publishable items are found; a category's feed is the newest of its own
/// items and its sub-categories' feeds, and the site feed the newest of everything (the
/// newest N of a union are always among the union of each part's newest N). Categories are
/// processed children first and their lists dropped once merged, so memory stays bounded by
/// tree depth × N items whatever the size of the database.
///
/// Every rendered file is checked before it may replace the published one: XML re-parsed by
/// libxml2, Atom validated against the RFC 4287 schema, sitemaps against loa's sitemap
/// grammar (`SitemapSchema`), JSON re-parsed. A file that fails is not written (the old one
/// stays), the failure is reported as an error, and the run goes on.
package final class Publisher {
  package let configuration: Configuration
  package let logger: Logger
  package let report: RunReport
  package let mode: PublishMode
  package let options: PublishOptions
  private let store: ArticleStore
  /// Where this run's files are staged (publish, --strict); nil for check and dry runs.
  private let transaction: OutputTransaction?
  /// The published files, compared against in a dry run.
  private let output: OutputDirectory?
  private let site: SiteInfo
  private let now: Int64
  private var tree: CategoryTree
  /// The category folders the last committed run saved (``FolderAssignment``).
  private let savedFolders: FolderAssignment?
  private var builder: ItemBuilder
  private let cache: CleaningCache
  /// The state directory (run state, WebSub pings, cleaning cache); nil when there is none.
  private let state: StateStore?
  /// Sends the WebSub pings: ``HTTPClient`` unless the run was given another transport.
  package var transport: any HTTPTransport = HTTPClient.shared
  private var warnedOrder = false
  /// False when `published_at` mixes formats the database cannot sort together
  /// (``checkDateOrder()``): rows may then come in any order.
  private var datesInOrder = true
  /// Feeds with no items, written after the others.
  private var emptyFeeds: [Feed] = []
  /// Articles too large for any feed on their own (reported once).
  private var tooLarge = Set<Int64>()
  /// Renders feeds on worker threads; its outcomes are applied here in submission order.
  private var renderer: FeedRenderer?
  private let renderQueue = DispatchQueue(label: "loa.render", attributes: .concurrent)
  /// At most this many feeds in flight: both cores busy, memory bounded.
  private let renderSlots = DispatchSemaphore(value: 2)
  private let renderGroup = DispatchGroup()
  private let renderResults = RenderResults()
  private var submitted = 0
  private var applied = 0
  /// The first failure to stage a file, thrown once every feed in flight has finished.
  private var stagingError: Error?
  /// Hashes of the files that passed their check this run (``RunState/checked``).
  private var checked: [String: String] = [:]
  /// Files this publisher staged in the transaction (feeds, their `.gz` copies, OPML, pages).
  private var staged: [String] = []
  /// Every file this run publishes (changed or not), relative to the output directory.
  private var published: [String] = []
  /// Feed files whose bytes changed (or would change, in a dry run).
  package private(set) var changedFeeds: [String] = []
  /// Earliest due time of a scheduled article seen.
  private var nextDue: Int64?
  /// Called with the number of rows read so far after each batch is cleaned (progress on a
  /// terminal, `-v`).
  package var progress: ((Int) -> Void)?
  /// Whether the run stopped early because nothing had changed.
  package private(set) var nothingChanged = false
  /// Index entries (title, links, newest headlines) of the feeds published so far, by
  /// category id (nil for the site).
  private var indexEntries: [Int64?: FeedIndexEntry] = [:]
  /// What the WebSub notifications did, when hubs are configured.
  package private(set) var websubOutcome: WebSubNotifier.Outcome?
  /// What the last run saved in the state directory, if anything.
  private var lastRun: RunState?
  /// Feed folder (`""` for the site) → items published, and → its `updated` (Unix seconds).
  private var itemCounts: [String: Int] = [:]
  private var feedUpdated: [String: Int64] = [:]
  /// Every article id the run met: rows read per pass, first row, published (``ArticleLedger``).
  private var ledger = ArticleLedger()
  /// The articles of every feed kept so far, for the sitemaps (``SitemapFiles``); nil when
  /// no sitemap is configured.
  private var sitemapArticles: SitemapCollector?
  /// The archive documents rendered this run, held until the archive pass has seen every row
  /// (``settleArchives()``): staged only if the months were cut from rows in date order.
  private var heldArchives: [FeedOutcome] = []
  private var archivesSettled = false
  /// Whether this run publishes RFC 5005 archives (`feeds.archives`, and rows in an order
  /// the months can be cut from).
  private var archivesEnabled: Bool

  /// - Parameters:
  ///   - transaction: where files are staged in `.write` and `.strict` modes; the caller
  ///     commits it (``PublishRun``). When nil in those modes, one is made for the output
  ///     directory and ``run()`` commits it itself (tests and tools that only publish feeds).
  /// - Throws: ``StoreError`` when categories cannot be read, ``WriteError`` when the output
  ///   directory cannot be created.
  package init(
    configuration: Configuration, store: ArticleStore, clock: Clock, logger: Logger,
    report: RunReport = RunReport(), mode: PublishMode = .write,
    options: PublishOptions = PublishOptions(), transaction: OutputTransaction? = nil,
    state: StateStore? = nil
  ) throws {
    self.configuration = configuration
    self.store = store
    self.logger = logger
    self.report = report
    self.mode = mode
    self.options = options
    self.now = clock.now()
    XMLParsing.initialize()
    site = configuration.siteInfo
    cache = CleaningCache()
    if let state {
      self.state = state
    } else if let dir = configuration.state.directory {
      do {
        self.state = try StateStore(directory: dir)
      } catch {
        self.state = nil
        if mode == .write || mode == .strict {
          logger.warning("state", "cannot use the state directory (every run renders everything): \(error)")
        }
      }
    } else {
      self.state = nil
    }
    let folders = self.state.flatMap {
      FolderAssignment.load(from: $0, Self.folderAssignmentName(configuration))
    }
    savedFolders = folders
    let outputDirectory = configuration.output.directory
    tree = CategoryTree(
      try report.phases.measure(.read) { try store.categories() }, report: report, previousFolders: folders?.byCategory ?? [:],
      folderOwner: { FolderAssignment.publishedOwner(of: $0, in: outputDirectory) })
    builder = ItemBuilder(configuration: configuration, tree: tree, now: now, cache: cache)
    if configuration.sitemaps.any { sitemapArticles = SitemapCollector(site: configuration.site.url) }
    archivesEnabled = configuration.feeds.archives
    switch mode {
    case .check:
      output = nil
      self.transaction = nil
    case .dryRun:
      output =
        FileManager.default.fileExists(atPath: configuration.output.directory)
        ? try OutputDirectory(path: configuration.output.directory) : nil
      self.transaction = nil
    case .write, .strict:
      let t =
        try transaction
        ?? OutputTransaction(
          OutputDirectory(path: configuration.output.directory), force: options.force,
          gzipLevel: configuration.output.gzip ? Int32(configuration.output.gzipLevel) : nil)
      ownsTransaction = transaction == nil
      output = t.directory
      self.transaction = t
    }
  }

  /// Whether ``run()`` commits the transaction itself (none was given).
  private var ownsTransaction = false

  /// Whether the files staged so far must be held back under `--strict`.
  package var mustHoldBack: Bool {
    mode == .strict && (report.count(.warning) > 0 || report.count(.error) > 0)
  }

  /// Every path this run publishes, with what claims it (``OutputClaims``).
  package func claim(into claims: inout OutputClaims) {
    Self.claimSiteFiles(of: configuration, into: &claims)
    if configuration.feeds.categoryFeeds {
      for node in tree.preorder {
        let owner = "category \(node.id) (\(node.slug))"
        Self.claimFeeds(in: node.slug, by: owner, configuration, &claims)
        if configuration.output.index {
          let path = Self.categoryHeadLinksPath(node.slug)
          claims.claim(path, by: "\(owner)'s head links")
          claims.claim(path + ".gz", by: "\(owner)'s head links (.gz)")
        }
      }
    }
  }

  /// `<folder>/head-links.html`: the autodiscovery lines for one category's pages.
  static func categoryHeadLinksPath(_ folder: String) -> String { folder + "/head-links.html" }

  /// The paths a run owns that need no database: the site feeds and the pages. `loa weather`
  /// claims these (it reads no categories; weather outputs named like a feed are refused by
  /// the configuration).
  package static func claimSiteFiles(of configuration: Configuration, into claims: inout OutputClaims) {
    claimFeeds(in: "", by: "the site feed", configuration, &claims)
    var pages: [(String, String)] = []
    if configuration.feeds.opml { pages.append(("index.opml", "the OPML index")) }
    if configuration.output.index {
      pages += [("index.html", "the feed page"), ("head-links.html", "the head links")]
    }
    pages += SitemapFiles.paths(configuration.sitemaps).map { ($0.path, $0.owner) }
    for (path, owner) in pages {
      claims.claim(path, by: owner)
      claims.claim(path + ".gz", by: owner + " (.gz)")
    }
  }

  private static func claimFeeds(
    in folder: String, by owner: String, _ configuration: Configuration, _ claims: inout OutputClaims
  ) {
    for format in configuration.feeds.formats {
      let path = folder.isEmpty ? format.fileName : folder + "/" + format.fileName
      claims.claim(path, by: "\(owner)'s \(format.fileName)")
      // The .gz path is the run's either way: written with gzip on, removed with it off.
      claims.claim(path + ".gz", by: "\(owner)'s \(format.fileName).gz")
    }
  }

  /// The key of this site's files in the state directory (``StateStore``): one per site and
  /// output directory, so several portals can share one state directory.
  private var stateKey: String { Self.stateKey(configuration) }

  private static func stateKey(_ configuration: Configuration) -> String {
    StateStore.key(configuration.output.directory, configuration.site.url.description)
  }

  private var runStateName: String { Self.runStateName(configuration) }

  private static func runStateName(_ configuration: Configuration) -> String {
    "run-" + stateKey(configuration) + ".json"
  }

  /// The ``FolderAssignment`` file's name in the state directory (same key as ``stateKey``).
  static func folderAssignmentName(_ configuration: Configuration) -> String {
    "folders-"
      + StateStore.key(configuration.output.directory, configuration.site.url.description)
      + ".json"
  }

  static let executableStamp: String = RunState.fileStamp(
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "") ?? "?"

  /// Everything the output depends on besides the database and the clock, including the
  /// program itself (its size and modification time), so an upgraded or rebuilt loa renders
  /// everything once even without a version bump.
  private var configurationKey: String { Self.configurationKey(configuration) }

  private static func configurationKey(_ configuration: Configuration) -> String {
    "\(LoaVersion.current)/\(Self.executableStamp)/\(HTMLSanitizer.version)/\(configuration.fileFingerprint)/"
      + "\(StateStore.key(configuration.database.location.description, ""))/\(configuration.output.directory)/"
      + "\(configuration.output.gzip)/\(configuration.output.gzipLevel)/"
      + "archives=\(configuration.feeds.archives)"
  }

  private var limit: Int { configuration.feeds.itemsPerFeed }

  /// The update time of a feed with no items (Atom requires one; RSS and JSON Feed leave it
  /// out): the feed's own last `updated`, which the run state remembers (its newest article
  /// ever seen); else the site feed's newest item's; else the time of this run, remembered
  /// from then on. Never an invented date, and stable from run to run.
  private func emptyFeedDate(_ directory: String, siteNewest: Timestamp?) -> Timestamp {
    if let t = lastRun?.feedUpdated?[directory] { return builder.parser.stamp(t) }
    return siteNewest ?? builder.parser.stamp(now)
  }

  /// The cleaning cache's file, one per site and output directory.
  var cacheName: String { "cleaning-" + stateKey + ".cache" }

  /// Runs the whole publish: every file is rendered, checked and staged; only when all of
  /// that succeeded are the staged files renamed into place.
  ///
  /// - Throws: ``StoreError``, ``WriteError``, ``XMLWriterError``. Nothing published has
  ///   changed then (a failure in the final renames leaves each file complete, old or new).
  /// Whether ``run()`` will stop at once because nothing changed since the last run (asked
  /// once: a run's configuration, database token, clock and files do not change under it).
  package private(set) lazy var willFindNothingChanged: Bool =
    mode == .write && !options.force && unchangedSinceLastRun()

  package func run() throws {
    if willFindNothingChanged {
      nothingChanged = true
      // The command line says "nothing changed" once, with the counts.
      if ownsTransaction { finish(committed: true) }
      return
    }
    do {
      try render()
      try guardAgainstLoss()
    } catch {
      // Feeds still in flight stage files too: wait for them, then discard everything.
      renderGroup.wait()
      applyReady()
      transaction?.directory.discard(heldArchives.flatMap(\.staged))
      transaction?.discard()
      try? cache.finishSaving(keep: false)
      throw error
    }
    guard ownsTransaction, let transaction else {
      if transaction == nil { finish(committed: false) }
      return
    }
    if mustHoldBack {
      transaction.discard()
      finish(committed: false)
    } else {
      try transaction.commit()
      finish(committed: true)
    }
  }

  /// Counts the staged files as written (before the commit, so a report staged with them
  /// has the right numbers).
  package func recordStagedAsWritten() {
    for path in staged {
      report.fileWritten(path)
      logger.debug("write", "\(path): written")
    }
    staged = []
  }

  /// Ends the run after the caller committed or discarded the transaction: records what was
  /// written, saves the run state (only after a commit: it records the files' stamps),
  /// notifies WebSub hubs, keeps the cleaning cache.
  package func finish(committed: Bool) {
    if nothingChanged {
      notifyHubs()
      return
    }
    rememberWarnings()
    if committed && transaction != nil {
      recordStagedAsWritten()
      saveRunState()
      saveFolderAssignment()
      notifyHubs()
    } else if mode != .dryRun {
      changedFeeds = []
    }
    staged = []
    saveCache()
  }

  private var warningMemoryName: String { "warned-" + stateKey + ".json" }

  /// A publish (not `check`, `--dry-run` or `--strict`, which print everything) marks the
  /// warnings the last publish printed for the same row versions as repeats, and remembers
  /// this run's warnings for the next (``WarningMemory``).
  private func rememberWarnings() {
    guard mode == .write, let state else { return }
    let known = WarningMemory.load(state, warningMemoryName)
    if let known { report.markRepeated(known.contains) }
    var memory = WarningMemory(of: report.issues)
    // Told now: a new warning is printed in full; known ones alone are reminded of once a day
    // (the command line prints the reminder only when ``RunReport/remindsOfKnownWarnings``).
    let warnings = report.count(.warning)
    let repeated = report.repeatedWarnings
    if warnings > repeated || known.map({ $0.remindsAt(now) }) ?? true {
      memory.toldAt = now
      report.remindsOfKnownWarnings = repeated > 0
    } else {
      memory.toldAt = known?.toldAt
    }
    guard memory != known else { return }
    do {
      try state.write(memory.encoded(), to: warningMemoryName)
    } catch {
      logger.warning("state", "cannot save which warnings were printed (the next run repeats them): \(error)")
    }
  }

  /// True when the configuration, the database's change token and every published file are
  /// as the last run left them, and no scheduled article has come due.
  private func unchangedSinceLastRun() -> Bool {
    Self.unchangedSinceLastRun(configuration, token: store.changeToken, state: state, now: now)
  }

  /// ``unchangedSinceLastRun()`` before a publisher is made: from the configuration, the
  /// database's change token, the run state and the files alone (a few `stat` calls), so a
  /// run where nothing changed need not read categories or published feeds
  /// (``PublishRun``). The id prefix a run adopts from the published feeds is not part of
  /// it: an unchanged run keeps the files that prefix was read from.
  package static func unchangedSinceLastRun(
    _ configuration: Configuration, token: String?, state: StateStore?, now: Int64
  ) -> Bool {
    guard let token,
      let last = state.flatMap({ RunState.loadForNothingChanged($0, runStateName(configuration)) }),
      last.configuration == configurationKey(configuration),
      last.source == token, !last.outputs.isEmpty
    else { return false }
    if let due = last.nextDue, due <= now { return false }
    return last.outputsUnchanged(in: configuration.output.directory)
  }

  private func saveRunState() {
    guard let token = store.changeToken, let state else { return }
    // Only a run with no failed check may let the next one skip.
    guard report.count(.error) == 0 else { return }
    var outputs: [String: String] = [:]
    for p in published {
      outputs[p] = RunState.fileStamp(configuration.output.directory + "/" + p)
    }
    let record = RunState(
      configuration: configurationKey, source: token, nextDue: nextDue, outputs: outputs,
      checked: checked, itemCounts: itemCounts, feedUpdated: feedUpdated)
    do {
      try state.write(record.encoded(), to: runStateName)
    } catch {
      logger.warning("state", "cannot save the run state (the next run renders everything): \(error)")
    }
  }

  /// Remembers which folder each category was published in, so the next run keeps them
  /// (only after a commit: the folders are published then).
  private func saveFolderAssignment() {
    let folders = FolderAssignment(tree)
    guard let state, configuration.feeds.categoryFeeds, folders != savedFolders else { return }
    do {
      try folders.save(to: state, Self.folderAssignmentName(configuration))
    } catch {
      logger.warning("state", "cannot save the category folders (the published feeds decide next run): \(error)")
    }
  }

  /// Pings the hubs for the feeds that changed, plus those a previous run could not deliver.
  private func notifyHubs() {
    let hubs = configuration.websub.hubs
    guard !hubs.isEmpty, let state else { return }
    let pendingName = "websub-pending-" + stateKey + ".json"
    var pings: [WebSubNotifier.Ping] = []
    if let data = state.read(pendingName, limit: 4 << 20),
      let old = try? JSONDecoder().decode([WebSubNotifier.Ping].self, from: Data(data))
    {
      pings = old.filter { hubs.contains($0.hub) }
    }
    for feed in changedFeeds {
      for hub in hubs {
        let ping = WebSubNotifier.Ping(hub: hub, topic: site.url(ofOutput: feed))
        if !pings.contains(ping) { pings.append(ping) }
      }
    }
    guard !pings.isEmpty else { return }
    let notifier = WebSubNotifier(
      timeoutSeconds: configuration.websub.timeoutSeconds,
      userAgent: "Loa/\(LoaVersion.current) (feed publisher)", transport: transport)
    let outcome = notifier.notify(pings)
    websubOutcome = outcome
    if let problem = outcome.firstProblem {
      logger.warning(
        "websub",
        "\(outcome.pending.count) of \(pings.count) hub notification\(pings.count == 1 ? "" : "s") not delivered, will retry next run: \(problem)")
    } else {
      logger.info("websub", "\(outcome.delivered.count) hub notification\(outcome.delivered.count == 1 ? "" : "s") delivered")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let bytes = [UInt8]((try? encoder.encode(outcome.pending)) ?? Data("[]".utf8))
    do {
      try state.write(bytes, to: pendingName)
    } catch {
      logger.warning("websub", "cannot save the undelivered notifications (they will not be retried): \(error)")
    }
  }

  private func render() throws {
    checkClock()
    try checkDateOrder()
    if let state { cache.load(from: state, name: cacheName) }
    beginCache()
    var previouslyChecked: [String: String] = [:]
    lastRun = state.flatMap { RunState.load($0, runStateName) }
    if let last = lastRun, last.configuration == configurationKey {
      previouslyChecked = last.checked ?? [:]
    }
    renderer = FeedRenderer(
      formats: configuration.feeds.formats, budget: configuration.feeds.maxFeedBytes, site: site,
      mode: mode, force: options.force, transaction: transaction, output: output,
      previouslyChecked: previouslyChecked)
    renderer?.phases = report.phases
    // First, so the feeds know whether they link to archives.
    try publishArchives()
    var siteItems = TopItems(limit: limit)
    if configuration.feeds.categoryFeeds {
      // Each category's newest N, merged up the tree: the site's newest N are among them.
      for root in tree.roots {
        siteItems.add(try process(root))
      }
      siteItems.add(
        try collect(.uncategorized(knownCategories: tree.ids), categoryID: nil, after: siteItems.last))
    } else {
      // Only the site feed: one read of the newest N.
      siteItems.add(try collect(.all, categoryID: nil))
    }
    let siteNewest = Self.newestUpdate(siteItems.items)
    let siteFeed = Feed(
      id: configuration.site.idPrefix + "feed", title: site.title,
      // RSS requires a channel description: without one, the title (as for a category).
      description: site.description.isEmpty ? site.title : site.description,
      homePageURL: site.homePageURL, directory: "",
      categoryID: nil, items: siteItems.items,
      updated: siteNewest ?? emptyFeedDate("", siteNewest: nil),
      archive: subscriptionLinks("", siteItems.items))
    submit(siteFeed)
    for var feed in emptyFeeds {
      feed.updated = emptyFeedDate(feed.directory, siteNewest: siteNewest)
      submit(feed)
    }
    try finishRendering()
    settleArchives()
    // An archive that failed to stage (disk full) fails the run like a feed.
    if let stagingError { throw stagingError }
    if configuration.feeds.opml {
      // OPML readers subscribe to outlines of type "rss" (RSS or Atom); a JSON Feed is listed
      // only when it is the one format published.
      let formats = configuration.feeds.formats
      let primary = formats.first { $0 != .json } ?? formats[0]
      var entries = [
        OPMLSerializer.Entry(
          title: site.title, description: site.description, homePageURL: site.homePageURL,
          feedPath: siteFeed.path(primary), format: primary)
      ]
      if configuration.feeds.categoryFeeds {
        // Each feed under its own title; a category with sub-categories opens a folder.
        let deepest = OPMLSerializer.maxFolderDepth
        for node in tree.preorder {
          entries.append(
            OPMLSerializer.Entry(
              title: categoryFeedTitle(node), description: node.description,
              homePageURL: categoryURL(node), feedPath: node.slug + "/" + primary.fileName,
              format: primary, level: min(node.depth, deepest),
              folder: node.children.isEmpty || node.depth >= deepest ? nil : node.name))
        }
      }
      let bytes = try OPMLSerializer().serialize(entries: entries, site: site)
      try emit(bytes, "index.opml", check: .xml)
    }
    if configuration.output.index {
      var entries: [FeedIndexEntry] = []
      if let siteEntry = indexEntries[nil] { entries.append(siteEntry) }
      if configuration.feeds.categoryFeeds {
        for node in tree.preorder {
          if let entry = indexEntries[node.id] { entries.append(entry) }
        }
      }
      try emit(
        FeedIndexRenderer.indexPage(site: site, entries: entries, updated: siteFeed.updated),
        "index.html", check: .html)
      try emitHeadLinks()
    }
    try emitSitemaps()
    reportDuplicates()
    report.setPublished(ledger.publishedCount)
    if report.scheduled > 0 && ledger.publishedCount == 0 {
      report.add(.init(.warning, .noted, .clockSuspect, field: "clock", "every article read is dated after the system clock (\(DateFormats.rfc3339(builder.parser.stamp(now)))), so the feeds are empty: is the clock right?"))
    }
  }

  /// The autodiscovery snippets (docs/operations.md, "Head links"): `head-links.html` with the
  /// site feed's lines, for every page, and `<folder>/head-links.html` with the site's and
  /// that category's, for the category's own pages, as WordPress and jekyll-feed do. A
  /// snippet listing every feed would make browsers and extensions offer them all on every
  /// page.
  private func emitHeadLinks() throws {
    let siteEntries = indexEntries[nil].map { [$0] } ?? []
    try emit(FeedIndexRenderer.headLinks(entries: siteEntries), "head-links.html", check: .html)
    guard configuration.feeds.categoryFeeds else { return }
    for node in tree.preorder {
      // No entry: the category's feeds failed their check; its old snippet stays.
      guard let entry = indexEntries[node.id] else { continue }
      try emit(
        FeedIndexRenderer.headLinks(entries: siteEntries + [entry]),
        Self.categoryHeadLinksPath(node.slug), check: .html)
    }
  }

  /// Feeds are cut from the database's newest-first order, so that order must follow time. Unix
  /// seconds and dates as text in one column sort apart (digits before `2026-…` as text, and
  /// SQLite puts every integer before any text): a feed would silently miss the newest
  /// articles of one kind. The newest and oldest rows tell, in two indexed lookups.
  private func checkDateOrder() throws {
    let (newest, oldest) = try store.publishedAtRange()
    guard let newest, let oldest, builder.parser.parse(newest) != nil,
      builder.parser.parse(oldest) != nil,
      DateParser.isUnixSeconds(newest) != DateParser.isUnixSeconds(oldest)
    else { return }
    datesInOrder = false
    report.add(.init(.warning, .noted, .dateFormatsMixed, field: "published_at", "holds both Unix seconds and dates as text (\(ItemBuilder.quoted(newest)), \(ItemBuilder.quoted(oldest))), which the database cannot sort together: feeds may leave out the newest articles; store one format (docs/database.md)"))
    if archivesEnabled {
      // Months are cut from the rows' order: out of order, they would be cut wrong.
      archivesEnabled = false
      report.add(.init(.warning, .noted, .archivesNotUpdated, field: "published_at", "the archives (feeds.archives) are not updated this run: they need rows in date order"))
    }
  }

  /// A clock far in the past would empty the feeds (every article looks scheduled); one far in
  /// the future would publish every scheduled article at once. Neither may happen silently.
  private func checkClock() {
    let year2000: Int64 = 946_684_800
    let year2100: Int64 = 4_102_444_800
    if now < year2000 || now >= year2100 {
      report.add(.init(.warning, .noted, .clockSuspect, field: "clock", "the system clock says \(DateFormats.rfc3339(builder.parser.stamp(now))); articles are published against it (scheduled ones appear once it passes their time): is the clock right?"))
    }
  }

  /// Starts the new cleaning cache file (written as the run goes); `loa check` and dry runs
  /// write nothing, so they keep the old one.
  private func beginCache() {
    guard mode != .check && mode != .dryRun, let state else { return }
    cache.beginSaving(to: state, name: cacheName)
  }

  private func saveCache() {
    do {
      try cache.finishSaving(keep: true)
    } catch {
      logger.warning("cache", "cannot save the cleaning cache (only costs time next run): \(error)")
    }
  }

  /// Builds and writes the feed of `root` and of every category below it (each after its
  /// sub-categories'), returning the root's items for the site feed.
  ///
  /// A category's own rows are read after its sub-categories' feeds are made: once those
  /// hold `limit` items, a row of its own older than the last of them cannot enter its feed,
  /// and is neither read further nor built (``collect(_:categoryID:after:)``).
  ///
  /// A loop over a stack of open categories, not recursion: however deep the tree, the
  /// thread's stack does not grow.
  private func process(_ root: Int64) throws -> [FeedItem] {
    var open: [(id: Int64, nextChild: Int, top: TopItems)] = [(root, 0, TopItems(limit: limit))]
    while let frame = open.last {
      let children = tree[frame.id]?.children ?? []
      if frame.nextChild < children.count {
        open[open.count - 1].nextChild += 1
        open.append((children[frame.nextChild], 0, TopItems(limit: limit)))
        continue
      }
      open.removeLast()
      var top = frame.top
      top.add(try collect(.category(frame.id), categoryID: frame.id, after: top.last))
      let items = top.items
      submitCategoryFeed(frame.id, items)
      guard !open.isEmpty else { return items }
      open[open.count - 1].top.add(items)
    }
    return []
  }

  /// Builds the feed of category `id` holding `items` and hands it on.
  private func submitCategoryFeed(_ id: Int64, _ items: [FeedItem]) {
    guard let node = tree[id] else { return }
    if configuration.feeds.categoryFeeds {
      let base = categoryBase(node)
      let feed = Feed(
        id: base.id, title: base.title, description: base.description,
        homePageURL: base.homePageURL, directory: base.directory, categoryID: id, items: items,
        // An empty feed's date is set in render(), once the site feed's newest is known.
        updated: Self.newestUpdate(items) ?? builder.parser.stamp(now),
        archive: subscriptionLinks(node.slug, items))
      if items.isEmpty { emptyFeeds.append(feed) } else { submit(feed) }
    }
  }

  /// The title of a category's feed (`feeds.categoryTitle`), also its title in `index.opml`.
  func categoryFeedTitle(_ node: CategoryTree.Node) -> String {
    Template.fill(configuration.feeds.categoryTitle, ["category": node.name, "site": site.title])
  }

  /// What the feed of category `node` and its archives have in common.
  private func categoryBase(_ node: CategoryTree.Node) -> MonthlyArchives.Base {
    let title = categoryFeedTitle(node)
    return MonthlyArchives.Base(
      id: configuration.site.idPrefix + "feed:category:\(node.id)", title: title,
      description: node.description.isEmpty ? title : node.description,
      homePageURL: categoryURL(node), directory: node.slug, categoryID: node.id)
  }

  /// The subscription feed's `prev-archive` link, when archives are published.
  private func subscriptionLinks(_ directory: String, _ items: [FeedItem]) -> ArchiveLinks? {
    archivesEnabled ? MonthlyArchives.subscriptionLinks(directory: directory, items: items) : nil
  }

  func categoryURL(_ node: CategoryTree.Node) -> String {
    let source = Slug.make(node.sourceSlug)
    let path = Template.fill(
      configuration.links.category, ["slug": source.isEmpty ? node.slug : source, "id": String(node.id)])
    return WebAddress.resolve(path, against: configuration.site.url)?.description
      ?? site.homePageURL
  }

  /// The most rows built in one batch: enough to keep both cores busy, few enough that a
  /// feed of 10,000 items never holds 10,000 raw rows (their HTML) next to the items built
  /// from them (issue 16: 40 MB of W2's peak).
  static let batchLimit = 256

  /// Reads rows of one selection until `limit` items are publishable, or until a row is no
  /// newer than `cutoff` (the last of `limit` items the feed already holds from elsewhere: that
  /// row and every later one could not enter it). The cutoff is kept only while the rows come
  /// newest first, as the query sorts them; not when `published_at` mixes formats the
  /// database cannot sort together (``checkDateOrder()``) or a read found them out of order.
  ///
  /// Rows are read in batches of as many as are still needed (at most ``batchLimit``) and built on both cores
  /// (``ItemBuilder/build(_:)`` touches nothing shared but the cache); their outcomes and
  /// report lines are then taken in row order, so the result is the same as one by one. A
  /// scheduled row (a cheap date check) never enters a batch.
  private func collect(
    _ selection: ArticleSelection, categoryID: Int64?, after cutoff: FeedItem? = nil
  ) throws -> [FeedItem] {
    var items: [FeedItem] = []
    var previous: Int64 = .max
    var batch: [RawArticleRow] = []
    let builder = self.builder
    // Reading is the time in the store less the cleaning done inside its callback.
    var cleaning = 0.0
    var rowsRead = 0
    func take(_ rows: [RawArticleRow]) {
      let start = monotonicSeconds()
      defer {
        let spent = monotonicSeconds() - start
        cleaning += spent
        report.phases.add(.clean, seconds: spent, count: rows.count)
        progress?(report.articlesRead)
      }
      var outcomes = [(ItemBuilder.Outcome, [ValidationIssue])?](repeating: nil, count: rows.count)
      outcomes.withUnsafeMutableBufferPointer { out in
        let slots = UncheckedBuffer(out)
        DispatchQueue.concurrentPerform(iterations: rows.count) { i in
          slots.buffer[i] = builder.build(rows[i])
        }
      }
      for (row, result) in zip(rows, outcomes) {
        guard let (outcome, issues) = result else { continue }
        if ledger.isFirstReport(of: row, in: .feeds) {
          for issue in issues { report.add(issue) }
        }
        switch outcome {
        case .item(let item):
          guard isFirstRow(with: item, readFor: categoryID) else { continue }
          if item.published.utc > previous && !warnedOrder {
            warnedOrder = true
            report.add(.init(.warning, .noted, .dateFormatsMixed, article: item.articleID, field: "published_at", "rows do not come out newest first: published_at holds dates in more than one format, so the database cannot sort them; each feed is sorted again, but use one format (docs/database.md)"))
          }
          previous = min(previous, item.published.utc)
          items.append(item)
        case .scheduled(let due):
          report.countScheduled()
          nextDue = min(nextDue ?? .max, due)
        case .leftOut:
          break
        }
      }
    }
    let readStart = monotonicSeconds()
    defer {
      report.phases.add(.read, seconds: monotonicSeconds() - readStart - cleaning, count: rowsRead)
    }
    try store.forEachRawArticle(in: selection, expecting: limit) { row in
      report.countRead()
      rowsRead += 1
      if let due = builder.scheduledTime(row) {
        report.countScheduled()
        nextDue = min(nextDue ?? .max, due)
        return true
      }
      if let cutoff, datesInOrder, !warnedOrder, !row.idIsMissing, let text = row.publishedAt,
        let published = builder.parser.parse(text),
        published.utc < cutoff.published.utc
          || (published.utc == cutoff.published.utc && row.id < cutoff.articleID)
      {
        return false
      }
      batch.append(row)
      guard batch.count >= min(limit - items.count, Self.batchLimit) else { return true }
      take(batch)
      batch = []
      return items.count < limit
    }
    if !batch.isEmpty { take(batch) }
    items.sort(by: FeedItem.isNewer)
    return items
  }

  static func newestUpdate(_ items: [FeedItem]) -> Timestamp? {
    items.max(by: { $0.updated.utc < $1.updated.utc })?.updated
  }

  /// Hands `feed` to a worker; outcomes that are ready are applied, in submission order.
  private func submit(_ feed: Feed) {
    submit { $0.render(feed) }
  }

  /// Hands an archive document to a worker (``FeedRenderer/renderArchive(_:)``).
  private func submit(archive feed: Feed) {
    submit { $0.renderArchive(feed) }
  }

  private func submit(_ work: @escaping @Sendable (FeedRenderer) -> FeedOutcome) {
    let sequence = submitted
    submitted += 1
    renderSlots.wait()
    renderGroup.enter()
    guard let renderer else { return }
    renderQueue.async { [renderSlots, renderGroup, renderResults] in
      renderResults.set(sequence, work(renderer))
      renderSlots.signal()
      renderGroup.leave()
    }
    applyReady()
  }

  /// Publishes the RFC 5005 archives of the site feed and of every category feed: one
  /// document per calendar month that has items (docs/formats.md).
  ///
  /// Runs before the feeds' reads (which stop after the newest N), so that the feeds know
  /// whether they link to archives. Every published row is read once, newest first, built like
  /// the feeds' items (the cleaning cache makes an unchanged article cheap) and handed to
  /// ``MonthlyArchives``, which emits each month of each feed as soon as it is complete; the
  /// documents render on the workers while the rows are read, and are held until
  /// ``settleArchives()``. Rows out of date order turn the archives off for this run. Only
  /// files whose bytes change are written, like the feeds. A run where the database did not
  /// change never gets here (``unchangedSinceLastRun()``).
  private func publishArchives() throws {
    guard archivesEnabled else {
      keepArchivesOnHold()
      return
    }
    let siteBase = MonthlyArchives.Base(
      id: configuration.site.idPrefix + "feed", title: site.title,
      description: site.description.isEmpty ? site.title : site.description,
      homePageURL: site.homePageURL, directory: "", categoryID: nil)
    var bases: [Int64: MonthlyArchives.Base] = [:]
    if configuration.feeds.categoryFeeds {
      for node in tree.preorder { bases[node.id] = categoryBase(node) }
    }
    let archives = MonthlyArchives { [unowned self] feed in self.submit(archive: feed) }
    var archived = Set<Int64>()
    let builder = self.builder
    let tree = self.tree
    func take(_ rows: [RawArticleRow]) {
      var outcomes = [(ItemBuilder.Outcome, [ValidationIssue])?](repeating: nil, count: rows.count)
      outcomes.withUnsafeMutableBufferPointer { out in
        let slots = UncheckedBuffer(out)
        DispatchQueue.concurrentPerform(iterations: rows.count) { i in
          slots.buffer[i] = builder.build(rows[i])
        }
      }
      for (row, result) in zip(rows, outcomes) {
        guard let (outcome, issues) = result else { continue }
        if ledger.isFirstReport(of: row, in: .archives) {
          for issue in issues { report.add(issue) }
        }
        guard case .item(let item) = outcome, archived.insert(item.articleID).inserted else {
          continue
        }
        var feeds = [siteBase]
        var cursor = item.categoryID
        while let id = cursor, let base = bases[id] {
          feeds.append(base)
          cursor = tree[id]?.parentID
        }
        archives.add(item, to: feeds)
      }
    }
    let batchSize = 64
    var batch: [RawArticleRow] = []
    try store.forEachRawArticle(in: .all, expecting: 4 * batchSize) { row in
      if builder.scheduledTime(row) != nil { return true }
      batch.append(row)
      if batch.count >= batchSize {
        take(batch)
        batch = []
      }
      return true
    }
    if !batch.isEmpty { take(batch) }
    archives.finish()
    if archives.outOfOrder > 0 {
      // A month already emitted would miss its late articles: publish no archive this run.
      archivesEnabled = false
      report.add(.init(.warning, .noted, field: "published_at", "\(archives.outOfOrder) row\(archives.outOfOrder == 1 ? "" : "s") came out of date order (published_at holds dates the database cannot sort together), so the archives (feeds.archives) are not updated this run; store one date format (docs/database.md)"))
    }
  }

  /// Stages the archive documents once every feed has rendered, or, when the archive pass found
  /// rows out of date order, drops them and keeps the published archives; then removes the
  /// stale ones.
  private func settleArchives() {
    archivesSettled = true
    let held = heldArchives
    heldArchives = []
    if archivesEnabled {
      for o in held { apply(o) }
    } else {
      transaction?.directory.discard(held.flatMap(\.staged))
      keepArchivesOnHold()
    }
    removeStaleArchives()
  }

  /// Keeps the published archives as they are when this run cannot cut them (rows out of
  /// date order): they stay on the list of published files, so they are neither removed now
  /// nor forgotten.
  private func keepArchivesOnHold() {
    guard configuration.feeds.archives, let last = lastRun,
      !published.contains(where: MonthlyArchives.isArchivePath)
    else { return }
    published += last.outputs.keys.filter(MonthlyArchives.isArchivePath).sorted()
  }

  /// Removes the archive files the last run published that this one did not: a month whose
  /// articles were all unpublished or moved, a category gone or renamed, or every archive
  /// when `feeds.archives` is turned off. Only files the run state lists are removed, never
  /// anything else in the output directory.
  private func removeStaleArchives() {
    guard let transaction, let last = lastRun else { return }
    let kept = Set(published)
    let stale = last.outputs.keys.filter { MonthlyArchives.isArchivePath($0) && !kept.contains($0) }
      .sorted()
    guard !stale.isEmpty else { return }
    transaction.add([], removing: stale)
    for path in stale { logger.info("write", "\(path): removed (no longer an archive)") }
  }

  /// Waits for every feed in flight, applies the rest, and throws the first staging failure.
  private func finishRendering() throws {
    renderGroup.wait()
    applyReady()
    if let stagingError { throw stagingError }
  }

  private func applyReady() {
    while let outcome = renderResults.take(applied) {
      applied += 1
      apply(outcome)
    }
  }

  /// Sub-categories deeper than this are listed in `index.html` at this level, after their
  /// parent: nesting them further would make the page as deep as the tree.
  static let indexNestingLimit = 8

  /// Records what a worker decided: reports, staged files, index entries.
  private func apply(_ o: FeedOutcome) {
    if o.isArchive && !archivesSettled {
      heldArchives.append(o)
      return
    }
    let budget = configuration.feeds.maxFeedBytes
    for (id, size) in o.tooLarge where tooLarge.insert(id).inserted {
      report.add(.init(.warning, .leftOut, .itemTooLarge, article: id, field: "content_html", "a feed holding only this article is \(size) bytes, over feeds.maxFeedBytes (\(budget)); left out"))
    }
    for issue in o.issues { report.add(issue) }
    transaction?.add(o.staged, removing: o.removals)
    staged += o.staged.map(\.path)
    published += o.published
    changedFeeds += o.changedFeeds
    for path in o.written { report.fileWritten(path) }
    for path in o.unchanged {
      report.fileUnchanged(path)
      logger.debug("write", "\(path): unchanged")
    }
    checked.merge(o.checked) { $1 }
    if let e = o.error, stagingError == nil { stagingError = e }
    guard let kept = o.kept else { return }
    for item in kept.items { ledger.markPublished(item.articleID) }
    sitemapArticles?.add(kept.items, report: report)
    itemCounts[kept.directory] = kept.items.count
    feedUpdated[kept.directory] = kept.updated.utc
    let formats = configuration.feeds.formats
    let node = kept.categoryID.flatMap { tree[$0] }
    indexEntries[kept.categoryID] = FeedIndexEntry(
      title: kept.title, shortTitle: node?.name, description: kept.description,
      homePageURL: kept.homePageURL,
      depth: node.map { min($0.depth, Self.indexNestingLimit - 1) + 1 } ?? 0,
      links: formats.map { .init(format: $0, url: site.url(ofOutput: kept.path($0))) },
      newest: kept.items.prefix(FeedIndexRenderer.headlineLimit).map {
        .init(title: $0.title, link: $0.link, published: $0.published)
      })
  }

  /// Whether `item` is the first row read with its article id, in the read for category
  /// `selection` (nil: the site's). A later one is left out (ids make guids: two items with
  /// one id are one article to every reader) and reported by ``reportDuplicates()``.
  ///
  /// An article linked to several categories (`article_categories`) is read once for each of
  /// them: the same row again, in the read of another category, is that article, not a
  /// duplicate (merged feeds take it once). Any other second row with an id, or the same row
  /// twice in one read, is a duplicate in the database or the query.
  private func isFirstRow(with item: FeedItem, readFor selection: Int64?) -> Bool {
    ledger.admit(item, read: selection) != .duplicate
  }

  /// One warning per duplicated article id: which rows have it, which one was published.
  private func reportDuplicates() {
    for (id, rows) in ledger.duplicates.sorted(by: { $0.key < $1.key }) {
      let kept = ledger.firstRowDescription(id) ?? "?"
      let others = rows.map(\.description).joined(separator: ", ")
      report.add(.init(.warning, .leftOut, .idDuplicate, article: id, field: "id", "\(rows.count + 1) rows have this id: the first read \(kept) is published, \(rows.count == 1 ? "the other" : "the others") \(others) left out; ids must be unique (docs/database.md)"))
    }
    ledger.clearDuplicates()
  }

  /// Compares what this run would publish with what the last one did (``PublishGuard``), once,
  /// before anything is committed: throws when the site feed would become empty, warns about
  /// each feed that lost most of its items.
  ///
  /// - Throws: ``PublishGuardError``, with the reason in one line.
  private func guardAgainstLoss() throws {
    var last = lastRun?.itemCounts ?? [:]
    let siteItems = itemCounts[PublishGuard.siteFeed] ?? 0
    if lastRun?.itemCounts == nil && siteItems == 0 && !options.allowEmpty {
      // No state (first run, or wiped): does the published site feed hold items?
      if let n = publishedSiteFeedItems() { last[PublishGuard.siteFeed] = n }
    }
    switch PublishGuard.verdict(last: last, current: itemCounts, allowEmpty: options.allowEmpty) {
    case .proceed(let shrunk):
      for s in shrunk { report.add(PublishGuard.issue(s)) }
    case .refuse(let lastSiteItems):
      let why: String
      do {
        why = PublishGuard.explanation(
          statuses: try store.statusCounts(), accepted: configuration.database.publishedStatuses,
          rowsRead: report.articlesRead, scheduled: report.scheduled,
          fromQuery: store.usesArticlesQuery, queryKey: configuration.database.queryKeys.articles)
      } catch {
        why = "\(report.articlesRead) rows read (\(error))"
      }
      throw PublishGuardError(
        "nothing to publish, where the last run published \(lastSiteItems) item\(lastSiteItems == 1 ? "" : "s") in the site feed: \(why); the published feeds are kept (loa publish --allow-empty publishes empty feeds)")
    }
  }

  /// The items of the published site feed, read from the output directory (its first format
  /// that is there); nil when there is none.
  private func publishedSiteFeedItems() -> Int? {
    let path = configuration.output.directory
    // `loa check` has no output directory open; it must not create one either.
    guard let directory = output
      ?? (FileManager.default.fileExists(atPath: path) ? try? OutputDirectory(path: path) : nil)
    else { return nil }
    let limit = max(configuration.feeds.maxFeedBytes, 1 << 20) * 2
    for format in configuration.feeds.formats {
      if let bytes = directory.read(format.fileName, limit: limit) {
        return PublishGuard.countItems(bytes, format: format)
      }
    }
    return nil
  }

  /// Checks and stages the sitemaps (``SitemapFiles``); one left with no article is removed.
  private func emitSitemaps() throws {
    guard let articles = sitemapArticles?.entries else { return }
    sitemapArticles = nil
    let files = try SitemapFiles.render(articles, configuration: configuration, report: report)
    for file in files {
      if let bytes = file.bytes {
        try emit(bytes, file.path, check: .sitemap)
      } else if mode == .write || mode == .strict {
        transaction?.add([], removing: [file.path, file.path + ".gz"])
      }
    }
  }

  /// Checks and writes one file on this thread (the OPML and HTML pages).
  private func emit(_ bytes: [UInt8], _ path: String, check: FeedRenderer.Check) throws {
    guard let renderer else { return }
    var outcome = FeedOutcome()
    try renderer.emit(bytes, path, check: check, into: &outcome)
    apply(outcome)
  }
}

/// Lets `concurrentPerform` iterations write distinct slots of one buffer.
private struct UncheckedBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// Outcomes the workers finished, by submission number, until the publisher applies them.
private final class RenderResults: @unchecked Sendable {
  private let lock = Mutex()
  private var table: [Int: FeedOutcome] = [:]

  func set(_ sequence: Int, _ outcome: FeedOutcome) { lock.withLock { table[sequence] = outcome } }
  func take(_ sequence: Int) -> FeedOutcome? { lock.withLock { table.removeValue(forKey: sequence) } }
}

/// The newest `limit` items of several newest-first lists, without duplicates.
struct TopItems {
  let limit: Int
  private(set) var items: [FeedItem] = []

  /// The oldest item once `limit` are held: nothing older can enter (nil before that).
  var last: FeedItem? { items.count >= limit ? items.last : nil }

  init(limit: Int) { self.limit = limit }

  mutating func add(_ more: [FeedItem]) {
    guard !more.isEmpty else { return }
    var merged: [FeedItem] = []
    merged.reserveCapacity(min(limit, items.count + more.count))
    var i = 0
    var j = 0
    var seen = Set<Int64>()
    while merged.count < limit && (i < items.count || j < more.count) {
      let next: FeedItem
      if j >= more.count || (i < items.count && FeedItem.isNewer(items[i], more[j])) {
        next = items[i]
        i += 1
      } else {
        next = more[j]
        j += 1
      }
      if seen.insert(next.articleID).inserted { merged.append(next) }
    }
    items = merged
  }
}
