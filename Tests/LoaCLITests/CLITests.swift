import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// Runs the built `loa` binary, as cron would.
@Suite struct CLITests {
  let state = try! TemporaryDirectory("loa-state")

  func loa(_ args: [String], cwd: String? = nil) throws -> ProcessResult {
    let binary = try #require(LoaBinary.path, "build the package first: swift build")
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = state.path
    return try Subprocess.run(binary, args, environment: env, currentDirectory: cwd)
  }

  @Test func publishesTheExampleSilently() throws {
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let r = try loa([
      "publish", "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite"),
      "--output", dir.path("out"),
    ])
    #expect(r.status == 0)
    #expect(r.stdout == "")
    #expect(r.stderr == "", "a successful cron run must print nothing")
    for name in [
      "rss.xml", "atom.xml", "feed.json", "index.opml", "thoi-su/rss.xml", "le-hoi/feed.json",
      "index.html", "head-links.html", "thoi-su/head-links.html", "weather.html", "weather.json",
    ] {
      #expect(FileManager.default.fileExists(atPath: dir.path("out/" + name)), "\(name)")
    }
    let verbose = try loa([
      "publish", "-v", "--config", ExamplePortal.configPath, "--database=" + dir.path("db.sqlite"),
      "--output", dir.path("out"),
    ])
    #expect(verbose.status == 0)
    #expect(verbose.stderr.components(separatedBy: "nothing changed").count == 2, "said once")
    #expect(verbose.stderr.contains("loa: info: [publish] nothing changed; 0 files written"))
    let forced = try loa([
      "publish", "-v", "--force", "--config", ExamplePortal.configPath, "--database",
      dir.path("db.sqlite"), "--output", dir.path("out"),
    ])
    #expect(forced.stderr.contains("109 files written, 0 unchanged"), "\(forced.stderr)")
  }

  /// Slim containers have no tzdata; with a zone name Foundation's formatters crash there
  /// (docs/weather.md). loa formats every date by hand, so the output must not change. Needs
  /// a private mount namespace (root, unshare); elsewhere there is nothing to hide.
  @Test func publishesTheSameBytesWithoutTzdata() throws {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
      FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Asia/Ho_Chi_Minh")
    else { return }
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    let binary = try #require(LoaBinary.path)
    let args = [
      "publish", "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite"),
      "--now", "2026-11-30T09:00:00+07:00",
    ]
    let normal = try loa(args + ["--output", dir.path("with")])
    #expect(normal.status == 0, "\(normal.stderr)")
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = state.path + "-nozone"
    let hidden = try Subprocess.run(
      "/usr/bin/unshare",
      ["-m", "/bin/sh", "-c", "mount -t tmpfs none /usr/share/zoneinfo && exec \"$0\" \"$@\"", binary]
        + args + ["--output", dir.path("without")],
      environment: env)
    guard !hidden.stderr.contains("mount:") && !hidden.stderr.contains("unshare:") else {
      return  // no mount namespaces here (a container without CAP_SYS_ADMIN)
    }
    #expect(hidden.status == 0, "\(hidden.stderr)")
    for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path("with"))
    where !path.hasPrefix(".") && path.contains(".") {
      #expect(
        FileManager.default.contents(atPath: dir.path("without/" + path))
          == FileManager.default.contents(atPath: dir.path("with/" + path)), "\(path)")
    }
  }

  @Test func printsHelpAndVersion() throws {
    let help = try loa(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("loa publish --config FILE"))
    let publishHelp = try loa(["publish", "--help"])
    #expect(publishHelp.stdout.contains("--database URL"))
    let version = try loa(["--version"])
    #expect(version.stdout == "loa \(LoaVersion.current)\n")
  }

  @Test(arguments: [
    ([String](), Int32(64), "no command given"),
    (["frobnicate"], 64, "unknown command"),
    (["publish"], 64, "publish needs --config FILE"),
    (["publish", "--config"], 64, "--config needs a value"),
    (["publish", "--config", "x.json", "--bogus"], 64, "unknown option \"--bogus\""),
    (["publish", "--config", "/nonexistent/loa.json"], 66, "config /nonexistent/loa.json: does not exist"),
  ])
  func failsWithOneLineAndTheDocumentedStatus(args: [String], status: Int32, message: String) throws {
    let r = try loa(args)
    #expect(r.status == status)
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stdout == "")
  }

  @Test func reportsDatabaseAndConfigProblemsWithTheirCodes() throws {
    let dir = try TemporaryDirectory()
    try "{\"version\": 1, \"site\": {\"title\": \"T\", \"url\": \"https://x.example.org/\"}, \"database\": {\"url\": \"sqlite:db.sqlite\"}, \"output\": {\"directory\": \"out\", \"baseURL\": \"/f/\"}}"
      .write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    let missing = try loa(["publish", "--config", dir.path("c.json")])
    #expect(missing.status == 66)
    #expect(missing.stderr == "loa: error: database \(dir.path("db.sqlite")) does not exist\n")

    try "not sqlite at all, but long enough to have a header of sorts".write(
      toFile: dir.path("db.sqlite"), atomically: true, encoding: .utf8)
    let notADB = try loa(["publish", "--config", dir.path("c.json")])
    #expect(notADB.status == 69)
    #expect(notADB.stderr.contains("is not a SQLite database"))

    // A CMS schema without a contract column: the message names it.
    try SQLiteFixture.create(
      at: dir.path("db.sqlite"),
      sql: SQLiteFixture.schema.replacingOccurrences(of: "image_caption TEXT, ", with: ""))
    let noColumn = try loa(["publish", "--config", dir.path("c.json")])
    #expect(noColumn.status == 78, "\(noColumn.stderr)")
    #expect(noColumn.stderr.contains("no such column: image_caption"), "\(noColumn.stderr)")
    #expect(noColumn.stderr.split(separator: "\n").count == 1)

    try "{\"version\": 3}".write(toFile: dir.path("v3.json"), atomically: true, encoding: .utf8)
    let v3 = try loa(["publish", "--config", dir.path("v3.json")])
    #expect(v3.status == 78)
    #expect(v3.stderr.contains("version: 3 is not supported"))
  }

  @Test func keepsPublishedFilesWhenTheOutputCannotBeWritten() throws {
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    // A file where the "thoi-su" category folder must go.
    try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
    try "keep me".write(toFile: dir.path("out/thoi-su"), atomically: true, encoding: .utf8)
    let r = try loa([
      "publish", "--config", ExamplePortal.configPath, "--database", dir.path("db.sqlite"),
      "--output", dir.path("out"),
    ])
    #expect(r.status == 73)
    #expect(r.stderr.contains("thoi-su: exists and is not a directory"), "\(r.stderr)")
    #expect(try String(contentsOfFile: dir.path("out/thoi-su"), encoding: .utf8) == "keep me")
  }
}

