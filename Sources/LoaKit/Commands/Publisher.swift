/// What a run does with the files it renders.
public enum PublishMode: Sendable, Equatable {
  /// Write every file that changed.
  case write
  /// Render and check everything, write nothing (`loa check`).
  case check
  /// Render and check everything; replace files only if the run found no warning
  /// (`--strict`).
  case strict
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
/// libxml2, Atom validated against the RFC 4287 schema, JSON re-parsed. A file that fails is
/// not written (the old one stays), the failure is reported as an error, and the run goes on.
public final class Publisher {
  public let configuration: Configuration
  public let logger: Logger
  public let report: RunReport
  public let mode: PublishMode
  private let store: ArticleStore
  private let output: OutputDirectory?
  private let site: SiteInfo
  private let now: Int64
  private var tree: CategoryTree
  private var builder: ItemBuilder
  private let cache: CleaningCache
  private var warnedOrder = false
  /// Feeds with no items, written last with the site's newest date.
  private var emptyFeeds: [Feed] = []
  private var publishedIDs = Set<Int64>()
  private var atomValidator: RelaxNGValidator?
  /// Files written to temporary siblings, renamed into place when the whole run succeeded.
  private var staged: [OutputDirectory.StagedFile] = []

  /// - Throws: ``StoreError`` when categories cannot be read, ``WriteError`` when the output
  ///   directory cannot be created.
  public init(
    configuration: Configuration, store: ArticleStore, clock: Clock, logger: Logger,
    report: RunReport = RunReport(), mode: PublishMode = .write
  ) throws {
    self.configuration = configuration
    self.store = store
    self.logger = logger
    self.report = report
    self.mode = mode
    self.now = clock.now()
    site = configuration.siteInfo
    cache = CleaningCache()
    tree = CategoryTree(try store.categories(), report: report)
    builder = ItemBuilder(configuration: configuration, tree: tree, now: now, cache: cache)
    output = mode == .check ? nil : try OutputDirectory(path: configuration.output.directory)
  }

  private var limit: Int { configuration.feeds.itemsPerFeed }

  /// The cleaning cache's file, one per site and output directory.
  var cachePath: (directory: String, name: String)? {
    guard let dir = configuration.state.directory else { return nil }
    let key = CleaningCache.key(
      content: configuration.output.directory, base: configuration.site.url.description)
    return (dir, "cleaning-" + String(key, radix: 16) + ".cache")
  }

  /// Runs the whole publish: every file is rendered, checked and staged; only when all of
  /// that succeeded are the staged files renamed into place.
  ///
  /// - Throws: ``StoreError``, ``WriteError``, ``XMLWriterError``. Nothing published has
  ///   changed then (a failure in the final renames leaves each file complete, old or new).
  public func run() throws {
    output?.removeAbandonedTemporaryFiles()
    do {
      try render()
    } catch {
      output?.discard(staged)
      staged = []
      throw error
    }
    if mode == .strict && (report.count(.warning) > 0 || report.count(.error) > 0) {
      output?.discard(staged)
    } else if let output {
      try output.commit(staged)
      for file in staged {
        report.fileWritten(file.path)
        logger.debug("write", "\(file.path): written")
      }
    }
    staged = []
    if mode != .check { saveCache() }
  }

  private func render() throws {
    if let (dir, name) = cachePath { cache.load(from: dir + "/" + name) }
    var siteItems = TopItems(limit: limit)
    for root in tree.roots {
      siteItems.add(try process(root))
    }
    siteItems.add(try collect(.uncategorized(knownCategories: tree.ids), categoryID: nil))
    let siteFeed = Feed(
      id: configuration.site.idPrefix + "feed", title: site.title,
      description: site.description, homePageURL: site.homePageURL, directory: "",
      categoryID: nil, items: siteItems.items,
      updated: Self.newestUpdate(siteItems.items) ?? builder.parser.stamp(0))
    try publish(siteFeed)
    for var feed in emptyFeeds {
      feed.updated = siteFeed.updated
      try publish(feed)
    }
    if configuration.feeds.opml {
      let primary = configuration.feeds.formats[0]
      var entries = [
        OPMLSerializer.Entry(
          title: site.title, description: site.description, homePageURL: site.homePageURL,
          feedPath: siteFeed.path(primary))
      ]
      if configuration.feeds.categoryFeeds {
        for node in tree.preorder {
          entries.append(
            OPMLSerializer.Entry(
              title: node.path.joined(separator: " › ") + " – " + site.title,
              description: node.description, homePageURL: categoryURL(node),
              feedPath: node.slug + "/" + primary.fileName))
        }
      }
      let bytes = try OPMLSerializer().serialize(
        entries: entries, site: site, updated: siteFeed.updated)
      try emit(bytes, "index.opml", check: .xml)
    }
    report.setPublished(publishedIDs.count)
  }

  private func saveCache() {
    guard let (dir, name) = cachePath, let bytes = cache.encodedIfChanged() else { return }
    do {
      try OutputDirectory(path: dir).write(bytes, to: name)
    } catch {
      logger.warning("cache", "cannot save the cleaning cache (only costs time next run): \(error)")
    }
  }

