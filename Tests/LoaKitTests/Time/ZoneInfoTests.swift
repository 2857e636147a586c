import Foundation
import LoaCore
import Testing

/// loa reads IANA zones from the system's tz database (``ZoneInfo``) instead of Foundation's
/// `TimeZone`, which on Linux needs ICU. The offsets are Foundation's (ICU's) for the zones
/// and years a news site meets; the tests may import Foundation to compare.
@Suite struct ZoneInfoTests {
  static let zones = [
    "Asia/Ho_Chi_Minh", "Asia/Bangkok", "Europe/Berlin", "Europe/London", "Europe/Dublin",
    "America/New_York", "America/Los_Angeles", "America/Sao_Paulo", "America/Santiago",
    "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham",
    "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Africa/Cairo", "UTC", "Etc/GMT-7",
  ]

  @Test(arguments: zones)
  func offsetsAreFoundationsFrom1990To2045(identifier: String) throws {
    let zone = try #require(ZoneInfo(identifier: identifier), "\(identifier)")
    let foundation = try #require(TimeZone(identifier: identifier))
    var mismatches: [String] = []
    // Every 6 hours 53 minutes: lands at every time of day and near every transition.
    var t: Int64 = 631_152_000  // 1990-01-01
    while t < 2_366_841_600 {  // 2045-01-01
      let expected = foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
      if zone.offset(atUTC: t) != expected, mismatches.count < 5 {
        mismatches.append("\(t): \(zone.offset(atUTC: t)) != \(expected)")
      }
      t += 6 * 3600 + 53 * 60
    }
    #expect(mismatches.isEmpty, "\(identifier): \(mismatches)")
  }

  /// Without tzdata (slim containers) a zone is its current rule from the built-in table:
  /// today's offsets, with daylight saving time, as Foundation gives them.
  @Test(arguments: ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York", "Australia/Sydney"])
  func withoutTzdataTheBuiltInRuleGivesTodaysOffsets(identifier: String) throws {
    let files = try #require(ZoneInfo(identifier: identifier))
    let builtIn = try #require(ZoneInfo(rulesOnly: identifier))
    #expect(builtIn.isFixed(after: 946_684_800) == files.isFixed(after: 946_684_800))
    var t: Int64 = 1_735_689_600  // 2025-01-01
    while t < 2_366_841_600 {  // 2045-01-01
      #expect(builtIn.offset(atUTC: t) == files.offset(atUTC: t), "\(identifier) at \(t)")
      t += 6 * 3600 + 53 * 60
    }
  }

  @Test func aZoneWithoutTransitionsSince2000IsFixed() throws {
    #expect(try #require(ZoneInfo(identifier: "Asia/Ho_Chi_Minh")).isFixed(after: 946_684_800))
    #expect(
      try #require(ZoneInfo(identifier: "Europe/Berlin")).isFixed(after: 946_684_800) == false)
  }

  @Test(arguments: ["", "Mars/Olympus", "../etc/passwd", "/etc/passwd", "Asia/../UTC", "zone.tab"])
  func unknownOrUnsafeNamesAreRefused(identifier: String) {
    #expect(ZoneInfo(identifier: identifier) == nil)
  }

  /// Far past the last transition of a "slim" file, the footer's rule decides.
  @Test func theFooterRuleGivesDaylightSavingTimeInLaterYears() throws {
    let rule = try #require(
      PosixRuleProbe.offsets(
        "CET-1CEST,M3.5.0,M10.5.0/3",
        at: [
          4_102_444_800,  // 2100-01-01: winter
          4_118_083_200,  // 2100-07-01: summer
        ]))
    #expect(rule == [3600, 7200])
    let south = try #require(
      PosixRuleProbe.offsets(
        "AEST-10AEDT,M10.1.0,M4.1.0/3",
        at: [
          4_102_444_800, 4_118_083_200,
        ]))
    #expect(south == [39600, 36000])
  }
}

/// A footer rule checked through a hand-made version 2 TZif file with no transitions.
enum PosixRuleProbe {
  static func offsets(_ footer: String, at instants: [Int64]) -> [Int]? {
    func header() -> [UInt8] {
      // "TZif2", 15 unused bytes, counts: isut 0, isstd 0, leap 0, time 0, type 1, char 4.
      Array("TZif2".utf8) + [UInt8](repeating: 0, count: 15)
        + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4]
    }
    let block: [UInt8] = [0, 0, 0x0E, 0x10, 0, 0] + Array("CET\0".utf8)
    let bytes = header() + block + header() + block + Array("\n\(footer)\n".utf8)
    guard let zone = ZoneInfo(tzif: bytes) else { return nil }
    return instants.map { zone.offset(atUTC: $0) }
  }
}
