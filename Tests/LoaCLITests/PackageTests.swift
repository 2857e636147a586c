import Foundation
import LoaCore
import LoaTestSupport
import Testing

/// `Scripts/package-deb.sh`: the .deb's control data and files, the binary and units it
/// installs. The package is built before `swift test` (a release build in the same `.build`,
/// which SwiftPM locks while tests run): Scripts/test.sh runs the script and passes the .deb
/// in LOA_TEST_PACKAGE_DEB (its later Scripts/run-example.sh reuses that release build). With LOA_TEST_PACKAGE_INSTALL=1, as
/// root, the package is really installed with dpkg -i and removed again.
@Suite struct PackageTests {
  static let environment = ProcessInfo.processInfo.environment
  static let deb = environment["LOA_TEST_PACKAGE_DEB"]
  static let enabled = deb != nil

  func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
    let r = try Subprocess.run(executable, arguments, hangGuardSeconds: 3600)
    #expect(r.status == 0, "\(executable) \(arguments.joined(separator: " ")): \(r.stderr)")
    return r
  }

  /// `systemd-analyze verify` on the units, when systemd-analyze is installed.
  func verifyUnits(_ units: [String]) throws {
    let analyze = "/usr/bin/systemd-analyze"
    guard FileManager.default.isExecutableFile(atPath: analyze) else { return }
    _ = try run(analyze, ["verify", "--man=no"] + units)
  }

  @Test(.enabled(if: enabled)) func buildsADebThatInstallsLoaItsUnitsAndAConffile() throws {
    let dir = try TemporaryDirectory("loa-deb")
    let deb = try #require(Self.deb)
    #expect(
      deb.hasSuffix(
        "/loa_\(LoaVersion.current)_\(try run("/usr/bin/dpkg", ["--print-architecture"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)).deb"
      ))

    let info = try run("/usr/bin/dpkg-deb", ["--info", deb]).stdout
    #expect(info.contains("Package: loa"))
    #expect(info.contains("Version: \(LoaVersion.current)"))
    let depends = try #require(info.split(separator: "\n").first { $0.contains("Depends:") })
    for library in ["libxml2", "libsqlite3-0", "zlib1g", "adduser", "tzdata"] {
      #expect(depends.contains(library), "\(depends)")
    }
    // Opened with dlopen only by the runs that need them (SharedLibrary): recommended.
    let recommends = try #require(
      info.split(separator: "\n").first { $0.contains("Recommends:") })
    for library in ["libpq5", "libmariadb3", "libcurl4"] {
      #expect(recommends.contains(library), "\(recommends)")
      #expect(!depends.contains(library), "\(depends)")
    }
    #expect(!depends.contains("swift"), "the Swift standard library is linked in: \(depends)")
    for script in ["conffiles", "postinst", "postrm", "prerm"] { #expect(info.contains(script)) }
    #expect(
      try run("/usr/bin/dpkg-deb", ["--info", deb, "conffiles"]).stdout == "/etc/loa/portal.json\n")

    let contents = try run("/usr/bin/dpkg-deb", ["--contents", deb]).stdout
    for path in [
      "./usr/bin/loa", "./lib/systemd/system/loa.service", "./lib/systemd/system/loa.timer",
      "./etc/loa/portal.json", "./usr/share/doc/loa/copyright", "./usr/share/doc/loa/changelog.gz",
      "./usr/share/doc/loa/README.md", "./usr/share/doc/loa/operations.md",
      "./usr/share/doc/loa/examples/nginx-feeds.conf", "./usr/share/man/man1/loa.1.gz",
      "./usr/share/bash-completion/completions/loa", "./usr/share/zsh/vendor-completions/_loa",
      "./lib/systemd/system/loa-shard@.service", "./lib/systemd/system/loa-shard@.timer",
      "./usr/share/doc/loa/multisite.md", "./usr/share/doc/loa/examples/k8s-cronjob.yaml",
      "./usr/share/doc/loa/examples/nginx-platform.conf",
    ] {
      #expect(contents.contains(" \(path)\n"), "\(path) missing")
    }
    #expect(contents.contains("root/root"))

    // A throwaway root: the files as dpkg unpacks them, the binary runs without a toolchain
    // path, the units verify against it.
    let root = dir.path("root")
    _ = try run("/usr/bin/dpkg-deb", ["-x", deb, root])
    let version = try run(root + "/usr/bin/loa", ["--version"])
    #expect(version.stdout == "loa \(LoaVersion.current)\n")
    let service = try String(
      contentsOfFile: root + "/lib/systemd/system/loa.service", encoding: .utf8)
    #expect(service.contains("ExecStart=/usr/bin/loa publish --config /etc/loa/portal.json"))
    #expect(!service.contains("/usr/local"))
    try FileManager.default.createDirectory(
      atPath: dir.path("units"), withIntermediateDirectories: true)
    try service.replacingOccurrences(
      of: "ExecStart=/usr/bin/loa", with: "ExecStart=\(root)/usr/bin/loa"
    )
    .write(toFile: dir.path("units/loa.service"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: root + "/lib/systemd/system/loa.timer", toPath: dir.path("units/loa.timer"))
    try verifyUnits([dir.path("units/loa.service"), dir.path("units/loa.timer")])
    // The shard templates of a province platform, verified as instance 1.
    let shard = try String(
      contentsOfFile: root + "/lib/systemd/system/loa-shard@.service", encoding: .utf8)
    #expect(shard.contains("ExecStart=/usr/bin/loa publish --config /etc/loa/platform.json --shard %i/"))
    #expect(!shard.contains("/usr/local"))
    try shard.replacingOccurrences(of: "ExecStart=/usr/bin/loa", with: "ExecStart=\(root)/usr/bin/loa")
      .write(toFile: dir.path("units/loa-shard@.service"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: root + "/lib/systemd/system/loa-shard@.timer", toPath: dir.path("units/loa-shard@.timer"))
    try verifyUnits([dir.path("units/loa-shard@1.service"), dir.path("units/loa-shard@1.timer")])

    guard Self.environment["LOA_TEST_PACKAGE_INSTALL"] == "1", getuid() == 0 else { return }
    _ = try run("/usr/bin/dpkg", ["-i", deb])
    defer { _ = try? run("/usr/bin/dpkg", ["--purge", "loa"]) }
    #expect(try run("/usr/bin/loa", ["--version"]).stdout == "loa \(LoaVersion.current)\n")
    #expect(try run("/usr/bin/getent", ["passwd", "loa"]).stdout.hasPrefix("loa:"))
    #expect(FileManager.default.fileExists(atPath: "/var/lib/loa"))
    try verifyUnits(["/lib/systemd/system/loa.service", "/lib/systemd/system/loa.timer"])
  }
}
