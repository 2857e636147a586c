/// A strict JSON (RFC 8259) reader for configuration files that says where a problem is.
///
/// `JSONDecoder` accepts what an operator should hear about: a key given twice (the last one
/// silently wins), and it reports syntax errors without a line. This reader refuses a
/// duplicate key, a trailing comma, invalid UTF-8, an unescaped control character in a
/// string, a lone `\u` surrogate and text after the value, each with its line and column
/// (`12:5: duplicate key "title"`). A leading UTF-8 byte order mark is skipped (editors on
/// Windows write one; RFC 8259 §8.1 lets a parser ignore it). Nesting is limited to 512
/// levels. It builds values directly (``JSONSyntax`` is the checker for generated feeds). It
/// also reads the run state on every run, a no-op's largest single cost, so plain stretches
/// (ASCII, strings without escapes) are read a run at a time (Benchmarks/analysis.md, "The
/// no-op, round three").
package enum JSONReader {
  /// What is wrong and where: line and column count from 1; the column counts characters
  /// (Unicode scalars), not bytes.
  package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    package let line: Int
    package let column: Int
    package let message: String

    package var description: String { "\(line):\(column): \(message)" }
  }

  /// The deepest nesting of arrays and objects accepted.
  static let maximumDepth = 512

  /// Parses `bytes` as one JSON text.
  ///
  /// - Throws: ``Failure`` with the position of the first problem.
  package static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    try parse(bytes, keepingTopLevel: nil)
  }

  /// ``parse(_:)``, except that the members of the top-level object whose key is not in
  /// `keys` are only read past: their syntax is checked (not that their keys are unique),
  /// no value is built, and they are left out of the result. A run where nothing changed
  /// needs four of the run state's members, and building the others was a quarter of it.
  package static func parse(_ bytes: [UInt8], keepingTopLevel keys: Set<String>?) throws
    -> JSONValue
  {
    try bytes.withUnsafeBufferPointer { buffer in
      var p = Parser(bytes: buffer)
      p.keptTopLevelKeys = keys
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
      try p.checkUTF8()
      p.skipSpace()
      let value = try p.value(depth: 0)
      p.skipSpace()
      guard p.i == bytes.count else { throw p.failure("text after the JSON value") }
      return value
    }
  }

  private struct Parser {
    /// The text, borrowed for the parse; every read checks `i < bytes.count` first.
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// The top-level object's members to build; nil for all (``parse(_:keepingTopLevel:)``).
    var keptTopLevelKeys: Set<String>?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// A failure at byte offset `at` (default: the current one), with its line and column.
    func failure(_ message: String, at offset: Int? = nil) -> Failure {
      let end = min(offset ?? i, bytes.count)
      var line = 1
      var column = 1
      var k = 0
      while k < end {
        let b = bytes[k]
        if b == 0x0A {
          line += 1
          column = 1
        } else if b & 0xC0 != 0x80 {
          // Count lead bytes only: one per character.
          column += 1
        }
        k += 1
      }
      return Failure(line: line, column: column, message: message)
    }

    /// Refuses bytes that are not UTF-8 (overlongs, surrogates, past U+10FFFF) before anything
    /// else, naming the first one. ASCII runs are skipped byte by byte; each other sequence is
    /// checked against the well-formed byte sequences (``UTF8Sequence``).
    func checkUTF8() throws {
      var k = i
      let n = bytes.count
      while k < n {
        let lead = bytes[k]
        if lead < 0x80 {
          k += 1
          continue
        }
        let length = UTF8Sequence.length(in: bytes, at: k)
        guard length > 0 else {
          throw failure("the file is not UTF-8 (byte 0x\(String(lead, radix: 16)))", at: k)
        }
        k += length
      }
    }

    mutating func skipSpace() {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
        i += 1
      }
    }

    var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func value(depth: Int) throws -> JSONValue {
      guard let b = current else { throw failure("the file ends where a value should be") }
      switch b {
      case UInt8(ascii: "{"): return try object(depth: depth + 1)
      case UInt8(ascii: "["): return try array(depth: depth + 1)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): try literal("true"); return .bool(true)
      case UInt8(ascii: "f"): try literal("false"); return .bool(false)
      case UInt8(ascii: "n"): try literal("null"); return .null
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
      default: throw failure("unexpected \(describe(b)) where a value should be")
      }
    }

    func describe(_ b: UInt8) -> String {
      if b >= 0x21 && b < 0x7F { return "\"\(Character(Unicode.Scalar(b)))\"" }
      return "byte 0x\(String(b, radix: 16))"
    }

    mutating func literal(_ word: String) throws {
      let start = i
      for c in word.utf8 {
        guard current == c else { throw failure("unknown word; expected \(word)", at: start) }
        i += 1
      }
    }

    package mutating func object(depth: Int) throws -> JSONValue {
      guard depth <= JSONReader.maximumDepth else {
        throw failure("nested deeper than \(JSONReader.maximumDepth) levels")
      }
      i += 1
      var members: [String: JSONValue] = [:]
      skipSpace()
      if current == UInt8(ascii: "}") {
        i += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard current == UInt8(ascii: "\"") else {
          if current == UInt8(ascii: "}") { throw failure("a comma before \"}\" (trailing commas are not JSON)") }
          throw failure(current.map { "unexpected \(describe($0)) where a key in quotes should be" } ?? "the file ends inside an object")
        }
        let keyStart = i
        let key = try string()
        // Swift compares strings by canonical equivalence, as the dictionary would merge them.
        guard members[key] == nil else { throw failure("duplicate key \"\(key)\"", at: keyStart) }
        skipSpace()
        guard current == UInt8(ascii: ":") else { throw failure("expected \":\" after the key \"\(key)\"") }
        i += 1
        skipSpace()
        if depth == 1, let kept = keptTopLevelKeys, !kept.contains(key) {
          try skipValue(depth: depth)
        } else {
          members[key] = try value(depth: depth)
        }
        if try passSeparator(close: UInt8(ascii: "}"), inside: "an object") {
          return .object(members)
        }
      }
    }

    mutating func array(depth: Int) throws -> JSONValue {
      guard depth <= JSONReader.maximumDepth else {
        throw failure("nested deeper than \(JSONReader.maximumDepth) levels")
      }
      i += 1
      var elements: [JSONValue] = []
      skipSpace()
      if current == UInt8(ascii: "]") {
        i += 1
        return .array(elements)
      }
      while true {
        skipSpace()
        elements.append(try value(depth: depth))
        if try passSeparator(close: UInt8(ascii: "]"), inside: "a list") {
          return .array(elements)
        }
      }
    }

    /// After a member or an element: past a comma (refusing one right before `close`) and
    /// false, or past `close` and true.
    mutating func passSeparator(close: UInt8, inside container: String) throws -> Bool {
      let closing = Character(Unicode.Scalar(close))
      skipSpace()
      let commaAt = i
      switch current {
      case UInt8(ascii: ","):
        i += 1
        skipSpace()
        if current == close {
          throw failure("a comma before \"\(closing)\" (trailing commas are not JSON)", at: commaAt)
        }
        return false
      case close?:
        i += 1
        return true
      case .some(let b):
        throw failure("unexpected \(describe(b)); expected \",\" or \"\(closing)\" (a comma missing?)")
      case nil: throw failure("the file ends inside \(container) (a \"\(closing)\" missing?)")
      }
    }

    /// Reads past one value, checking its syntax as ``value(depth:)`` does but building
    /// nothing (keys of objects in it are not checked for duplicates).
    mutating func skipValue(depth: Int) throws {
      guard let b = current else { throw failure("the file ends where a value should be") }
      switch b {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        guard depth + 1 <= JSONReader.maximumDepth else {
          throw failure("nested deeper than \(JSONReader.maximumDepth) levels")
        }
        let isObject = b == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        skipSpace()
        if current == close {
          i += 1
          return
        }
        while true {
          skipSpace()
          if isObject {
            guard current == UInt8(ascii: "\"") else {
              throw failure(current.map { "unexpected \(describe($0)) where a key in quotes should be" } ?? "the file ends inside an object")
            }
            try skipString()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected \":\" after a key") }
            i += 1
            skipSpace()
          }
          try skipValue(depth: depth + 1)
          if try passSeparator(close: close, inside: isObject ? "an object" : "a list") { return }
        }
      case UInt8(ascii: "\""): try skipString()
      default: _ = try value(depth: depth)
      }
    }

    /// Reads past a string starting at the opening quote, checking its escapes and that it
    /// holds no control character, as ``string()`` does.
    mutating func skipString() throws {
      let start = i
      i += 1
      var scratch: [UInt8] = []
      while true {
        while i < bytes.count, Self.isPlain(bytes[i]) { i += 1 }
        guard let b = current else { throw failure("the string is not closed", at: start) }
        switch b {
        case UInt8(ascii: "\""):
          i += 1
          return
        case UInt8(ascii: "\\"):
          scratch.removeAll(keepingCapacity: true)
          try escape(into: &scratch)
        default:
          throw failure("a control character (U+\(hex4(UInt32(b)))) inside a string; write it as \\u\(hex4(UInt32(b))) or \\n")
        }
      }
    }

    /// A string starting at the opening quote; the bytes are known to be UTF-8. A string
    /// without escapes is made from its bytes in one step; otherwise plain stretches between
    /// escapes are copied whole.
    package mutating func string() throws -> String {
      let start = i
      i += 1
      var runStart = i
      while i < bytes.count, Self.isPlain(bytes[i]) { i += 1 }
      if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
        i += 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<(i - 1)]), as: UTF8.self)
      }
      var out: [UInt8] = []
      while true {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
        guard let b = current else { throw failure("the string is not closed", at: start) }
        switch b {
        case UInt8(ascii: "\""):
          i += 1
          return String(decoding: out, as: UTF8.self)
        case UInt8(ascii: "\\"):
          try escape(into: &out)
        default:
          throw failure("a control character (U+\(hex4(UInt32(b)))) inside a string; write it as \\u\(hex4(UInt32(b))) or \\n")
        }
        runStart = i
        while i < bytes.count, Self.isPlain(bytes[i]) { i += 1 }
      }
    }

    /// A byte a string holds as it is: not a quote, a backslash or a control character.
    static func isPlain(_ b: UInt8) -> Bool {
      b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\")
    }

    func hex4(_ v: UInt32) -> String {
      let s = String(v, radix: 16, uppercase: true)
      return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    mutating func escape(into out: inout [UInt8]) throws {
      let start = i
      i += 1
      guard let c = current else { throw failure("the string is not closed", at: start) }
      i += 1
      switch c {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var v = try hexQuad(escapeAt: start)
        if (0xDC00...0xDFFF).contains(v) {
          throw failure("a lone low surrogate \\u\(hex4(v))", at: start)
        }
        if (0xD800...0xDBFF).contains(v) {
          guard current == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u") else {
            throw failure("a lone high surrogate \\u\(hex4(v))", at: start)
          }
          i += 2
          let low = try hexQuad(escapeAt: start)
          guard (0xDC00...0xDFFF).contains(low) else {
            throw failure("a lone high surrogate \\u\(hex4(v))", at: start)
          }
          v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
        }
        // Not a surrogate here, so always a scalar.
        guard let scalar = Unicode.Scalar(v) else { throw failure("bad \\u escape", at: start) }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        throw failure("unknown escape \\\(Character(Unicode.Scalar(c)))", at: start)
      }
    }

    mutating func hexQuad(escapeAt start: Int) throws -> UInt32 {
      var v: UInt32 = 0
      for _ in 0..<4 {
        guard let b = current, let d = Self.hexDigit(b) else {
          throw failure("\\u needs four hexadecimal digits", at: start)
        }
        v = v << 4 | d
        i += 1
      }
      return v
    }

    static func hexDigit(_ b: UInt8) -> UInt32? {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
      default: return nil
      }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws -> Double {
      let start = i
      func digits() -> Int {
        let from = i
        while let b = current, b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { i += 1 }
        return i - from
      }
      if current == UInt8(ascii: "-") { i += 1 }
      if current == UInt8(ascii: "0") {
        i += 1
        if let b = current, b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
          throw failure("a number must not start with 0", at: start)
        }
      } else if digits() == 0 {
        throw failure("a number needs digits", at: start)
      }
      if current == UInt8(ascii: ".") {
        i += 1
        guard digits() > 0 else { throw failure("a number needs digits after \".\"", at: start) }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        i += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { throw failure("a number needs digits in its exponent", at: start) }
      }
      let text = String(decoding: bytes[start..<i], as: UTF8.self)
      guard let d = Double(text) else { throw failure("\(text) is not a number", at: start) }
      return d
    }
  }
}

extension JSONReader {
  /// A JSON syntax problem as `line:column: what`.
  package static func summary(_ error: Error) -> String {
    (error as? JSONReader.Failure)?.description ?? "\(error)"
  }
}
