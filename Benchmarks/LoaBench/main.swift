// loa-bench: the corpus generator and the in-process serializer benchmark of issue 7.
// Benchmarks/README.md describes the suite; Benchmarks/run.sh runs all of it.
import Foundation
import LoaCore
import LoaKit

#if canImport(Glibc)
  import Glibc
#endif

let usage = """
  Usage:
    loa-bench generate --articles N --categories M [--seed S] [--sqlite PATH] [--postgres URL]
        Writes a deterministic synthetic portal in the contract schema (docs/database.md) into a
        new SQLite file and/or a PostgreSQL database (tables replaced, loaded with COPY).
    loa-bench generate --platform --sites S --articles-per-site A --categories-per-site M [--seed S]
        [--sqlite PATH] [--postgres URL]
        Writes a deterministic province platform (docs/multisite.md): a sites table of S ward
        and commune portals, and for each M categories and A articles of the generator above,
        with site_id (Benchmarks/LoaBench/Platform.swift).
    loa-bench export-items --sqlite PATH --items N --out FILE [--now TIME]
        Reads the newest N publishable articles, cleans them with loa's ItemBuilder, and writes
        them as an items file (Benchmarks/LoaBench/ItemsFile.swift) for `serialize` and the C
        program.
    loa-bench serialize --items FILE [--format rss] [--threads one|all] [--sink DIR] --repeat R --out FILE
        Serializes the items R times with loa's RSS2Serializer, writes the last document to
        FILE and prints `median_ns=… min_ns=… bytes=…` (time of the serialization loop only,
        CLOCK_MONOTONIC). `--threads one` (default) writes on one thread as the C program
        does; `all` is the publisher's serializer (items on every core past 1,024). `--sink DIR`
        writes each document to a staged file in DIR as the publisher does (hashed on the way,
        then removed) instead of memory.
    loa-bench sanitize --sqlite PATH [--articles N] [--repeat R] [--out FILE]
        Cleans the content_html of the newest N articles (default 1000) R times (default 5) as
        ItemBuilder does, and R times with HTMLSanitizer alone, and prints
        `clean_mbps=… sanitizer_mbps=…` (MB/s of input HTML per second of CPU time, median pass; issue 16, against
        peers/nh3_peer.py). --out writes the cleaned HTML and text of the last pass.
  """

/// `--name value` options of one command.
struct Options {
  private var values: [String: String] = [:]

  init(_ args: ArraySlice<String>, allowed: Set<String>) throws {
    var rest = args
    while let a = rest.popFirst() {
      guard a.hasPrefix("--"), allowed.contains(String(a.dropFirst(2))) else {
        throw BenchError("unknown option \(a)\n\(usage)")
      }
      guard let v = rest.popFirst() else { throw BenchError("\(a) needs a value") }
      values[String(a.dropFirst(2))] = v
    }
  }

  func string(_ name: String) -> String? { values[name] }

  func required(_ name: String) throws -> String {
    guard let v = values[name] else { throw BenchError("--\(name) is required\n\(usage)") }
    return v
  }

  func int(_ name: String, default d: Int? = nil) throws -> Int {
    guard let text = values[name] else {
      if let d { return d }
      throw BenchError("--\(name) is required\n\(usage)")
    }
    guard let v = Int(text), v >= 0 else { throw BenchError("--\(name) must be a number") }
    return v
  }
}

