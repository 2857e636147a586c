import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Faults a feed publisher must survive without losing or corrupting a published file
/// (docs/RELIABILITY.md records the trials and outcomes).
@Suite(.serialized) struct ReliabilityTests {
  let dir = try! TemporaryDirectory("loa-rel")

  func loa(_ args: [String], database: String, output: String, env extra: [String: String] = [:])
    throws -> ProcessResult
  {
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    for (k, v) in extra { env[k] = v }
    return try Subprocess.run(
      try #require(LoaBinary.path),
      args + ["--config", ExamplePortal.configPath, "--database", database, "--output", output],
      environment: env)
  }

  /// Every published file under `path` (hidden files excluded) with its bytes.
  func files(_ path: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for p in try FileManager.default.subpathsOfDirectory(atPath: path) where !p.hasPrefix(".") && !p.contains("/.") {
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: path + "/" + p, isDirectory: &isDirectory)
      if !isDirectory.boolValue { result[p] = FileManager.default.contents(atPath: path + "/" + p) }
    }
    return result
  }

  func temporaryFiles(_ path: String) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: path).filter { $0.hasSuffix(".tmp") }
  }

  /// Two versions of the example: A as it is, B with every title changed.
  func makeVersions() throws -> (a: String, b: String) {
    try ExamplePortal.makeDatabase(at: dir.path("a.sqlite"))
    try ExamplePortal.makeDatabase(at: dir.path("b.sqlite"))
    try SQLiteFixture.execute(
      "UPDATE articles SET title = title || ' (bản B)', updated_at = '2026-11-28 08:00:00'; UPDATE categories SET description = description || ' B';",
      in: dir.path("b.sqlite"))
    return (dir.path("a.sqlite"), dir.path("b.sqlite"))
  }

  @Test func killedAtRandomMomentsEveryFileIsCompleteOldOrNew() throws {
    // An extra to TransactionTests' kill at every file operation: random moments, with no
    // assertion on where they land (a loaded machine makes runs slower or faster).
    let trials = Int(ProcessInfo.processInfo.environment["LOA_KILL_TRIALS"] ?? "") ?? 60
    let (a, b) = try makeVersions()
    let out = dir.path("out")
    #expect(try loa(["publish"], database: a, output: out).status == 0)
    let versionA = try files(out)
    #expect(try loa(["publish"], database: b, output: out).status == 0)
    let versionB = try files(out)
    #expect(versionA.keys.sorted() == versionB.keys.sorted())
    #expect(versionA.filter { versionB[$0.key] != $0.value }.count >= 30)

    let binary = try #require(LoaBinary.path)
    func launch(_ database: String) throws -> Process {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: binary)
      p.arguments = [
        "publish", "--force", "--config", ExamplePortal.configPath, "--database", database,
        "--output", out,
      ]
      var env = ProcessInfo.processInfo.environment
      env["STATE_DIRECTORY"] = dir.path("state")
      p.environment = env
      p.standardError = FileHandle.nullDevice
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      return p
    }
    // How long a trial's run takes, timed exactly as the trials launch it (warm cleaning
    // cache, --force): the median of five, ending on version A as the first trial expects.
    var times: [TimeInterval] = []
    for i in 0..<5 {
      let started = Date()
      let p = try launch(i % 2 == 0 ? a : b)
      p.waitUntilExit()
      times.append(Date().timeIntervalSince(started))
      #expect(p.terminationStatus == 0)
    }
    let runTime = times.sorted()[2]

    var random = SystemRandomNumberGenerator()
    var mixed = 0
    var killedBeforeEnd = 0
    for trial in 0..<trials {
      let database = trial % 2 == 0 ? a : b
      let p = try launch(database)
      // Anywhere from start-up to a little after a whole run.
      usleep(UInt32(Double.random(in: 0...(runTime * 1.1), using: &random) * 1_000_000))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      if p.terminationReason == .uncaughtSignal { killedBeforeEnd += 1 }
      let now = try files(out)
      #expect(now.keys.sorted() == versionA.keys.sorted(), "trial \(trial): a file is missing")
      var sawA = false
      var sawB = false
      for (path, data) in now {
        if data == versionA[path] { sawA = true } else if data == versionB[path] { sawB = true } else {
          Issue.record("trial \(trial): \(path) is neither the old nor the new version")
        }
      }
      if sawA && sawB { mixed += 1 }
      // The next run succeeds (no stale lock; abandoned temporary files are swept) and
      // publishes the complete version of its database.
      let next = try loa(["publish"], database: database, output: out)
      #expect(next.status == 0, "trial \(trial): \(next.stderr)")
      #expect(try files(out) == (trial % 2 == 0 ? versionA : versionB), "trial \(trial)")
      #expect(try temporaryFiles(out).isEmpty, "trial \(trial)")
    }
    let final = try loa(["publish", "--force"], database: a, output: out)
    #expect(final.status == 0)
    #expect(try files(out) == versionA)
    #expect(try temporaryFiles(out).isEmpty)
    try record(
      "kill -9", "\(trials) trials (kill at a random moment of a \(Int(runTime * 1000)) ms run), \(killedBeforeEnd) killed before the run ended, \(mixed) left a mix of old and new files; every file complete old or new after every kill; the run after each kill exited 0 and published its complete version, with no temporary file left")
  }

  /// A run killed while writing the weather box (after the feeds) leaves temporary files
  /// although every feed is current: the next run, a no-op for the feeds, still sweeps them,
  /// and keeps the temporary file of a process that is still alive.
  @Test func aNoOpRunSweepsTemporaryFilesOfAKilledRun() throws {
    let (a, _) = try makeVersions()
    let out = dir.path("sweep")
    #expect(try loa(["publish"], database: a, output: out).status == 0)
    let published = try files(out)
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    let abandoned = [".weather.html.loa-\(gone.processIdentifier).tmp", "thoi-su/.rss.xml.loa-\(gone.processIdentifier).tmp"]
    let alive = ".weather.json.loa-\(getpid()).tmp"
    for name in abandoned + [alive] {
      #expect(FileManager.default.createFile(atPath: out + "/" + name, contents: Data("partial".utf8)))
    }
    let r = try loa(["publish", "-v"], database: a, output: out)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("nothing changed; 0 files written"), "\(r.stderr)")
    #expect(try temporaryFiles(out).sorted() == [alive])
    #expect(try files(out) == published)
    try FileManager.default.removeItem(atPath: out + "/" + alive)
  }

  /// A tmpfs of `size` bytes at `path`, or nil where this machine does not allow mounting.
  func mountTmpfs(_ path: String, size: Int) -> Bool {
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    guard let r = try? Subprocess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]),
      r.status == 0
    else { return false }
    return true
  }

  func unmount(_ path: String) { _ = try? Subprocess.run("/bin/umount", [path]) }

  @Test func aFullDiskKeepsThePublishedFiles() throws {
    let (a, b) = try makeVersions()
    let out = dir.path("small")
    // Room for one copy of the feeds (1.7 MiB with their monthly archives) but not for a
    // second one next to it.
    let mounted = mountTmpfs(out, size: 3 * 1024 * 1024)
    defer { if mounted { unmount(out) } }
    #expect(try loa(["publish"], database: a, output: out).status == 0)
    let before = try files(out)
    let r: ProcessResult
    if mounted {
      // Fill what is left, so the new version cannot be staged.
      _ = try? Subprocess.run("/bin/dd", ["if=/dev/zero", "of=\(out)/.filler", "bs=4096", "count=100000"])
      r = try loa(["publish"], database: b, output: out)
      try? FileManager.default.removeItem(atPath: out + "/.filler")
    } else {
      r = try loa(["publish"], database: b, output: out, env: ["LOA_TEST_FAIL_WRITE": "\(ENOSPC):3"])
    }
    #expect(r.status == 74, "\(r.stderr)")
    #expect(r.stderr.hasPrefix("loa: error: cannot write "), "\(r.stderr)")
    #expect(r.stderr.contains("ENOSPC"))
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(try files(out) == before, "the published files must be untouched")
    #expect(try temporaryFiles(out).isEmpty, "partial temporary files must be removed")
    try record(
      "disk full", (mounted ? "tmpfs of 3 MiB filled up" : "injected ENOSPC on the 3rd write")
        + ": exit 74, one line naming the file and ENOSPC, published files byte-identical, no temporary file left")
  }

  @Test func aReadOnlyOutputKeepsThePublishedFiles() throws {
    let (a, b) = try makeVersions()
    let out = dir.path("ro")
    let mounted = mountTmpfs(out, size: 4 * 1024 * 1024)
    defer { if mounted { unmount(out) } }
    #expect(try loa(["publish"], database: a, output: out).status == 0)
    let before = try files(out)
    let r: ProcessResult
    if mounted, (try? Subprocess.run("/bin/mount", ["-o", "remount,ro", out]))?.status == 0 {
      r = try loa(["publish"], database: b, output: out)
      #expect(r.stderr.contains("EROFS"), "\(r.stderr)")
    } else {
      r = try loa(["publish"], database: b, output: out, env: ["LOA_TEST_FAIL_WRITE": "\(EACCES):1"])
    }
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(try files(out) == before)
    try record("output not writable", "read-only mount (or injected EACCES): exit 73, one line, published files untouched")
  }

  @Test func aDatabaseLockedByAWriterFailsAfterABoundedWait() throws {
    try ExamplePortal.makeDatabase(at: dir.path("locked.sqlite"))
    // A writer holding an exclusive lock, as a CMS in the middle of a long save would.
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    writer.arguments = [dir.path("locked.sqlite")]
    let input = Pipe()
    let output = Pipe()
    writer.standardInput = input
    writer.standardOutput = output
    try writer.run()
    defer {
      try? input.fileHandleForWriting.close()
      writer.terminate()
      writer.waitUntilExit()
    }
    // The writer says when it holds the lock; no sleep that a loaded machine could outlast.
    input.fileHandleForWriting.write(
      Data("BEGIN EXCLUSIVE;\nUPDATE articles SET title = title WHERE id = 1;\nSELECT 'locked';\n".utf8))
    var said = Data()
    while !String(decoding: said, as: UTF8.self).contains("locked") {
      let chunk = output.fileHandleForReading.availableData
      try #require(!chunk.isEmpty, "sqlite3 ended before taking the lock")
      said.append(chunk)
    }
    let config = try String(contentsOfFile: ExamplePortal.configPath, encoding: .utf8)
      .replacingOccurrences(of: "\"url\": \"sqlite:bai-chay.sqlite\"", with: "\"url\": \"sqlite:bai-chay.sqlite\", \"busyTimeoutSeconds\": 1")
    try config.write(toFile: dir.path("busy.json"), atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    let started = HangGuard.now()
    let r = try Subprocess.run(
      try #require(LoaBinary.path),
      ["publish", "--config", dir.path("busy.json"), "--database", dir.path("locked.sqlite"), "--output", dir.path("out-locked")],
      environment: env, hangGuardSeconds: HangGuard.seconds(expecting: 1))
    let waited = HangGuard.now() - started
    // The writer never lets go, so a run that waited without bound is ended by the hang guard.
    #expect(!r.killedByHangGuard, "the run was still waiting for the lock")
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.contains("is locked by another process"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    // It did wait for the writer first: a lower bound, which a slower machine only makes
    // easier to meet (monotonic clock).
    #expect(waited >= 0.9, "waited \(waited) s")
    try record("database locked by a writer", "busyTimeoutSeconds 1: exit 69 after \(String(format: "%.1f", waited)) s, one line")
  }

  @Test(arguments: ["1970-01-02T00:00:00Z", "2150-06-01T00:00:00Z"])
  func aClockFarOffIsReported(now: String) throws {
    try ExamplePortal.makeDatabase(at: dir.path("clock.sqlite"))
    let r = try loa(["publish", "--now", now], database: dir.path("clock.sqlite"), output: dir.path("out-clock"))
    #expect(r.status == 0)
    #expect(r.stderr.contains("[validate] clock: "), "\(r.stderr)")
    #expect(r.stderr.contains("is the clock right?"))
  }

  /// Appends a line to the trial log the reliability doc is written from.
  func record(_ fault: String, _ outcome: String) throws {
    try ReliabilityLog.record(fault, outcome)
  }

}
