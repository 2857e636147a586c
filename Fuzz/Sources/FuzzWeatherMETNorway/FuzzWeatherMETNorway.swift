import CFuzzDriver
import FuzzSupport
import LoaKit

// FuzzWeatherMETNorway: a MET Norway Locationforecast 2.0 compact response body through WeatherPayload.decode.
// Invariants: see FuzzSupport.WeatherFuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  WeatherFuzz.run(.metNorway, data, size)
  return 0
}

@_cdecl("FuzzWeatherMETNorway_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
