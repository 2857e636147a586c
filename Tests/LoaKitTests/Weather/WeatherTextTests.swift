import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import LoaWeather
import LoaXML
import Testing

/// Vietnamese wording and the code tables of notes/weather.md §2.
@Suite struct WeatherTextTests {
  @Test(arguments: [
    (0, "Trời nắng", "Trời quang"), (1, "Ít mây, trời nắng", "Ít mây"),
    (3, "Nhiều mây", "Nhiều mây"),
    (45, "Sương mù", "Sương mù"), (53, "Có mưa phùn", "Có mưa phùn"), (61, "Mưa nhỏ", "Mưa nhỏ"),
    (65, "Mưa to", "Mưa to"), (80, "Mưa rào nhẹ", "Mưa rào nhẹ"),
    (82, "Mưa rào rất to", "Mưa rào rất to"),
    (95, "Có mưa rào và dông", "Có mưa rào và dông"),
    (99, "Dông mạnh kèm mưa đá", "Dông mạnh kèm mưa đá"),
  ])
  func mapsWMOCodesToKTTVWording(code: Int, day: String, night: String) throws {
    let c = try #require(WeatherCondition.wmo(code))
    #expect(c.approximate == false)
    #expect(c.condition.text(isDay: true) == day)
    #expect(c.condition.text(isDay: false) == night)
  }

  @Test func mapsUnknownWMOCodesByDecadeAndRefusesTheRest() throws {
    #expect(WeatherCondition.wmo(62)?.condition.category == .rain)
    #expect(WeatherCondition.wmo(62)?.approximate == true)
    #expect(WeatherCondition.wmo(97)?.condition.category == .thunderstorm)
    #expect(WeatherCondition.wmo(4) == nil)
    #expect(WeatherCondition.wmo(-1) == nil)
    #expect(WeatherCondition.wmo(100) == nil)
  }

  @Test(arguments: [
    (804, "Nhiều mây"), (800, "Trời quang"), (500, "Mưa nhỏ"), (501, "Mưa vừa"),
    (504, "Mưa rất to"),
    (520, "Mưa rào nhẹ"), (211, "Có dông"), (201, "Có mưa rào và dông"), (721, "Mù khô"),
    (701, "Có sương mù nhẹ"), (781, "Lốc xoáy"), (611, "Mưa tuyết"),
  ])
  func mapsOpenWeatherMapIds(id: Int, night: String) throws {
    #expect(try #require(WeatherCondition.openWeatherMap(id)).condition.text(isDay: false) == night)
  }

