import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// What cron mails and the journal records, through the real binary: a bad row is reported
/// once per version, ordinary content is no warning, lines carry syslog priorities under
/// systemd, and a missing state directory is one line that says how to fix it.
@Suite struct CronMailTests {
  let dir = try! TemporaryDirectory("loa-cron")

  init() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
  }

  func environment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env["JOURNAL_STREAM"] = nil
    return env
  }

  func loa(_ args: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    try Subprocess.run(
      try #require(LoaBinary.path),
      args + [
        "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite"), "--output",
        dir.path("out"),
      ],
      environment: environment ?? self.environment())
  }

  func sql(_ statement: String) throws {
    try SQLiteFixture.execute(statement, in: dir.path("db.sqlite"))
  }

  /// An article whose image is an `ftp:` address: published without the image, a warning.
  let badRow = """
    INSERT INTO articles (id, category_id, title, image_url, published_at)
    VALUES (900, 3, 'Chợ đêm mở cửa', 'ftp://example.com/anh.jpg', '2026-11-29 08:00:00')
    """

  /// One bad row gives cron one mail a day at most: the warning in full once, then nothing
  /// while the row is unchanged, and a one-line reminder once a day.
  @Test func anUnchangedBadRowIsWarnedOnceAndSummarisedAfterThat() throws {
    try sql(badRow)
    let first = try loa(["publish"])
    #expect(first.status == 0)
    #expect(first.stderr.contains("item 900: image_url:"), "\(first.stderr)")

    // Another article changes: the feeds are rendered again, the bad row is as it was.
    try sql("UPDATE articles SET title = title || ' (cập nhật)' WHERE id = 31")
    let second = try loa(["publish", "--report", dir.path("report.json")])
    #expect(second.status == 0)
    #expect(second.stderr == "", "the same day: no mail at all; \(second.stderr)")

    // A day later (the run's clock, --now), another edit: one reminder line, then quiet again.
    let tomorrow = String(Int(Date().timeIntervalSince1970) + 90_000)
    try sql("UPDATE articles SET title = title || ' (hôm sau)' WHERE id = 31")
    let nextDay = try loa(["publish", "--now", tomorrow])
    #expect(
      nextDay.stderr == "loa: warning: [summary] 1 known warning not repeated; -v shows them\n",
      "\(nextDay.stderr)")
    try sql("UPDATE articles SET title = title || '.' WHERE id = 31")
    let laterThatDay = try loa(["publish", "--now", String(Int(tomorrow)! + 3_600)])
    #expect(laterThatDay.stderr == "", "\(laterThatDay.stderr)")
    // The JSON report still lists every issue.
    let report = try String(contentsOfFile: dir.path("report.json"), encoding: .utf8)
    #expect(report.contains("\"field\": \"image_url\"") || report.contains("\"field\":\"image_url\""), "\(report)")

    // -v shows it again (a run that renders: another edit).
    try sql("UPDATE articles SET title = title || '!' WHERE id = 31")
    let verbose = try loa(["publish", "-v"])
    #expect(verbose.stderr.contains("item 900: image_url:"), "\(verbose.stderr)")

    // An edit of the bad row makes it a new version: warned again, in full.
    try sql("UPDATE articles SET title = 'Chợ đêm mở cửa lại' WHERE id = 900")
    let third = try loa(["publish"])
    #expect(third.stderr.contains("item 900: image_url:"), "\(third.stderr)")
    #expect(!third.stderr.contains("known warning"), "\(third.stderr)")
  }

  @Test func aYouTubeEmbedTurnedIntoALinkIsANoteNotAWarning() throws {
    try sql("""
      INSERT INTO articles (id, category_id, title, content_html, published_at)
      VALUES (901, 5, 'Video: vịnh Hạ Long', '<p>Xem video:</p><iframe src="https://www.youtube.com/embed/abc123"></iframe>', '2026-11-29 08:00:00')
      """)
    let r = try loa(["publish", "--report", dir.path("report.json")])
    #expect(r.status == 0)
    #expect(r.stderr == "", "\(r.stderr)")
    let report = try String(contentsOfFile: dir.path("report.json"), encoding: .utf8)
    #expect(report.contains("replaced <iframe> with links"), "\(report)")
    #expect(report.contains("\"warnings\": 0") || report.contains("\"warnings\":0"), "\(report)")
  }

  /// `-v` names each phase with a count and a duration (their values are not asserted); the
  /// progress line is for terminals only, and a run where nothing changed says so once.
  @Test func verbosePrintsPhasesAndANoOpRunSaysNothingChangedOnce() throws {
    let r = try loa(["publish", "-v"])
    #expect(r.status == 0)
    let phases = r.stderr.split(separator: "\n").filter { $0.hasPrefix("loa: info: [phases] ") }
    #expect(phases.count == 1, "\(r.stderr)")
    let parts = phases.first.map { $0.dropFirst("loa: info: [phases] ".count).components(separatedBy: ", ") } ?? []
    #expect(parts.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["read", "clean", "render", "check", "commit"], "\(parts)")
    for part in parts {
      // `read 46 rows 2 ms`: a count, a unit, a number of milliseconds.
      let words = part.split(separator: " ").map(String.init)
      #expect(words.count == 5, "\(part)")
      guard words.count == 5 else { continue }
      #expect(Int(words[1]) != nil && ["rows", "files"].contains(words[2]), "\(part)")
      #expect(Int(words[3]) != nil && words[4] == "ms", "\(part)")
    }
    #expect(!r.stderr.contains("\r"), "no progress line when stderr is not a terminal")
    let again = try loa(["publish", "-v"])
    #expect(again.stderr.components(separatedBy: "nothing changed").count == 2, "\(again.stderr)")
    #expect(!again.stderr.contains("[phases]"), "\(again.stderr)")
  }

  /// systemd connects stderr to the journal and sets `JOURNAL_STREAM` to its device:inode; a
  /// file's device and inode stand in for that stream here.
  @Test func underSystemdLinesCarrySyslogPriorities() throws {
    try sql(badRow)
    let path = dir.path("stderr.txt")
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    var st = stat()
    #expect(stat(path, &st) == 0)
    var env = environment()
    env["JOURNAL_STREAM"] = "\(st.st_dev):\(st.st_ino)"
    let status = try run(["publish", "-v"], environment: env, stderrPath: path)
    #expect(status == 0)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("<4>loa: warning: [validate] item 900: image_url:") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("<6>loa: info: [publish]") }, "\(lines)")
    #expect(lines.allSatisfy { $0.hasPrefix("<") }, "\(lines)")

    // Another stream (stderr redirected elsewhere inherits the variable): no prefixes.
    env["JOURNAL_STREAM"] = "\(st.st_dev):\(st.st_ino &+ 1)"
    let other = dir.path("other.txt")
    #expect(FileManager.default.createFile(atPath: other, contents: nil))
    try sql("UPDATE articles SET title = 'Chợ đêm' WHERE id = 900")
    #expect(try run(["publish"], environment: env, stderrPath: other) == 0)
    let plain = try String(contentsOfFile: other, encoding: .utf8)
    #expect(plain.hasPrefix("loa: warning: [validate] item 900: image_url:"), "\(plain)")
  }

  /// Runs loa with standard error appended to `stderrPath`; returns the exit status.
  func run(_ args: [String], environment: [String: String], stderrPath: String) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(LoaBinary.path))
    p.arguments =
      args + [
        "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite"), "--output",
        dir.path("out"),
      ]
    p.environment = environment
    let err = try #require(FileHandle(forWritingAtPath: stderrPath))
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try err.close()
    return p.terminationStatus
  }

  @Test func anUnwritableStateDirectoryIsOneWarningSayingHowToFixIt() throws {
    // A folder below a regular file cannot be created, not even by root.
    #expect(FileManager.default.createFile(atPath: dir.path("file"), contents: Data("x".utf8)))
    var env = environment()
    env["STATE_DIRECTORY"] = dir.path("file/state")
    for _ in 0..<2 {
      let r = try loa(["publish"], environment: env)
      #expect(r.status == 0)
      let lines = r.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(r.stderr)")
      #expect(r.stderr.contains("state.directory"), "\(r.stderr)")
      #expect(r.stderr.contains("STATE_DIRECTORY"), "\(r.stderr)")
      #expect(r.stderr.contains(dir.path("file/state")), "\(r.stderr)")
    }
  }

  /// A state directory that exists but belongs to someone else (root's, loa run as `nobody`;
  /// without root, a folder of mode 0555): one warning, not one per file loa fails to save.
  @Test func aStateDirectoryOfAnotherUserIsOneWarningSayingHowToFixIt() throws {
    for folder in [dir.path, dir.path("out")] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      #expect(chmod(folder, 0o777) == 0)
    }
    #expect(chmod(dir.path("db.sqlite"), 0o644) == 0)
    try FileManager.default.createDirectory(atPath: dir.path("state"), withIntermediateDirectories: true)
    #expect(chmod(dir.path("state"), 0o555) == 0)
    defer { _ = chmod(dir.path("state"), 0o755) }
    var command = [try #require(LoaBinary.path)]
    if getuid() == 0 {
      command = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
    }
    for _ in 0..<2 {
      let r = try Subprocess.run(
        command[0],
        Array(command.dropFirst()) + [
          "publish", "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite"),
          "--output", dir.path("out"),
        ], environment: environment())
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      #expect(r.stderr.contains("cannot write the state directory \(dir.path("state"))"), "\(r.stderr)")
      #expect(r.stderr.contains("state.directory") && r.stderr.contains("STATE_DIRECTORY"), "\(r.stderr)")
    }
  }

  @Test func anUnsetHomeIsOneWarningSayingHowToFixIt() throws {
    var env = environment()
    for key in ["HOME", "XDG_STATE_HOME", "STATE_DIRECTORY"] { env[key] = nil }
    let r = try loa(["publish"], environment: env)
    #expect(r.status == 0)
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.hasPrefix("loa: warning: [state] no state directory"), "\(r.stderr)")
    #expect(r.stderr.contains("state.directory") && r.stderr.contains("STATE_DIRECTORY"), "\(r.stderr)")
  }
}

