import CFuzzDriver
import FuzzSupport
import LoaKit

// FuzzWeatherOpenWeatherMap: a OpenWeatherMap current weather 2.5 response body through WeatherPayload.decode.
// Invariants: see FuzzSupport.WeatherFuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  WeatherFuzz.run(.openWeatherMap, data, size)
  return 0
}

@_cdecl("FuzzWeatherOpenWeatherMap_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
