import FoundationEssentials
import Glibc
import LoaCore
import LoaXML

/// Renders, checks and stages the files of one feed, on any thread.
///
/// The CPU-heavy half of a publish (three serializers, libxml2 re-parsing, RELAX NG
/// validation) runs on worker threads while the publisher's thread reads and cleans the next
/// category. A renderer touches nothing shared but the file system (each path its own
/// temporary file) and its pool of validators; everything it decides comes back as a
/// ``FeedOutcome`` that the publisher applies on its own thread, in feed order, so reports,
/// lists and files are the same whatever order the workers finish in.
final class FeedRenderer: @unchecked Sendable {
  let formats: [FeedFormat]
  let budget: Int
  let site: SiteInfo
  let mode: PublishMode
  let force: Bool
  /// Where files are staged (publish); nil when nothing is written (check, dry run).
  let transaction: OutputTransaction?
  /// The published files, for a dry run's comparison.
  let output: OutputDirectory?
  /// Hashes of files that passed their check in an earlier run of this build and
  /// configuration (``RunState/checked``): the same bytes pass again without a re-check.
  let previouslyChecked: [String: String]
  private let validators = ValidatorPool(RelaxNGValidator.atom)
  private let sitemapValidators = ValidatorPool(RelaxNGValidator.sitemap)
  /// Where render and check times go (``RunPhases``).
  var phases: RunPhases?

  init(
    formats: [FeedFormat], budget: Int, site: SiteInfo, mode: PublishMode, force: Bool,
    transaction: OutputTransaction?, output: OutputDirectory?,
    previouslyChecked: [String: String]
  ) {
    self.formats = formats
    self.budget = budget
    self.site = site
    self.mode = mode
    self.force = force
    self.transaction = transaction
    self.output = output
    self.previouslyChecked = previouslyChecked
  }

  /// How a rendered file is checked: XML re-parsed, Atom validated against RFC 4287, sitemaps
  /// against loa's sitemap grammar (``RelaxNGValidator/sitemap()``), JSON re-parsed; HTML
  /// pages are built by libxml2 from a tree and need no re-parse.
  enum Check { case xml, atom, sitemap, json, html }

  /// Bytes of a document kept in memory before the rest goes to its staged file
  /// (``DocumentSink``); tests lower it to check big-feed behaviour on small feeds.
  var spillThreshold = DocumentSink.defaultSpillThreshold

  /// Where `format`'s document for `path` is written as it is produced: a sink that spills to
  /// the staged file when this run stages files, else one that keeps the bytes. JSON Feed
  /// stays in memory (its check reads bytes).
  private func sink(_ format: FeedFormat, _ feed: Feed, path: String) -> DocumentSink {
    // Atom holds what RSS holds (the content in CDATA, the summary once), so RSS's estimate
    // sizes it too: one allocation instead of doublings from empty, whose copies were 15 M
    // instructions of a warm W3. A JSON Feed arrives whole from its writer and is taken as is.
    let capacity = format == .json ? 0 : RSS2Serializer.estimatedSize(feed)
    guard format != .json, mode == .write || mode == .strict, let transaction else {
      return DocumentSink(capacity: capacity)
    }
    return DocumentSink(
      capacity: capacity, spillThreshold: spillThreshold,
      to: .init(transaction.directory, path: path))
  }

  /// Serializes `feed` as `format` into `sink`.
  private func write(_ format: FeedFormat, _ feed: Feed, into sink: DocumentSink) throws {
    switch format {
    case .rss: try RSS2Serializer().serialize(feed, site: site, into: sink)
    case .atom: try AtomSerializer().serialize(feed, site: site, into: sink)
    case .json: try sink.append(JSONFeedSerializer().serialize(feed, site: site))
    }
  }

  /// Removes the staged files of documents that will not be emitted.
  private func discard(_ documents: [RenderedDocument]) {
    let files = documents.compactMap(\.staged)
    if !files.isEmpty { transaction?.directory.discard(files) }
  }

