import LoaCore

/// One calendar month in the site's time zone: the span of one archive document.
struct ArchiveMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
  let year: Int64
  let month: Int64

  /// The month `t` falls in, in its own offset (items carry the site's).
  init(_ t: Timestamp) {
    let f = DateFormats.fields(t)
    year = f.y
    month = f.mo
  }

  static func < (a: ArchiveMonth, b: ArchiveMonth) -> Bool {
    (a.year, a.month) < (b.year, b.month)
  }

  /// `2026-11`: the archive's folder name.
  var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let y = String(year)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
  }

  /// The archive folder of this month below the feed folder `directory`:
  /// `archive/2026-11`, `thoi-su/archive/2026-11`.
  func folder(below directory: String) -> String {
    (directory.isEmpty ? "" : directory + "/") + MonthlyArchives.folderName + "/" + description
  }
}

/// Splits the published items of every feed into RFC 5005 archive documents, one per
/// calendar month that has items, as the items stream in newest first.
///
/// Each feed (the site, each category) keeps only the month it is filling: when an item of an
/// older month arrives for it, the month is complete and handed to `emit` with its links (the
/// older month is its `prev-archive`, the month emitted before it its `next-archive`). Memory
/// is therefore one month of items per feed, whatever the size of the database.
final class MonthlyArchives {
  /// The folder below a feed's folder that holds its archives.
  static let folderName = "archive"

  /// What an archive of a feed shares with the subscription feed.
  struct Base {
    var id: String
    var title: String
    var description: String
    var homePageURL: String
    var directory: String
    var categoryID: Int64?
  }

  private struct Open {
    var month: ArchiveMonth
    var items: [FeedItem]
  }

  private let emit: (Feed) -> Void
  /// Feed (nil for the site) → the month it is filling.
  private var open: [Int64?: Open] = [:]
  /// Feed → the last month emitted (the next newer archive of the one being filled).
  private var newer: [Int64?: ArchiveMonth] = [:]
  private var bases: [Int64?: Base] = [:]
  /// Items that came after an older month of their feed was already emitted (rows not in
  /// date order): left out of the archives, counted for one warning.
  private(set) var outOfOrder = 0

  init(emit: @escaping (Feed) -> Void) { self.emit = emit }

  /// Adds `item` to the archives of `base` (the feeds it belongs to, site first).
  func add(_ item: FeedItem, to feeds: [Base]) {
    let month = ArchiveMonth(item.published)
    for base in feeds {
      let key = base.categoryID
      bases[key] = base
      guard let current = open[key] else {
        open[key] = Open(month: month, items: [item])
        continue
      }
      if current.month == month {
        open[key]?.items.append(item)
      } else if month < current.month {
        close(key, older: month)
        open[key] = Open(month: month, items: [item])
      } else {
        outOfOrder += 1
      }
    }
  }

  /// Emits every month still open: each is its feed's oldest archive.
  func finish() {
    for key in open.keys.sorted(by: { ($0 ?? .min) < ($1 ?? .min) }) { close(key, older: nil) }
  }

  private func close(_ key: Int64?, older: ArchiveMonth?) {
    guard let current = open.removeValue(forKey: key), let base = bases[key] else { return }
    let items = current.items.sorted(by: FeedItem.isNewer)
    let updated = Publisher.newestUpdate(items) ?? items[0].published
    emit(
      Feed(
        id: base.id, title: base.title, description: base.description,
        homePageURL: base.homePageURL, directory: current.month.folder(below: base.directory),
        categoryID: base.categoryID, items: items, updated: updated,
        archive: ArchiveLinks(
          isArchive: true, current: base.directory,
          previous: older?.folder(below: base.directory),
          next: newer[key]?.folder(below: base.directory))))
    newer[key] = current.month
  }

  /// The subscription feed's links: `prev-archive` to the month of its newest item, which is
  /// its newest archive (every month with items has one).
  static func subscriptionLinks(directory: String, items: [FeedItem]) -> ArchiveLinks? {
    // `isNewer` orders newest first, so the "smallest" item is the newest.
    guard let newest = items.min(by: FeedItem.isNewer) else { return nil }
    return ArchiveLinks(
      isArchive: false, current: directory,
      previous: ArchiveMonth(newest.published).folder(below: directory))
  }

  /// Whether `path` (relative to the output directory) is an archive file loa writes:
  /// `…archive/YYYY-MM/{rss.xml,atom.xml,feed.json}[.gz]`.
  static func isArchivePath(_ path: String) -> Bool {
    var parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return false }
    var name = parts.removeLast()
    if name.hasSuffix(".gz") { name = name.dropLast(3) }
    let month = parts.removeLast()
    let folder = parts.removeLast()
    let isMonth =
      month.count == 7
      && month.utf8.enumerated().allSatisfy { i, c in
        i == 4 ? c == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
      }
    return folder == folderName && isMonth && FeedFormat.allCases.contains { $0.fileName == name }
  }
}