func monotonicNanoseconds() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// One line to stderr (fd 2; the C `stderr` global is not concurrency-safe in Swift 6).
func log(_ s: String) {
  var line = Array("loa-bench: \(s)\n".utf8)
  _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

// MARK: generate

func generate(_ o: Options) throws {
  let n = try o.int("articles")
  let m = try o.int("categories")
  let seed = UInt64(try o.int("seed", default: 20_261_129))
  guard m >= 1 else { throw BenchError("--categories must be at least 1") }
  let sqlitePath = o.string("sqlite")
  let postgresURL = o.string("postgres")
  guard sqlitePath != nil || postgresURL != nil else {
    throw BenchError("give --sqlite PATH and/or --postgres URL")
  }
  let started = monotonicNanoseconds()
  let corpus = Corpus(articles: n, categories: m, seed: seed)
  let sqlite = try sqlitePath.map { try SQLiteSink(path: $0) }
  let postgres = try postgresURL.map { try PostgresSink(url: $0) }
  for c in corpus.categoryList {
    try sqlite?.add(c)
    try postgres?.add(c)
  }
  var bytes = 0
  for id in 1...max(1, n) where n > 0 {
    let a = corpus.article(Int64(id))
    bytes += a.content.count
    try sqlite?.add(a)
    try postgres?.add(a)
    if id % 100_000 == 0 {
      let s = Double(monotonicNanoseconds() - started) / 1e9
      log("\(id) articles (\(String(format: "%.0f", s)) s)")
    }
  }
  try sqlite?.finish()
  try postgres?.finish()
  let s = Double(monotonicNanoseconds() - started) / 1e9
  log(
    "\(n) articles, \(m) categories, \(n > 0 ? bytes / n : 0) bytes of HTML per body on average, "
      + String(format: "%.1f s", s))
}

/// `generate --platform`: sites, then every site's categories, then every site's articles,
/// streamed (one site's categories in memory at a time), one transaction, indexes after.
func generatePlatform(_ o: Options) throws {
  let platform = PlatformCorpus(
    sites: try o.int("sites"), articlesPerSite: try o.int("articles-per-site"),
    categoriesPerSite: try o.int("categories-per-site"),
    seed: UInt64(try o.int("seed", default: 20_261_129)))
  guard platform.sites >= 1, platform.categoriesPerSite >= 1 else {
    throw BenchError("--sites and --categories-per-site must be at least 1")
  }
  let sqlitePath = o.string("sqlite")
  let postgresURL = o.string("postgres")
  guard sqlitePath != nil || postgresURL != nil else {
    throw BenchError("give --sqlite PATH and/or --postgres URL")
  }
  let started = monotonicNanoseconds()
  let sqlite = try sqlitePath.map { try SQLiteSink(path: $0, platform: true) }
  let postgres = try postgresURL.map { try PostgresSink(url: $0, platform: true) }
  let sites = platform.siteList()
  for site in sites {
    try sqlite?.add(site)
    try postgres?.add(site)
  }
  for site in sites {
    for c in platform.categories(of: site, corpus: platform.corpus(of: site.id)) {
      try sqlite?.add(c, site: site.id)
      try postgres?.add(c, site: site.id)
    }
  }
  var rows = 0
  for site in sites {
    let corpus = platform.corpus(of: site.id)
    for k in 1...max(1, platform.articlesPerSite) where platform.articlesPerSite > 0 {
      let a = platform.article(k, of: site, corpus: corpus)
      try sqlite?.add(a, site: site.id)
      try postgres?.add(a, site: site.id)
      rows += 1
      if rows % 100_000 == 0 {
        let s = Double(monotonicNanoseconds() - started) / 1e9
        log("\(rows) articles (\(String(format: "%.0f", s)) s)")
      }
    }
  }
  try sqlite?.finish()
  try postgres?.finish()
  let s = Double(monotonicNanoseconds() - started) / 1e9
  log(
    "\(sites.count) sites, \(rows) articles, \(sites.count * platform.categoriesPerSite) categories, "
      + String(format: "%.1f s", s))
}

// MARK: export-items

/// The site every benchmark config uses (Benchmarks/configs/*.json have the same `site`).
func benchConfiguration(database: String) throws -> Configuration {
  let json = """
    {
      "version": 1,
      "site": {
        "title": "Cổng thông tin điện tử phường Bãi Cháy",
        "url": "https://baichay.example.org/",
        "description": "Tin tức, thông báo và hoạt động của phường Bãi Cháy, thành phố Hạ Long, tỉnh Quảng Ninh.",
        "language": "vi",
        "timeZone": "Asia/Ho_Chi_Minh",
        "icon": "/static/logo-512.png",
        "favicon": "/static/favicon-64.png",
        "image": "/static/logo-144.png",
        "author": { "name": "UBND phường Bãi Cháy", "url": "https://baichay.example.org/lien-he" },
        "copyright": "© 2026 UBND phường Bãi Cháy",
        "idPrefix": "tag:baichay.example.org,2026:"
      },
      "database": { "url": "sqlite:\(database)" },
      "output": { "directory": "/nonexistent", "baseURL": "https://baichay.example.org/feeds/" },
      "feeds": { "itemsPerFeed": 10000, "maxFeedBytes": 1000000000 },
      "links": { "article": "/{category}/{slug}-{id}.html", "category": "/chuyen-muc/{slug}/" }
    }
    """
  // The database path is relative to where loa-bench runs, not to this made-up config file.
  return try Configuration.parse(Data(json.utf8), path: Paths.currentDirectory() + "/bench.json")
}

func exportItems(_ o: Options) throws {
  let path = try o.required("sqlite")
  let count = try o.int("items")
  let out = try o.required("out")
  let nowText = o.string("now") ?? "2026-11-29T12:00:00+07:00"
  let configuration = try benchConfiguration(database: path)
  guard let now = DateParser(zone: configuration.site.timeZone).parse(nowText) else {
    throw BenchError("--now \(nowText) is not a date")
  }
  let store = try configuration.openStore()
  defer { try? store.close() }
  let report = RunReport()
  let tree = CategoryTree(try store.categories(), report: report)
  let builder = ItemBuilder(configuration: configuration, tree: tree, now: now.utc)
  var items: [FeedItem] = []
  // Every published article, newest first, as the site feed reads them.
  try store.forEachArticle(in: .all) { row in
    if case .item(let item) = builder.build(row, report: report) { items.append(item) }
    return items.count < count
  }
  items.sort(by: FeedItem.isNewer)
  let site = configuration.siteInfo
  let feed = Feed(
    id: configuration.site.idPrefix + "feed", title: site.title, description: site.description,
    homePageURL: site.homePageURL, directory: "", categoryID: nil, items: items,
    updated: items.max(by: { $0.updated.utc < $1.updated.utc })?.updated ?? now)
  try FileBytes.write(ItemsFile.encode(feed, site: site), to: out)
  log("\(items.count) items written to \(out) (\(report.issues.count) cleaning issues reported)")
}

// MARK: serialize

func serialize(_ o: Options) throws {
  let (feed, site) = try ItemsFile.decode(try FileBytes.read(try o.required("items")))
  let format = o.string("format") ?? "rss"
  guard format == "rss" else { throw BenchError("--format: only rss is compared with C") }
  let repeats = max(1, try o.int("repeat"))
  let out = try o.required("out")
  // `--threads one` (the default) writes on one thread, as the C program does: the
  // comparison. `--threads all` is the publisher's own serializer, which writes the items of a
  // feed past 1,024 of them on every core (XMLStreamWriter.elements).
  let threads = o.string("threads") ?? "one"
  guard threads == "one" || threads == "all" else { throw BenchError("--threads: one or all") }
  let serializer = threads == "one" ? RSS2Serializer(parallelThreshold: .max) : RSS2Serializer()
  var times: [UInt64] = []
  times.reserveCapacity(repeats)
  var last: [UInt8] = []
  for _ in 0..<repeats {
    let t0 = monotonicNanoseconds()
    if let dir = o.string("sink") {
      // As the publisher writes a big feed: into its staged file, hashed on the way.
      let out = try OutputDirectory(path: dir)
      let sink = DocumentSink(to: .init(out, path: "rss.xml"))
      try serializer.serialize(feed, site: site, into: sink)
      let document = try sink.finish()
      if let staged = document.staged { out.discard([staged]) }
      last = []
    } else {
      last = try serializer.serialize(feed, site: site)
    }
    let t1 = monotonicNanoseconds()
    times.append(t1 - t0)
  }
  try FileBytes.write(last, to: out)
  times.sort()
  let median = times.count % 2 == 1
    ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
  print("median_ns=\(median) min_ns=\(times[0]) bytes=\(last.count) items=\(feed.items.count)")
}

// MARK: main

// As the loa binary does (its main.swift), so the serializer is measured as loa runs it.
MallocTuning.keepFreedMemory()
let arguments = CommandLine.arguments.dropFirst()
do {
  guard let command = arguments.first else { throw BenchError(usage) }
  let rest = arguments.dropFirst()
  switch command {
  case "generate" where rest.contains("--platform"):
    try generatePlatform(
      Options(
        ArraySlice(rest.filter { $0 != "--platform" }),
        allowed: ["sites", "articles-per-site", "categories-per-site", "seed", "sqlite", "postgres"]))
  case "generate":
    try generate(Options(rest, allowed: ["articles", "categories", "seed", "sqlite", "postgres"]))
  case "export-items":
    try exportItems(Options(rest, allowed: ["sqlite", "items", "out", "now"]))
  case "serialize":
    try serialize(Options(rest, allowed: ["items", "format", "repeat", "out", "threads", "sink"]))
  case "sanitize":
    try sanitizeBench(Options(rest, allowed: ["sqlite", "articles", "repeat", "out"]))
  case "-h", "--help":
    print(usage)
  default:
    throw BenchError("unknown command \(command)\n\(usage)")
  }
} catch {
  log("\(error)")
  exit(1)
}