  /// Renders `feed` in every format, keeping every file within `feeds.maxFeedBytes` (the same
  /// items in every format), then checks and stages the files.
  ///
  /// Over budget, an item too large for any feed on its own is left out (the publisher reports
  /// it once, with its id); of the rest, the oldest are dropped until every format fits. One
  /// huge article never empties a feed. The search only counts bytes; the feed that fits is
  /// then written once more, to its files.
  func render(_ feed: Feed) -> FeedOutcome {
    var outcome = FeedOutcome(categoryID: feed.categoryID)
    var pending: [RenderedDocument] = []
    do {
      func render(_ f: Feed) throws -> [RenderedDocument] {
        let start = monotonicSeconds()
        defer { phases?.add(.render, seconds: monotonicSeconds() - start, count: formats.count) }
        var documents: [RenderedDocument] = []
        do {
          for format in formats {
            let out = sink(format, f, path: f.path(format))
            try write(format, f, into: out)
            documents.append(try out.finish())
          }
        } catch {
          discard(documents)
          throw error
        }
        return documents
      }
      func sizes(_ f: Feed) throws -> [Int] {
        let start = monotonicSeconds()
        defer { phases?.add(.render, seconds: monotonicSeconds() - start, count: formats.count) }
        return try formats.map { format in
          let sink = DocumentSink.counting()
          try write(format, f, into: sink)
          return sink.count
        }
      }
      func fits(_ sizes: [Int]) -> Bool { sizes.allSatisfy { $0 <= budget } }
      var rendered = try render(feed)
      pending = rendered
      var kept = feed
      if !fits(rendered.map(\.count)) {
        discard(rendered)
        pending = []
        var candidates: [FeedItem] = []
        for item in feed.items {
          var alone = feed
          alone.items = [item]
          let r = try sizes(alone)
          if fits(r) {
            candidates.append(item)
          } else {
            outcome.tooLarge.append((item.articleID, r.max() ?? 0))
          }
        }
        // Binary search for the most (newest) candidates that fit in every format.
        kept.items = candidates
        if !fits(try sizes(kept)) {
          var lo = 0
          var hi = candidates.count - 1
          var best: Feed?
          while lo <= hi {
            let mid = (lo + hi) / 2
            var candidate = feed
            candidate.items = Array(candidates.prefix(mid))
            if fits(try sizes(candidate)) {
              best = candidate
              lo = mid + 1
            } else {
              hi = mid - 1
            }
          }
          if let best {
            kept = best
          } else {
            kept.items = []
          }
          let dropped = candidates.count - kept.items.count
          outcome.issues.append(.init(.warning, .noted, .feedOverBudget, category: feed.categoryID, field: "feed", "\(feed.path(formats[0])): \(dropped) oldest item\(dropped == 1 ? "" : "s") left out to stay under \(budget) bytes (feeds.maxFeedBytes)"))
        }
        rendered = try render(kept)
        pending = rendered
      }
      for (format, document) in zip(formats, rendered) {
        pending.removeFirst()
        try emit(
          document, kept.path(format),
          check: format == .json ? .json : format == .atom ? .atom : .xml, into: &outcome)
      }
      outcome.kept = kept
    } catch {
      discard(pending)
      outcome.error = error
    }
    return outcome
  }

  /// Renders an archive document (RFC 5005) in every format, checks and stages the files.
  ///
  /// An archive holds every item of its month: `feeds.maxFeedBytes` does not apply (the
  /// subscription feed is the small one). Archives are not announced to WebSub hubs.
  func renderArchive(_ feed: Feed) -> FeedOutcome {
    var outcome = FeedOutcome(categoryID: feed.categoryID)
    outcome.isArchive = true
    do {
      for format in formats {
        let out = sink(format, feed, path: feed.path(format))
        try write(format, feed, into: out)
        try emit(
          try out.finish(), feed.path(format),
          check: format == .json ? .json : format == .atom ? .atom : .xml, into: &outcome)
      }
    } catch {
      outcome.error = error
    }
    outcome.changedFeeds = []
    return outcome
  }

  /// Checks a rendered file, then stages it (or only notes it, by mode).
  func emit(_ bytes: [UInt8], _ path: String, check: Check, into outcome: inout FeedOutcome)
    throws
  {
    try emit(RenderedDocument(bytes), path, check: check, into: &outcome)
  }

