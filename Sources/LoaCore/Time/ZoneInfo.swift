#if canImport(Glibc)
  import Glibc
#endif

/// One IANA time zone read from the system's compiled tz database (`/usr/share/zoneinfo`, or
/// `TZDIR`; the TZif format of RFC 8536, versions 1 to 4), in place of Foundation's
/// `TimeZone`: on Linux, `TimeZone(identifier:)` knows named zones only through
/// FoundationInternationalization and its ICU data, which loa no longer links
/// (Benchmarks/analysis.md, "Binary size and the no-op"). Debian's `tzdata` package holds the
/// files; the .deb depends on it.
///
/// Only what ``SiteTimeZone`` needs: the UTC offset at an instant, from the transitions and,
/// past the last one, the footer's POSIX TZ rule.
package struct ZoneInfo: Sendable, Equatable {
  /// Transition instants (Unix seconds), ascending.
  let transitions: [Int64]
  /// The offset from UTC that starts at each transition.
  let offsets: [Int32]
  /// The offset before the first transition (time type 0).
  let initialOffset: Int32
  /// The rule after the last transition, from the footer; nil in version 1 files or when the
  /// footer is empty (the last offset then stays).
  let rule: PosixRule?

  /// Reads the zone named `identifier` (`Asia/Ho_Chi_Minh`, `Europe/Berlin`). Without a
  /// readable file (no tzdata installed), the zone's current rule from ``ZoneRules``; nil
  /// when neither knows the name, or the file is not TZif.
  package init?(identifier: String) {
    guard !identifier.isEmpty, !identifier.hasPrefix("/"),
      !identifier.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }),
      identifier.utf8.allSatisfy({
        ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
          || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
          || $0 == UInt8(ascii: "+")
      })
    else { return nil }
    let directory = getenv("TZDIR").map { String(cString: $0) } ?? "/usr/share/zoneinfo"
    if let bytes = Self.read(directory + "/" + identifier, limit: 1 << 20) {
      self.init(tzif: bytes)
    } else {
      self.init(rulesOnly: identifier)
    }
  }

  /// The zone from ``ZoneRules`` alone, as on a host without tzdata (for tests).
  package init?(rulesOnly identifier: String) {
    guard let text = ZoneRules.rule(for: identifier), let rule = PosixRule(text) else { return nil }
    transitions = []
    offsets = []
    initialOffset = Int32(rule.standard)
    self.rule = rule
  }

  /// Parses TZif bytes; nil when they are not TZif.
  package init?(tzif b: [UInt8]) {
    var reader = Reader(bytes: b)
    guard let header = reader.header() else { return nil }
    var h = header
    var wide = false
    if header.version >= 2 {
      // Skip the version 1 block; the version 2+ block that follows has 64-bit times.
      guard reader.skip(h.blockSize(timeSize: 4)), let second = reader.header() else { return nil }
      h = second
      wide = true
    }
    let timeSize = wide ? 8 : 4
    guard h.typeCount > 0, reader.remaining >= h.blockSize(timeSize: timeSize) else { return nil }
    var times: [Int64] = []
    times.reserveCapacity(h.timeCount)
    for _ in 0..<h.timeCount { times.append(wide ? reader.int64() : Int64(reader.int32())) }
    var indices: [Int] = []
    for _ in 0..<h.timeCount { indices.append(Int(reader.byte())) }
    var typeOffsets: [Int32] = []
    for _ in 0..<h.typeCount {
      typeOffsets.append(reader.int32())
      _ = reader.byte()  // isdst
      _ = reader.byte()  // abbreviation index
    }
    guard indices.allSatisfy({ $0 < typeOffsets.count }) else { return nil }
    _ = reader.skip(h.charCount + h.leapCount * (timeSize + 4) + h.isStdCount + h.isUTCount)
    transitions = times
    offsets = indices.map { typeOffsets[$0] }
    initialOffset = typeOffsets[0]
    if wide, let footer = reader.footer(), !footer.isEmpty {
      rule = PosixRule(footer)
    } else {
      rule = nil
    }
  }

  /// The offset from UTC, in seconds, at the instant `t` (Unix seconds).
  package func offset(atUTC t: Int64) -> Int {
    guard let first = transitions.first else { return rule?.offset(atUTC: t) ?? Int(initialOffset) }
    guard t >= first else { return Int(initialOffset) }
    if let last = transitions.last, t >= last, let rule { return rule.offset(atUTC: t) }
    // The last transition at or before t.
    var lo = 0
    var hi = transitions.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if transitions[mid] <= t { lo = mid } else { hi = mid - 1 }
    }
    return Int(offsets[lo])
  }

  /// Whether the offset never changes after `t`: every later transition keeps it (a "fat"
  /// file repeats the last type at 2038), and the rule has no daylight saving time.
  package func isFixed(after t: Int64) -> Bool {
    let now = offset(atUTC: t)
    guard rule.map({ $0.dst == nil && $0.standard == now }) ?? true else { return false }
    return zip(transitions, offsets).allSatisfy { $0.0 <= t || Int($0.1) == now }
  }

  /// The whole file at `path` when it is a regular file of at most `limit` bytes (sized by
  /// `fstat`: zone files are a few KB, and a buffer of `limit` zeroed bytes would cost more
  /// than the rest of a no-op run).
  private static func read(_ path: String, limit: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= limit else {
      return nil
    }
    let size = Int(st.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let n = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return Glibc.read(fd, base + done, size - done)
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      done += n
    }
    return done == size ? bytes : nil
  }

  /// A TZif header's counts.
  struct Header {
    let version: Int
    let isUTCount, isStdCount, leapCount, timeCount, typeCount, charCount: Int

    func blockSize(timeSize: Int) -> Int {
      timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4)
        + isStdCount + isUTCount
    }
  }

  /// Big-endian reads over the file's bytes; reads past the end give zeros (callers check
  /// ``remaining`` first).
  struct Reader {
    let bytes: [UInt8]
    var at = 0

    var remaining: Int { bytes.count - at }

    mutating func byte() -> UInt8 {
      defer { at += 1 }
      return at < bytes.count ? bytes[at] : 0
    }

    mutating func int32() -> Int32 {
      var v: UInt32 = 0
      for _ in 0..<4 { v = v << 8 | UInt32(byte()) }
      return Int32(bitPattern: v)
    }

    mutating func int64() -> Int64 {
      var v: UInt64 = 0
      for _ in 0..<8 { v = v << 8 | UInt64(byte()) }
      return Int64(bitPattern: v)
    }

    mutating func skip(_ n: Int) -> Bool {
      guard n >= 0, n <= remaining else { return false }
      at += n
      return true
    }

    mutating func header() -> Header? {
      guard remaining >= 44, bytes[at..<at + 4].elementsEqual("TZif".utf8) else { return nil }
      at += 4
      let v = byte()
      let version = v == 0 ? 1 : Int(v) - Int(UInt8(ascii: "0"))
      at += 15
      var counts: [Int] = []
      for _ in 0..<6 {
        let c = int32()
        guard c >= 0 else { return nil }
        counts.append(Int(c))
      }
      return Header(
        version: version, isUTCount: counts[0], isStdCount: counts[1], leapCount: counts[2],
        timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
    }

    /// The text between the newlines after the version 2+ block.
    mutating func footer() -> String? {
      guard remaining >= 2, bytes[at] == UInt8(ascii: "\n") else { return nil }
      guard let end = bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      return String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
    }
  }
}

