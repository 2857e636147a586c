import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaXML
import Testing

/// A feed too big to hold in memory (over the 1 MiB a document keeps before it goes to its
/// staged file, issue 16) is published with the guarantees of any other: checked before it
/// replaces the published file, left alone when its bytes did not change, and on a full disk
/// the previous files stay with no temporary file left.
@Suite(.serialized) struct BigFeedCLITests {
  let dir = try! TemporaryDirectory("loa-big")

  /// Twelve articles of about 150 KB of HTML each: every XML feed is about 2 MB.
  func makeDatabase(_ name: String, titleSuffix: String = "") throws -> String {
    let paragraph =
      "<p>Phường Bãi Cháy tổ chức hội nghị tổng kết công tác năm &amp; triển khai nhiệm vụ.</p>"
    let body = String(repeating: paragraph, count: 1600)
    var rows: [String] = []
    for i in 1...12 {
      rows.append(
        "(\(i), NULL, 'Tin số \(i)\(titleSuffix)', '\(body)', 'published', '2026-11-\(10 + i) 08:00:00')"
      )
    }
    let sql =
      "INSERT INTO articles (id, category_id, title, content_html, status, published_at) VALUES "
      + rows.joined(separator: ", ") + ";"
    let path = dir.path(name)
    try SQLiteFixture.create(at: path, sql: SQLiteFixture.schema + sql)
    return path
  }

  func loa(_ database: String, env extra: [String: String] = [:]) throws -> ProcessResult {
    let config = dir.path("config.json")
    let json = """
      {"version": 1,
       "site": {"title": "Phường", "url": "https://p.example.org/", "description": "Tin phường"},
       "database": {"url": "sqlite:\(database)"},
       "output": {"directory": "\(dir.path("out"))", "baseURL": "https://p.example.org/feeds/", "gzip": true},
       "feeds": {"itemsPerFeed": 50, "formats": ["rss", "atom", "json"]},
       "state": {"directory": "\(dir.path("state"))"}}
      """
    try Data(json.utf8).write(to: URL(fileURLWithPath: config))
    var env = ProcessInfo.processInfo.environment
    for (k, v) in extra { env[k] = v }
    return try Subprocess.run(
      try #require(LoaBinary.path),
      ["publish", "--config", config, "--now", "2026-11-29T12:00:00+07:00"], environment: env)
  }

  func contents(_ name: String) throws -> [UInt8] {
    [UInt8](try #require(FileManager.default.contents(atPath: dir.path("out/" + name))))
  }

  func inode(_ name: String) throws -> UInt64 {
    let a = try FileManager.default.attributesOfItem(atPath: dir.path("out/" + name))
    return try #require(a[.systemFileNumber] as? NSNumber).uint64Value
  }

  func temporaryFiles() throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")).filter {
      $0.hasSuffix(".tmp")
    }
  }

  @Test func aFeedTooBigToHoldIsCheckedPublishedAndLeftAloneWhenUnchanged() throws {
    let database = try makeDatabase("a.sqlite")
    let r = try loa(database)
    #expect(r.status == 0, "\(r.stderr)")
    let rss = try contents("rss.xml")
    let atom = try contents("atom.xml")
    #expect(rss.count > 1 << 20, "RSS is \(rss.count) bytes")
    #expect(atom.count > 1 << 20, "Atom is \(atom.count) bytes")
    #expect(OutputCheck.xmlProblem(rss) == nil)
    #expect(try RelaxNGValidator.atom().problem(atom) == nil)
    #expect(String(decoding: rss.suffix(16), as: UTF8.self).hasSuffix("</rss>\n"))
    // The `.gz` copy, compressed from the staged file a chunk at a time, has the bytes of the
    // whole file compressed at once.
    #expect(try contents("rss.xml.gz") == Gzip.compress(rss, level: 1))
    #expect(try contents("atom.xml.gz") == Gzip.compress(atom, level: 1))
    #expect(try temporaryFiles().isEmpty)
    let before = (try inode("rss.xml"), try inode("atom.xml"))
    // Without its state the next run renders and checks every file again, and recognizes
    // bytes that did not change by comparing the staged file with the published one.
    try FileManager.default.removeItem(atPath: dir.path("state"))
    let again = try loa(database)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try inode("rss.xml") == before.0, "an unchanged feed is not replaced")
    #expect(try inode("atom.xml") == before.1)
    #expect(try contents("rss.xml") == rss)
    #expect(try temporaryFiles().isEmpty)
    // A changed article replaces them.
    let changed = try loa(try makeDatabase("b.sqlite", titleSuffix: " (sửa)"))
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(try inode("rss.xml") != before.0)
    #expect(String(decoding: try contents("rss.xml"), as: UTF8.self).contains("Tin số 12 (sửa)"))
    #expect(try temporaryFiles().isEmpty)
  }

  @Test func aFullDiskWhileABigFeedIsWrittenKeepsThePublishedFiles() throws {
    #expect(try loa(try makeDatabase("a.sqlite")).status == 0)
    let published = try ["rss.xml", "atom.xml", "feed.json"].map { try contents($0) }
    // The second write of the run fails: inside the first big feed, after its first megabyte
    // went to the staged file.
    let r = try loa(
      try makeDatabase("b.sqlite", titleSuffix: " (sửa)"),
      env: ["LOA_TEST_FAIL_WRITE": "\(ENOSPC):2"])
    #expect(r.status == 74, "\(r.stderr)")
    #expect(r.stderr.hasPrefix("loa: error: cannot write "), "\(r.stderr)")
    #expect(r.stderr.contains("ENOSPC"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(try ["rss.xml", "atom.xml", "feed.json"].map { try contents($0) } == published)
    #expect(try temporaryFiles().isEmpty, "the staged files of the failed run are removed")
  }
}
