/// A strict JSON (RFC 8259) syntax check over bytes, for the check every JSON Feed passes
/// before it may replace the published file.
///
/// Why not `JSONSerialization`: it builds every object, array and string of the document only
/// for them to be thrown away, and took as long as rendering all the feeds of a run
/// (docs/PERFORMANCE.md). This validates the text's UTF-8, then reads each byte once more and
/// builds nothing. It is stricter than Foundation where JSON is: UTF-8 must be valid (no
/// overlongs, surrogates or code points past U+10FFFF, RFC 8259 §8.1), control characters
/// must be escaped inside strings (§7), a `\u` surrogate must come in a pair, numbers follow
/// §6's grammar, and nothing but white space may follow the value. Nesting is limited to 512
/// levels.
package enum JSONSyntax {
  /// Nil when `bytes` is one valid JSON text, else what is wrong and where.
  package static func problem(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { b in
      // The whole text's UTF-8 first (RFC 3629: no overlongs, surrogates or code points past
      // U+10FFFF; ``UTF8Automaton/utf8``, the standard library's validation wording what is
      // wrong), so the parse below reads any
      // byte past 0x7F as part of a valid character: a string is then scanned sixteen bytes
      // at a time for the three bytes that end or interrupt it (Benchmarks/analysis.md).
      if !UTF8Automaton.utf8.accepts(b) {
        do throws(UTF8.ValidationError) {
          _ = try UTF8Span(validating: b.span)
        } catch {
          let what = error.kind == .truncatedScalar ? "truncated UTF-8" : "invalid UTF-8"
          return "not valid JSON: \(what) at offset \(error.byteOffsets.lowerBound)"
        }
        return "not valid JSON: invalid UTF-8"
      }
      var p = Parser(b: b)
      return p.document()
    }
  }

  private struct Parser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

    mutating func document() -> String? {
      // A UTF-8 byte order mark is not allowed (§8.1: "MUST NOT add a byte order mark").
      skipSpace()
      if let e = value() { return e }
      skipSpace()
      return i == b.count ? nil : fail("text after the JSON value")
    }

    func fail(_ what: String) -> String { "not valid JSON: \(what) at offset \(i)" }

    @inline(__always)
    mutating func skipSpace() {
      while i < b.count {
        switch b[i] {
        case 0x20, 0x09, 0x0A, 0x0D: i += 1
        default: return
        }
      }
    }

    mutating func value() -> String? {
      guard i < b.count else { return fail("unexpected end") }
      switch b[i] {
      case UInt8(ascii: "{"): return object()
      case UInt8(ascii: "["): return array()
      case UInt8(ascii: "\""): return string()
      case UInt8(ascii: "t"): return literal("true")
      case UInt8(ascii: "f"): return literal("false")
      case UInt8(ascii: "n"): return literal("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
      default: return fail("unexpected character")
      }
    }

    mutating func literal(_ word: StaticString) -> String? {
      let n = word.utf8CodeUnitCount
      guard i + n <= b.count else { return fail("unexpected end") }
      for k in 0..<n where b[i + k] != word.utf8Start[k] { return fail("unknown literal") }
      i += n
      return nil
    }

    package mutating func object() -> String? {
      depth += 1
      guard depth <= 512 else { return fail("nesting too deep") }
      i += 1
      skipSpace()
      if i < b.count, b[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        return nil
      }
      while true {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return fail("expected a member name") }
        if let e = string() { return e }
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ":") else { return fail("expected ':'") }
        i += 1
        skipSpace()
        if let e = value() { return e }
        skipSpace()
        guard i < b.count else { return fail("unexpected end") }
        if b[i] == UInt8(ascii: ",") {
          i += 1
          skipSpace()
          continue
        }
        guard b[i] == UInt8(ascii: "}") else { return fail("expected ',' or '}'") }
        i += 1
        depth -= 1
        return nil
      }
    }

    mutating func array() -> String? {
      depth += 1
      guard depth <= 512 else { return fail("nesting too deep") }
      i += 1
      skipSpace()
      if i < b.count, b[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return nil
      }
      while true {
        if let e = value() { return e }
        skipSpace()
        guard i < b.count else { return fail("unexpected end") }
        if b[i] == UInt8(ascii: ",") {
          i += 1
          skipSpace()
          continue
        }
        guard b[i] == UInt8(ascii: "]") else { return fail("expected ',' or ']'") }
        i += 1
        depth -= 1
        return nil
      }
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
      default: return nil
      }
    }

    /// Four hex digits after `\u` at `i`.
    mutating func hex4() -> UInt32? {
      guard i + 4 <= b.count else { return nil }
      var v: UInt32 = 0
      for k in 0..<4 {
        guard let h = Self.hexValue(b[i + k]) else { return nil }
        v = v << 4 | h
      }
      i += 4
      return v
    }

    package mutating func string() -> String? {
      i += 1
      let quote = SIMD16<UInt8>(repeating: 0x22)
      let backslash = SIMD16<UInt8>(repeating: 0x5C)
      let space = SIMD16<UInt8>(repeating: 0x20)
      while i < b.count {
        // Sixteen bytes at a time while none is a quote, a backslash or a control character
        // (every other byte, UTF-8 included, was validated before the parse).
        if let base = b.baseAddress {
          let raw = UnsafeRawPointer(base)
          while i + 16 <= b.count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            if any((v .== quote) .| (v .== backslash) .| (v .< space)) { break }
            i += 16
          }
        }
        let c = b[i]
        if c == UInt8(ascii: "\"") {
          i += 1
          return nil
        }
        if c < 0x20 { return fail("unescaped control character in a string") }
        if c == UInt8(ascii: "\\") {
          i += 1
          guard i < b.count else { break }
          switch b[i] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
          case UInt8(ascii: "u"):
            i += 1
            guard let u = hex4() else { return fail("bad \\u escape") }
            if (0xD800...0xDBFF).contains(u) {
              guard i + 2 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u")
              else { return fail("lone high surrogate") }
              i += 2
              guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else {
                return fail("bad low surrogate")
              }
            } else if (0xDC00...0xDFFF).contains(u) {
              return fail("lone low surrogate")
            }
          default:
            return fail("unknown escape")
          }
          continue
        }
        i += 1
      }
      return fail("unterminated string")
    }

    mutating func digits() -> Int {
      let start = i
      while i < b.count, b[i] &- UInt8(ascii: "0") < 10 { i += 1 }
      return i - start
    }

    mutating func number() -> String? {
      if b[i] == UInt8(ascii: "-") { i += 1 }
      guard i < b.count else { return fail("unexpected end in a number") }
      if b[i] == UInt8(ascii: "0") {
        i += 1
      } else if digits() == 0 {
        return fail("bad number")
      }
      if i < b.count, b[i] == UInt8(ascii: ".") {
        i += 1
        guard digits() > 0 else { return fail("bad fraction") }
      }
      if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { return fail("bad exponent") }
      }
      return nil
    }
  }
}
