import FoundationEssentials
import LoaCore
import LoaStore
import LoaXML

#if canImport(Glibc)
  import Glibc
#endif

/// The roll-up of a platform (docs/multisite.md): at the top of the output directory, one feed
/// per format holding the newest `feeds.itemsPerFeed` items of every site, each naming its
/// site (RSS and Atom `source` with the site's `dc:coverage`, JSON Feed `_loa`), its feed page
/// and head links, and `index.opml` listing every site's feed.
///
/// It is read from the database, never from the sites' published files, so it is the same
/// whichever shard writes it and whichever sites that shard published. The rows come newest
/// first across all sites; each is built with its own site's configuration and categories,
/// exactly as in that site's feed (same id, link, categories), and the first N publishable
/// ones are the feed. A row is built only when the scan reaches it, so a run builds about N
/// items, whatever the number of sites.
struct RollUpPublisher {
  let run: PlatformRun
  /// Every site of the table with a slug of its own, in id order.
  let sites: [SiteRow]
  /// Every slug of the sites table (duplicates and rows that cannot be published included).
  let slugs: Set<String>

  private var configuration: Configuration { run.configuration }

  /// Writes the roll-up; its failures are in the outcome (``PlatformRun/SiteOutcome/error``),
  /// never thrown: the sites are published already.
  func publish() -> PlatformRun.SiteOutcome {
    var outcome = PlatformRun.SiteOutcome(id: 0, slug: "", report: RunReport(keepNotes: run.logger.enabled(.info)))
    let started = monotonicSeconds()
    do {
      outcome.nothingChanged = try publish(outcome.report)
      if run.mode == .write { reportRemovedSites(outcome.report) }
    } catch {
      outcome.error = error
    }
    outcome.milliseconds = Int((monotonicSeconds() - started) * 1000)
    outcome.errors = outcome.report.count(.error)
    outcome.warnings = outcome.report.count(.warning)
    outcome.filesWritten = outcome.report.filesWritten.count
    return outcome
  }

  /// Warns about folders of the output directory that hold a site's feeds but whose slug is no
  /// longer in the sites table (a ward merged into another, a slug renamed). loa never deletes
  /// them: readers still follow those URLs, and the operator decides (a redirect, a notice).
  /// The warning is printed when the list of such folders changes, not on every run.
  private func reportRemovedSites(_ report: RunReport) {
    let root = configuration.output.directory
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
    var removed: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") && !slugs.contains(name) {
      var st = stat()
      guard stat(root + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR,
        configuration.feeds.formats.contains(where: {
          FileManager.default.fileExists(atPath: root + "/" + name + "/" + $0.fileName)
        })
      else { continue }
      removed.append(name)
    }
    let name = "removed-sites-" + StateStore.key(root, configuration.site.url.description) + ".json"
    let state = configuration.state.directory.flatMap { try? StateStore(directory: $0) }
    let told = state.flatMap { $0.read(name, limit: 1 << 20) }.flatMap {
      try? JSONDecoder().decode([String].self, from: Data($0))
    }
    guard told != removed else { return }
    for folder in removed where !(told ?? []).contains(folder) {
      report.add(.init(.warning, .noted, .siteRemoved, field: "sites", "\(root)/\(folder) holds the feeds of a site \"\(folder)\" the sites table no longer has; loa leaves its files as they are (redirect its URLs, then remove the folder)"))
    }
    if let state, let data = try? JSONEncoder().encode(removed) {
      try? state.write(Array(data), to: name)
    }
  }

  /// The roll-up's site: the platform's own (`site` in the configuration).
  private var siteInfo: SiteInfo {
    var info = configuration.siteInfo
    info.isRollUp = true
    info.code = nil
    return info
  }

  private var stateName: String {
    "rollup-" + StateStore.key(configuration.output.directory, configuration.site.url.description) + ".json"
  }

  private var configurationKey: String {
    "\(LoaVersion.current)/\(Publisher.executableStamp)/\(HTMLSanitizer.version)/\(configuration.fileFingerprint)/"
      + "\(configuration.output.gzip)/\(configuration.output.gzipLevel)/rollup"
  }

