import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// The example portal in `Examples/` and what it publishes in `feeds/`.
@Suite struct ExamplePortalTests {
  /// Publishes the example into a temporary folder, as the README's first command does.
  static func publishExample(into out: String) throws -> RunReport {
    let dir = try TemporaryDirectory()
    try ExamplePortal.makeDatabase(at: dir.path("bai-chay.sqlite"))
    var config = try Configuration.load(path: ExamplePortal.configPath)
    config.output.directory = out
    config.state.directory = dir.path("state")
    config.database.location = .sqlite(path: dir.path("bai-chay.sqlite"))
    let report = RunReport()
    // Feeds and the example's weather box (from its saved Open-Meteo response), in one run.
    _ = try PublishRun(configuration: config, clock: SystemClock()).run(report: report)
    return report
  }

  @Test func regeneratesTheCommittedFeedsByteForByte() throws {
    let out = try TemporaryDirectory()
    _ = try Self.publishExample(into: out.path)
    let committed = PackagePaths.path("feeds")
    // feeds/platform/ is the platform example's (PlatformExamplePublishTests).
    let expected = try FileManager.default.subpathsOfDirectory(atPath: committed)
      .filter { !$0.hasPrefix(".") && !$0.contains("/.") && !$0.hasPrefix("platform/") && $0 != "platform" }
      .filter { var d: ObjCBool = false; FileManager.default.fileExists(atPath: committed + "/" + $0, isDirectory: &d); return !d.boolValue }
      .sorted()
    let actual = try FileManager.default.subpathsOfDirectory(atPath: out.path)
      .filter { var d: ObjCBool = false; FileManager.default.fileExists(atPath: out.path + "/" + $0, isDirectory: &d); return !d.boolValue }
      .sorted()
    #expect(expected == actual, "feeds/ holds other files than the example publishes; run Scripts/run-example.sh")
    for path in actual {
      let a = FileManager.default.contents(atPath: out.path + "/" + path)
      let e = FileManager.default.contents(atPath: committed + "/" + path)
      if a != e {
        let diff = Diff.unified(
          expected: String(decoding: e ?? Data(), as: UTF8.self),
          actual: String(decoding: a ?? Data(), as: UTF8.self))
        Issue.record("feeds/\(path) differs from what the example publishes; run Scripts/run-example.sh:\n\(diff)")
      }
    }
  }

  @Test func publishesEveryVisibleArticleAndReportsTheBadOnes() throws {
    let out = try TemporaryDirectory()
    let report = try Self.publishExample(into: out.path)
    #expect(report.scheduled == 1)
    #expect(report.itemsPublished == 45)
    let rss = try String(contentsOfFile: out.path("rss.xml"), encoding: .utf8)
    #expect(!rss.contains("2099"))
    // "Trần Thanh – Lương Huấn" is two authors in Atom and JSON Feed, and one dc:creator
    // holding the byline in RSS (readers show one).
    #expect(rss.contains("<dc:creator>Trần Thanh – Lương Huấn</dc:creator>"))
    #expect(!rss.contains("<dc:creator>Trần Thanh</dc:creator>"))
    let atom = try String(contentsOfFile: out.path("atom.xml"), encoding: .utf8)
    #expect(atom.contains("<name>Trần Thanh</name>\n    </author>\n    <author>\n      <name>Lương Huấn</name>"))
    #expect(FileManager.default.fileExists(atPath: out.path("le-hoi/atom.xml")))
    #expect(FileManager.default.fileExists(atPath: out.path("y-te-giao-duc/feed.json")))
  }

  @Test func postgresScriptHasTheSameRowsAsTheSQLiteOne() throws {
    func rows(_ file: String) throws -> Substring {
      let text = try String(contentsOfFile: PackagePaths.path(file), encoding: .utf8)
      return text[text.range(of: "INSERT INTO categories")!.lowerBound...]
    }
    #expect(
      try rows("Examples/bai-chay.sql") == rows("Examples/bai-chay.postgres.sql"),
      "run Scripts/make-postgres-example.py")
  }

  @Test func passesTheIndependentReaders() throws {
    guard Checkers.enabled else { return }
    let out = try TemporaryDirectory()
    _ = try Self.publishExample(into: out.path)
    try Checkers.checkFeeds(in: out.path, extraArguments: ["--expect-items"])
  }
}
