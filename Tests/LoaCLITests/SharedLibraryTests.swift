import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Issue 16: the shipped binary links neither corelibs Foundation (which brings CoreFoundation
/// and ICU's data: 37 MB of the static binary) nor the SQLite, PostgreSQL, MariaDB and HTTP
/// client libraries, which are opened with dlopen only by the runs that need them
/// (`SharedLibrary`; a run where nothing changed opens no database).
@Suite struct SharedLibraryTests {
  /// The targets built into `loa` (not the tests, LoaTestSupport or LoaBench).
  static let shippedTargets = ["LoaCore", "LoaXML", "LoaStore", "LoaWeather", "LoaKit", "LoaCLI"]

  /// The `DT_NEEDED` entries of the `loa` binary the tests run, from `readelf -d`.
  static func neededLibraries() throws -> [String] {
    let r = try Subprocess.run("/usr/bin/readelf", ["-d", try #require(LoaBinary.path)])
    #expect(r.status == 0, "\(r.stderr)")
    // 0x0000000000000001 (NEEDED)             Shared library: [libc.so.6]
    return r.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line in
      guard let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]") else {
        return nil
      }
      return String(line[line.index(after: open)..<close])
    }
  }

  @Test func noShippedTargetImportsCorelibsFoundation() throws {
    var offenders: [String] = []
    for target in Self.shippedTargets {
      let folder = PackagePaths.path("Sources/" + target)
      let files = try #require(FileManager.default.enumerator(atPath: folder))
      for case let file as String in files where file.hasSuffix(".swift") {
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        for line in text.split(separator: "\n") {
          let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
          guard words.first == "import", words.count >= 2 else { continue }
          let module = words[1]
          if module.hasPrefix("Foundation") && module != "FoundationEssentials" {
            offenders.append("\(target)/\(file): \(line)")
          }
        }
      }
    }
    #expect(offenders.isEmpty, "import FoundationEssentials instead: \(offenders)")
  }

  @Test func theBinaryNeedsNeitherFoundationNorTheClientLibraries() throws {
    let needed = try Self.neededLibraries()
    #expect(needed.contains { $0.hasPrefix("libc.so") }, "readelf output not understood: \(needed)")
    for library in [
      "libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so",
      "libFoundationNetworking.so", "libpq.so", "libmariadb.so", "libcurl.so", "libsqlite3.so",
      // Loaded on first use by Sources/CLibXML2's stubs; with it, ICU and liblzma.
      "libxml2.so", "libicuuc.so",
    ] {
      #expect(!needed.contains { $0.hasPrefix(library) }, "\(library) in \(needed)")
    }
  }

  /// A run whose database needs a library that cannot be loaded: exit 69 and one line naming
  /// the library and the package to install (a debug-build hook replaces the soname).
  @Test(arguments: [
    ("postgresql://loa@127.0.0.1:1/portal", "LOA_TEST_DLOPEN_PQ", "libpq5"),
    ("host=127.0.0.1 port=1 dbname=portal", "LOA_TEST_DLOPEN_PQ", "libpq5"),
    ("mysql://loa@127.0.0.1:1/portal", "LOA_TEST_DLOPEN_MARIADB", "libmariadb3"),
    // An empty file is an empty SQLite database: only the library stands in the way.
    ("sqlite:$DIR/portal.sqlite", "LOA_TEST_DLOPEN_SQLITE3", "libsqlite3-0"),
  ])
  func aClientLibraryThatCannotBeLoadedIsOneLineAndExit69(
    url: String, variable: String, package: String
  ) throws {
    let dir = try TemporaryDirectory("loa-dlopen")
    #expect(FileManager.default.createFile(atPath: dir.path("portal.sqlite"), contents: Data()))
    let url = url.replacingOccurrences(of: "$DIR", with: dir.path)
    try """
    {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
     "database": {"url": "\(url)"},
     "output": {"directory": "out", "baseURL": "/f/"}}
    """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    env[variable] = "libloa-test-missing.so.0"
    let r = try Subprocess.run(
      try #require(LoaBinary.path), ["publish", "--config", dir.path("c.json")], environment: env,
      hangGuardSeconds: 120)
    #expect(r.status == 69, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(r.stderr.contains("cannot load libloa-test-missing.so.0"), "\(r.stderr)")
    #expect(r.stderr.contains("install the \(package) package"), "\(r.stderr)")
  }

  /// The example portal's database in a fresh folder, and a `loa publish -v` of it with the
  /// given extra environment variables.
  static func examplePortal(_ label: String) throws -> (
    TemporaryDirectory, ([String: String]) throws -> ProcessResult
  ) {
    let dir = try TemporaryDirectory(label)
    try ExamplePortal.makeDatabase(at: dir.path("db.sqlite"))
    try """
    {"version": 1, "site": {"title": "T", "url": "https://x.example.org/"},
     "database": {"url": "sqlite:\(dir.path("db.sqlite"))"},
     "output": {"directory": "\(dir.path("out"))", "baseURL": "/f/"}}
    """.write(toFile: dir.path("c.json"), atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    env["STATE_DIRECTORY"] = dir.path("state")
    env.removeValue(forKey: "LOA_DATABASE_URL")
    let binary = try #require(LoaBinary.path)
    return (dir, { extra in
      try Subprocess.run(
        binary,
        ["publish", "-v", "--config", dir.path("c.json"), "--now", "2026-11-30T09:00:00+07:00"],
        environment: env.merging(extra) { $1 }, hangGuardSeconds: 120)
    })
  }

  /// A run where nothing changed takes a SQLite file's change token from `stat` alone: it
  /// neither loads libsqlite3 nor opens the database (Benchmarks/analysis.md, "The no-op, round
  /// three"). With the library made unloadable the no-op still succeeds; once the database
  /// changes, the run needs it and says so (exit 69).
  @Test func aRunWhereNothingChangedLoadsNoSQLite() throws {
    let (dir, publish) = try Self.examplePortal("loa-noop-dlopen")
    let first = try publish([:])
    #expect(first.status == 0, "\(first.stderr)")
    let missing = ["LOA_TEST_DLOPEN_SQLITE3": "libloa-test-missing.so.0"]
    let unchanged = try publish(missing)
    #expect(unchanged.status == 0, "\(unchanged.stderr)")
    #expect(unchanged.stderr.contains("nothing changed"), "\(unchanged.stderr)")
    try SQLiteFixture.execute("PRAGMA user_version = 7", in: dir.path("db.sqlite"))
    let changed = try publish(missing)
    #expect(changed.status == 69, "\(changed.stderr)")
    #expect(changed.stderr.contains("install the libsqlite3-0 package"), "\(changed.stderr)")
  }

  /// libxml2 is loaded by the stubs in Sources/CLibXML2 on the first call into it: a run where
  /// nothing changed writes no XML and never loads it (nor ICU and liblzma, which it brings),
  /// so it still succeeds when the library cannot be loaded; a run that writes feeds needs it
  /// and stops with the same line and status as for a database library.
  @Test func aRunWhereNothingChangedLoadsNoLibxml2() throws {
    let (dir, publish) = try Self.examplePortal("loa-noop-xml2")
    // The dynamic linker's own account of what it loads (ld.so(8), LD_DEBUG=files).
    let first = try publish(["LD_DEBUG": "files"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("libxml2.so.2"), "a run that writes feeds loads libxml2")
    let feed = try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8)
    let unchanged = try publish(["LD_DEBUG": "files"])
    #expect(unchanged.status == 0, "\(unchanged.stderr)")
    #expect(unchanged.stderr.contains("nothing changed"), "\(unchanged.stderr)")
    #expect(!unchanged.stderr.contains("libxml2"), "\(unchanged.stderr)")
    #expect(!unchanged.stderr.contains("libicuuc"), "\(unchanged.stderr)")
    let missing = ["LOA_TEST_DLOPEN_XML2": "libloa-test-missing.so.0"]
    #expect(try publish(missing).status == 0)
    try SQLiteFixture.execute("PRAGMA user_version = 7", in: dir.path("db.sqlite"))
    let changed = try publish(missing)
    #expect(changed.status == 69, "\(changed.stderr)")
    #expect(
      changed.stderr.contains(
        "loa: cannot load libloa-test-missing.so.0 (install the libxml2 package)"),
      "\(changed.stderr)")
    #expect(try String(contentsOfFile: dir.path("out/rss.xml"), encoding: .utf8) == feed)
  }
}
