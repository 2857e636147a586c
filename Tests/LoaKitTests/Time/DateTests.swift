import LoaCore
import LoaKit
import Testing

@Suite struct DateTests {
  let zone = try! SiteTimeZone("Asia/Ho_Chi_Minh")
  var parser: DateParser { DateParser(zone: zone) }

  @Test func formatsRFC822WithEnglishNamesAndNumericOffset() {
    let t = parser.parse("2026-11-29 14:05:09")!
    #expect(DateFormats.rfc822(t) == "Sun, 29 Nov 2026 14:05:09 +0700")
    #expect(DateFormats.rfc3339(t) == "2026-11-29T14:05:09+07:00")
    #expect(t.utc == 1_795_935_909)
  }

  /// The names come from fixed tables by index: every month, every weekday, and a negative
  /// offset, in both formats.
  @Test(arguments: [
    (1_767_225_600, 0, "Thu, 01 Jan 2026 00:00:00 +0000", "2026-01-01T00:00:00+00:00"),
    (1_770_163_199, 0, "Tue, 03 Feb 2026 23:59:59 +0000", "2026-02-03T23:59:59+00:00"),
    (1_772_668_800, 0, "Thu, 05 Mar 2026 00:00:00 +0000", "2026-03-05T00:00:00+00:00"),
    (1_775_433_600, 0, "Mon, 06 Apr 2026 00:00:00 +0000", "2026-04-06T00:00:00+00:00"),
    (1_778_112_000, 0, "Thu, 07 May 2026 00:00:00 +0000", "2026-05-07T00:00:00+00:00"),
    (1_780_876_800, 0, "Mon, 08 Jun 2026 00:00:00 +0000", "2026-06-08T00:00:00+00:00"),
    (1_783_728_000, 0, "Sat, 11 Jul 2026 00:00:00 +0000", "2026-07-11T00:00:00+00:00"),
    (1_786_492_800, 0, "Wed, 12 Aug 2026 00:00:00 +0000", "2026-08-12T00:00:00+00:00"),
    (1_789_084_800, 0, "Fri, 11 Sep 2026 00:00:00 +0000", "2026-09-11T00:00:00+00:00"),
    (1_791_763_200, 0, "Mon, 12 Oct 2026 00:00:00 +0000", "2026-10-12T00:00:00+00:00"),
    (1_794_528_000, 0, "Fri, 13 Nov 2026 00:00:00 +0000", "2026-11-13T00:00:00+00:00"),
    (1_797_206_400, 0, "Mon, 14 Dec 2026 00:00:00 +0000", "2026-12-14T00:00:00+00:00"),
    (1_797_206_400, -16_200, "Sun, 13 Dec 2026 19:30:00 -0430", "2026-12-13T19:30:00-04:30"),
    (1_797_206_400, 20_700, "Mon, 14 Dec 2026 05:45:00 +0545", "2026-12-14T05:45:00+05:45"),
  ])
  func formatsEveryMonthAndWeekdayAndSignedOffsets(
    utc: Int64, offset: Int, rfc822: String, rfc3339: String
  ) {
    let t = Timestamp(utc: utc, offset: offset)
    #expect(DateFormats.rfc822(t) == rfc822)
    #expect(DateFormats.rfc3339(t) == rfc3339)
  }

  @Test(arguments: [
    ("2026-11-29 14:05:09", "2026-11-29T14:05:09+07:00"),
    ("2026-11-29 14:05", "2026-11-29T14:05:00+07:00"),
    ("2026-11-29T14:05:09", "2026-11-29T14:05:09+07:00"),
    ("2026-11-29T07:05:09Z", "2026-11-29T14:05:09+07:00"),
    ("2026-11-29T09:05:09+02:00", "2026-11-29T14:05:09+07:00"),
    ("2026-11-29 07:05:09+00", "2026-11-29T14:05:09+07:00"),
    ("2026-11-29T14:05:09.123+0700", "2026-11-29T14:05:09+07:00"),
    ("2026-11-29", "2026-11-29T00:00:00+07:00"),
    ("1795935909", "2026-11-29T14:05:09+07:00"),
    // ISO 8601's basic form; as Unix seconds it was 1970-08-23, a date no feed should carry.
    ("20261118", "2026-11-18T00:00:00+07:00"),
    ("86400", "1970-01-02T07:00:00+07:00"),
    ("20261332", "1970-08-23T19:08:52+07:00"),
    ("  2026-11-29 14:05:09 \n", "2026-11-29T14:05:09+07:00"),
    ("2024-02-29 23:59:59", "2024-02-29T23:59:59+07:00"),
    ("1969-12-31 00:00:00Z", "1969-12-31T07:00:00+07:00"),
  ])
  func parsesTheContractFormats(input: String, expected: String) throws {
    let t = try #require(parser.parse(input))
    #expect(DateFormats.rfc3339(t) == expected)
  }

  @Test(arguments: [
    "", "yesterday", "2026-13-01", "2026-02-29 10:00", "2026-11-31", "2026-11-29 24:00",
    "2026-11-29 12:60", "2026-11-29T12:00:00+25:00", "2026-11-29 12:00 junk", "29/11/2026",
    "12.5", "999999999999", "-99999999999", "9999-12-31T23:59:59-14:00",
  ])
  func rejectsWhatIsNotADate(input: String) {
    #expect(parser.parse(input) == nil)
  }

  /// The basic form is a date written out, not Unix seconds: the mixed-format check must not
  /// take a column of `YYYYMMDD` values for seconds.
  @Test func anEightDigitCalendarDateIsNotUnixSeconds() {
    #expect(!DateParser.isUnixSeconds("20261118"))
    #expect(DateParser.isUnixSeconds("1795935909"))
    #expect(DateParser.isUnixSeconds("20261332"))
  }

  @Test func acceptsConfiguredPatterns() throws {
    let p = DateParser(zone: zone, extraPatterns: [try DatePattern("dd/MM/yyyy HH:mm")])
    let t = try #require(p.parse("29/11/2026 14:05"))
    #expect(DateFormats.rfc822(t) == "Sun, 29 Nov 2026 14:05:00 +0700")
    #expect(p.parse("31/11/2026 14:05") == nil)
    #expect(throws: ConfigError.self) { try DatePattern("dd/MM/yy") }
    #expect(throws: ConfigError.self) { try DatePattern("HH:mm") }
  }

  @Test func handlesZonesWithDaylightSaving() throws {
    let berlin = try SiteTimeZone("Europe/Berlin")
    let p = DateParser(zone: berlin)
    #expect(DateFormats.rfc3339(p.parse("2026-07-01 12:00")!) == "2026-07-01T12:00:00+02:00")
    #expect(DateFormats.rfc822(p.parse("2026-01-01 12:00")!) == "Thu, 01 Jan 2026 12:00:00 +0100")
  }

  @Test func acceptsFixedOffsetsAndRejectsUnknownZones() throws {
    let z = try SiteTimeZone("+07:00")
    #expect(z.offset(atUTC: 0) == 25200)
    #expect(throws: ConfigError.self) { try SiteTimeZone("Mars/Olympus") }
  }

  @Test func agreesWithTheCalendarOverManyYears() throws {
    // Every day from 1970 to 2100 at a fixed time: RFC 3339 output parses back to itself.
    var t: Int64 = 0
    while t < 4_102_444_800 {
      let stamp = parser.stamp(t)
      let back = try #require(parser.parse(DateFormats.rfc3339(stamp)))
      #expect(back.utc == t)
      t += 86_400 * 7 + 3_661
    }
  }
}
