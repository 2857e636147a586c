import Foundation
import LoaKit
import LoaTestSupport
import Testing

@testable import LoaXML

/// The checks every generated file passes before it may replace the published one.
@Suite struct OutputCheckTests {
  @Test(arguments: [
    "{}", "[]", " {\n\t\"a\" : [ 1, -0.5e+3, 0, 2E-7, true, false, null ] } ", "\"x\"", "0", "-0",
    #"{"s": "é \u00e9 \ud83d\ude00 \" \\ \/ \b \f \n \r \t", "e": "", "o": {"p": {}}}"#,
    "[\"Việt Nam 🎆\"]",
  ])
  func acceptsValidJSON(text: String) {
    #expect(OutputCheck.jsonProblem(Array(text.utf8)) == nil, "\(text)")
    // The independent opinion: Foundation agrees.
    #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil)
  }

  @Test(arguments: [
    "", " ", "{,}", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "{'a':1}", "01", "1.", ".5", "-", "1e", "+1",
    "\"a\u{1}b\"", #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, #""\x""#, #""\u12""#, "nul", "True",
    "{} x", "[1] [2]", "\"abc", "[", "{\"a\":", "NaN", "Infinity",
    String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
  ])
  func refusesInvalidJSON(text: String) {
    #expect(OutputCheck.jsonProblem(Array(text.utf8)) != nil, "\(text)")
  }

