import Foundation
import LoaCore
import LoaTestSupport
import Testing

@testable import LoaKit

#if canImport(Glibc)
  import Glibc
#endif

/// A run where nothing changed compares each published file's `stat` with the stamp the last
/// run recorded, as numbers (``RunState/stamp(_:matches:)``): the answer must be the one
/// comparing ``RunState/fileStamp(_:)``'s text gives.
@Suite struct RunStateStampTests {
  @Test func aFileMatchesItsOwnStampAndNoOther() throws {
    let dir = try TemporaryDirectory("loa-stamp")
    try "<rss/>".write(toFile: dir.path("rss.xml"), atomically: false, encoding: .utf8)
    let stamp = try #require(RunState.fileStamp(dir.path("rss.xml")))
    var st = stat()
    #expect(lstat(dir.path("rss.xml"), &st) == 0)
    #expect(RunState.stamp(stamp, matches: st))
    let parts = stamp.split(separator: ":").map(String.init)
    let size = parts[0]
    let inode = parts[1]
    let time = parts[2]
    for other in [
      "\(Int(size)! + 1):\(inode):\(time)", "\(size):\(UInt64(inode)! + 1):\(time)",
      "\(size):\(inode):\(time)0", "\(size):\(inode):0\(time)", "0\(size):\(inode):\(time)",
      "\(size):\(inode):-\(time)", "\(size):\(inode)", "\(size):\(inode):\(time):",
      "\(size) :\(inode):\(time)", "", "\(size):\(inode):\(time.replacingOccurrences(of: ".", with: ":"))",
      "99999999999999999999999:\(inode):\(time)",
    ] {
      #expect(!RunState.stamp(other, matches: st), "\(other)")
    }
  }

  /// Every way a published file can change is seen, and an unchanged folder is unchanged.
  @Test func outputsUnchangedSeesEveryChange() throws {
    let dir = try TemporaryDirectory("loa-outputs")
    try FileManager.default.createDirectory(atPath: dir.path("out/thời-sự"), withIntermediateDirectories: true)
    for p in ["rss.xml", "thời-sự/atom.xml"] {
      try "x".write(toFile: dir.path("out/" + p), atomically: false, encoding: .utf8)
    }
    func state() -> RunState {
      var outputs: [String: String] = [:]
      for p in ["rss.xml", "thời-sự/atom.xml"] { outputs[p] = RunState.fileStamp(dir.path("out/" + p)) }
      return RunState(configuration: "c", source: "s", outputs: outputs)
    }
    let recorded = state()
    #expect(recorded.outputsUnchanged(in: dir.path("out")))
    #expect(!recorded.outputsUnchanged(in: dir.path("elsewhere")))
    #expect(RunState(configuration: "c", source: "s", outputs: [:]).outputsUnchanged(in: dir.path("elsewhere")))
    // Rewritten in place with other bytes, replaced by another file, removed.
    try "xy".write(toFile: dir.path("out/thời-sự/atom.xml"), atomically: false, encoding: .utf8)
    #expect(!recorded.outputsUnchanged(in: dir.path("out")))
    let second = state()
    try "xy".write(toFile: dir.path("out/rss.xml"), atomically: true, encoding: .utf8)
    #expect(!second.outputsUnchanged(in: dir.path("out")))
    let third = state()
    try FileManager.default.removeItem(atPath: dir.path("out/rss.xml"))
    #expect(!third.outputsUnchanged(in: dir.path("out")))
  }
}