  /// The first problem of a rendered file by `check`, or nil.
  private func problem(_ document: RenderedDocument, _ check: Check) throws -> String? {
    guard let staged = document.staged else {
      let bytes = document.bytes ?? []
      switch check {
      case .xml: return OutputCheck.xmlProblem(bytes)
      case .json: return OutputCheck.jsonProblem(bytes)
      case .html: return bytes.isEmpty ? "empty" : nil
      case .atom:
        // One streaming parse proves the usual feed valid; RELAX NG (a tree, then its
        // validation) decides everything else and words the message (AtomFastCheck).
        if AtomFastCheck.verdict(bytes) == .valid { return nil }
        return try validators.withValidator { $0.problem(bytes) }
      case .sitemap: return try sitemapValidators.withValidator { $0.problem(bytes) }
      }
    }
    // Written to its staged file as it was produced: checked by reading that file back as a
    // stream, never whole in memory (issue 16).
    guard let directory = transaction?.directory else { return "not staged" }
    let file = try directory.openForReading(staged)
    defer { close(file) }
    switch check {
    case .xml: return OutputCheck.xmlProblem(file: file)
    case .atom:
      if AtomFastCheck.verdict(file: file) == .valid { return nil }
      return try validators.withValidator { $0.problem(file: file) }
    case .sitemap: return try sitemapValidators.withValidator { $0.problem(file: file) }
    case .json, .html:
      return directory.readStaged(staged, count: document.count).map { bytes in
        check == .json ? OutputCheck.jsonProblem(bytes) : bytes.isEmpty ? "empty" : nil
      } ?? "cannot read back its staged file"
    }
  }

  /// Checks a rendered document, then stages it (or only notes it, by mode). A document
  /// already in its staged file is removed again when it fails its check or is not staged.
  func emit(
    _ document: RenderedDocument, _ path: String, check: Check, into outcome: inout FeedOutcome
  ) throws {
    var handedOver = false
    defer { if !handedOver { discard([document]) } }
    if previouslyChecked[path] != document.hash {
      let start = monotonicSeconds()
      defer { phases?.add(.check, seconds: monotonicSeconds() - start, count: 1) }
      if let problem = try problem(document, check) {
        outcome.issues.append(.init(.error, .noted, field: path, "failed its check and was not published (the previous file is kept): \(problem)"))
        return
      }
    }
    outcome.checked[path] = document.hash
    outcome.published.append(path)
    let isFeed = check == .atom || check == .json || path.hasSuffix("rss.xml")
    switch mode {
    case .check:
      return
    case .dryRun:
      let same: Bool
      if let staged = document.staged {
        same = transaction?.directory.publishedMatches(staged, count: document.count) ?? false
      } else {
        same = output.map { $0.holds(document.bytes ?? [], at: path) } ?? false
      }
      if force || !same {
        if isFeed { outcome.changedFeeds.append(path) }
        outcome.written.append(path)
      } else {
        outcome.unchanged.append(path)
      }
      return
    case .write, .strict:
      break
    }
    guard let transaction else { return }
    handedOver = true
    let prepared = try transaction.prepare(document, to: path)
    outcome.staged += prepared.files
    outcome.removals += prepared.removals
    if transaction.gzipLevel != nil { outcome.published.append(path + ".gz") }
    if prepared.outcome == .written {
      if isFeed { outcome.changedFeeds.append(path) }
    } else {
      outcome.unchanged.append(path)
    }
  }
}

/// What rendering one feed (or one file) decided, for the publisher to apply in order.
struct FeedOutcome {
  var categoryID: Int64?
  /// The feed as published (its items after the size budget); nil for a single file.
  var kept: Feed?
  /// Whether this is an archive document (``FeedRenderer/renderArchive(_:)``).
  var isArchive = false
  /// Articles too large for a feed on their own, with the size of such a feed.
  var tooLarge: [(Int64, Int)] = []
  var issues: [ValidationIssue] = []
  var staged: [OutputDirectory.StagedFile] = []
  /// Stale `.gz` copies to remove on commit.
  var removals: [String] = []
  /// Every file this feed publishes (changed or not).
  var published: [String] = []
  var changedFeeds: [String] = []
  /// Dry runs: files that would be written; every mode: files left as they were.
  var written: [String] = []
  var unchanged: [String] = []
  /// Hashes of the files that passed their check.
  var checked: [String: String] = [:]
  /// A failure to stage (disk full, permissions): the run fails.
  var error: Error?

