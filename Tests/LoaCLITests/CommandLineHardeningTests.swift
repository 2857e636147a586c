import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Attacks on the configuration and the command line (issue 12), through the real binary:
/// each is refused with one line and its documented exit code before anything is published.
@Suite struct CommandLineHardeningTests {
  let dir = try! TemporaryDirectory("loa-cli-hardening")

  init() throws {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
  }

  var environment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    return env
  }

  func loa(_ args: [String], config: String = ExamplePortal.configPath) throws -> ProcessResult {
    try Subprocess.run(
      try #require(LoaBinary.path),
      args + [
        "--config", config, "--database", dir.path("db.sqlite"), "--output", dir.path("out"),
      ],
      environment: environment)
  }

  func expectOneLine(_ r: ProcessResult, status: Int32, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == status, "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr == "loa: error: " + text + "\n", sourceLocation: sourceLocation)
  }

  var published: Bool { FileManager.default.fileExists(atPath: dir.path("out/rss.xml")) }

  // MARK: Arguments

  /// Swift's `CommandLine.arguments` turned the byte 0xFF into U+FFFD: loa said an existing
  /// file did not exist, or wrote to another folder than `--output` named.
  @Test func anArgumentThatIsNotUTF8IsRefusedNamingItsPosition() throws {
    let binary = try #require(LoaBinary.path)
    // The shell builds the bytes; Foundation's Process can only pass valid strings.
    let script = #"exec "$0" publish --config "$1" --output "$(printf '%s/\377\tx' "$2")""#
    let r = try Subprocess.run(
      "/bin/sh", ["-c", script, binary, ExamplePortal.configPath, dir.path],
      environment: environment)
    expectOneLine(
      r, status: 64,
      #"argument 5 is not UTF-8: ""# + dir.path + #"/\xFF\x09x"; loa reads every argument as UTF-8"#)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["db.sqlite"])
  }

  @Test(arguments: [
    (["--config", "/nonexistent.json"], "--config"), (["-o", "/tmp/elsewhere"], "--output"),
    (["--database=/tmp/x.sqlite"], "--database"),
  ])
  func anOptionGivenTwiceIsRefused(_ extra: [String], _ name: String) throws {
    let r = try loa(["publish"] + extra)
    expectOneLine(r, status: 64, "\(name) is given twice; give it once")
    #expect(!published)
  }

  // MARK: --report, checked before the run

  /// A hidden name inside the output failed with 70 after every feed was published.
  @Test func aReportNameTheOutputCannotHoldIsAUsageErrorBeforePublishing() throws {
    let r = try loa(["publish", "--report", dir.path("out/.report.json")])
    expectOneLine(
      r, status: 64,
      #"--report: ".report.json" is not a plain path inside the output directory (no part may start with "." or be longer than 200 bytes)"#)
    #expect(!published)
  }

  @Test func aReportInAMissingFolderFailsWith73BeforePublishing() throws {
    let r = try loa(["publish", "--report", dir.path("missing/report.json")])
    expectOneLine(
      r, status: 73,
      "cannot write \(dir.path("missing/report.json")): its folder \(dir.path("missing")) does not exist")
    #expect(!published)
    #expect(!FileManager.default.fileExists(atPath: dir.path("missing")))
  }

  /// `--report /dev/null` replaced the device with a regular file (as root); a pipe here
  /// stands for it, so the test cannot damage the machine on old code.
  @Test func aReportOnAPipeFailsWith73() throws {
    #expect(mkfifo(dir.path("fifo"), 0o600) == 0)
    let r = try loa(["publish", "--report", dir.path("fifo")])
    expectOneLine(
      r, status: 73,
      "cannot write \(dir.path("fifo")): is not a regular file (a device or a pipe); name a file")
    #expect(!published)
  }

  /// `--report config.json` overwrote the configuration: the next run failed.
  @Test func aReportOnTheConfigurationOrTheDatabaseIsRefused() throws {
    let config = dir.path("config.json")
    try FileManager.default.copyItem(atPath: ExamplePortal.configPath, toPath: config)
    try? FileManager.default.createSymbolicLink(
      atPath: dir.path("weather"), withDestinationPath: PackagePaths.path("Examples/weather"))
    let before = try Data(contentsOf: URL(fileURLWithPath: config))
    let r = try loa(["publish", "--report", config], config: config)
    expectOneLine(r, status: 64, "--report: \(config) is the configuration file; name another file")
    #expect(try Data(contentsOf: URL(fileURLWithPath: config)) == before)
    let db = try loa(["publish", "--report", dir.path("db.sqlite")])
    expectOneLine(
      db, status: 64, "--report: \(dir.path("db.sqlite")) is the SQLite database; name another file")
    #expect(!published)
  }

  // MARK: Configuration files

  @Test func devNullAsConfigurationSaysWhatItIs() throws {
    let r = try loa(["check"], config: "/dev/null")
    expectOneLine(r, status: 66, "config /dev/null: is a character device, not a configuration file")
  }

  /// An ESC in the copyright made every RSS and Atom file fail its check (exit 1, and no
  /// rss.xml at all on a first run).
  @Test func aControlCharacterInConfigurationTextIsAConfigurationError() throws {
    let text = try String(contentsOfFile: ExamplePortal.configPath, encoding: .utf8)
      .replacingOccurrences(of: #""copyright": "© 2026"#, with: #""copyright": "\u001b[31m© 2026"#)
    let config = dir.path("config.json")
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    let r = try loa(["publish"], config: config)
    expectOneLine(
      r, status: 78,
      "config \(config): site.copyright: contains the control character U+001B at character 1; configuration text must not contain control characters")
    #expect(!published)
  }

  @Test func aDuplicateKeyIsRefusedWithLineAndColumn() throws {
    let text = try String(contentsOfFile: ExamplePortal.configPath, encoding: .utf8)
      .replacingOccurrences(of: #""language": "vi","#, with: #""language": "vi", "title": "Quảng cáo","#)
    let config = dir.path("config.json")
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    let r = try loa(["publish"], config: config)
    expectOneLine(r, status: 78, #"config \#(config):7:23: duplicate key "title""#)
    #expect(!published)
  }

  // MARK: Dates

  /// `9999-12-31 23:59:59` became the feed's `<updated>` and `<lastBuildDate>`, no warning.
  @Test func aFarFutureUpdatedAtNeitherDatesTheFeedNorPassesSilently() throws {
    try SQLiteFixture.execute(
      "UPDATE articles SET updated_at = '9999-12-31 23:59:59' WHERE id = (SELECT max(id) FROM articles)",
      in: dir.path("db.sqlite"))
    let r = try loa(["publish", "--now", "2026-11-30T09:00:00+07:00"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("updated_at"), "\(r.stderr)")
    #expect(r.stderr.contains("\"9999-12-31 23:59:59\" is in the future"), "\(r.stderr)")
    let rss = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    let atom = try String(contentsOfFile: dir.path("out/atom.xml"), encoding: .utf8)
    #expect(!rss.contains("9999"))
    #expect(!atom.contains("9999"))
  }
}
