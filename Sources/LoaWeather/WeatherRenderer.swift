import LoaCore
import LoaXML

/// What the box is showing.
public enum WeatherState: String, Sendable, Equatable {
  /// Data younger than `staleAfterMinutes` (from the source's own time).
  case fresh
  /// Older than `staleAfterMinutes`: still shown, marked "Số liệu cũ".
  case stale
  /// Older than `hideAfterHours`, or none ever: "Chưa có số liệu".
  case unavailable
}

/// Everything the two renderers show, decided once by ``WeatherPublisher``.
struct WeatherView {
  var state: WeatherState
  var configuration: WeatherConfiguration
  var zone: SiteTimeZone
  /// Nil when unavailable.
  var snapshot: WeatherSnapshot?
  /// The local day the outlook counts from ("Ngày mai" is the next one).
  var today: Int64
  var lastError: WeatherMemory.LastError?

  /// The days shown: after `today`, at most `outlookDays`, within `outlookDays` of today.
  var outlook: [WeatherSnapshot.Day] {
    guard let snapshot else { return [] }
    let last = today + Int64(configuration.outlookDays)
    return Array(
      snapshot.daily.filter { $0.day > today && $0.day <= last }.prefix(configuration.outlookDays))
  }

  func stamp(_ utc: Int64) -> Timestamp { Timestamp(utc: utc, offset: zone.offset(atUTC: utc)) }

  /// "Ngày mai" for tomorrow, else "Thứ Hai 30/11".
  func label(_ day: Int64) -> String {
    day == today + 1 ? "Ngày mai" : WeatherText.dayLabel(day: day)
  }
}

/// The HTML fragment (notes/weather.md §3.2), serialized by libxml2 through ``HTMLFragment``.
enum WeatherHTMLRenderer {
  static let officialURL = "https://nchmf.gov.vn/"
  static let officialName = "nchmf.gov.vn"

