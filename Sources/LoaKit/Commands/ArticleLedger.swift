import LoaCore

/// What a run knows about each article id it meets, in one entry of 40 bytes per id: how many
/// rows with the id each pass has read (so that a row's report lines are reported once), the
/// first row published under it (so that a later row with the same id is left out and
/// reported), and whether it was published (the run's count of published articles).
///
/// A run meets every id its reads return (50,000 in W4's 1,000 categories, whatever the size
/// of the database), so this is the state that grows with the items a run publishes. Issue 7
/// kept the first row itself (its title and list of categories) in one table, a string per
/// row read in another, and the published ids in a third: 62 MB of peak memory on W4's 100k
/// articles against 35 MB on 10k. One fixed-size entry per id keeps the peak nearly flat
/// (Benchmarks/analysis.md, "W4 flat again").
struct ArticleLedger {
  /// The two passes that build rows: the feeds' reads, and the archive pass (RFC 5005).
  enum Pass { case feeds, archives }

  /// What ``admit(_:read:)`` decided.
  enum Admission: Equatable {
    /// The first row with its id: published.
    case first
    /// The same row again, in the read of another category the article is linked to
    /// (`article_categories`): the same article, taken by that category's feed too.
    case sameArticle
    /// A different row with an id already taken, or the same row twice in one read: a
    /// duplicate in the database or the query, left out and reported by ``duplicates``.
    case duplicate
  }

  private struct Entry {
    var counts = Counts()
    /// The first row admitted (valid when `flags` has ``hasFirstRow``): its date, the read
    /// that took it (a category id, unless ``siteRead``), and its category, title,
    /// categories and tags hashed (``fingerprint(_:)``).
    var utc: Int64 = 0
    var readID: Int64 = 0
    var fingerprint = 0
    var offset: Int32 = 0
    var flags: UInt8 = 0

    static let hasFirstRow: UInt8 = 1
    static let siteRead: UInt8 = 2
    static let published: UInt8 = 4

    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    var read: Int64? { has(Self.siteRead) ? nil : readID }

    func isSameRow(as item: FeedItem, fingerprint: Int) -> Bool {
      utc == item.published.utc && offset == item.published.offset
        && self.fingerprint == fingerprint
    }
  }

  /// Rows with one id read by each pass.
  private struct Counts {
    var feedRows: UInt32 = 0
    var archiveRows: UInt32 = 0

    /// Counts one more row in `pass`; true when no pass had read that many before.
    mutating func count(_ pass: Pass) -> Bool {
      switch pass {
      case .feeds:
        defer { feedRows += 1 }
        return feedRows >= archiveRows
      case .archives:
        defer { archiveRows += 1 }
        return archiveRows >= feedRows
      }
    }
  }

  /// The entries, in 64 tables by a hash of the id: a table that grows holds its old and
  /// new storage at once, and with one table that moment was the run's peak (50,000 ids:
  /// 3 MB and 6 MB together); 64 tables grow one at a time, each a 64th of the whole.
  /// ``IDTable``s, not dictionaries: they grow by half and fill to 4/5 (3.1 MB for 50,000
  /// ids where dictionaries took 6 MB).
  private var shards = [IDTable<Entry>](
    repeating: IDTable(empty: Entry()), count: IDShards.count)

  @inline(__always)
  private static func shard(_ id: Int64) -> Int { IDShards.index(id) }
  /// Rows without an integer id, by their id as SQL wrote it: counted only (they are never
  /// published).
  private var byLiteral: [String: Counts] = [:]
  /// Further reads of articles in several categories, by id (few).
  private var moreReads: [Int64: [Int64?]] = [:]
  /// Rows left out for an id already taken, whole, for the warning (rare).
  private(set) var duplicates: [Int64: [RowSummary]] = [:]
  /// Ids marked published.
  private(set) var publishedCount = 0

  /// Counts `row` as read by `pass`, and says whether its report lines are new to the report.
  ///
  /// Both passes meet the rows with one id in the same order, so the n-th row with an id is
  /// new when no pass has read n rows with it yet: each row is reported once, and rows that
  /// share an id (a duplicate, two NULLs) once each.
  mutating func isFirstReport(of row: RawArticleRow, in pass: Pass) -> Bool {
    if row.idIsMissing {
      return byLiteral[row.idLiteral ?? "NULL", default: Counts()].count(pass)
    }
    return shards[Self.shard(row.id)].modify(row.id) { e, _ in e.counts.count(pass) }
  }