  @Test(arguments: [
    [0x22, 0xC0, 0x80, 0x22],  // overlong NUL
    [0x22, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate
    [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // past U+10FFFF
    [0x22, 0xE1, 0x80, 0x22],  // truncated
    [0x22, 0xFF, 0x22],
    [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],  // a byte order mark
  ] as [[UInt8]])
  func refusesInvalidUTF8(bytes: [UInt8]) {
    #expect(OutputCheck.jsonProblem(bytes) != nil, "\(bytes)")
  }

  @Test func namesWhereTheJSONBreaks() {
    #expect(OutputCheck.jsonProblem(Array("{\"a\": [1, 2,]}".utf8)) == "not valid JSON: unexpected character at offset 12")
    #expect(OutputCheck.jsonProblem([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) == "not valid JSON: invalid UTF-8 at offset 3")
    #expect(OutputCheck.jsonProblem([0x5B, 0x22, 0x61, 0xE1, 0xBA]) == "not valid JSON: truncated UTF-8 at offset 3")
  }

  /// Strings are scanned sixteen bytes at a time: whatever ends or breaks one is found at
  /// every position around the blocks' edges, among ASCII and Vietnamese letters.
  @Test(arguments: ["a", "ệ"])
  func findsWhatEndsAStringAtEveryPosition(letter: String) {
    for length in 0..<40 {
      for k in 0...length {
        var before = Array(String(repeating: letter, count: k).utf8)
        let after = Array(String(repeating: letter, count: length - k).utf8)
        before.insert(0x22, at: 0)
        func json(_ middle: [UInt8]) -> [UInt8] { [0x5B] + before + middle + after + [0x22, 0x5D] }
        #expect(OutputCheck.jsonProblem(json([])) == nil)
        #expect(OutputCheck.jsonProblem(json([0x5C, 0x22])) == nil, "an escaped quote at \(k)")
        #expect(OutputCheck.jsonProblem(json([0x5C, 0x5C])) == nil, "an escaped backslash at \(k)")
        #expect(OutputCheck.jsonProblem(json([0x0A])) != nil, "a raw line feed at \(k)")
        #expect(OutputCheck.jsonProblem(json([0x1F])) != nil, "a raw control at \(k)")
        #expect(OutputCheck.jsonProblem(json([0x22])) != nil, "a quote that ends the string early at \(k)")
        #expect(OutputCheck.jsonProblem(json([0x5C, 0x71])) != nil, "an unknown escape at \(k)")
        #expect(OutputCheck.jsonProblem(json([0xC3])) != nil, "a truncated character at \(k)")
        #expect(OutputCheck.jsonProblem(json([0xED, 0xA0, 0x80])) != nil, "a surrogate at \(k)")
      }
    }
  }

  @Test(arguments: [
    "<a/>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r xmlns:x=\"urn:x\"><x:b c=\"&amp;&lt;\"/><![CDATA[a]]b]]></r>",
  ])
  func acceptsWellFormedXML(text: String) {
    #expect(OutputCheck.xmlProblem(Array(text.utf8)) == nil, "\(text)")
  }

  @Test(arguments: [
    "", "<a>", "<a></b>", "<a x=1/>", "<a>&nbsp;</a>", "<a>\u{1}</a>", "<x:a/>", "<a/><b/>",
    "<a><![CDATA[x]]></a><!--", "<a>]]></a>", "text",
  ])
  func refusesWhatIsNotWellFormed(text: String) {
    #expect(OutputCheck.xmlProblem(Array(text.utf8)) != nil, "\(text)")
  }

  @Test func checksFilesLargerThanLibxml2sSafetyLimits() {
    // A feed of 10,000 items is about 40 MB: past libxml2's 10 MB limits for untrusted input.
    let text = String(repeating: "Bãi Cháy & Hạ Long ", count: 600_000)
    let xml = "<rss><channel><description>" + text.replacingOccurrences(of: "&", with: "&amp;")
      + "</description></channel></rss>"
    #expect(xml.utf8.count > 12_000_000)
    #expect(OutputCheck.xmlProblem(Array(xml.utf8)) == nil)
    #expect(OutputCheck.jsonProblem(Array(("[\"" + text + "\"]").utf8)) == nil)
  }

  // MARK: CDATA left out of the parse (issue 16)

  /// Whether the whole document parses, as libxml2 alone decides.
  static func wholeParseAccepts(_ bytes: [UInt8]) -> Bool {
    OutputCheck.parse(bytes, sax: nil, user: nil) == nil
  }

  static func examplesFeeds() throws -> [[UInt8]] {
    let out = try TemporaryDirectory()
    _ = try ExamplePortalTests.publishExample(into: out.path)
    let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
    return try files.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rss") || $0.hasSuffix(".atom") }.sorted().map {
      Array(try Data(contentsOf: URL(fileURLWithPath: out.path($0))))
    }
  }

  /// The example's feeds carry their HTML in CDATA: each is checked with the sections left
  /// out, and so are thousands of mutants, with libxml2's answer on the whole document.
  @Test func leavingCDATAOutOfTheParseGivesTheWholeParsesAnswer() throws {
    let feeds = try Self.examplesFeeds()
    #expect(feeds.count >= 6)
    var withSections = 0
    for feed in feeds {
      if feed.withUnsafeBytes({ OutputCheck.elidingCDATA($0) }) != nil { withSections += 1 }
      #expect(OutputCheck.xmlProblem(feed) == nil)
    }
    #expect(withSections * 2 > feeds.count, "\(withSections) of \(feeds.count)")
    let pieces = [
      "<![CDATA[", "]]>", "<![CDATA[x]]>", "<!--", "-->", "<", ">", "&", "\u{1}", "\u{FFFE}", "\u{FFFF}",
      "<![CDATA[a]]]]>", "]]]]>", "<?pi", "?>", "\r\n", "<x>", "</x>", "<!-- <![CDATA[ -- ]]> -->",
      "<![CDATA[\u{1}]]>", "\"", "'", "<!DOCTYPE x [<!ENTITY e \"<![CDATA[\">]>",
    ].map { Array($0.utf8) } + [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xE1, 0xBA]]
    var r = SeededRandom(state: 4287)
    var accepted = 0
    var refused = 0
    for k in 0..<3_000 {
      var m = feeds[k % feeds.count]
      // Mostly inside CDATA sections, where it matters.
      let sections = m.withUnsafeBytes { OutputCheck.elidingCDATA($0)?.sections } ?? []
      for _ in 0..<(1 + r.below(3)) {
        let at: Int
        if !sections.isEmpty && r.below(3) != 0 {
          let s = sections[r.below(sections.count)]
          at = min(m.count, s.lowerBound + r.below(max(1, s.count)))
        } else {
          at = r.below(m.count)
        }
        switch r.below(3) {
        case 0: m.removeSubrange(at..<min(m.count, at + 1 + r.below(12)))
        default: m.insert(contentsOf: pieces[r.below(pieces.count)], at: at)
        }
      }
      let fast = OutputCheck.xmlProblem(m) == nil
      #expect(fast == Self.wholeParseAccepts(m), "\(String(decoding: m, as: UTF8.self).prefix(2000))")
      if fast { accepted += 1 } else { refused += 1 }
    }
    #expect(accepted > 300 && refused > 300, "accepted \(accepted), refused \(refused)")
  }

  /// `isCharData` against the scalars of the bytes as a string, where they are valid UTF-8.
  @Test func charDataIsValidUTF8OfXMLCharacters() {
    var r = SeededRandom(state: 17)
    let pieces: [[UInt8]] = [
      Array("Bãi Cháy ".utf8), Array("abcdefgh".utf8), [0x09], [0x0A], [0x0D], [0x00], [0x1F], [0x7F],
      Array("\u{D7FF}".utf8), Array("\u{E000}".utf8), Array("\u{FFFD}".utf8), [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],
      Array("\u{10FFFF}".utf8), [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0xBA], [0x80],
      Array("🎆".utf8), [0xEF, 0xBE, 0xBF], [0xEF, 0xBF, 0xBD],
    ]
    func reference(_ b: [UInt8]) -> Bool {
      guard let s = String(validating: b, as: UTF8.self) else { return false }
      return s.unicodeScalars.allSatisfy {
        switch $0.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
      }
    }
    for _ in 0..<20_000 {
      var b: [UInt8] = []
      for _ in 0..<r.below(10) { b += pieces[r.below(pieces.count)] }
      let ours = b.withUnsafeBufferPointer { OutputCheck.isCharData($0) }
      #expect(ours == reference(b), "\(b)")
    }
  }
}