/// A POSIX TZ rule as a TZif footer holds it (`CET-1CEST,M3.5.0,M10.5.0/3`, `<+07>-7`):
/// standard offset, and optionally a daylight saving offset with the rules of its start and
/// end in each year (RFC 8536 §3.3, with its extension of hours to ±167).
struct PosixRule: Sendable, Equatable {
  /// Standard time's offset from UTC (east positive, unlike the text).
  let standard: Int
  /// Daylight saving time's offset and when it starts and ends, if the zone has it.
  let dst: DST?

  struct DST: Sendable, Equatable {
    let offset: Int
    let start: Transition
    let end: Transition
  }

  /// A date rule and the local time of day (seconds, may be negative or past 24 h).
  struct Transition: Sendable, Equatable {
    enum Day: Sendable, Equatable {
      /// `Jn`: day 1…365, February 29 never counted.
      case julianNoLeap(Int)
      /// `n`: day 0…365, February 29 counted.
      case zeroBased(Int)
      /// `Mm.w.d`: day `d` (0 Sunday) of week `w` (5 the last) of month `m`.
      case monthWeekDay(month: Int, week: Int, weekday: Int)
    }
    let day: Day
    let time: Int

    /// The local time (seconds from 1970 as if UTC) of the transition in `year`.
    func local(in year: Int) -> Int64 {
      let jan1 = daysFromCivil(year, 1, 1)
      var days: Int64
      switch day {
      case .julianNoLeap(let n):
        days = jan1 + Int64(n - 1) + (Civil.isLeap(Int64(year)) && n >= 60 ? 1 : 0)
      case .zeroBased(let n):
        days = jan1 + Int64(n)
      case .monthWeekDay(let m, let w, let d):
        let first = daysFromCivil(year, m, 1)
        let firstWeekday = Int((first % 7 + 7 + 4) % 7)  // 1970-01-01 was a Thursday
        var dayOfMonth = 1 + (d - firstWeekday + 7) % 7 + (w - 1) * 7
        let length = Int(Civil.daysInMonth(Int64(year), Int64(m)))
        while dayOfMonth > length { dayOfMonth -= 7 }
        days = first + Int64(dayOfMonth - 1)
      }
      return days * 86_400 + Int64(time)
    }
  }