  /// The fragment's bytes.
  ///
  /// - Throws: ``XMLWriterError`` (a libxml2 allocation failed).
  static func render(_ v: WeatherView) throws -> [UInt8] {
    let state = v.state.rawValue
    return try HTMLFragment.render(
      "section",
      [
        "class": "weather weather--\(state)", "aria-labelledby": "weather-title", "lang": "vi",
        "data-state": state,
      ]
    ) { h, root in
      func newline() throws { try h.text("\n", in: root) }
      try newline()
      // The box's own style, first, so the one file is all a portal needs (WeatherStylesheet).
      try h.element("style", text: WeatherStylesheet.css(v.configuration.colorScheme), in: root)
      try newline()
      try h.element(
        "h2", ["id": "weather-title", "class": "weather__title"], text: "Thời tiết", in: root)
      try newline()
      try h.element("p", ["class": "weather__place"], text: v.configuration.location.name, in: root)
      try newline()
      guard let s = v.snapshot, v.state != .unavailable else {
        let p = try h.element("p", ["class": "weather__unavailable"], in: root)
        try h.text("Hiện chưa có số liệu thời tiết. Xem dự báo chính thức tại ", in: p)
        try h.element("a", ["href": officialURL], text: officialName, in: p)
        try h.text(".", in: p)
        try newline()
        return
      }
      let observed = v.stamp(s.observedAt)
      if v.state == .stale {
        let p = try h.element("p", ["class": "weather__stale"], in: root)
        try h.element("strong", ["class": "weather__badge"], text: "Số liệu cũ", in: p)
        try h.text(" Chưa được cập nhật kể từ ", in: p)
        try time(h, observed, in: p)
        try h.text(".", in: p)
        try newline()
      }

      let c = s.current
      let now = try h.element("p", ["class": "weather__now"], in: root)
      try icon(h, c.condition, isDay: c.isDay, size: 48, in: now)
      try h.text(" ", in: now)
      try h.element(
        "span", ["class": "weather__temp"], text: WeatherText.temperature(c.temperatureC), in: now)
      try h.text(" ", in: now)
      try h.element(
        "span", ["class": "weather__cond"], text: c.condition.text(isDay: c.isDay), in: now)
      try newline()

      let dl = try h.element("dl", ["class": "weather__details"], in: root)
      func row(_ term: String, _ value: String) throws {
        try h.text("\n", in: dl)
        let div = try h.element("div", in: dl)
        try h.element("dt", text: term, in: div)
        try h.element("dd", text: value, in: div)
      }
      if let a = c.apparentTemperatureC { try row("Cảm giác như", WeatherText.temperature(a)) }
      try row("Độ ẩm", WeatherText.integer(c.humidityPercent) + "%")
      try row(
        "Gió",
        WeatherText.wind(
          speed: c.windSpeedMs, fromDegrees: c.windFromDegrees, unit: v.configuration.windUnit,
          showBeaufort: v.configuration.showBeaufort))
      try h.text("\n", in: dl)
      try newline()

      let days = v.outlook
      if !days.isEmpty {
        // "Dự báo 3 ngày tới" only when the days shown are exactly the next ones.
        let consecutive = days.enumerated().allSatisfy {
          $0.element.day == v.today + 1 + Int64($0.offset)
        }
        let title = consecutive ? "Dự báo \(days.count) ngày tới" : "Dự báo những ngày tới"
        try h.element("h3", ["class": "weather__outlook-title"], text: title, in: root)
        try newline()
        let ul = try h.element("ul", ["class": "weather__outlook"], in: root)
        for d in days {
          try h.text("\n", in: ul)
          let li = try h.element("li", ["class": "weather__day"], in: ul)
          try h.element(
            "time", ["class": "weather__day-name", "datetime": WeatherText.isoDate(day: d.day)],
            text: v.label(d.day), in: li)
          try h.text(" ", in: li)
          try icon(h, d.condition, isDay: true, size: 28, in: li)
          try h.text(" ", in: li)
          try h.element(
            "span", ["class": "weather__day-cond"], text: d.condition.text(isDay: true), in: li)
          try h.text(" ", in: li)
          let range = try h.element("span", ["class": "weather__range"], in: li)
          let lo = WeatherText.integer(d.minC)
          let hi = WeatherText.integer(d.maxC)
          if lo == hi {
            try h.text(lo + "°C", in: range)
          } else {
            // Read as "nhiệt độ từ 17 đến 20°C"; shown as "17–20°C".
            try h.element("span", ["class": "visually-hidden"], text: "nhiệt độ từ ", in: range)
            try h.text(lo, in: range)
            try h.element("span", ["aria-hidden": "true"], text: "–", in: range)
            try h.element("span", ["class": "visually-hidden"], text: " đến ", in: range)
            try h.text(hi + "°C", in: range)
          }
          if let p = d.precipitationProbabilityPercent {
            try h.text(" ", in: li)
            try h.element(
              "span", ["class": "weather__pop"],
              text: "Khả năng mưa " + WeatherText.integer(p) + "%",
              in: li)
          }
        }
        try h.text("\n", in: ul)
        try newline()
      }

      let updated = try h.element("p", ["class": "weather__updated"], in: root)
      try h.text("Cập nhật lúc ", in: updated)
      try time(h, observed, in: updated)
      try newline()
      let source = try h.element("p", ["class": "weather__source"], in: root)
      try h.text("Nguồn: ", in: source)
      try h.element(
        "a", ["href": v.configuration.attributionURL], text: v.configuration.attributionText,
        in: source)
      try h.text(" · Dự báo chính thức: ", in: source)
      try h.element("a", ["href": officialURL], text: officialName, in: source)
      try newline()
    }
  }

  /// `<time datetime="2026-11-29T14:00:00+07:00">14:00 29/11/2026</time>`.
  static func time(_ h: HTMLFragment, _ t: Timestamp, in parent: HTMLFragment.Node) throws {
    try h.element(
      "time", ["datetime": DateFormats.rfc3339(t)], text: WeatherText.clockAndDate(t), in: parent)
  }

  /// The decorative inline icon; the condition text is always next to it.
  static func icon(
    _ h: HTMLFragment, _ condition: WeatherCondition, isDay: Bool, size: Int,
    in parent: HTMLFragment.Node
  ) throws {
    let category = condition.category
    let svg = try h.element(
      "svg",
      [
        "class": "weather__icon weather__icon--\(category.rawValue)", "viewBox": "0 0 32 32",
        "width": String(size), "height": String(size), "aria-hidden": "true",
        "focusable": "false",
      ], in: parent)
    for shape in WeatherIcon.shapes(category, isDay: isDay) {
      try h.element(shape.name, attributeList: shape.attributes, in: svg)
    }
  }
}

