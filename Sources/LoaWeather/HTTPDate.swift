import LoaCore

/// HTTP dates (RFC 9110 §5.6.7) for `Expires`, `Last-Modified` and `Retry-After`, parsed by hand:
/// only the preferred IMF-fixdate form `Sun, 06 Nov 1994 08:49:37 GMT`, which every server loa
/// talks to sends.
///
/// Anything else is nil (and then ignored).
enum HTTPDate {
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Unix seconds of an IMF-fixdate, or nil.
  static func parse(_ text: String) -> Int64? {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
      let day = Int64(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
      let year = Int64(parts[3])
    else { return nil }
    let hms = parts[4].split(separator: ":")
    guard hms.count == 3, let h = Int64(hms[0]), let m = Int64(hms[1]), let s = Int64(hms[2]),
      let local = DateParser.civilSeconds(year, Int64(monthIndex + 1), day, h, m, s)
    else { return nil }
    return local
  }

  /// `Retry-After`: delay seconds or an HTTP date, as an instant, clamped to `now…now+maxWait`.
  static func retryAfter(_ text: String?, now: Int64, maxWait: Int64 = 86_400) -> Int64? {
    guard let text else { return nil }
    let trimmed = trimmed(text)
    let until: Int64
    if let seconds = Int64(trimmed), seconds >= 0 {
      until = now + min(seconds, maxWait)
    } else if let date = parse(trimmed) {
      until = date
    } else {
      return nil
    }
    return min(max(until, now), now + maxWait)
  }

  /// `text` without leading and trailing spaces and tabs.
  package static func trimmed(_ text: String) -> String {
    var s = Substring(text)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
