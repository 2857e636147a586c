import LoaCore

/// The weather condition, in one vocabulary for every source (notes/weather.md §2).
///
/// Open-Meteo's WMO codes, OpenWeatherMap's ids and MET Norway's symbol codes all map here, and the
/// Vietnamese text is rendered from this enum only: a source's own free text is never shown
/// (OpenWeatherMap's Vietnamese is machine-translated).
///
/// The cases are as fine as the distinct wordings in the tables; ``category`` groups them into
/// the coarser set used for icons, CSS classes and the JSON `condition` field.
public enum WeatherCondition: String, Sendable, CaseIterable {
  case clear, mostlyClear, partlyCloudy, overcast
  case fog, mist, rimeFog
  case drizzleLight, drizzle, drizzleDense
  case freezingDrizzleLight, freezingDrizzle, freezingRainLight, freezingRain
  case rainLight, rain, rainHeavy, rainVeryHeavy
  case showersLight, showers, showersHeavy
  case snowLight, snow, snowHeavy, snowGrains, sleetLight, sleet
  case thunderstorm, thunderstormDry, thunderstormHail, thunderstormHeavyHail
  case haze, smoke, dust, sand, ash, squalls, tornado

  /// The icon and styling group (the "internal category" column of notes §2).
  public enum Category: String, Sendable, CaseIterable {
    case clear, mostlyClear, partlyCloudy, overcast, fog, drizzle, freezing
    case rainLight, rain, rainHeavy, showersLight, showers, showersHeavy, snow
    case thunderstorm, thunderstormHail, haze, windy
  }

  public var category: Category {
    switch self {
    case .clear: return .clear
    case .mostlyClear: return .mostlyClear
    case .partlyCloudy: return .partlyCloudy
    case .overcast: return .overcast
    case .fog, .mist, .rimeFog: return .fog
    case .drizzleLight, .drizzle, .drizzleDense: return .drizzle
    case .freezingDrizzleLight, .freezingDrizzle, .freezingRainLight, .freezingRain:
      return .freezing
    case .rainLight: return .rainLight
    case .rain: return .rain
    case .rainHeavy, .rainVeryHeavy: return .rainHeavy
    case .showersLight: return .showersLight
    case .showers: return .showers
    case .showersHeavy: return .showersHeavy
    case .snowLight, .snow, .snowHeavy, .snowGrains, .sleetLight, .sleet: return .snow
    case .thunderstorm, .thunderstormDry: return .thunderstorm
    case .thunderstormHail, .thunderstormHeavyHail: return .thunderstormHail
    case .haze, .smoke, .dust, .sand, .ash: return .haze
    case .squalls, .tornado: return .windy
    }
  }

  /// The Vietnamese text, in KTTV's wording ("dông", "mưa nhỏ").
  ///
  /// "Nắng" only by day: at night a clear sky is "Trời quang".
  public func text(isDay: Bool) -> String {
    switch self {
    case .clear: return isDay ? "Trời nắng" : "Trời quang"
    case .mostlyClear: return isDay ? "Ít mây, trời nắng" : "Ít mây"
    case .partlyCloudy: return isDay ? "Mây thay đổi, trời nắng" : "Mây thay đổi"
    case .overcast: return "Nhiều mây"
    case .fog: return "Sương mù"
    case .mist: return "Có sương mù nhẹ"
    case .rimeFog: return "Sương mù, có sương muối"
    case .drizzleLight: return "Mưa phùn nhẹ"
    case .drizzle: return "Có mưa phùn"
    case .drizzleDense: return "Mưa phùn dày hạt"
    case .freezingDrizzleLight: return "Mưa phùn băng giá nhẹ"
    case .freezingDrizzle: return "Mưa phùn băng giá"
    case .freezingRainLight: return "Mưa băng giá nhẹ"
    case .freezingRain: return "Mưa băng giá"
    case .rainLight: return "Mưa nhỏ"
    case .rain: return "Mưa vừa"
    case .rainHeavy: return "Mưa to"
    case .rainVeryHeavy: return "Mưa rất to"
    case .showersLight: return "Mưa rào nhẹ"
    case .showers: return "Có mưa rào"
    case .showersHeavy: return "Mưa rào rất to"
    case .snowLight: return "Tuyết rơi nhẹ"
    case .snow: return "Có tuyết rơi"
    case .snowHeavy: return "Tuyết rơi dày"
    case .snowGrains: return "Mưa tuyết hạt"
    case .sleetLight: return "Mưa tuyết nhẹ"
    case .sleet: return "Mưa tuyết"
    case .thunderstorm: return "Có mưa rào và dông"
    case .thunderstormDry: return "Có dông"
    case .thunderstormHail: return "Dông kèm mưa đá"
    case .thunderstormHeavyHail: return "Dông mạnh kèm mưa đá"
    case .haze: return "Mù khô"
    case .smoke: return "Khói mù"
    case .dust: return "Bụi"
    case .sand: return "Cát bụi"
    case .ash: return "Tro bụi núi lửa"
    case .squalls: return "Gió giật mạnh"
    case .tornado: return "Lốc xoáy"
    }
  }

