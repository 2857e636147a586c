import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Runs the built `loa` binary, as cron would.
@Suite struct CLITests {
  func loa(_ args: [String], cwd: String? = nil) throws -> ProcessResult {
    let binary = try #require(LoaBinary.path, "build the package first: swift build")
    return try Subprocess.run(binary, args, currentDirectory: cwd)
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
    for name in ["rss.xml", "atom.xml", "feed.json", "index.opml", "thoi-su/rss.xml", "le-hoi/feed.json"] {
      #expect(FileManager.default.fileExists(atPath: dir.path("out/" + name)), "\(name)")
    }
    let verbose = try loa([
      "publish", "-v", "--config", ExamplePortal.configPath, "--database=" + dir.path("db.sqlite"),
      "--output", dir.path("out"),
    ])
    #expect(verbose.status == 0)
    #expect(verbose.stderr.contains("0 files written, 34 unchanged"))
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
