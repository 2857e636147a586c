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
}
