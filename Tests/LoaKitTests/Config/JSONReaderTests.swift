import Foundation
import LoaCore
import LoaTestSupport
import Testing

/// Issue 16: the reader takes plain stretches a run at a time (strings without escapes in one
/// step, ASCII skipped by the UTF-8 check) because it reads the run state on every run. Both
/// fast paths are compared with an independent reader on generated input.
@Suite struct JSONReaderTests {
  /// Pieces of JSON string literals: plain ASCII, every escape, raw multi-byte text.
  static let pieces = [
    "a", "Hạ Long", "thoi-su/rss.xml", "\\/", "\\\"", "\\\\", "\\n", "\\t", "\\r", "\\b", "\\f",
    "\\u00e9", "\\u1EBF", "\\ud83d\\ude00", "ế", "😀", " ", "–", "\\u0000", "x\\u001fy", "0123456789",
  ]

  @Test func stringsReadAsFoundationReadsThem() throws {
    var random = SeededRandom(state: 16)
    var literals: [String] = []
    for _ in 0..<2000 {
      let count = random.below(6)
      literals.append(
        "\"" + (0..<count).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined() + "\"")
    }
    let document = "{\"k\": [" + literals.joined(separator: ", ") + "]}"
    guard case .object(let object) = try JSONReader.parse(Array(document.utf8)),
      case .array(let values) = object["k"]
    else {
      Issue.record("not an object with an array")
      return
    }
    let expected = try #require(
      (try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])?["k"]
        as? [String])
    #expect(values.count == expected.count)
    for (value, want) in zip(values, expected) {
      guard case .string(let got) = value else {
        Issue.record("not a string: \(value)")
        continue
      }
      // Scalar by scalar: String's == would equate canonically equivalent spellings.
      #expect(got.unicodeScalars.elementsEqual(want.unicodeScalars), "\(got) != \(want)")
    }
  }

  /// Random bytes inside a string are accepted exactly when the standard library finds them
  /// UTF-8, and a refusal names the first byte that is not.
  @Test func theUTF8CheckAgreesWithTheStandardLibrary() throws {
    var random = SeededRandom(state: 8259)
    // Lead bytes, continuation bytes, the bounds of Unicode's table 3-7 and ASCII.
    let alphabet: [UInt8] = [
      0x41, 0x7E, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
      0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    var accepted = 0
    for _ in 0..<20_000 {
      let body = (0..<(1 + random.below(5))).map { _ in alphabet[random.below(alphabet.count)] }
      let document = [UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")]
      let valid = String(validating: body, as: UTF8.self) != nil
      do {
        let value = try JSONReader.parse(document)
        #expect(valid, "accepted \(body)")
        #expect(value == .string(String(decoding: body, as: UTF8.self)))
        accepted += 1
      } catch let failure as JSONReader.Failure {
        #expect(!valid, "refused \(body): \(failure)")
        // The first byte that starts no well-formed sequence, as the decoder finds it.
        var offset = 0
        var iterator = body.makeIterator()
        var decoder = Unicode.UTF8()
        decode: while true {
          switch decoder.decode(&iterator) {
          case .scalarValue(let scalar): offset += UTF8.width(scalar)
          case .emptyInput, .error: break decode
          }
        }
        let hex = String(body[min(offset, body.count - 1)], radix: 16)
        #expect(failure.message == "the file is not UTF-8 (byte 0x\(hex))", "\(body)")
      }
    }
    #expect(accepted > 400, "the alphabet makes valid sequences too")
  }

  /// The run state's no-op read builds only the members it needs; the others are read past
  /// with their syntax checked, and what is kept is what the full parse builds.
  @Test func membersLeftOutAreCheckedButNotBuilt() throws {
    var random = SeededRandom(state: 5005)
    func value(_ depth: Int) -> String {
      switch random.below(depth > 3 ? 4 : 6) {
      case 0: return Self.pieces[random.below(Self.pieces.count)].isEmpty ? "\"\"" : "\"" + Self.pieces[random.below(Self.pieces.count)] + "\""
      case 1: return ["0", "-1.5e3", "42", "true", "false", "null"][random.below(6)]
      case 2: return "\"x\\/y\""
      case 3: return "[]"
      case 4: return "[" + (0..<random.below(4)).map { _ in value(depth + 1) }.joined(separator: ", ") + "]"
      default:
        return "{" + (0..<random.below(4)).map { k in "\"k\(k)\": " + value(depth + 1) }
          .joined(separator: ", ") + "}"
      }
    }
    for _ in 0..<500 {
      let members = (0..<6).map { k in "\"m\(k)\": " + value(0) }
      let document = Array(("{" + members.joined(separator: ",\n ") + "}").utf8)
      guard case .object(let full) = try JSONReader.parse(document),
        case .object(let kept) = try JSONReader.parse(document, keepingTopLevel: ["m1", "m4"])
      else {
        Issue.record("not an object")
        return
      }
      #expect(Set(kept.keys) == ["m1", "m4"])
      #expect(kept["m1"] == full["m1"] && kept["m4"] == full["m4"])
    }
    for bad in [
      #"{"a": 1, "b": [1,,2]}"#, #"{"a": 1, "b": {"x": 1,}}"#, "{\"a\": 1, \"b\": \"\u{1}\"}",
      #"{"a": 1, "b": "\q"}"#, #"{"a": 1, "b": [1 2]}"#, #"{"a": 1, "b": {"x" 1}}"#, #"{"a": 1, "b": [tru]}"#,
      #"{"a": 1, "b": ["#,
    ] {
      #expect(throws: JSONReader.Failure.self, "\(bad)") {
        try JSONReader.parse(Array(bad.utf8), keepingTopLevel: ["a"])
      }
    }
    let deep = "{\"a\": 1, \"b\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
    #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(Array(deep.utf8), keepingTopLevel: ["a"]) }
  }
}