/// A WAL-mode SQLite database in a folder loa may not write (systemd's `ProtectSystem=strict`
/// unit) while the CMS is idle (no `-shm` file): SQLite cannot read it, and loa says what to
/// grant. Root ignores permissions, so as root the binary runs as `nobody` (setpriv).
@Suite struct ReadOnlyWALTests {
  @Test func aWALDatabaseInAFolderLoaMayNotWriteFailsNamingWhatToGrant() throws {
    let dir = try TemporaryDirectory("loa-walro")
    let db = dir.path("cms/portal.sqlite")
    try FileManager.default.createDirectory(atPath: dir.path("cms"), withIntermediateDirectories: true)
    try ExamplePortal.makeDatabase(at: db)
    try SQLiteFixture.execute("PRAGMA journal_mode=WAL", in: db)
    // The CMS closed the database: SQLite removed the -wal and -shm files.
    #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
    for folder in [dir.path, dir.path("out"), dir.path("state")] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      #expect(chmod(folder, 0o777) == 0)
    }
    #expect(chmod(dir.path("cms"), 0o555) == 0)
    defer { _ = chmod(dir.path("cms"), 0o755) }
    var command = [try #require(LoaBinary.path)]
    if getuid() == 0 {
      command = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
    }
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    let r = try Subprocess.run(
      command[0],
      Array(command.dropFirst()) + [
        "publish", "--config", ExamplePortal.configPath, "--database", db, "--output",
        dir.path("out"),
      ], environment: env)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("WAL mode"), "\(r.stderr)")
    #expect(r.stderr.contains("ReadWritePaths=\(dir.path("cms"))"), "\(r.stderr)")
    #expect(r.stderr.contains("journal_mode=DELETE"), "\(r.stderr)")
  }
}
