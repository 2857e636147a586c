import FoundationEssentials
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// Inline SVG icons, one per condition category (and day or night for the sunny ones), drawn
/// in a 32×32 box from a few shapes: sun, moon, cloud, drops, bolt, flakes, fog and wind lines.
///
/// Inline, so the portal needs no extra files and no visitor is sent to a third party (notes
/// §3.2: host icons yourself). The condition text always sits next to the icon, so the icon is
/// decorative: the `svg` gets `aria-hidden="true"` and no title (WAI, "image with adjacent text
/// alternative"). Colours are presentation attributes, so the icons look right without the
/// stylesheet, and each shape has a `wi-*` class, so a stylesheet can recolour them.
enum WeatherIcon {
  /// One SVG element: its name and attributes, in order.
  struct Shape: Equatable {
    let name: String
    let attributes: [(String, String)]

    static func == (a: Shape, b: Shape) -> Bool {
      a.name == b.name && a.attributes.elementsEqual(b.attributes, by: { $0 == $1 })
    }
  }

  static let sunColor = "#f2a900"
  static let moonColor = "#e0b63d"
  static let cloudColor = "#b4bfcc"
  static let darkCloudColor = "#8593a6"
  static let rainColor = "#2f7fd8"
  static let snowColor = "#6fa8dc"
  static let boltColor = "#f2c230"
  static let mistColor = "#98a4b3"

  /// The shapes of the icon for `category`; `isDay` picks sun or moon where it matters.
  static func shapes(_ category: WeatherCondition.Category, isDay: Bool) -> [Shape] {
    switch category {
    case .clear:
      return isDay ? sun(cx: 16, cy: 16, r: 6.5) : moon(dx: 0, dy: 0)
    case .mostlyClear:
      return (isDay ? sun(cx: 13, cy: 13, r: 5.5) : moon(dx: -3, dy: -3))
        + cloud(dx: 6, dy: 5, scale: 0.7, color: cloudColor)
    case .partlyCloudy:
      return (isDay ? sun(cx: 11, cy: 11, r: 4.5) : moon(dx: -5, dy: -5))
        + cloud(dx: 2, dy: 2, scale: 0.9, color: cloudColor)
    case .overcast:
      return cloud(dx: -4, dy: -5, scale: 0.75, color: cloudColor)
        + cloud(dx: 1, dy: 1, scale: 0.95, color: darkCloudColor)
    case .fog:
      return cloud(dx: 0, dy: -6, scale: 1, color: cloudColor)
        + lines(mistColor, ["M6 23h20", "M8 27h16"])
    case .haze:
      return lines(mistColor, ["M5 11h22", "M7 16h18", "M5 21h22", "M9 26h14"])
    case .drizzle:
      return cloud(dx: 0, dy: -5, scale: 1, color: cloudColor)
        + dots(rainColor, [(11, 24), (16, 27), (21, 24)])
    case .rainLight:
      return cloud(dx: 0, dy: -5, scale: 1, color: darkCloudColor)
        + drops(["M13 23l-1.5 4", "M20 23l-1.5 4"])
    case .rain:
      return cloud(dx: 0, dy: -5, scale: 1, color: darkCloudColor)
        + drops(["M11 23l-1.5 4", "M16.5 23l-1.5 4", "M22 23l-1.5 4"])
    case .rainHeavy:
      return cloud(dx: 0, dy: -5, scale: 1, color: darkCloudColor)
        + drops(["M10 22l-2 5.5", "M15 22l-2 5.5", "M20 22l-2 5.5", "M25 22l-2 5.5"])
    case .showersLight, .showers, .showersHeavy:
      let n = category == .showersLight ? 1 : category == .showers ? 2 : 3
      let all = ["M15 23l-1.5 4", "M20.5 23l-1.5 4", "M26 23l-1.5 4"]
      return (isDay ? sun(cx: 10, cy: 9, r: 4) : moon(dx: -6, dy: -4.5))
        + cloud(dx: 2, dy: -4, scale: 0.9, color: darkCloudColor) + drops(Array(all.prefix(n)))
    case .snow:
      return cloud(dx: 0, dy: -5, scale: 1, color: cloudColor)
        + flakes([(11, 24), (16.5, 27.5), (22, 24)])
    case .freezing:
      return cloud(dx: 0, dy: -5, scale: 1, color: cloudColor) + drops(["M12 23l-1.5 4"])
        + flakes([(19, 25.5)])
    case .thunderstorm:
      return cloud(dx: 0, dy: -5, scale: 1, color: darkCloudColor) + bolt()
        + drops(["M10 23l-1.5 4", "M23 23l-1.5 4"])
    case .thunderstormHail:
      return cloud(dx: 0, dy: -5, scale: 1, color: darkCloudColor) + bolt()
        + dots(snowColor, [(10, 25), (23, 25)])
    case .windy:
      return [
        Shape(
          name: "path",
          attributes: [
            ("class", "wi-wind"), ("d", "M4 12h15a4 4 0 1 0-4-4M4 18h21a4 4 0 1 1-4 4M4 24h10"),
            ("fill", "none"), ("stroke", mistColor), ("stroke-width", "2.2"),
            ("stroke-linecap", "round"),
          ])
      ]
    }
  }

