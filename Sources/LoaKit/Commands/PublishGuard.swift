import FoundationEssentials
import LoaCore
import LoaStore

/// Keeps a run from publishing much less than the last one without saying so.
///
/// - A run that finds nothing to publish, where the last run published items in the site
///   feed, is refused: nothing is committed and the run fails with one line saying why
///   (``PublishGuardError``, exit 1). A status value that does not match (WordPress writes
///   `publish`, not `published`), a renamed status or an emptied query would otherwise
///   replace every full feed with an empty one and exit 0. `--allow-empty` lets a site that
///   really unpublished everything through.
/// - A feed that loses more than half of its items, and at least ``minimumLoss``, is a
///   warning naming the feed and both counts (`--strict` makes it a failure).
///
/// The last run's counts come from the run state (``RunState/itemCounts``); without one
/// (first run, state wiped), from the items of the published site feed on disk.
package enum PublishGuard {
  /// The fewest items a feed must lose, besides more than half, to be warned about: a feed of
  /// 6 that drops to 2 is ordinary news flow, one of 40 that drops to 3 is not.
  package static let minimumLoss = 5

  /// The key of the site feed in item counts (a category's is its folder).
  package static let siteFeed = ""

  /// A feed that lost most of its items.
  package struct Shrink: Sendable, Equatable {
    /// The feed's folder, `""` for the site feed.
    package var feed: String
    package var last: Int
    package var now: Int
  }

  /// What the publisher does with this run's files.
  package enum Verdict: Sendable, Equatable {
    /// Commit, after warning about each feed that shrank.
    case proceed(shrunk: [Shrink])
    /// Commit nothing: the site feed would become empty where the last run published
    /// `lastSiteItems` items in it.
    case refuse(lastSiteItems: Int)
  }

  /// Compares this run's item counts with the last run's.
  ///
  /// - Parameters:
  ///   - last: feed folder → items the last run published; empty when unknown.
  ///   - current: feed folder → items this run would publish.
  ///   - allowEmpty: `--allow-empty`: publish whatever the database holds, without comparing.
  package static func verdict(last: [String: Int], current: [String: Int], allowEmpty: Bool)
    -> Verdict
  {
    if allowEmpty { return .proceed(shrunk: []) }
    let lastSite = last[siteFeed] ?? 0
    if (current[siteFeed] ?? 0) == 0 && lastSite > 0 { return .refuse(lastSiteItems: lastSite) }
    var shrunk: [Shrink] = []
    // A feed that no longer exists (its category was removed) is not compared.
    for (feed, before) in last.sorted(by: { $0.key < $1.key }) {
      guard let now = current[feed], before - now >= minimumLoss, now * 2 < before else {
        continue
      }
      shrunk.append(Shrink(feed: feed, last: before, now: now))
    }
    return .proceed(shrunk: shrunk)
  }

  /// How a message names a feed: `the site feed`, `the feed in thoi-su/`.
  package static func name(_ feed: String) -> String {
    feed == siteFeed ? "the site feed" : "the feed in \(feed)/"
  }

  /// The warning about a feed that shrank.
  static func issue(_ s: Shrink) -> ValidationIssue {
    .init(
      .warning, .noted, .feedShrank, field: "feed",
      "\(name(s.feed)) has \(s.now) item\(s.now == 1 ? "" : "s") where the last run published \(s.last): did articles lose their status or category? (docs/operations.md)")
  }

  /// The one-line reason a run found nothing to publish.
  ///
  /// - Parameters:
  ///   - statuses: every row of the articles table or query, by `status`
  ///     (``ArticleStore/statusCounts()``).
  ///   - accepted: `database.publishedStatuses`.
  ///   - rowsRead: rows with an accepted status (a run that published nothing read them all).
  ///   - scheduled: how many of them are dated after now.
  ///   - fromQuery: whether the rows come from `database.articlesQuery`.
  ///   - queryKey: where that query came from (``QueryKeys/articles``), for the message.
  package static func explanation(
    statuses: StatusCounts, accepted: [String], rowsRead: Int, scheduled: Int, fromQuery: Bool,
    queryKey: String = QueryKeys().articles
  ) -> String {
    let wanted = accepted.map { "'" + shown($0) + "'" }.joined(separator: " or ")
    let source = fromQuery ? queryKey : "the articles table"
    if statuses.rows == 0 {
      return fromQuery ? "\(queryKey) returned no rows" : "the articles table has no rows"
    }
    if rowsRead == 0 {
      var seen = statuses.values.map { "\($0.status.map(shown) ?? "NULL") (\($0.rows))" }
        .joined(separator: ", ")
      if statuses.distinct > statuses.values.count {
        seen += " and \(statuses.distinct - statuses.values.count) more"
      }
      let rows = "\(statuses.rows) row\(statuses.rows == 1 ? "" : "s")"
      let start = fromQuery ? "0 of the \(rows) \(queryKey) returned" : "0 of \(rows)"
      return "\(start) have status \(wanted) (database.publishedStatuses); statuses seen: \(seen)"
    }
    let leftOut = rowsRead - scheduled
    var parts: [String] = []
    if leftOut > 0 { parts.append("\(leftOut) left out (see the warnings)") }
    if scheduled > 0 { parts.append("\(scheduled) dated after now (scheduled)") }
    return "none of the \(rowsRead) rows of \(source) with status \(wanted) can be published: "
      + parts.joined(separator: ", ")
  }

  /// A status value for a message: on one line, at most 40 characters.
  private static func shown(_ s: String) -> String {
    let line = Logger.oneLine(s)
    return line.count > 40 ? String(line.prefix(39)) + "…" : line
  }

  /// How many items a published feed file holds, or nil when it cannot tell: `<item>`
  /// elements of RSS, `<entry>` of Atom, `items` of JSON Feed. Only read when a run found
  /// nothing to publish and no run state says what the last run published.
  static func countItems(_ bytes: [UInt8], format: FeedFormat) -> Int? {
    switch format {
    case .rss: return occurrences(of: Array("<item>".utf8), in: bytes)
    case .atom: return occurrences(of: Array("<entry>".utf8), in: bytes)
    case .json:
      guard case .object(let object)? = try? JSONReader.parse(bytes),
        case .array(let items)? = object["items"]
      else { return nil }
      return items.count
    }
  }

  private static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> Int {
    guard let first = needle.first, bytes.count >= needle.count else { return 0 }
    var count = 0
    var i = 0
    let last = bytes.count - needle.count
    while i <= last {
      if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
        count += 1
        i += needle.count
      } else {
        i += 1
      }
    }
    return count
  }
}

/// A run that would replace published feeds with empty ones (``PublishGuard``): nothing was
/// committed (exit 1).
package struct PublishGuardError: Error, Sendable, CustomStringConvertible {
  package let message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}
