import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// A run is one transaction: it never writes or deletes outside its output root, one output
/// never replaces another, and a kill at any file operation leaves every file complete old or
/// complete new. Through the real binary, with the test builds' fault hook (`FileOperation`).
@Suite(.serialized) struct TransactionTests {
  let dir = try! TemporaryDirectory("loa-txn")

  init() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
  }

  func loa(
    _ args: [String], config: String = ExamplePortal.configPath, output: String? = nil,
    database: String? = nil, env extra: [String: String] = [:]
  ) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    for (k, v) in extra { env[k] = v }
    return try Subprocess.run(
      try #require(LoaBinary.path),
      args + ["--config", config]
        // `loa weather` reads no database.
        + (args.first == "weather" ? [] : ["--database", database ?? dir.path("db.sqlite")])
        + ["--output", output ?? dir.path("out")],
      environment: env)
  }

  /// The example's configuration with `extra` members added to its top-level object, written
  /// next to the example (so its relative weather file path still resolves).
  func config(_ name: String, adding edit: (inout [String: Any]) -> Void) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: ExamplePortal.configPath))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    edit(&json)
    var weather = json["weather"] as? [String: Any] ?? [:]
    if var source = weather["source"] as? [String: Any], let path = source["path"] as? String {
      source["path"] = PackagePaths.path("Examples/" + path)
      weather["source"] = source
      json["weather"] = weather
    }
    let path = dir.path(name)
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Every regular file below `path` (hidden ones excluded) with its bytes; symlinks are not
  /// followed.
  func files(_ path: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    for p in try FileManager.default.subpathsOfDirectory(atPath: path)
    where !p.hasPrefix(".") && !p.contains("/.") {
      var st = stat()
      guard lstat(path + "/" + p, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
      result[p] = FileManager.default.contents(atPath: path + "/" + p)
    }
    return result
  }

  func temporaryFiles(_ path: String) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: path).filter { $0.hasSuffix(".tmp") }
  }

  // MARK: One output, one path

  @Test func aWeatherBoxConfiguredOverAFeedIsRefusedNamingBoth() throws {
    #expect(try loa(["publish"]).status == 0)
    let before = try files(dir.path("out"))
    // Named like a feed, in the root or in a category's folder: refused by the configuration,
    // so `loa weather`, which reads no categories, refuses it too.
    for (html, json) in [("rss.xml", "weather.json"), ("weather.html", "thoi-su/feed.json"), ("atom.xml.gz", "w.json")] {
      let config = try config("collide.json") { c in
        var weather = c["weather"] as? [String: Any] ?? [:]
        weather["output"] = ["html": html, "json": json]
        c["weather"] = weather
      }
      for command in [["publish", "--force"], ["weather"]] {
        let r = try loa(command, config: config)
        #expect(r.status == 78, "\(command) \(html) \(json): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(html == "weather.html" ? "weather.output.json" : "weather.output.html"), "\(r.stderr)")
        #expect(r.stderr.contains("is named like a feed"), "\(r.stderr)")
      }
    }
    // Another output's path: the claims name both owners, for publish and for loa weather.
    let config = try config("collide2.json") { c in
      var weather = c["weather"] as? [String: Any] ?? [:]
      weather["output"] = ["html": "index.opml", "json": "weather.json"]
      c["weather"] = weather
    }
    for command in [["publish"], ["weather"]] {
      let r = try loa(command, config: config)
      #expect(r.status == 78, "\(command): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      #expect(r.stderr.contains("weather.output.html") && r.stderr.contains("the OPML index"), "\(r.stderr)")
    }
    #expect(try files(dir.path("out")) == before)
  }

  @Test func aWeatherFileWhereACategoryFolderGoesIsRefused() throws {
    let config = try config("folder.json") { json in
      var weather = json["weather"] as? [String: Any] ?? [:]
      weather["output"] = ["html": "thoi-su", "json": "weather.json"]
      json["weather"] = weather
    }
    let r = try loa(["publish"], config: config)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains("needs a folder"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
  }

  /// With gzip off a run removes stale `.gz` copies, so those paths are the run's too: a
  /// weather file configured there would be removed and rewritten on alternate runs.
  @Test func aWeatherFileOnAFeedsGzipPathIsRefusedWithGzipOff() throws {
    let config = try config("gz.json") { json in
      var weather = json["weather"] as? [String: Any] ?? [:]
      weather["output"] = ["html": "weather.html", "json": "atom.xml.gz"]
      json["weather"] = weather
    }
    let r = try loa(["publish"], config: config)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains("atom.xml.gz"), "\(r.stderr)")
  }

  /// A report inside the output directory is staged with the run and counts the files the
  /// commit writes; when `--strict` holds the run back it is still written (it says why).
  @Test func aReportInsideTheOutputCountsTheFilesOfItsRun() throws {
    let r = try loa(["publish", "--report", dir.path("out/report.json")])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let summary = try #require(json["summary"] as? [String: Any])
    // The feeds, their 60 monthly archives, the OPML, the pages, the head-link snippets and the
    // sitemaps: 109 (the weather box is counted on its own).
    #expect(summary["filesWritten"] as? Int == 109, "\(summary)")
  }

  // MARK: Where a run may write

  @Test(arguments: ["/", "/etc", "/usr", "/proc", "/var/../etc"])
  func aSystemDirectoryIsNeverAnOutputRoot(_ root: String) throws {
    let r = try loa(["publish"], output: root)
    #expect(r.status == 64, "\(root): \(r.stderr)")
    #expect(r.stderr.contains("cannot be the output directory"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
  }

  @Test(arguments: ["--output=", "--config=", "--database=", "--report="])
  func anEmptyInlineValueIsRefused(_ option: String) throws {
    let r = try Subprocess.run(
      try #require(LoaBinary.path),
      ["publish", option, "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite")],
      environment: ProcessInfo.processInfo.environment, currentDirectory: dir.path(""))
    #expect(r.status == 64, "\(option): \(r.stderr)")
    #expect(r.stderr.contains("needs a value"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("rss.xml")))
  }

  @Test func theStateConfigurationAndDatabaseFoldersAreNeverOutputRoots() throws {
    try FileManager.default.createDirectory(atPath: dir.path("state"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir.path("cms/data"), withIntermediateDirectories: true)
    try ExamplePortal.makeDatabase(at: dir.path("cms/data/db.sqlite"))
    for (root, why) in [
      (dir.path("state"), "state directory"),
      (dir.path("cms/data"), "SQLite database"),
      (dir.path("cms"), "SQLite database"),
      (PackagePaths.path("Examples"), "configuration file"),
      (PackagePaths.root, "configuration file"),
    ] {
      let r = try loa(["publish"], output: root, database: dir.path("cms/data/db.sqlite"))
      #expect(r.status == 64, "\(root): \(r.stderr)")
      #expect(r.stderr.contains(why), "\(root): \(r.stderr)")
    }
    // A symlink to the state directory is the state directory.
    try FileManager.default.createSymbolicLink(atPath: dir.path("link"), withDestinationPath: dir.path("state"))
    #expect(try loa(["publish"], output: dir.path("link")).status == 64)
    // Given in the configuration, the same refusal is a configuration error (78).
    let config = try config("root.json") { json in
      var output = json["output"] as? [String: Any] ?? [:]
      output["directory"] = "/etc"
      json["output"] = output
    }
    let r = try Subprocess.run(
      try #require(LoaBinary.path), ["publish", "--config", config, "--database", dir.path("db.sqlite")],
      environment: ProcessInfo.processInfo.environment)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains("output.directory"), "\(r.stderr)")
    #expect(try files(dir.path("state")).keys.allSatisfy { !$0.hasSuffix(".xml") })
  }

  // MARK: Symlinks inside the output tree

  /// The attack: a category folder replaced by a link to another folder. Nothing in the
  /// folder the link points to may be written or deleted, with `.gz` copies turned off (the
  /// run then removes stale ones) and with `--force`.
  @Test func aCategoryFolderSwappedForASymlinkIsNeverFollowed() throws {
    #expect(try loa(["publish"]).status == 0)
    let victim = dir.path("victim")
    try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
    let planted = ["rss.xml", "rss.xml.gz", "atom.xml.gz", "feed.json.gz", "feed.json"]
    for name in planted {
      #expect(FileManager.default.createFile(atPath: victim + "/" + name, contents: Data("keep \(name)".utf8)))
    }
    let before = try files(victim)
    try FileManager.default.removeItem(atPath: dir.path("out/thoi-su"))
    try FileManager.default.createSymbolicLink(atPath: dir.path("out/thoi-su"), withDestinationPath: victim)
    let r = try loa(["publish", "--force"])
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.contains("thoi-su: exists and is not a directory"), "\(r.stderr)")
    #expect(try files(victim) == before)
    #expect(try temporaryFiles(victim).isEmpty)
  }

  /// The same swap made during the run, between two of its file operations, at every
  /// operation of the commit: the run fails or finishes, and never touches the link's target.
  @Test func aSymlinkSwappedInMidRunIsNeverFollowed() throws {
    #expect(try loa(["publish"]).status == 0)
    let log = dir.path("ops.log")
    try? FileManager.default.removeItem(atPath: log)
    #expect(try loa(["publish", "--force"], env: ["LOA_TEST_FS_OP_LOG": log]).status == 0)
    let ops = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    // Every operation from the first one inside thoi-su/ on.
    let first = try #require(ops.firstIndex { $0.contains("/thoi-su/") })
    let victim = dir.path("victim2")
    var trials = 0
    for n in stride(from: first + 1, through: ops.count, by: max(1, (ops.count - first) / 40)) {
      try? FileManager.default.removeItem(atPath: victim)
      try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
      for name in ["rss.xml", "rss.xml.gz", "atom.xml.gz", "feed.json.gz"] {
        FileManager.default.createFile(atPath: victim + "/" + name, contents: Data("keep".utf8))
      }
      let before = try files(victim)
      let r = try loa(
        ["publish", "--force"], env: ["LOA_TEST_SWAP_AT_FS_OP": "\(n):\(dir.path("out/thoi-su")):\(victim)"])
      #expect(r.status == 0 || r.status == 73, "op \(n): \(r.stderr)")
      #expect(try files(victim) == before, "op \(n): the link's target changed")
      #expect(try temporaryFiles(victim).isEmpty, "op \(n)")
      // Put the real folder back for the next trial.
      try FileManager.default.removeItem(atPath: dir.path("out/thoi-su"))
      try FileManager.default.moveItem(atPath: dir.path("out/thoi-su.swapped-away"), toPath: dir.path("out/thoi-su"))
      trials += 1
    }
    #expect(trials >= 10)
  }

  // MARK: Killed at every file operation

  /// Kills a run at each of its file operations in turn (no timing: the test build's
  /// `LOA_TEST_KILL_AT_FS_OP` hook), for a run that writes the feeds, their `.gz` copies and
  /// the weather box. After each kill: every file is complete old or complete new, nothing
  /// outside the output directory changed, and the next run exits 0, publishes its complete
  /// version and leaves no temporary file. RSS only: every kind of file a run writes (feeds,
  /// monthly archives in their own folders, head links, sitemaps, pages, `.gz` copies, the
  /// weather box) is there, at a third of the operations of all three formats, which the
  /// same code writes.
  @Test func killedAtEveryFileOperationEveryFileIsCompleteOldOrNew() throws {
    let config = try config("gzip.json") { json in
      var output = json["output"] as? [String: Any] ?? [:]
      output["gzip"] = true
      json["output"] = output
      var feeds = json["feeds"] as? [String: Any] ?? [:]
      feeds["formats"] = ["rss"]
      json["feeds"] = feeds
    }
    let a = dir.path("db.sqlite")
    let b = dir.path("b.sqlite")
    try ExamplePortal.makeDatabase(at: b)
    try SQLiteFixture.execute(
      "UPDATE articles SET title = title || ' (bản B)', updated_at = '2026-11-28 08:00:00'; UPDATE categories SET description = description || ' B';",
      in: b)
    let out = dir.path("kill")
    func run(_ database: String, _ extra: [String: String] = [:], _ args: [String] = ["publish"]) throws -> ProcessResult {
      var env = ProcessInfo.processInfo.environment
      env["STATE_DIRECTORY"] = dir.path("kill-state")
      for (k, v) in extra { env[k] = v }
      return try Subprocess.run(
        try #require(LoaBinary.path),
        args + ["--config", config, "--database", database, "--output", out], environment: env)
    }
    #expect(try run(b).status == 0)
    let versionB = try files(out)
    #expect(try run(a).status == 0)
    let versionA = try files(out)
    #expect(versionA.keys.sorted() == versionB.keys.sorted())
    #expect(versionA.keys.contains("weather.html.gz"))
    #expect(versionA.keys.contains("thoi-su/archive/2026-11/rss.xml.gz"))
    #expect(versionA.keys.contains("sitemap.xml.gz") && versionA.keys.contains("thoi-su/head-links.html"))
    #expect(versionA.filter { versionB[$0.key] != $0.value }.count >= 30)
    let outside = try files(dir.path("")).filter { !$0.key.hasPrefix("kill") }

    // How many operations a run from A to B makes.
    let log = dir.path("kill-ops.log")
    try? FileManager.default.removeItem(atPath: log)
    #expect(try run(b, ["LOA_TEST_FS_OP_LOG": log]).status == 0)
    let count = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
    #expect(count > 100)
    #expect(try run(a).status == 0)

    // Under AddressSanitizer each process starts slowly: CI passes a stride there.
    let stride = Int(ProcessInfo.processInfo.environment["LOA_KILL_STRIDE"] ?? "") ?? 1
    var mixed = 0
    var killed = 0
    var current = (versionA, a)
    for n in Swift.stride(from: 1, through: count, by: stride) {
      let (old, _) = current
      let (next, nextDatabase) = old == versionA ? (versionB, b) : (versionA, a)
      try? FileManager.default.removeItem(atPath: log)
      let r = try run(nextDatabase, ["LOA_TEST_KILL_AT_FS_OP": String(n), "LOA_TEST_FS_OP_LOG": log])
      // The run either died at its n-th operation (logged, not made) or made fewer (runs differ by a
      // few cleaning-cache writes).
      let made = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
      if r.terminationSignal == SIGKILL {
        killed += 1
        #expect(made == n, "op \(n): killed after \(made) operations")
      } else {
        #expect(r.status == 0 && made < n, "op \(n): \(r.status), \(made) operations: \(r.stderr)")
      }
      let now = try files(out)
      #expect(now.keys.sorted() == versionA.keys.sorted(), "op \(n): a file is missing")
      var sawOld = false
      var sawNew = false
      for (path, data) in now {
        if data == old[path] { sawOld = true } else if data == next[path] { sawNew = true } else {
          Issue.record("op \(n): \(path) is neither the old nor the new version")
        }
      }
      if sawOld && sawNew { mixed += 1 }
      let again = try run(nextDatabase)
      #expect(again.status == 0, "op \(n): \(again.stderr)")
      #expect(try files(out) == next, "op \(n)")
      #expect(try temporaryFiles(out).isEmpty, "op \(n)")
      #expect(try temporaryFiles(dir.path("kill-state")).isEmpty, "op \(n)")
      current = (next, nextDatabase)
    }
    #expect(killed >= (count - 10) / stride, "the trials' runs were killed at their operations")
    #expect(try files(dir.path("")).filter { !$0.key.hasPrefix("kill") } == outside)
    try? ReliabilityLog.record(
      "kill at every file operation",
      "\(killed) runs killed, one at each of the \(count) file operations of a run (stride \(stride)) that writes the feeds, .gz copies and the weather box; \(mixed) left a mix of old and new files, every file complete old or new; every next run exited 0 with no temporary file left")
  }
}