  init(categoryID: Int64? = nil) { self.categoryID = categoryID }
}

/// RELAX NG validators of one schema for worker threads: libxml2's validation context is not
/// thread-safe, so each concurrent validation takes its own (compiled once, then reused).
final class ValidatorPool: @unchecked Sendable {
  private let lock = Mutex()
  private var idle: [RelaxNGValidator] = []
  /// Compiles another validator (``RelaxNGValidator/atom()``, ``RelaxNGValidator/sitemap()``).
  private let make: @Sendable () throws -> RelaxNGValidator

  init(_ make: @escaping @Sendable () throws -> RelaxNGValidator) { self.make = make }

  func withValidator<R>(_ body: (RelaxNGValidator) throws -> R) throws -> R {
    // Compiling a schema touches libxml2's global type registry, so it happens under the lock.
    let v = try lock.withLock { try idle.popLast() ?? make() }
    defer { lock.withLock { idle.append(v) } }
    return try body(v)
  }
}

/// A checksum of bytes: the cleaning cache's entries (not cryptographic). Published files
/// are hashed with ``ContentHash``, which takes them in pieces as they are written.
///
/// Four independent 64-bit multiply–xorshift lanes take one 8-byte word each of every
/// 32-byte block, so the processor runs the four multiplications side by side instead of
/// waiting on one chain (2.5× the throughput of one lane pair over each word,
/// Benchmarks/analysis.md). The tail goes to the lanes word by word, the last partial word
/// zero-padded, and the length is mixed in first, so inputs that differ only in trailing
/// zero bytes differ. The four lanes are then folded into two 64-bit halves.
enum FileHash {
  /// The first half alone, for checksums.
  static func value(_ raw: UnsafeRawBufferPointer) -> UInt64 { lanes(raw).0 }

  @inline(__always)
  private static func mix(_ s: UInt64, _ w: UInt64, _ k: UInt64) -> UInt64 {
    let m = (s ^ w) &* k
    return m ^ (m >> 29)
  }

  @inline(__always)
  private static func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 { v << n | v >> (64 - n) }

  static func lanes(_ raw: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
    let k0: UInt64 = 0xFF51_AFD7_ED55_8CCD
    let k1: UInt64 = 0xC4CE_B9FE_1A85_EC53
    let count = raw.count
    var s0: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
    var s1: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count)
    var s2: UInt64 = 0x1656_67B1_9E37_79F9 ^ UInt64(count)
    var s3: UInt64 = 0x85EB_CA77_C2B2_AE63 &+ UInt64(count)
    var i = 0
    while i + 32 <= count {
      s0 = mix(s0, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), k0)
      s1 = mix(s1, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self), k1)
      s2 = mix(s2, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self), k0)
      s3 = mix(s3, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self), k1)
      i += 32
    }
    // The rest: whole words, then the last bytes as one zero-padded word, to the lanes in turn.
    var lane = 0
    while i < count {
      var w: UInt64 = 0
      if i + 8 <= count {
        w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
      } else {
        var shift: UInt64 = 0
        while i < count {
          w |= UInt64(raw[i]) << shift
          shift += 8
          i += 1
        }
      }
      switch lane {
      case 0: s0 = mix(s0, w, k0)
      case 1: s1 = mix(s1, w, k1)
      case 2: s2 = mix(s2, w, k0)
      default: s3 = mix(s3, w, k1)
      }
      lane += 1
    }
    var a = (s0 &* k1) ^ rotl(s1 &* k0, 23) ^ rotl(s2 &* k1, 41) ^ s3
    var b = (s3 &* k0) ^ rotl(s2 &* k1, 19) ^ rotl(s1 &* k0, 37) ^ s0
    a = mix(a, a >> 33, k0)
    a ^= a >> 33
    b = mix(b, b >> 31, k1)
    b ^= b >> 33
    return (a, b)
  }
}
