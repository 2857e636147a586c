/// A small streaming JSON writer with a fixed key order (the order of the calls) and fixed
/// two-space indentation, so the same data always gives the same bytes. `JSONEncoder` is
/// slower and, without `.sortedKeys`, orders keys differently on every run
/// (notes/performance.md §6.5).
///
/// Strings are escaped per RFC 8259 §7: `"` `\` and the C0 controls, plus U+2028/U+2029 so the
/// output is also safe to embed in JavaScript. Everything else is written as UTF-8.
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []
  private var depth = 0
  /// Whether the current container already has a member (a comma is needed first).
  private var hasMember: [Bool] = [false]

  package init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

  private mutating func newline() {
    bytes.append(0x0A)
    for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
  }

  private mutating func beforeValue() {
    if hasMember[depth] { bytes.append(UInt8(ascii: ",")) }
    hasMember[depth] = true
    if depth > 0 { newline() }
  }

  private mutating func open(_ c: UInt8) {
    bytes.append(c)
    depth += 1
    hasMember.append(false)
  }

  private mutating func close(_ c: UInt8) {
    let had = hasMember.removeLast()
    depth -= 1
    if had { newline() }
    bytes.append(c)
    if depth == 0 { bytes.append(0x0A) }
  }

  /// Starts an object as a value (top level or in an array).
  package mutating func beginObject() {
    beforeValue()
    open(UInt8(ascii: "{"))
  }

  /// Starts an object as the value of `key`.
  package mutating func beginObject(_ key: String) {
    self.key(key)
    open(UInt8(ascii: "{"))
  }

  package mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Starts an array as the value of `key`.
  package mutating func beginArray(_ key: String) {
    self.key(key)
    open(UInt8(ascii: "["))
  }

  package mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func key(_ k: String) {
    beforeValue()
    string(k)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(0x20)
  }

  package mutating func member(_ k: String, _ value: String) {
    key(k)
    string(value)
  }

  /// A string given as valid UTF-8 bytes.
  package mutating func member(_ k: String, utf8 value: ArraySlice<UInt8>) {
    key(k)
    value.withUnsafeBufferPointer { string($0) }
  }

  package mutating func member(_ k: String, _ value: String?) {
    guard let value else { return }
    member(k, value)
  }

  package mutating func member(_ k: String, _ value: Bool) {
    key(k)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  package mutating func member(_ k: String, _ value: Int64) {
    key(k)
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A number written from its decimal text (already formatted by the caller).
  package mutating func member(_ k: String, number: String) {
    key(k)
    bytes.append(contentsOf: number.utf8)
  }

  /// A value that is already a complete JSON document (another writer's `bytes`), kept as
  /// it is but for its final newline.
  package mutating func member(_ k: String, json value: [UInt8]) {
    key(k)
    bytes.append(contentsOf: value.last == 0x0A ? value.dropLast() : value[...])
  }

  package mutating func memberNull(_ k: String) {
    key(k)
    bytes.append(contentsOf: "null".utf8)
  }

  /// A string element of the current array.
  package mutating func element(_ value: String) {
    beforeValue()
    string(value)
  }

  private static let hex: StaticString = "0123456789abcdef"

  /// Appends `s` as a JSON string. Runs of bytes that need no escape (nearly all of them) are
  /// copied whole; each escape is appended byte by byte, with no temporary arrays.
  private mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { string($0) }
  }

  /// Whether the byte needs a look: a control character, `"`, `\`, or 0xE2 (the first byte of
  /// U+2028 and U+2029, which are escaped for JavaScript).
  @inline(__always) static func needsLook(_ b: UInt8) -> Bool {
    b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2
  }

  private mutating func string(_ u: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    guard let base = u.baseAddress else {
      bytes.append(UInt8(ascii: "\""))
      return
    }
    let n = u.count
    var i = 0
    var runStart = 0
    @inline(__always) func flush(_ upTo: Int) {
      if upTo > runStart { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: upTo - runStart)) }
    }
    let raw = UnsafeRawPointer(base)
    // Locals, not static lets: a static costs a `swift_once` check per use.
    let space = SIMD16<UInt8>(repeating: 0x20)
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let backslash = SIMD16<UInt8>(repeating: 0x5C)
    let e2 = SIMD16<UInt8>(repeating: 0xE2)
    while true {
      // To the next byte that needs a look, eight bytes at a time (feed text is mostly long
      // clean runs; in HTML content about one byte in a hundred is a quote or a newline).
      // Sixteen bytes at a time (SSE2 compares): whether any needs a look, then which.
      var found = false
      while i + 16 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
        let look = (v .< space) .| (v .== quote) .| (v .== backslash) .| (v .== e2)
        if any(look) {
          while !Self.needsLook(base[i]) { i += 1 }
          found = true
          break
        }
        i += 16
      }
      if !found {
        while i < n && !Self.needsLook(base[i]) { i += 1 }
        if i >= n { break }
      }
      let b = base[i]
      switch b {
      case 0x22, 0x5C:
        flush(i)
        bytes.append(0x5C)
        bytes.append(b)
      case 0x0A, 0x0D, 0x09, 0x08, 0x0C:
        flush(i)
        bytes.append(0x5C)
        bytes.append(
          b == 0x0A
            ? UInt8(ascii: "n")
            : b == 0x0D
              ? UInt8(ascii: "r")
              : b == 0x09 ? UInt8(ascii: "t") : b == 0x08 ? UInt8(ascii: "b") : UInt8(ascii: "f"))
      case 0x00..<0x20:
        flush(i)
        for c in [0x5C, UInt8(ascii: "u"), 0x30, 0x30] as [UInt8] { bytes.append(c) }
        bytes.append(Self.hex.utf8Start[Int(b >> 4)])
        bytes.append(Self.hex.utf8Start[Int(b & 0xF)])
      default:
        // 0xE2: U+2028 and U+2029 (E2 80 A8/A9) are escaped for JavaScript; any other
        // sequence starting with E2 is copied.
        if i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9) {
          flush(i)
          for c in "\\u202".utf8 { bytes.append(c) }
          bytes.append(base[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
          i += 3
          runStart = i
          continue
        }
        i += 1
        continue
      }
      i += 1
      runStart = i
    }
    flush(n)
    bytes.append(UInt8(ascii: "\""))
  }
}