  @Test func mapsMETSymbolsWithSuffixesAndDocumentedTypos() throws {
    #expect(WeatherCondition.metNorway("clearsky_night")?.condition == .clear)
    #expect(WeatherCondition.metNorway("clearsky_night")?.isDay == false)
    #expect(WeatherCondition.metNorway("fair_day")?.isDay == true)
    #expect(WeatherCondition.metNorway("partlycloudy_polartwilight")?.condition == .partlyCloudy)
    #expect(WeatherCondition.metNorway("cloudy")?.isDay == nil)
    #expect(
      WeatherCondition.metNorway("lightssleetshowersandthunder_day")?.condition == .thunderstorm)
    #expect(
      WeatherCondition.metNorway("lightssnowshowersandthunder_night")?.condition == .thunderstorm)
    #expect(WeatherCondition.metNorway("heavyrainshowers_day")?.condition == .showersHeavy)
    #expect(WeatherCondition.metNorway("lightsnow")?.condition.category == .snow)
    #expect(WeatherCondition.metNorway("sunny") == nil)
  }

  @Test func neverSaysNắngAtNightAndAlwaysSaysDông() {
    for c in WeatherCondition.allCases {
      #expect(!c.text(isDay: false).lowercased().contains("nắng"), "\(c)")
      #expect(!c.text(isDay: true).lowercased().contains("giông"), "\(c)")
      #expect(!c.text(isDay: true).contains("mưa nhẹ"), "KTTV says mưa nhỏ: \(c)")
    }
  }

  @Test(arguments: [
    (48.0, "Đông Bắc"), (0, "Bắc"), (22.4, "Bắc"), (22.5, "Đông Bắc"), (90, "Đông"),
    (135, "Đông Nam"),
    (180, "Nam"), (225, "Tây Nam"), (270, "Tây"), (315, "Tây Bắc"), (337.6, "Bắc"), (359.9, "Bắc"),
    (360, "Bắc"), (-45, "Tây Bắc"), (405, "Đông Bắc"),
  ])
  func namesEightCompassPoints(degrees: Double, name: String) {
    #expect(WeatherText.compassPoint(degrees: degrees) == name)
  }

  @Test(arguments: [
    (0.0, 0), (0.2, 0), (0.3, 1), (1.5, 1), (1.6, 2), (3.3, 2), (3.6, 3), (5.4, 3), (5.5, 4),
    (10.7, 5), (17.2, 8), (32.6, 11), (32.7, 12), (60, 12),
  ])
  func givesTheBeaufortForce(speed: Double, force: Int) {
    #expect(WeatherText.beaufort(metresPerSecond: speed) == force)
  }

  @Test func describesWindTheKTTVWay() {
    #expect(
      WeatherText.wind(speed: 3.6, fromDegrees: 48, unit: .metresPerSecond, showBeaufort: true)
        == "Đông Bắc, 4 m/s (cấp 3)")
    #expect(
      WeatherText.wind(speed: 0.4, fromDegrees: 48, unit: .metresPerSecond, showBeaufort: true)
        == "Lặng gió")
    #expect(
      WeatherText.wind(speed: 3.6, fromDegrees: nil, unit: .kilometresPerHour, showBeaufort: false)
        == "13 km/h")
  }

  @Test func formatsNumbersAndTimesWithoutFormatters() throws {
    #expect(WeatherText.temperature(21.8) == "22°C")
    #expect(WeatherText.temperature(-0.4) == "0°C")
    #expect(WeatherText.temperature(-0.5) == "-1°C")
    #expect(WeatherText.decimal(20.95, places: 4) == "20.95")
    #expect(WeatherText.decimal(107.0, places: 4) == "107")
    #expect(WeatherText.decimal(-0.04, places: 1) == "0")
    #expect(WeatherText.decimal(-3.05, places: 2) == "-3.05")
    #expect(WeatherText.decimal(0.05, places: 2) == "0.05")
    #expect(WeatherText.decimal(2e105, places: 1) == "2e+105")
    #expect(WeatherText.decimal(.nan, places: 1) == "nan")
    #expect(WeatherText.integer(-1e300) == "-1e+300")
    let t = Timestamp(utc: 1_795_935_600, offset: 25_200)
    #expect(WeatherText.clockAndDate(t) == "14:00 29/11/2026")
    let monday = WeatherText.localDay(utc: 1_795_935_600 + 86_400, offset: 25_200)
    #expect(WeatherText.dayLabel(day: monday) == "Thứ Hai 30/11")
    #expect(WeatherText.dayLabel(day: monday + 6) == "Chủ Nhật 06/12")
    #expect(WeatherText.isoDate(day: monday) == "2026-11-30")
  }

  @Test func rendersTheSameWithAnIANANameAsWithTheFixedOffset() throws {
    // The IANA name is only a label: without tzdata the fixed offset is what counts
    // (notes §4.4: a DateFormatter with the identifier zone crashes there).
    var outputs: [String] = []
    for zone in [try SiteTimeZone("Asia/Ho_Chi_Minh"), SiteTimeZone(offsetSeconds: 25_200)] {
      let c = WeatherConfiguration(
        source: .file(.openMeteo, path: WeatherFixture.path("open-meteo-current.json")),
        location: WeatherFixture.location)
      let h = try WeatherHarness(c)
      h.zone = zone
      try h.run()
      outputs.append(h.html)
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test func escapesAHostilePlaceNameAndDropsCharactersXMLForbids() throws {
    var c = WeatherConfiguration(
      source: .file(.openMeteo, path: WeatherFixture.path("open-meteo-current.json")),
      location: WeatherFixture.location)
    c.location.name = "Phường <b>\"Bãi Cháy\"</b> & &copy; ]]> \u{1}\u{FFFE} 🌧 שלום"
    c.attributionText = "A&B <i>"
    c.attributionURL = "https://example.org/?a=1&b=\"2\""
    let h = try WeatherHarness(c)
    try h.run()
    let place = "Phường &lt;b&gt;\"Bãi Cháy\"&lt;/b&gt; &amp; &amp;copy; ]]&gt;  🌧 שלום"
    #expect(h.html.contains("<p class=\"weather__place\">\(place)</p>"))
    #expect(h.html.contains(">A&amp;B &lt;i&gt;</a>"))
    #expect(OutputCheck.xmlProblem(h.htmlBytes) == nil)
    // libxml2's HTML serializer also URI-escapes href values.
    let hrefs = HTMLInspector.attributes(h.html).filter { $0.1 == "href" }.map(\.2)
    #expect(hrefs.contains("https://example.org/?a=1&b=%222%22"))
    let json = h.jsonObject["location"] as? [String: Any]
    #expect(json?["name"] as? String == "Phường <b>\"Bãi Cháy\"</b> & &copy; ]]>  🌧 שלום")
  }

  @Test func marksEveryIconDecorative() throws {
    let c = WeatherConfiguration(
      source: .file(.openMeteo, path: WeatherFixture.path("open-meteo-current.json")),
      location: WeatherFixture.location)
    let h = try WeatherHarness(c)
    try h.run()
    let attributes = HTMLInspector.attributes(h.html)
    let svgs = attributes.filter { $0.0 == "svg" && $0.1 == "aria-hidden" }
    #expect(svgs.count == 4)
    #expect(svgs.allSatisfy { $0.2 == "true" })
    #expect(!attributes.contains { $0.0 == "img" })
    #expect(attributes.contains { $0 == ("section", "aria-labelledby", "weather-title") })
    #expect(attributes.contains { $0 == ("h2", "id", "weather-title") })
    #expect(attributes.contains { $0 == ("section", "lang", "vi") })
  }
}