/// `loa check`, `--strict` and `--report` on a database full of bad rows, as a new user would
/// run them.
@Suite struct ValidationCLITests {
  static let sql = SQLiteFixture.schema + """
    INSERT INTO categories VALUES (1, NULL, 'tin-tuc', 'Tin tức', NULL);
    INSERT INTO articles (id, category_id, title, content_html, status, published_at) VALUES
      (1, 1, 'Bài tốt', '<p>Tốt</p>', 'published', '2026-11-20 08:00:00'),
      (2, 1, 'Có script', '<p>x</p><script>alert(1)</script>', 'published', '2026-11-20 07:00:00'),
      (3, 1, 'Ngày hỏng', '<p>y</p>', 'published', 'hôm qua'),
      (4, 1, '   ', '<p>z</p>', 'published', '2026-11-20 06:00:00');
    """

  func setUp() throws -> (TemporaryDirectory, String) {
    let dir = try TemporaryDirectory()
    try SQLiteFixture.create(at: dir.path("db.sqlite"), sql: Self.sql)
    let config = """
      {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
       "database": {"url": "sqlite:db.sqlite"}, "output": {"directory": "out", "baseURL": "/f/"},
       "state": {"directory": "state"}}
      """
    try config.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    return (dir, dir.path("c.json"))
  }

  func loa(_ args: [String]) throws -> ProcessResult {
    try Subprocess.run(try #require(LoaBinary.path), args + ["--now", "2026-11-29T12:00:00+07:00"])
  }

  @Test func publishesTheGoodRowsAndNamesEachBadOne() throws {
    let (dir, config) = try setUp()
    let r = try loa(["publish", "--config", config, "--report", dir.path("report.json")])
    #expect(r.status == 0)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains("loa: warning: [validate] item 2: content_html: removed <script>"))
    #expect(lines.contains("loa: warning: [validate] item 3: published_at: \"hôm qua\" is not a date; left out"))
    #expect(lines.contains("loa: warning: [validate] item 4: title: is empty; left out"))
    #expect(lines.last == "loa: warning: [summary] 2 items left out, 3 warnings")
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    #expect(rss.contains("Bài tốt") && rss.contains("Có script") && !rss.contains("alert"))
    let report = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: dir.path("report.json")))) as! [String: Any]
    let summary = report["summary"] as! [String: Any]
    #expect(summary["itemsLeftOut"] as? Int == 2)
    #expect(summary["warnings"] as? Int == 3)
    let issues = report["issues"] as! [[String: Any]]
    #expect(issues.contains { $0["article"] as? Int == 3 && $0["field"] as? String == "published_at" && $0["action"] as? String == "left-out" })
  }

  @Test func checkWritesNoFeed() throws {
    let (dir, config) = try setUp()
    let r = try loa(["check", "--config", config])
    #expect(r.status == 0)
    #expect(r.stderr.contains("item 3: published_at"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    let strict = try loa(["check", "--strict", "--config", config])
    #expect(strict.status == 1)
  }

  @Test func strictLeavesThePublishedFilesUntouched() throws {
    let (dir, config) = try setUp()
    try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
    try "old".write(toFile: dir.path("out/rss.xml"), atomically: true, encoding: .utf8)
    let r = try loa(["publish", "--strict", "--config", config])
    #expect(r.status == 1)
    #expect(r.stderr.split(separator: "\n").last == "loa: error: [summary] 2 items left out, 3 warnings; --strict: no file was replaced")
    #expect(try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8) == "old")
    let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")).filter {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: dir.path("out/" + $0), isDirectory: &isDirectory)
      return !isDirectory.boolValue
    }
    #expect(files == ["rss.xml"], "no new file and no temporary file may be left")
  }
}
