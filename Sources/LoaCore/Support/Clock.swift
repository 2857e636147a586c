#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The source of "now". Only used to decide which articles are already published; never
/// written into an output file.
public protocol Clock: Sendable {
  /// Seconds since the Unix epoch.
  func now() -> Int64
}

/// The machine's clock.
public struct SystemClock: Clock {
  public init() {}
  public func now() -> Int64 { Int64(time(nil)) }
}

/// A clock stopped at one instant, for tests and for `--now`.
public struct FixedClock: Clock {
  public let instant: Int64
  public init(_ instant: Int64) { self.instant = instant }
  public func now() -> Int64 { instant }
}