  /// - Returns: whether nothing changed (the database, the configuration and the files are as
  ///   the last roll-up left them).
  private func publish(_ report: RunReport) throws -> Bool {
    let root = configuration.output.directory
    let writes = run.mode == .write || run.mode == .strict
    var lock: RunLock?
    if writes {
      try OutputDirectory.makeDirectories(root)
      lock = try RunLock(directory: root)
    }
    defer { lock?.release() }
    let directory = writes ? try OutputDirectory(path: root) : nil
    // Only the roll-up's own files: each site folder is swept by the run that holds its lock.
    directory?.removeAbandonedTemporaryFilesHere()
    let state = configuration.state.directory.flatMap { try? StateStore(directory: $0) }
    let store = try configuration.openPlatformStore()
    defer { try? store.close() }
    let now = run.clock.now()
    let last = state.flatMap { RunState.load($0, stateName) }
    if run.mode == .write, !run.options.force, let token = store.changeToken, let last,
      last.configuration == configurationKey, last.source == token, !last.outputs.isEmpty,
      last.nextDue.map({ $0 > now }) ?? true, last.outputsUnchanged(in: root)
    {
      return true
    }

    let limit = configuration.feeds.itemsPerFeed
    let cache = CleaningCache()
    var builders: [Int64: (ItemBuilder, ItemSource)?] = [:]
    var rows: [Int64: (rows: [Int64: RawArticleRow], all: Bool)] = [:]
    let byID = Dictionary(sites.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var items: [FeedItem] = []
    var seen = Set<String>()
    var nextDue: Int64?
    /// The site's builder and the raw rows of its newest reads, read when the scan first
    /// reaches one of its articles.
    func load(_ siteID: Int64) throws -> (ItemBuilder, ItemSource)? {
      if let known = builders[siteID] { return known }
      guard let row = byID[siteID], var site = try? configuration.forSite(row) else {
        builders[siteID] = .some(nil)
        return nil
      }
      site = PublishedIDPrefix.adopted(site, logger: .silent)
      try store.restrict(toSite: siteID)
      // The folders the site's own last run published its categories in (its state folder).
      let siteState = site.state.directory.flatMap {
        FileManager.default.fileExists(atPath: $0) ? try? StateStore(directory: $0) : nil
      }
      let folders = siteState.flatMap {
        FolderAssignment.load(from: $0, Publisher.folderAssignmentName(site))
      }
      let tree = CategoryTree(
        try store.categories(), report: RunReport(), previousFolders: folders?.byCategory ?? [:],
        folderOwner: { FolderAssignment.publishedOwner(of: $0, in: site.output.directory) })
      let builder = ItemBuilder(configuration: site, tree: tree, now: now, cache: cache)
      rows[siteID] = try readRows(siteID, count: limit + 16)
      let source = ItemSource(
        title: site.site.title, slug: row.slug, code: site.site.code,
        homePageURL: site.site.url.description, feedID: site.site.idPrefix + "feed",
        feedBaseURL: site.output.baseURL.description)
      builders[siteID] = (builder, source)
      return (builder, source)
    }
    /// The site's newest `count` rows by id, and whether that was all of them.
    func readRows(_ siteID: Int64, count: Int) throws -> (rows: [Int64: RawArticleRow], all: Bool) {
      try store.restrict(toSite: siteID)
      var raw: [Int64: RawArticleRow] = [:]
      var read = 0
      try store.forEachRawArticle(in: .all, expecting: count) { r in
        if !r.idIsMissing, raw[r.id] == nil { raw[r.id] = r }
        read += 1
        return read < count
      }
      return (raw, read < count)
    }
    /// The row `articleID` of the site: among its newest rows, read again further down when
    /// the scan goes past them (many scheduled or invalid rows).
    func row(_ siteID: Int64, _ articleID: Int64) throws -> RawArticleRow? {
      while let known = rows[siteID] {
        if let r = known.rows[articleID] { return r }
        if known.all { return nil }
        rows[siteID] = try readRows(siteID, count: known.rows.count * 4 + 64)
      }
      return nil
    }
    try store.forEachNewestAcrossSites { siteID, articleID in
      guard let (builder, source) = try load(siteID), let raw = try row(siteID, articleID) else {
        return true
      }
      report.countRead()
      switch builder.build(raw).0 {
      case .item(var item):
        guard seen.insert(item.guid).inserted else { return true }
        item.source = source
        items.append(item)
      case .scheduled(let at):
        nextDue = min(nextDue ?? at, at)
      case .leftOut:
        break
      }
      return items.count < limit
    }
    items.sort { a, b in
      if a.published.utc != b.published.utc { return a.published.utc > b.published.utc }
      if a.source?.slug != b.source?.slug { return (a.source?.slug ?? "") < (b.source?.slug ?? "") }
      return a.articleID > b.articleID
    }
    // Each site's newest `updated` among its items here: its Atom `source/updated`.
    var newestBySite: [String: Timestamp] = [:]
    for item in items {
      guard let slug = item.source?.slug else { continue }
      if newestBySite[slug].map({ $0.utc < item.updated.utc }) ?? true { newestBySite[slug] = item.updated }
    }
    for i in items.indices {
      let slug = items[i].source?.slug ?? ""
      items[i].source?.updated = newestBySite[slug]
    }
    guard let newest = items.first else {
      report.add(.init(.warning, .noted, .rollUpEmpty, field: "sites", "no site has a publishable article; the roll-up feeds are left as they were"))
      return false
    }
    let info = siteInfo
    let feed = Feed(
      id: configuration.site.idPrefix + "feed:roll-up", title: info.title, description: info.description,
      homePageURL: info.homePageURL, directory: "", categoryID: nil, items: items,
      updated: items.map(\.updated).max { $0.utc < $1.utc } ?? newest.updated)
    // A dry run compares with the published files; it writes nothing.
    var compared = directory
    if compared == nil, run.mode == .dryRun, FileManager.default.fileExists(atPath: root) {
      compared = try OutputDirectory(path: root)
    }
    let transaction = directory.map {
      OutputTransaction(
        $0, force: run.options.force,
        gzipLevel: configuration.output.gzip ? Int32(configuration.output.gzipLevel) : nil)
    }
    let renderer = FeedRenderer(
      formats: configuration.feeds.formats, budget: configuration.feeds.maxFeedBytes, site: info,
      mode: run.mode, force: run.options.force, transaction: transaction,
      output: compared, previouslyChecked: last?.checked ?? [:])
    var outcomes = [renderer.render(feed)]
    // Each site's own feeds, for the OPML and the feed page.
    let siteConfigurations = sites.compactMap { try? configuration.forSite($0) }
    if configuration.output.index {
      let formats = configuration.feeds.formats
      let rollUp = FeedIndexEntry(
        title: info.title, shortTitle: nil, description: info.description,
        homePageURL: info.homePageURL, depth: 0,
        links: formats.map { .init(format: $0, url: info.url(ofOutput: $0.fileName)) },
        newest: items.prefix(FeedIndexRenderer.headlineLimit).map {
          .init(title: $0.title, link: $0.link, published: $0.published)
        })
      let entries = siteConfigurations.map { c in
        FeedIndexEntry(
          title: c.site.title, shortTitle: nil, description: c.site.description,
          homePageURL: c.site.url.description, depth: 1,
          links: formats.map { .init(format: $0, url: c.output.baseURL.description + $0.fileName) },
          newest: [])
      }
      var page = FeedOutcome()
      try renderer.emit(
        FeedIndexRenderer.indexPage(site: info, entries: [rollUp] + entries, updated: feed.updated),
        "index.html", check: .html, into: &page)
      try renderer.emit(
        FeedIndexRenderer.headLinks(entries: [rollUp]), "head-links.html", check: .html, into: &page)
      outcomes.append(page)
    }
    if configuration.feeds.opml {
      var opml = FeedOutcome()
      let format = configuration.feeds.formats.first { $0 != .json } ?? .json
      var entries = [
        OPMLSerializer.Entry(
          title: info.title, description: info.description, homePageURL: info.homePageURL,
          feedPath: info.url(ofOutput: format.fileName), format: format)
      ]
      for c in siteConfigurations {
        entries.append(
          OPMLSerializer.Entry(
            title: c.site.title, description: c.site.description, homePageURL: c.site.url.description,
            feedPath: c.output.baseURL.description + format.fileName, format: format))
      }
      var absolute = info
      absolute.feedBaseURL = ""
      try renderer.emit(
        OPMLSerializer().serialize(entries: entries, site: absolute), "index.opml", check: .xml,
        into: &opml)
      outcomes.append(opml)
    }
    var published: [String] = []
    var checked: [String: String] = [:]
    for o in outcomes {
      for issue in o.issues { report.add(issue) }
      if let e = o.error { throw e }
      transaction?.add(o.staged, removing: o.removals)
      published += o.published
      checked.merge(o.checked) { $1 }
      for path in o.written { report.fileWritten(path) }
      for path in o.unchanged { report.fileUnchanged(path) }
    }
    report.setPublished(items.count)
    guard let transaction else { return false }
    if report.count(.error) > 0 || (run.mode == .strict && report.count(.warning) > 0) {
      transaction.discard()
      return false
    }
    try transaction.commit()
    for o in outcomes {
      for file in o.staged { report.fileWritten(file.path) }
    }
    if let state, let token = store.changeToken, report.count(.error) == 0 {
      var outputs: [String: String] = [:]
      for p in published { outputs[p] = RunState.fileStamp(root + "/" + p) }
      let record = RunState(
        configuration: configurationKey, source: token, nextDue: nextDue, outputs: outputs,
        checked: checked)
      try? state.write(record.encoded(), to: stateName)
    }
    return false
  }
}
