// swift-tools-version: 6.0
// libFuzzer targets for loa (issue 8). A separate package, so fuzz targets never break the
// main build. Build and run with ./run.sh (see README.md).
import PackageDescription

/// One executable per fuzz target. libFuzzer provides `main`; each target only defines
/// `LLVMFuzzerTestOneInput`, so its single file is compiled as a library file.
func fuzzTarget(_ name: String) -> Target {
  .executableTarget(
    name: name,
    dependencies: ["FuzzSupport", "CFuzzDriver", .product(name: "LoaKit", package: "loa")],
    swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
  name: "loa-fuzz",
  dependencies: [.package(name: "loa", path: "..")],
  targets: [
    .target(name: "CFuzzDriver"),
    // The oracles read back with libxml2 functions loa itself does not call.
    .target(
      name: "FuzzSupport", dependencies: [.product(name: "LoaKit", package: "loa")],
      linkerSettings: [.linkedLibrary("xml2")]),
    fuzzTarget("FuzzCleaning"),
    fuzzTarget("FuzzHTMLSanitizer"),
    fuzzTarget("FuzzDateParser"),
    fuzzTarget("FuzzWeatherOpenMeteo"),
    fuzzTarget("FuzzWeatherMETNorway"),
    fuzzTarget("FuzzWeatherOpenWeatherMap"),
    fuzzTarget("FuzzConfiguration"),
    fuzzTarget("FuzzConnectionString"),
    fuzzTarget("FuzzCategoryTree"),
    fuzzTarget("FuzzAtomCheck"),
    fuzzTarget("FuzzHTMLSinglePass"),
  ],
  swiftLanguageModes: [.v6]
)
