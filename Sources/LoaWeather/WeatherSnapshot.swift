import LoaCore

/// One validated reading from a source, normalised: SI units, UTC instants, our own condition enum.
///
/// Nothing in it is text from the HTTP body, so it can be rendered and saved safely.
public struct WeatherSnapshot: Sendable, Equatable {
  /// Conditions now.
  public struct Current: Sendable, Equatable {
    public var temperatureC: Double
    public var apparentTemperatureC: Double?
    public var humidityPercent: Double
    /// m/s.
    public var windSpeedMs: Double
    /// Direction the wind blows from, degrees; nil when the source gives none.
    public var windFromDegrees: Double?
    public var condition: WeatherCondition
    public var isDay: Bool

    public init(
      temperatureC: Double, apparentTemperatureC: Double?, humidityPercent: Double,
      windSpeedMs: Double, windFromDegrees: Double?, condition: WeatherCondition, isDay: Bool
    ) {
      self.temperatureC = temperatureC
      self.apparentTemperatureC = apparentTemperatureC
      self.humidityPercent = humidityPercent
      self.windSpeedMs = windSpeedMs
      self.windFromDegrees = windFromDegrees
      self.condition = condition
      self.isDay = isDay
    }
  }

  /// One local day of the outlook.
  public struct Day: Sendable, Equatable {
    /// Local date as days since 1970-01-01.
    public var day: Int64
    public var minC: Double
    public var maxC: Double
    public var condition: WeatherCondition
    public var precipitationProbabilityPercent: Double?

    public init(
      day: Int64, minC: Double, maxC: Double, condition: WeatherCondition,
      precipitationProbabilityPercent: Double?
    ) {
      self.day = day
      self.minC = minC
      self.maxC = maxC
      self.condition = condition
      self.precipitationProbabilityPercent = precipitationProbabilityPercent
    }
  }

  public var format: WeatherConfiguration.Format
  /// The source's own time for `current` (Open-Meteo `current.time`, OpenWeatherMap `dt`, the MET
  /// step used), UTC seconds.
  ///
  /// Ages are measured from it.
  public var observedAt: Int64
  public var current: Current
  /// Days after the day of `observedAt`, oldest first (possibly more than the outlook shows).
  public var daily: [Day]

  public init(
    format: WeatherConfiguration.Format, observedAt: Int64, current: Current, daily: [Day]
  ) {
    self.format = format
    self.observedAt = observedAt
    self.current = current
    self.daily = daily
  }
}