  init?(_ text: String) {
    var p = Parser(bytes: Array(text.utf8))
    guard p.name(), let std = p.offset() else { return nil }
    standard = -std
    if p.atEnd {
      dst = nil
      return
    }
    guard p.name() else { return nil }
    var dstOffset = standard + 3600
    if !p.peek(",") {
      guard let o = p.offset() else { return nil }
      dstOffset = -o
    }
    guard p.eat(","), let start = p.transition(), p.eat(","), let end = p.transition(), p.atEnd
    else { return nil }
    dst = DST(offset: dstOffset, start: start, end: end)
  }

  func offset(atUTC t: Int64) -> Int {
    guard let dst else { return standard }
    let year = civilYear(fromDays: (t + Int64(standard)).floorDiv(86_400))
    // The start is in standard time, the end in daylight saving time.
    let start = dst.start.local(in: year) - Int64(standard)
    let end = dst.end.local(in: year) - Int64(dst.offset)
    let inDST = start < end ? (t >= start && t < end) : (t < end || t >= start)
    return inDST ? dst.offset : standard
  }

  struct Parser {
    let bytes: [UInt8]
    var at = 0

    var atEnd: Bool { at == bytes.count }

    func peek(_ c: Unicode.Scalar) -> Bool { at < bytes.count && bytes[at] == UInt8(ascii: c) }

    mutating func eat(_ c: Unicode.Scalar) -> Bool {
      guard peek(c) else { return false }
      at += 1
      return true
    }

    /// `<+07>` or three or more letters.
    mutating func name() -> Bool {
      if eat("<") {
        while at < bytes.count && bytes[at] != UInt8(ascii: ">") { at += 1 }
        return eat(">")
      }
      let start = at
      while at < bytes.count, (bytes[at] | 0x20) >= UInt8(ascii: "a"),
        (bytes[at] | 0x20) <= UInt8(ascii: "z")
      {
        at += 1
      }
      return at - start >= 3
    }

    mutating func number() -> Int? {
      let start = at
      var n = 0
      while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
        n = n * 10 + Int(bytes[at] - 0x30)
        at += 1
      }
      return at > start ? n : nil
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    mutating func offset() -> Int? {
      var sign = 1
      if eat("-") { sign = -1 } else { _ = eat("+") }
      guard let h = number() else { return nil }
      var seconds = h * 3600
      if eat(":") {
        guard let m = number() else { return nil }
        seconds += m * 60
        if eat(":") {
          guard let s = number() else { return nil }
          seconds += s
        }
      }
      return sign * seconds
    }

    mutating func transition() -> Transition? {
      let day: Transition.Day
      if eat("J") {
        guard let n = number(), (1...365).contains(n) else { return nil }
        day = .julianNoLeap(n)
      } else if eat("M") {
        guard let m = number(), eat("."), let w = number(), eat("."), let d = number(),
          (1...12).contains(m), (1...5).contains(w), (0...6).contains(d)
        else { return nil }
        day = .monthWeekDay(month: m, week: w, weekday: d)
      } else {
        guard let n = number(), (0...365).contains(n) else { return nil }
        day = .zeroBased(n)
      }
      var time = 7200
      if eat("/") {
        guard let t = offset() else { return nil }
        time = t
      }
      return Transition(day: day, time: time)
    }
  }
}

/// Days from 1970-01-01 to the civil date (``Civil/days(year:month:day:)``).
private func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
  Civil.days(year: Int64(year), month: Int64(month), day: Int64(day))
}

/// The civil year of a day counted from 1970-01-01.
private func civilYear(fromDays z0: Int64) -> Int {
  let z = z0 + 719_468
  let era = (z >= 0 ? z : z - 146_096) / 146_097
  let doe = z - era * 146_097
  let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
  let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
  let mp = (5 * doy + 2) / 153
  let m = mp < 10 ? mp + 3 : mp - 9
  return Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
}

extension Int64 {
  fileprivate func floorDiv(_ d: Int64) -> Int64 {
    let q = self / d
    return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
  }
}
