// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "loa",
  products: [
    .executable(name: "loa", targets: ["LoaCLI"]),
    .library(name: "LoaKit", targets: ["LoaKit"]),
    .executable(name: "loa-bench", targets: ["LoaBench"]),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .target(name: "LoaKit", dependencies: ["CLibXML2", "CSQLite3", "CLibPQ", "CZlib", "CCurl"]),
    .executableTarget(name: "LoaCLI", dependencies: ["LoaKit"]),
    .executableTarget(
      name: "LoaBench", dependencies: ["LoaKit", "CSQLite3", "CLibPQ", "CLibXML2"],
      path: "Benchmarks/LoaBench"),
    .target(
      name: "LoaTestSupport", dependencies: ["LoaKit", "CLibXML2", "CSQLite3", "CLibPQ", "CZlib"]),
    .testTarget(
      name: "LoaKitTests", dependencies: ["LoaKit", "LoaTestSupport", "CLibXML2", "CSQLite3"],
      exclude: ["Golden", "Fixtures"]),
    .testTarget(name: "LoaCLITests", dependencies: ["LoaKit", "LoaTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
