import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Running every few minutes for years: the lock, untouched unchanged files, `.gz` copies,
/// dry runs and loop mode, all through the real binary.
@Suite struct OperationsTests {
  let dir = try! TemporaryDirectory("loa-ops")

  init() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
  }

  func loa(
    _ args: [String], config: String = ExamplePortal.configPath, hangGuardSeconds: Double? = nil
  ) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    return try Subprocess.run(
      try #require(LoaBinary.path),
      args + ["--config", config, "--database", dir.path("db.sqlite"), "--output", dir.path("out")],
      environment: env, hangGuardSeconds: hangGuardSeconds)
  }

  /// Every file under `out` with (inode, mtime).
  func stamps() throws -> [String: String] {
    var result: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))
    where !path.hasPrefix(".") {
      var st = stat()
      guard lstat(dir.path("out/" + path), &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
      result[path] = "\(st.st_ino) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }
    return result
  }

  @Test func anUnchangedRunTouchesNoFile() throws {
    #expect(try loa(["publish"]).status == 0)
    let first = try stamps()
    #expect(first.count == 111)
    Thread.sleep(forTimeInterval: 0.05)
    let second = try loa(["publish", "-v"])
    #expect(second.status == 0)
    #expect(second.stderr.contains("nothing changed"))
    #expect(try stamps() == first)
    // A database change that leaves every feed's bytes the same still writes nothing.
    try SQLiteFixture.execute("UPDATE articles SET title = 'Bản nháp đã sửa' WHERE id = 41", in: dir.path("db.sqlite"))
    let third = try loa(["publish", "-v"])
    #expect(third.stderr.contains("0 files written, 109 unchanged"), "\(third.stderr)")
    #expect(try stamps() == first)
  }

  @Test func oneEditRewritesOnlyTheFeedsThatHoldTheArticle() throws {
    #expect(try loa(["publish"]).status == 0)
    let first = try stamps()
    try SQLiteFixture.execute(
      "UPDATE articles SET title = title || ' (cập nhật)', updated_at = '2026-11-28 09:00:00' WHERE id = 31",
      in: dir.path("db.sqlite"))
    let r = try loa(["publish", "-v", "-v"])
    #expect(r.status == 0)
    let after = try stamps()
    let changed = Set(after.keys.filter { after[$0] != first[$0] })
    // Article 31 is in "Lễ hội", its parent "Du lịch", and the site feed (and so among the
    // newest titles on index.html), in their November archives, and its lastmod in sitemap.xml
    // and so the index's; nothing else changes (it is older than the news sitemap's two days).
    #expect(
      changed == [
        "rss.xml", "atom.xml", "feed.json", "le-hoi/rss.xml", "le-hoi/atom.xml", "le-hoi/feed.json",
        "du-lich/rss.xml", "du-lich/atom.xml", "du-lich/feed.json", "index.html", "sitemap.xml",
        "sitemap-index.xml",
        "archive/2026-11/rss.xml", "archive/2026-11/atom.xml", "archive/2026-11/feed.json",
        "le-hoi/archive/2026-11/rss.xml", "le-hoi/archive/2026-11/atom.xml",
        "le-hoi/archive/2026-11/feed.json", "du-lich/archive/2026-11/rss.xml",
        "du-lich/archive/2026-11/atom.xml", "du-lich/archive/2026-11/feed.json",
      ],
      "\(changed.sorted())")
  }

  /// "At once" without a clock: the lock is taken without blocking, so a run that waited for it
  /// would wait for the holder (10 minutes) and be ended by the hang guard.
  @Test func aSecondRunExitsAtOnceWhileTheLockIsHeld() throws {
    #expect(try loa(["publish"]).status == 0)
    // Another process holds the lock (util-linux flock, as a second loa would) and says so by
    // creating `held` once it has it.
    let held = dir.path("held")
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    // --no-fork: flock execs the command itself (and sh execs sleep), so killing it really
    // releases the lock.
    holder.arguments = [
      "--exclusive", "--no-fork", dir.path("out"), "/bin/sh", "-c", "touch \"$0\" && exec sleep 600", held,
    ]
    try holder.run()
    defer {
      if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
      holder.waitUntilExit()
    }
    try #require(HangGuard.wait(seconds: 60) { FileManager.default.fileExists(atPath: held) }, "flock never took the lock")
    let blocked = try loa(["publish"], hangGuardSeconds: HangGuard.seconds(expecting: 1))
    #expect(!blocked.killedByHangGuard, "the run waited for the lock")
    #expect(blocked.status == 75)
    #expect(blocked.stderr.hasPrefix("loa: error: another loa run is publishing to this output directory"), "\(blocked.stderr)")
    #expect(blocked.stderr.split(separator: "\n").count == 1)
    // A holder that dies (here: SIGKILL) leaves no stale lock behind.
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    #expect(try loa(["publish", "--force"]).status == 0)
  }

  @Test func runsStartedTogetherLeaveCompleteValidFeeds() throws {
    // Start several at the same moment: whichever take the lock publish, the others exit 75,
    // and the files are complete and valid either way. (That two runs never write at once is
    // shown with a held lock above.)
    let binary = try #require(LoaBinary.path)
    var processes: [Process] = []
    for _ in 0..<4 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: binary)
      p.arguments = [
        "publish", "--force", "--config", ExamplePortal.configPath, "--database",
        dir.path("db.sqlite"), "--output", dir.path("out"),
      ]
      var env = ProcessInfo.processInfo.environment
      env["STATE_DIRECTORY"] = dir.path("state")
      p.environment = env
      p.standardError = FileHandle.nullDevice
      processes.append(p)
    }
    for p in processes { try p.run() }
    for p in processes { p.waitUntilExit() }
    let statuses = processes.map(\.terminationStatus)
    #expect(statuses.allSatisfy { $0 == 0 || $0 == 75 }, "\(statuses)")
    #expect(statuses.contains(0))
    try Checkers.checkFeedsIfEnabled(in: dir.path("out"))
  }

  @Test func gzipCopiesMatchTheirSourcesAndGoAwayWhenTurnedOff() throws {
    let config = try writeConfig(["\"gzip\": true, \"gzipLevel\": 6"])
    #expect(try loa(["publish"], config: config).status == 0)
    let files = try stamps().keys.filter { !$0.hasSuffix(".gz") && !$0.hasPrefix(".") }
    #expect(files.count >= 34)
    for path in files {
      let gz = try Subprocess.run("/bin/gzip", ["-dc", dir.path("out/" + path + ".gz")])
      #expect(gz.status == 0, "\(path).gz")
      #expect(Data(gz.stdout.utf8) == FileManager.default.contents(atPath: dir.path("out/" + path)), "\(path).gz")
    }
    let off = try writeConfig([])
    #expect(try loa(["publish"], config: off).status == 0)
    #expect(try stamps().keys.filter { $0.hasSuffix(".gz") }.isEmpty)
  }

  @Test func aDryRunListsWhatWouldChangeAndWritesNothing() throws {
    let first = try loa(["publish", "--dry-run"])
    #expect(first.status == 0)
    #expect(first.stdout.split(separator: "\n").count == 109)
    #expect(first.stdout.contains("le-hoi/atom.xml\n"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
    #expect(try loa(["publish"]).status == 0)
    try SQLiteFixture.execute("UPDATE articles SET title = 'Tiêu đề mới' WHERE id = 44 OR id = 31", in: dir.path("db.sqlite"))
    let second = try loa(["publish", "-n"])
    #expect(second.stdout.contains("le-hoi/rss.xml\n"))
    #expect(!second.stdout.contains("kinh-te/rss.xml"))
  }

  @Test func loopModeStopsCleanlyOnSIGTERM() throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(LoaBinary.path))
    p.arguments = [
      "publish", "--every", "10m", "--config", ExamplePortal.configPath, "--database",
      dir.path("db.sqlite"), "--output", dir.path("out"),
    ]
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    p.environment = env
    let errors = Pipe()
    p.standardError = errors
    try p.run()
    defer { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
    // The first run has published (a hang guard only while waiting for it).
    #expect(
      HangGuard.wait(seconds: 60) { FileManager.default.fileExists(atPath: dir.path("out/index.opml")) })
    // Whether the signal lands in the rest of the run or in the 10-minute wait, the loop ends
    // after the run; a loop that ignored it would wait the 10 minutes and be killed by the hang
    // guard (terminationReason .uncaughtSignal).
    kill(p.processIdentifier, SIGTERM)
    let killed = HangGuard.waitUntilExit(p, seconds: HangGuard.seconds(expecting: 1))
    #expect(!killed, "SIGTERM did not end the loop")
    #expect(p.terminationReason == .exit)
    #expect(p.terminationStatus == 0)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(stderr.isEmpty, "\(stderr)")
  }

  func writeConfig(_ outputExtras: [String]) throws -> String {
    var text = try String(contentsOfFile: ExamplePortal.configPath, encoding: .utf8)
    if !outputExtras.isEmpty {
      text = text.replacingOccurrences(
        of: "\"baseURL\": \"https://baichay.example.org/feeds/\"",
        with: "\"baseURL\": \"https://baichay.example.org/feeds/\", " + outputExtras.joined(separator: ", "))
    }
    let path = dir.path("config-\(UUID().uuidString.prefix(8)).json")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
