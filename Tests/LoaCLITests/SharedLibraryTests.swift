import Foundation
import LoaKit
import LoaTestSupport
import Testing

/// Issue 16: the shipped binary links neither corelibs Foundation (which brings CoreFoundation
/// and ICU's data: 37 MB of the static binary) nor the PostgreSQL, MariaDB and HTTP client
/// libraries, which are opened with dlopen only by the runs that need them (`SharedLibrary`).
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
      "libFoundationNetworking.so", "libpq.so", "libmariadb.so", "libcurl.so",
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
  ])
  func aClientLibraryThatCannotBeLoadedIsOneLineAndExit69(
    url: String, variable: String, package: String
  ) throws {
    let dir = try TemporaryDirectory("loa-dlopen")
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
}