  /// How severe, for picking one condition for a day out of several periods (MET Norway has
  /// no daily code; Open-Meteo's daily code is "the most severe condition of the day").
  var severity: Int {
    switch category {
    case .clear: return 0
    case .mostlyClear: return 1
    case .partlyCloudy: return 2
    case .overcast: return 3
    case .haze: return 4
    case .fog: return 5
    case .drizzle: return 6
    case .rainLight: return 7
    case .showersLight: return 8
    case .rain: return 9
    case .showers: return 10
    case .snow: return 11
    case .freezing: return 12
    case .rainHeavy: return 13
    case .showersHeavy: return 14
    case .windy: return 15
    case .thunderstorm: return 16
    case .thunderstormHail: return 17
    }
  }

  /// A WMO weather interpretation code (Open-Meteo `weather_code`), notes §2.1.
  ///
  /// - Returns: the condition, and whether the code was unknown and mapped by its decade
  ///   (5x drizzle, 6x rain, 7x snow, 8x showers, 9x thunderstorm); nil for a code that
  ///   fits no decade.
  public static func wmo(_ code: Int) -> (condition: WeatherCondition, approximate: Bool)? {
    switch code {
    case 0: return (.clear, false)
    case 1: return (.mostlyClear, false)
    case 2: return (.partlyCloudy, false)
    case 3: return (.overcast, false)
    case 45: return (.fog, false)
    case 48: return (.rimeFog, false)
    case 51: return (.drizzleLight, false)
    case 53: return (.drizzle, false)
    case 55: return (.drizzleDense, false)
    case 56: return (.freezingDrizzleLight, false)
    case 57: return (.freezingDrizzle, false)
    case 61: return (.rainLight, false)
    case 63: return (.rain, false)
    case 65: return (.rainHeavy, false)
    case 66: return (.freezingRainLight, false)
    case 67: return (.freezingRain, false)
    case 71: return (.snowLight, false)
    case 73: return (.snow, false)
    case 75: return (.snowHeavy, false)
    case 77: return (.snowGrains, false)
    case 80: return (.showersLight, false)
    case 81: return (.showers, false)
    case 82: return (.showersHeavy, false)
    case 85: return (.sleetLight, false)
    case 86: return (.sleet, false)
    case 95: return (.thunderstorm, false)
    case 96: return (.thunderstormHail, false)
    case 99: return (.thunderstormHeavyHail, false)
    case 50...59: return (.drizzle, true)
    case 60...69: return (.rain, true)
    case 70...79: return (.snow, true)
    case 80...89: return (.showers, true)
    case 90...99: return (.thunderstorm, true)
    default: return nil
    }
  }

