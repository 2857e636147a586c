import Foundation
import LoaCore
import Testing

/// loa's own string helpers (Sources/LoaCore/Text/StringHelpers.swift) give what corelibs
/// Foundation gave for the same input: the tests may import Foundation, the shipped targets
/// no longer do, so each helper is checked against the call it replaced.
@Suite struct StringHelpersTests {
  static let samples: [String] = [
    "", " ", "\t", "plain", "  both  ", "\tTab\t", "\u{A0}nbsp\u{A0}",
    "\u{3000}ideographic\u{3000}",
    "\u{2003}em\u{2009}", "\u{202F}\u{205F}x\u{1680}", "\n\r line \u{85}", "\u{2028}sep\u{2029}",
    " \u{301}combining", "x \u{301}", "Việt Nam ", " Hà Nội\u{B}\u{C}",
    "\u{200B}zero width\u{200B}",
    "😀 ", " a b ", "\u{FEFF}bom", "  \r\n  ",
  ]

  @Test func trimmingWhitespaceRemovesWhatCharacterSetWhitespacesDoes() {
    for s in Self.samples {
      #expect(
        s.trimmingWhitespace() == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
      #expect(
        Substring(s).trimmingWhitespace() == s.trimmingCharacters(in: .whitespaces),
        "\(s.debugDescription)")
    }
  }

  @Test func theWhitespaceSetsAreFoundationsScalarForScalar() {
    var differ: [String] = []
    for v in UInt32(0)...0x10FFFF {
      guard let s = Unicode.Scalar(v) else { continue }
      if isHorizontalWhitespace(s) != CharacterSet.whitespaces.contains(s) {
        differ.append("whitespaces U+\(String(v, radix: 16))")
      }
      if isWhitespaceOrNewline(s) != CharacterSet.whitespacesAndNewlines.contains(s) {
        differ.append("whitespacesAndNewlines U+\(String(v, radix: 16))")
      }
    }
    #expect(differ.isEmpty, "\(differ)")
  }

  @Test func trimmingWhitespaceAndNewlinesRemovesWhatTheFoundationSetDoes() {
    for s in Self.samples {
      #expect(
        s.trimmingWhitespaceAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(s.debugDescription)")
    }
  }

  @Test func aSearchFindsTheSameRangeAsFoundation() {
    let haystacks = [
      "", "abc", "a://b://c", ".x.loa-123.tmp", ".a.loa-1.loa-2.tmp", "aaaa", "article:1article:2",
      "Việt://Nam", "e\u{301}://x", "😀://😀",
    ]
    let needles = ["://", ".loa-", "a", "aa", "article:", "x", "😀", "nope"]
    for h in haystacks {
      for n in needles {
        #expect(h.firstOccurrence(of: n) == h.range(of: n), "\(h) \(n)")
        #expect(h.lastOccurrence(of: n) == h.range(of: n, options: .backwards), "\(h) \(n)")
        #expect(h.containsText(n) == (h.range(of: n) != nil), "\(h) \(n)")
      }
    }
    #expect("abc".firstOccurrence(of: "") == nil)
    #expect("abc".lastOccurrence(of: "") == nil)
  }

  @Test func replacingAllReplacesWhatReplacingOccurrencesDoes() {
    let cases: [(String, String, String)] = [
      ("", "a", "b"), ("aaa", "a", "bb"), ("aaaa", "aa", "a"), ("a%2Fb%2F", "%2F", "/"),
      ("&amp;lt;", "&amp;", "&"), ("key KEY key", "key", "REDACTED"), ("Việt_Nam", "_", "-"),
      ("no match", "zz", "y"), ("{slug}/x/{slug}", "{slug}", ""),
    ]
    for (s, needle, replacement) in cases {
      #expect(
        s.replacingAll(needle, with: replacement)
          == s.replacingOccurrences(of: needle, with: replacement), "\(s) \(needle)")
    }
  }

  @Test func percentEncodingKeepsOnlyUnreservedLikeFoundation() {
    var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    allowed.insert(charactersIn: "0123456789-._~")
    for s in Self.samples + ["p@ss:w/rd?#[]", "100% sure", "a+b=c&d", "~-._", "Hà Nội/ký tự"] {
      #expect(
        PercentEncoding.encode(s, allowing: .unreserved)
          == s.addingPercentEncoding(
            withAllowedCharacters: allowed), "\(s.debugDescription)")
    }
  }

  @Test func percentDecodingMatchesRemovingPercentEncoding() {
    for s in [
      "", "plain", "a%20b", "%2f%2F", "%C3%A0", "%", "%2", "%zz", "100%", "%FF", "%C3", "a%2Bb%3D",
      "%E1%BB%87t",
    ] {
      #expect(PercentEncoding.decode(s) == s.removingPercentEncoding, "\(s)")
    }
  }
}
