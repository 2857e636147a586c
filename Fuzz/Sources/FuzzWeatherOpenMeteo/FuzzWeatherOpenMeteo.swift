import CFuzzDriver
import FuzzSupport
import LoaKit

// FuzzWeatherOpenMeteo: a Open-Meteo /v1/forecast (current + daily) response body through WeatherPayload.decode.
// Invariants: see FuzzSupport.WeatherFuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  WeatherFuzz.run(.openMeteo, data, size)
  return 0
}

@_cdecl("FuzzWeatherOpenMeteo_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