  /// An OpenWeatherMap condition id (`weather[0].id`), notes §2.2.
  ///
  /// Unknown ids inside a known group map by their hundred, flagged approximate; nil outside every
  /// group.
  public static func openWeatherMap(_ id: Int) -> (condition: WeatherCondition, approximate: Bool)?
  {
    switch id {
    case 200, 201, 202, 230, 231, 232: return (.thunderstorm, false)
    case 210, 211, 212, 221: return (.thunderstormDry, false)
    case 300, 310: return (.drizzleLight, false)
    case 301, 311, 313, 321: return (.drizzle, false)
    case 302, 312, 314: return (.drizzleDense, false)
    case 500: return (.rainLight, false)
    case 501: return (.rain, false)
    case 502, 503: return (.rainHeavy, false)
    case 504: return (.rainVeryHeavy, false)
    case 511: return (.freezingRain, false)
    case 520: return (.showersLight, false)
    case 521, 531: return (.showers, false)
    case 522: return (.showersHeavy, false)
    case 600: return (.snowLight, false)
    case 601: return (.snow, false)
    case 602: return (.snowHeavy, false)
    case 611...616, 620...622: return (.sleet, false)
    case 701: return (.mist, false)
    case 711: return (.smoke, false)
    case 721: return (.haze, false)
    case 731, 761: return (.dust, false)
    case 741: return (.fog, false)
    case 751: return (.sand, false)
    case 762: return (.ash, false)
    case 771: return (.squalls, false)
    case 781: return (.tornado, false)
    case 800: return (.clear, false)
    case 801: return (.mostlyClear, false)
    case 802: return (.partlyCloudy, false)
    case 803, 804: return (.overcast, false)
    case 200...299: return (.thunderstorm, true)
    case 300...399: return (.drizzle, true)
    case 500...599: return (.rain, true)
    case 600...699: return (.snow, true)
    case 700...799: return (.haze, true)
    case 805...899: return (.overcast, true)
    default: return nil
    }
  }

  /// A MET Norway `symbol_code` (notes §2.3), with its `_day`, `_night` or `_polartwilight` suffix.
  ///
  /// Includes MET's two documented misspellings (`lightssleetshowersandthunder`,
  /// `lightssnowshowersandthunder`).
  ///
  /// - Returns: the condition and, when the suffix says so, whether it is day (nil when the
  ///   code has no suffix); nil for a code MET does not document.
  public static func metNorway(_ symbol: String) -> (condition: WeatherCondition, isDay: Bool?)? {
    var base = Substring(symbol)
    var isDay: Bool?
    for (suffix, day) in [("_day", true), ("_night", false), ("_polartwilight", true)]
    where base.hasSuffix(suffix) {
      base = base.dropLast(suffix.count)
      isDay = day
      break
    }
    let condition: WeatherCondition
    switch base {
    case "clearsky": condition = .clear
    case "fair": condition = .mostlyClear
    case "partlycloudy": condition = .partlyCloudy
    case "cloudy": condition = .overcast
    case "fog": condition = .fog
    case "lightrain": condition = .rainLight
    case "rain": condition = .rain
    case "heavyrain": condition = .rainHeavy
    case "lightrainshowers": condition = .showersLight
    case "rainshowers": condition = .showers
    case "heavyrainshowers": condition = .showersHeavy
    case "lightsleet", "lightsleetshowers": condition = .sleetLight
    case "sleet", "sleetshowers", "heavysleet", "heavysleetshowers": condition = .sleet
    case "lightsnow", "lightsnowshowers": condition = .snowLight
    case "snow", "snowshowers": condition = .snow
    case "heavysnow", "heavysnowshowers": condition = .snowHeavy
    case "lightrainandthunder", "rainandthunder", "heavyrainandthunder",
      "lightrainshowersandthunder", "rainshowersandthunder", "heavyrainshowersandthunder",
      "lightsleetandthunder", "sleetandthunder", "heavysleetandthunder",
      "lightssleetshowersandthunder", "sleetshowersandthunder", "heavysleetshowersandthunder",
      "lightsnowandthunder", "snowandthunder", "heavysnowandthunder",
      "lightssnowshowersandthunder", "snowshowersandthunder", "heavysnowshowersandthunder":
      condition = .thunderstorm
    default: return nil
    }
    return (condition, isDay)
  }
}