  private static func n(_ v: Double) -> String { WeatherText.decimal(v, places: 2) }

  static func sun(cx: Double, cy: Double, r: Double) -> [Shape] {
    var d = ""
    for k in 0..<8 {
      let a = Double(k) * Double.pi / 4
      let (c, s) = (cos(a), sin(a))
      let (r1, r2) = (r + 2.2, r + 4.6)
      d += "M\(n(cx + c * r1)) \(n(cy + s * r1))L\(n(cx + c * r2)) \(n(cy + s * r2))"
    }
    return [
      Shape(
        name: "path",
        attributes: [
          ("class", "wi-ray"), ("d", d), ("stroke", sunColor), ("stroke-width", "2"),
          ("stroke-linecap", "round"),
        ]),
      Shape(
        name: "circle",
        attributes: [
          ("class", "wi-sun"), ("cx", n(cx)), ("cy", n(cy)), ("r", n(r)), ("fill", sunColor),
        ]),
    ]
  }

  static func moon(dx: Double, dy: Double) -> [Shape] {
    [
      Shape(
        name: "path",
        attributes: [
          ("class", "wi-moon"), ("d", "M19.5 5.5a11 11 0 1 0 7 19 9 9 0 0 1-7-19z"),
          ("fill", moonColor), ("transform", "translate(\(n(dx)) \(n(dy)))"),
        ])
    ]
  }

  /// A cloud 26 wide and 14 high, bottom-left at (3, 26) before the transform.
  static func cloud(dx: Double, dy: Double, scale: Double, color: String) -> [Shape] {
    [
      Shape(
        name: "path",
        attributes: [
          ("class", color == cloudColor ? "wi-cloud" : "wi-cloud wi-cloud--dark"),
          ("d", "M8.5 26h15a5.5 5.5 0 0 0 .9-10.93A7.5 7.5 0 0 0 10 15.7 5.2 5.2 0 0 0 8.5 26z"),
          ("fill", color), ("stroke", "#ffffff"), ("stroke-width", "1"),
          (
            "transform",
            "translate(\(n(dx + 16 * (1 - scale))) \(n(dy + 26 * (1 - scale)))) scale(\(n(scale)))"
          ),
        ])
    ]
  }

  static func drops(_ paths: [String]) -> [Shape] {
    [
      Shape(
        name: "path",
        attributes: [
          ("class", "wi-rain"), ("d", paths.joined()), ("stroke", rainColor),
          ("stroke-width", "2"), ("stroke-linecap", "round"),
        ])
    ]
  }

  static func dots(_ color: String, _ points: [(Double, Double)]) -> [Shape] {
    points.map {
      Shape(
        name: "circle",
        attributes: [
          ("class", "wi-drop"), ("cx", n($0.0)), ("cy", n($0.1)), ("r", "1.4"), ("fill", color),
        ])
    }
  }

  static func flakes(_ points: [(Double, Double)]) -> [Shape] {
    var d = ""
    for (x, y) in points {
      d += "M\(n(x - 2)) \(n(y))h4M\(n(x - 1)) \(n(y - 1.7))l2 3.4M\(n(x + 1)) \(n(y - 1.7))l-2 3.4"
    }
    return [
      Shape(
        name: "path",
        attributes: [
          ("class", "wi-snow"), ("d", d), ("stroke", snowColor), ("stroke-width", "1.4"),
          ("stroke-linecap", "round"),
        ])
    ]
  }

  static func bolt() -> [Shape] {
    [
      Shape(
        name: "path",
        attributes: [
          ("class", "wi-bolt"), ("d", "M17.5 19l-4.5 6.5h3.5l-1.5 5 5.5-7h-3.5l2-4.5z"),
          ("fill", boltColor), ("stroke", "#b98900"), ("stroke-width", "0.6"),
          ("stroke-linejoin", "round"),
        ])
    ]
  }

  static func lines(_ color: String, _ paths: [String]) -> [Shape] {
    [
      Shape(
        name: "path",
        attributes: [
          ("class", "wi-mist"), ("d", paths.joined()), ("stroke", color), ("stroke-width", "2"),
          ("stroke-linecap", "round"), ("fill", "none"),
        ])
    ]
  }
}