  /// Builds and writes the feed of one category (after its sub-categories'), returning its
  /// items for the parent.
  private func process(_ id: Int64) throws -> [FeedItem] {
    guard let node = tree[id] else { return [] }
    var top = TopItems(limit: limit)
    top.add(try collect(.category(id), categoryID: id))
    for child in node.children { top.add(try process(child)) }
    let items = top.items
    if configuration.feeds.categoryFeeds {
      let title = Template.fill(
        configuration.feeds.categoryTitle, ["category": node.name, "site": site.title])
      let feed = Feed(
        id: configuration.site.idPrefix + "feed:category:\(id)", title: title,
        description: node.description.isEmpty ? title : node.description,
        homePageURL: categoryURL(node), directory: node.slug, categoryID: id, items: items,
        updated: Self.newestUpdate(items) ?? builder.parser.stamp(0))
      if items.isEmpty { emptyFeeds.append(feed) } else { try publish(feed) }
    }
    return items
  }

  func categoryURL(_ node: CategoryTree.Node) -> String {
    let path = Template.fill(
      configuration.links.category, ["slug": node.sourceSlug, "id": String(node.id)])
    return WebAddress.resolve(path, against: configuration.site.url)?.description
      ?? site.homePageURL
  }

  /// Reads rows of one selection until `limit` items are publishable.
  private func collect(_ selection: ArticleSelection, categoryID: Int64?) throws -> [FeedItem] {
    var items: [FeedItem] = []
    var previous: Int64 = .max
    try store.forEachArticle(in: selection) { row in
      report.countRead()
      switch builder.build(row, report: report) {
      case .item(let item):
        if item.published.utc > previous && !warnedOrder {
          warnedOrder = true
          report.add(.init(.warning, .noted, article: item.articleID, field: "published_at", "rows do not come out newest first: published_at holds dates in more than one format, so the database cannot sort them; each feed is sorted again, but use one format (docs/database.md)"))
        }
        previous = min(previous, item.published.utc)
        items.append(item)
      case .scheduled:
        report.countScheduled()
      case .leftOut:
        break
      }
      return items.count < limit
    }
    items.sort(by: FeedItem.isNewer)
    return items
  }

  static func newestUpdate(_ items: [FeedItem]) -> Timestamp? {
    items.max(by: { $0.updated.utc < $1.updated.utc })?.updated
  }

  /// Renders `feed` in every configured format, dropping its oldest items if a file would be
  /// larger than `feeds.maxFeedBytes` (the same items in every format), then emits the files.
  private func publish(_ feed: Feed) throws {
    let formats = configuration.feeds.formats
    let budget = configuration.feeds.maxFeedBytes
    func render(_ f: Feed) throws -> [[UInt8]] {
      try formats.map { try $0.serializer.serialize(f, site: site) }
    }
    var rendered = try render(feed)
    var kept = feed
    if rendered.contains(where: { $0.count > budget }) {
      // Binary search for the most items that fit in every format.
      var lo = 0
      var hi = feed.items.count - 1
      var best: (Feed, [[UInt8]])?
      while lo <= hi {
        let mid = (lo + hi) / 2
        var candidate = feed
        candidate.items = Array(feed.items.prefix(mid))
        let r = try render(candidate)
        if r.allSatisfy({ $0.count <= budget }) {
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
      let dropped = feed.items.count - kept.items.count
      report.add(.init(.warning, .noted, category: feed.categoryID, field: "feed", "\(feed.path(formats[0])): \(dropped) oldest item\(dropped == 1 ? "" : "s") left out to stay under \(budget) bytes (feeds.maxFeedBytes)"))
    }
    for (format, bytes) in zip(formats, rendered) {
      try emit(bytes, kept.path(format), check: format == .json ? .json : format == .atom ? .atom : .xml)
    }
    for item in kept.items { publishedIDs.insert(item.articleID) }
  }

  enum Check { case xml, atom, json }

  /// Checks a rendered file, then writes it (or holds or skips it, by mode).
  private func emit(_ bytes: [UInt8], _ path: String, check: Check) throws {
    let problem: String?
    switch check {
    case .xml: problem = OutputCheck.xmlProblem(bytes)
    case .json: problem = OutputCheck.jsonProblem(bytes)
    case .atom:
      if atomValidator == nil { atomValidator = try RelaxNGValidator.atom() }
      problem = atomValidator?.problem(bytes)
    }
    if let problem {
      report.add(.init(.error, .noted, field: path, "failed its check and was not published (the previous file is kept): \(problem)"))
      return
    }
    guard mode != .check, let output else { return }
    if let file = try output.stage(bytes, to: path) {
      staged.append(file)
    } else {
      report.fileUnchanged(path)
      logger.debug("write", "\(path): unchanged")
    }
  }
}

/// The newest `limit` items of several newest-first lists, without duplicates.
struct TopItems {
  let limit: Int
  private(set) var items: [FeedItem] = []

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