/// `weather.json`: the same data for machines, fixed key order (docs/weather.md lists every field).
///
/// No "now" is written: the same data and state give the same bytes.
enum WeatherJSONRenderer {
  static let schemaVersion: Int64 = 1

  static func render(_ v: WeatherView) -> [UInt8] {
    var j = JSONWriter(capacity: 2048)
    func number(_ key: String, _ value: Double?, places: Int) {
      if let value {
        j.member(key, number: WeatherText.decimal(value, places: places))
      } else {
        j.memberNull(key)
      }
    }
    func string(_ key: String, _ value: String?) {
      if let value { j.member(key, XMLText.sanitized(value).text) } else { j.memberNull(key) }
    }
    func time(_ key: String, _ utc: Int64?) {
      string(key, utc.map { DateFormats.rfc3339(v.stamp($0)) })
    }
    let c = v.configuration
    j.beginObject()
    j.member("schemaVersion", schemaVersion)
    j.member("state", v.state.rawValue)
    j.beginObject("location")
    string("name", c.location.name)
    number("latitude", c.location.latitude, places: 4)
    number("longitude", c.location.longitude, places: 4)
    string("timeZone", v.zone.identifier)
    j.endObject()
    j.beginObject("source")
    j.member("kind", c.source.kind)
    j.member("format", c.source.format.rawValue)
    string("attribution", c.attributionText)
    string("url", c.attributionURL)
    j.endObject()
    string("officialForecastURL", WeatherHTMLRenderer.officialURL)
    let shown = v.state == .unavailable ? nil : v.snapshot
    time("observedAt", shown?.observedAt)
    if let s = shown {
      let cur = s.current
      let calm = cur.windSpeedMs < WeatherText.calmBelowMs
      j.beginObject("current")
      number("temperatureC", cur.temperatureC, places: 1)
      number("apparentTemperatureC", cur.apparentTemperatureC, places: 1)
      number("humidityPercent", cur.humidityPercent, places: 0)
      number("windSpeedMs", cur.windSpeedMs, places: 1)
      number("windFromDeg", cur.windFromDegrees, places: 0)
      string(
        "windFromText",
        calm ? nil : cur.windFromDegrees.map { WeatherText.compassPoint(degrees: $0) })
      j.member("beaufort", Int64(WeatherText.beaufort(metresPerSecond: cur.windSpeedMs)))
      string(
        "windText",
        WeatherText.wind(
          speed: cur.windSpeedMs, fromDegrees: cur.windFromDegrees, unit: c.windUnit,
          showBeaufort: c.showBeaufort))
      j.member("condition", cur.condition.category.rawValue)
      j.member("conditionDetail", cur.condition.rawValue)
      j.member("conditionText", cur.condition.text(isDay: cur.isDay))
      j.member("isDay", cur.isDay)
      j.endObject()
    } else {
      j.memberNull("current")
    }
    j.beginArray("daily")
    for d in v.outlook {
      j.beginObject()
      j.member("date", WeatherText.isoDate(day: d.day))
      j.member("label", v.label(d.day))
      j.member("weekday", WeatherText.weekdayName(day: d.day))
      number("minC", d.minC, places: 1)
      number("maxC", d.maxC, places: 1)
      j.member("condition", d.condition.category.rawValue)
      j.member("conditionDetail", d.condition.rawValue)
      j.member("conditionText", d.condition.text(isDay: true))
      number("precipitationProbabilityPercent", d.precipitationProbabilityPercent, places: 0)
      j.endObject()
    }
    j.endArray()
    if let e = v.lastError {
      j.beginObject("lastError")
      j.member("kind", e.code)
      if let status = e.httpStatus {
        j.member("httpStatus", Int64(status))
      } else {
        j.memberNull("httpStatus")
      }
      j.endObject()
    } else {
      j.memberNull("lastError")
    }
    j.endObject()
    return j.bytes
  }
}
