import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// The state directory: atomic, private, never through a symlink, swept of killed runs' files.
@Suite struct StateStoreTests {
  /// Publishes the example with weather and WebSub state into `dir`.
  func publish(_ dir: TemporaryDirectory) throws -> RunReport {
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    var config = try Configuration.load(path: ExamplePortal.configPath)
    config.output.directory = dir.path("out")
    config.state.directory = dir.path("state")
    config.database.location = .sqlite(path: dir.path("db.sqlite"))
    let report = RunReport()
    _ = try PublishRun(configuration: config, clock: SystemClock()).run(report: report)
    return report
  }

  func mode(_ path: String) -> mode_t {
    var st = stat()
    return lstat(path, &st) == 0 ? st.st_mode & 0o777 : 0
  }

  @Test func everyStateFileIsPrivateToItsOwner() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("state")).sorted()
    #expect(names.contains { $0.hasPrefix("run-") })
    #expect(names.contains { $0.hasPrefix("cleaning-") })
    #expect(names.contains { $0.hasPrefix("weather-") })
    for name in names { #expect(mode(dir.path("state/" + name)) == 0o600, "\(name)") }
    #expect(mode(dir.path("state")) == 0o700)
  }

  @Test func aKilledRunsCacheFileIsSweptByTheNextRun() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    let pid = gone.processIdentifier
    let cache = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.path("state")).first { $0.hasPrefix("cleaning-") })
    // Both the current temporary name and the one loa 0.1 used.
    let abandoned = [".\(cache).loa-\(pid).tmp", "\(cache).tmp-\(pid)"]
    let alive = ".\(cache).loa-\(getpid()).tmp"
    for name in abandoned + [alive] {
      #expect(FileManager.default.createFile(atPath: dir.path("state/" + name), contents: Data(count: 4096)))
    }
    _ = try publish(dir)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path("state"))
    for name in abandoned { #expect(!left.contains(name), "\(name)") }
    #expect(left.contains(alive))
  }

  @Test func aSymlinkPlantedAtAStateFileIsNeverFollowed() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("state"))
    let outside = dir.path("outside.txt")
    try "keep".write(toFile: outside, atomically: true, encoding: .utf8)
    for name in names where !name.hasPrefix(".") {
      try FileManager.default.removeItem(atPath: dir.path("state/" + name))
      try FileManager.default.createSymbolicLink(atPath: dir.path("state/" + name), withDestinationPath: outside)
    }
    try SQLiteFixture.execute("UPDATE articles SET title = title || ' (mới)' WHERE id = 31", in: dir.path("db.sqlite"))
    _ = try publish(dir)
    #expect(try String(contentsOfFile: outside, encoding: .utf8) == "keep")
    // Each link was replaced by a real file (rename replaces the link itself).
    for name in names where !name.hasPrefix(".") {
      var st = stat()
      #expect(lstat(dir.path("state/" + name), &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG, "\(name)")
    }
  }

  @Test func aCorruptStateFileMeansNoState() throws {
    let dir = try TemporaryDirectory()
    _ = try publish(dir)
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path("state")) {
      try Data("{\"garbage".utf8).write(to: URL(fileURLWithPath: dir.path("state/" + name)))
    }
    let report = try publish(dir)
    #expect(report.count(.error) == 0)
    #expect(FileManager.default.fileExists(atPath: dir.path("out/rss.xml")))
  }
}
