// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "loa",
  products: [
    .executable(name: "loa", targets: ["LoaCLI"]),
    .library(
      name: "LoaKit", targets: ["LoaKit", "LoaCore", "LoaXML", "LoaStore", "LoaWeather"]),
    .executable(name: "loa-bench", targets: ["LoaBench"]),
  ],
  targets: [
    // libxml2 (headers from libxml2-dev): its functions as stubs that load it on first use
    // (x86-64 Linux; Sources/CLibXML2/lazy.S), so a run that writes no XML never maps it, ICU
    // and liblzma (issue 16). Not linked: targets that call more of it than loa link it.
    .target(name: "CLibXML2"),
    // libsqlite3, libpq, libmariadb and libcurl: headers only (no pkgConfig, so no -l flags).
    // They are opened with dlopen when a run needs them (LibSQLite3, LibPQ, LibMariaDB,
    // LibCurl), not linked.
    .systemLibrary(name: "CSQLite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
    .systemLibrary(name: "CMariaDB", providers: [.apt(["libmariadb-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    // Layers (docs/architecture.md): a target imports only the ones listed before it.
    .systemLibrary(name: "CSystem", path: "Sources/CSystem"),
    .target(name: "LoaCore", dependencies: ["CZlib", "CCurl", "CSystem"]),
    .target(name: "LoaXML", dependencies: ["LoaCore", "CLibXML2"]),
    .target(name: "LoaStore", dependencies: ["LoaCore", "CSQLite3", "CLibPQ", "CMariaDB"]),
    .target(name: "LoaWeather", dependencies: ["LoaCore", "LoaXML"]),
    .target(
      name: "LoaKit",
      dependencies: ["LoaCore", "LoaXML", "LoaStore", "LoaWeather", "CLibXML2", "CZlib"]),
    .executableTarget(name: "LoaCLI", dependencies: ["LoaKit", "LoaCore"]),
    .executableTarget(
      name: "LoaBench",
      dependencies: ["LoaKit", "LoaCore", "LoaXML", "LoaStore", "CSQLite3", "CLibPQ", "CLibXML2"],
      path: "Benchmarks/LoaBench",
      // loa opens libsqlite3 with dlopen (LibSQLite3); the bench's corpus writer calls it
      // directly, and the C program's twin calls more of libxml2 than loa's stubs cover.
      linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("xml2")]),
    .target(
      name: "LoaTestSupport",
      dependencies: [
        "LoaKit", "LoaCore", "LoaXML", "LoaStore", "LoaWeather", "CLibXML2", "CSQLite3", "CLibPQ",
        "CMariaDB", "CZlib",
      ],
      // Tests call libxml2 functions loa does not (their readers and reference writers).
      linkerSettings: [.linkedLibrary("xml2")]),
    .testTarget(
      name: "LoaKitTests",
      dependencies: [
        "LoaKit", "LoaCore", "LoaXML", "LoaStore", "LoaWeather", "LoaTestSupport", "CLibXML2",
        "CSQLite3",
      ],
      exclude: ["Golden", "Fixtures"]),
    .testTarget(
      name: "LoaCLITests",
      dependencies: ["LoaKit", "LoaCore", "LoaXML", "LoaStore", "LoaWeather", "LoaTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
