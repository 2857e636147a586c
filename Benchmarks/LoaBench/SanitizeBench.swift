// `loa-bench sanitize`: HTML sanitizing throughput (issue 16), against nh3 (peers/nh3_peer.py).
import CSQLite3
import Foundation
import LoaCore
import LoaKit
import LoaXML

/// The newest `count` article bodies of a corpus: the query `peers/nh3_peer.py` runs too.
let sanitizeQuery = """
  SELECT id, content_html FROM articles WHERE content_html IS NOT NULL AND content_html != ''
  ORDER BY published_at DESC, id DESC LIMIT ?
  """

/// `(id, content_html)` of the newest `count` articles in the SQLite file at `path`, read-only.
func newestBodies(_ path: String, count: Int) throws -> [(Int64, String)] {
  var db: OpaquePointer?
  guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
    sqlite3_close(db)
    throw BenchError("cannot open \(path)")
  }
  defer { sqlite3_close(db) }
  var statement: OpaquePointer?
  guard sqlite3_prepare_v2(db, sanitizeQuery, -1, &statement, nil) == SQLITE_OK, let statement
  else { throw BenchError("\(path): " + String(cString: sqlite3_errmsg(db))) }
  defer { sqlite3_finalize(statement) }
  sqlite3_bind_int64(statement, 1, Int64(count))
  var rows: [(Int64, String)] = []
  while sqlite3_step(statement) == SQLITE_ROW {
    let id = sqlite3_column_int64(statement, 0)
    let n = Int(sqlite3_column_bytes(statement, 1))
    guard let text = sqlite3_column_text(statement, 1) else { continue }
    rows.append((id, String(decoding: UnsafeBufferPointer(start: text, count: n), as: UTF8.self)))
  }
  return rows
}

/// CPU time of the calling thread: the loops are single-threaded, and on a shared machine the
/// time spent waiting for a core is not the sanitizer's.
func threadCPUNanoseconds() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func median(_ values: [UInt64]) -> UInt64 {
  let s = values.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Times the whole cleaning of each body (`ItemBuilder.sanitizedContent`: XML-illegal
/// characters, C1 controls, NFC, `HTMLSanitizer`, NFC of the result) and the sanitizer alone
/// (on the bodies already through the steps before it), R passes each, alternating; prints
/// MB/s of input bytes (10^6 bytes of `content_html` per second of the thread's CPU time,
/// median pass).
func sanitizeBench(_ o: Options) throws {
  let path = try o.required("sqlite")
  let count = try o.int("articles", default: 1000)
  let repeats = max(1, try o.int("repeat", default: 5))
  let rows = try newestBodies(path, count: count)
  guard !rows.isEmpty else { throw BenchError("\(path): no article has content_html") }
  let configuration = try benchConfiguration(database: path)
  let builder = ItemBuilder(
    configuration: configuration, tree: CategoryTree([], report: RunReport()), now: 0)
  let site = configuration.site.url
  let bases = rows.map { WebAddress.resolve("/tin/bai-\($0.0).html", against: site) ?? site }
  let inputBytes = rows.reduce(0) { $0 + $1.1.utf8.count }
  // The sanitizer's own input: what sanitizedContent hands it.
  let prepared = rows.map { row -> String in
    var html = XMLText.sanitized(row.1).text
    if let fixed = TextCleaner.repairedC1Controls(html) { html = fixed }
    return TextCleaner.nfc(html)
  }
  var whole: [UInt64] = []
  var alone: [UInt64] = []
  var outputBytes = 0
  var outputs: [String] = []
  for pass in 0..<repeats {
    let last = pass == repeats - 1
    var t0 = threadCPUNanoseconds()
    for (i, row) in rows.enumerated() {
      let entry = builder.sanitizedContent(row.1, id: row.0, base: bases[i])
      if last {
        outputBytes += entry.html.utf8.count
        if o.string("out") != nil {
          // The report lines too: a faster cleaning must report the same.
          outputs.append(
            entry.html + "\n" + entry.text + "\n" + (entry.warnings + entry.notes).joined(separator: "|")
              + "\n")
        }
      }
    }
    var t1 = threadCPUNanoseconds()
    whole.append(t1 - t0)
    t0 = threadCPUNanoseconds()
    for (i, html) in prepared.enumerated() {
      _ = HTMLSanitizer(base: bases[i]).sanitize(html)
    }
    t1 = threadCPUNanoseconds()
    alone.append(t1 - t0)
  }
  if let out = o.string("out") { try FileBytes.write(Array(outputs.joined().utf8), to: out) }
  func mbps(_ ns: UInt64) -> String { String(format: "%.2f", Double(inputBytes) / Double(ns) * 1000) }
  print(
    "clean_mbps=\(mbps(median(whole))) sanitizer_mbps=\(mbps(median(alone))) "
      + "articles=\(rows.count) input_bytes=\(inputBytes) output_bytes=\(outputBytes) repeat=\(repeats)")
}
