import LoaTestSupport
import Testing

@testable import LoaCore

/// The JSON check's fast path (the text's UTF-8 validated first, strings then skipped eight
/// bytes at a time) says exactly what byte-by-byte reading says, with every special byte at
/// every offset of a word.
@Suite struct JSONSyntaxScanTests {
  static let specials: [[UInt8]] = [
    Array("\"".utf8), Array("\\\"".utf8), Array("\\\\".utf8), Array("\\n".utf8), Array("\\u00e9".utf8),
    Array("\\ud83d\\ude00".utf8), Array("\\x".utf8), [0x01], [0x1F], [0x7F], [0x20], [0x5B], Array("é".utf8),
    Array("ệ".utf8), Array("😀".utf8), [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE1, 0x80],
  ]

  @Test func everySpecialByteAtEveryOffsetIsReadTheSameWay() {
    for special in Self.specials {
      for offset in 0..<17 {
        let before = Array(repeating: UInt8(ascii: "a"), count: offset)
        let after = Array(repeating: UInt8(ascii: "b"), count: 17 - offset)
        let text = Array("{\"k\": [\"".utf8) + before + special + after + Array("\", 1]}".utf8)
        let fast = JSONSyntax.problem(text)
        let slow = JSONSyntax.problem(text, validatingFirst: false)
        #expect(fast == slow, "\(special) at \(offset): \(fast ?? "ok") vs \(slow ?? "ok")")
      }
    }
  }

  @Test func randomTextIsReadTheSameWay() {
    var random = SeededRandom(state: 20_261_204)
    let pieces: [[UInt8]] = Self.specials + [Array("{".utf8), Array("}".utf8), Array(",".utf8),
      Array(":".utf8), Array("12".utf8), Array("Việt Nam ".utf8), Array("<p>".utf8)]
    var disagreements = 0
    var problems = 0
    for _ in 0..<5000 {
      var text = Array("[\"".utf8)
      for _ in 0..<random.below(30) { text += pieces[random.below(pieces.count)] }
      text += Array("\"]".utf8)
      let fast = JSONSyntax.problem(text)
      if fast != JSONSyntax.problem(text, validatingFirst: false) { disagreements += 1 }
      if fast != nil { problems += 1 }
    }
    #expect(disagreements == 0)
    // Both kinds were tried.
    #expect(problems > 100 && problems < 4900)
  }

  @Test func aFeedOfVietnameseHTMLPasses() {
    let item = #"{"id": "1", "content_html": "<p>Phường Bãi Cháy: \"Tết\" \\ ổn định</p>\n<p>Trần Thanh – Lương Huấn</p>"}"#
    let feed = "{\"items\": [" + Array(repeating: item, count: 50).joined(separator: ",") + "]}"
    #expect(JSONSyntax.problem(Array(feed.utf8)) == nil)
    #expect(JSONSyntax.problem(Array((feed + "\u{1}").utf8)) != nil)
  }
}
