/// A small streaming JSON writer with a fixed key order (the order of the calls) and fixed
/// two-space indentation, so the same data always gives the same bytes. `JSONEncoder` is
/// slower and, without `.sortedKeys`, orders keys differently on every run
/// (notes/performance.md §6.5).
///
/// Strings are escaped per RFC 8259 §7: `"` `\` and the C0 controls, plus U+2028/U+2029 so the
/// output is also safe to embed in JavaScript. Everything else is written as UTF-8.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  private var depth = 0
  /// Whether the current container already has a member (a comma is needed first).
  private var hasMember: [Bool] = [false]

  public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

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
  public mutating func beginObject() {
    beforeValue()
    open(UInt8(ascii: "{"))
  }

  /// Starts an object as the value of `key`.
  public mutating func beginObject(_ key: String) {
    self.key(key)
    open(UInt8(ascii: "{"))
  }

  public mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Starts an array as the value of `key`.
  public mutating func beginArray(_ key: String) {
    self.key(key)
    open(UInt8(ascii: "["))
  }

  public mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func key(_ k: String) {
    beforeValue()
    string(k)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(0x20)
  }

  public mutating func member(_ k: String, _ value: String) {
    key(k)
    string(value)
  }

  public mutating func member(_ k: String, _ value: String?) {
    guard let value else { return }
    member(k, value)
  }

  public mutating func member(_ k: String, _ value: Bool) {
    key(k)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func member(_ k: String, _ value: Int64) {
    key(k)
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A number written from its decimal text (already formatted by the caller).
  public mutating func member(_ k: String, number: String) {
    key(k)
    bytes.append(contentsOf: number.utf8)
  }

  public mutating func memberNull(_ k: String) {
    key(k)
    bytes.append(contentsOf: "null".utf8)
  }

  /// A string element of the current array.
  public mutating func element(_ value: String) {
    beforeValue()
    string(value)
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private mutating func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { u in
      var i = 0
      let n = u.count
      var runStart = 0
      while i < n {
        let b = u[i]
        var escape: [UInt8]? = nil
        var skip = 1
        switch b {
        case 0x22: escape = [0x5C, 0x22]
        case 0x5C: escape = [0x5C, 0x5C]
        case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
        case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
        case 0x09: escape = [0x5C, UInt8(ascii: "t")]
        case 0x08: escape = [0x5C, UInt8(ascii: "b")]
        case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
        case 0x00..<0x20:
          escape = [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]]
        case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
          escape = Array((u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          skip = 3
        default: break
        }
        if let escape {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
          bytes.append(contentsOf: escape)
          i += skip
          runStart = i
        } else {
          i += 1
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
