/// A generated file that failed its check and was not published.
public struct OutputCheckError: Error, Sendable, CustomStringConvertible {
  public let path: String
  public let problem: String
  public var description: String {
    "\(path) failed its check and was not published (the previous file is kept): \(problem)"
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
public final class Publisher {
  public let configuration: Configuration
  public let logger: Logger
  public let report: RunReport
  private let store: ArticleStore
  private let output: OutputDirectory
  private let site: SiteInfo
  private let now: Int64
  private var tree: CategoryTree
  private var builder: ItemBuilder
  private var opmlEntries: [OPMLSerializer.Entry] = []
  private var warnedOrder = false
  /// Feeds with no items, written last with the site's newest date.
  private var emptyFeeds: [Feed] = []
  private var publishedIDs = Set<Int64>()

  /// - Throws: ``StoreError`` when categories cannot be read, ``WriteError`` when the output
  ///   directory cannot be created.
  public init(
    configuration: Configuration, store: ArticleStore, clock: Clock, logger: Logger,
    report: RunReport = RunReport()
  ) throws {
    self.configuration = configuration
    self.store = store
    self.logger = logger
    self.report = report
    self.now = clock.now()
    site = configuration.siteInfo
    tree = CategoryTree(try store.categories(), report: report)
    builder = ItemBuilder(configuration: configuration, tree: tree, now: now)
    output = try OutputDirectory(path: configuration.output.directory)
  }

  private var limit: Int { configuration.feeds.itemsPerFeed }

  /// Runs the whole publish.
  ///
  /// - Throws: ``StoreError``, ``WriteError``, ``OutputCheckError``, ``XMLWriterError``. Files
  ///   written before the error are complete; the failing file keeps its previous version.
  public func run() throws {
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
    try write(siteFeed)
    for var feed in emptyFeeds {
      feed.updated = siteFeed.updated
      try write(feed)
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
      try checkAndWrite(bytes, "index.opml", isXML: true)
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
      if items.isEmpty { emptyFeeds.append(feed) } else { try write(feed) }
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

  private func write(_ feed: Feed) throws {
    for format in configuration.feeds.formats {
      let bytes = try format.serializer.serialize(feed, site: site)
      try checkAndWrite(bytes, feed.path(format), isXML: format != .json)
    }
    for item in feed.items { publishedIDs.insert(item.articleID) }
    report.setPublished(publishedIDs.count)
  }

  private func checkAndWrite(_ bytes: [UInt8], _ path: String, isXML: Bool) throws {
    if let problem = isXML ? OutputCheck.xmlProblem(bytes) : OutputCheck.jsonProblem(bytes) {
      throw OutputCheckError(path: output.path + "/" + path, problem: problem)
    }
    switch try output.write(bytes, to: path) {
    case .written:
      report.fileWritten(path)
      logger.debug("write", "\(path): written")
    case .unchanged:
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