  /// Decides whether `item`, read by the read for category `read` (nil: the site's), is
  /// published under its id (``Admission``).
  ///
  /// Two rows are the same row when their date and fingerprint (category, title,
  /// categories, tags) match. Two different rows with one id that hash alike (one chance in
  /// 2⁶⁴ per pair) would be taken for one article linked to two categories: each would
  /// then be published in its own feed under the same guid.
  mutating func admit(_ item: FeedItem, read: Int64?) -> Admission {
    let id = item.articleID
    let fingerprint = Self.fingerprint(item)
    let s = Self.shard(id)
    let e = shards[s][id] ?? Entry()
    guard e.has(Entry.hasFirstRow) else {
      shards[s].modify(id) { e, _ in
        e.utc = item.published.utc
        e.offset = item.published.offset
        e.readID = read ?? 0
        e.fingerprint = fingerprint
        e.flags |= Entry.hasFirstRow | (read == nil ? Entry.siteRead : 0)
      }
      return .first
    }
    if e.isSameRow(as: item, fingerprint: fingerprint) && e.read != read
      && !(moreReads[id]?.contains(read) ?? false)
    {
      moreReads[id, default: []].append(read)
      return .sameArticle
    }
    duplicates[id, default: []].append(
      RowSummary(categoryID: item.categoryID, published: item.published, title: item.title))
    return .duplicate
  }

  /// Notes that the article `id` is in a feed this run publishes.
  mutating func markPublished(_ id: Int64) {
    let newlyPublished = shards[Self.shard(id)].modify(id) { e, _ in
      defer { e.flags |= Entry.published }
      return !e.has(Entry.published)
    }
    if newlyPublished { publishedCount += 1 }
  }

  /// The first row admitted with `id`, as the duplicate-id warning names it: by the read
  /// that took it and its date, `(category 3, published 2026-11-03T08:00:00+07:00)` (its
  /// title is in the feed it was published in).
  func firstRowDescription(_ id: Int64) -> String? {
    guard let e = shards[Self.shard(id)][id], e.has(Entry.hasFirstRow) else { return nil }
    let published = Timestamp(utc: e.utc, offset: Int(e.offset))
    return "(\(RowSummary.describe(e.read)), published \(DateFormats.rfc3339(published)))"
  }

  /// Forgets the duplicates once reported.
  mutating func clearDuplicates() { duplicates = [:] }

  /// The item's category, title, categories and tags, hashed (the seed changes from run to
  /// run; only compared within one). Over their UTF-8 bytes: cleaned text is NFC, so equal
  /// bytes are equal text, without the standard library's normalizing string hash.
  private static func fingerprint(_ item: FeedItem) -> Int {
    var h = Hasher()
    h.combine(item.categoryID)
    combine(&h, item.title)
    h.combine(item.categories.count)
    for c in item.categories { combine(&h, c) }
    return h.finalize()
  }

  private static func combine(_ h: inout Hasher, _ s: String) {
    var s = s
    s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    h.combine(s.utf8.count)
  }
}

/// A row left out for its duplicated id, as the warning names it.
struct RowSummary: CustomStringConvertible {
  let categoryID: Int64?
  let published: Timestamp
  let title: String

  /// `(category 3, published 2026-11-03T08:00:00+07:00, "Title")`.
  var description: String {
    "(\(Self.describe(categoryID)), published \(DateFormats.rfc3339(published)), "
      + "\(ItemBuilder.quoted(title)))"
  }

  static func describe(_ categoryID: Int64?) -> String {
    categoryID.map { "category \($0)" } ?? "no category"
  }
}

/// Which of 64 tables an article id goes in (``ArticleLedger``, ``CleaningCache/IDSet``):
/// the top six bits of a multiplicative hash, so that ids in sequence spread evenly.
enum IDShards {
  static let count = 64

  @inline(__always)
  static func index(_ id: Int64) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 58)
  }
}
