import LoaCore
import LoaKit
import Testing

@Suite struct XMLTextTests {
  @Test(arguments: [
    ("plain", "plain", 0),
    ("a\u{1}b", "ab", 1),
    ("tab\tnl\ncr\r", "tab\tnl\ncr\r", 0),
    ("\u{0}\u{8}\u{B}\u{C}\u{1F}x", "x", 5),
    ("bad\u{FFFE}\u{FFFF}end", "badend", 2),
    ("ok\u{FFFD}emoji😀", "ok\u{FFFD}emoji😀", 0),
    ("Việt Nam", "Việt Nam", 0),
  ])
  func removesCharactersXMLForbids(input: String, expected: String, removed: Int) {
    let r = XMLText.sanitized(input)
    #expect(r.text == expected)
    #expect(r.removed == removed)
  }

  @Test func splitsCDATAEndMarkers() {
    #expect(XMLText.cdataPieces("a]]>b").map(String.init) == ["a]]", ">b"])
    #expect(XMLText.cdataPieces("]]>]]>").map(String.init) == ["]]", ">]]", ">"])
    #expect(XMLText.cdataPieces("no marker ]] > ]>").map(String.init) == ["no marker ]] > ]>"])
  }
}

@Suite struct HTMLTextTests {
  /// The escaper as it was, one scalar at a time: the reference for the word-at-a-time scan.
  static func reference(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// The fast path skips eight bytes at a time, so each character that needs escaping is put
  /// at every offset of a Vietnamese sentence longer than several words.
  @Test(arguments: ["&", "<", ">", "\"", "&amp;", "<\"Bãi Cháy\">", "a&b&c"])
  func escapesASpecialCharacterAtEveryOffset(special: String) {
    let clean = "Lễ hội Carnaval Hạ Long 2026: đêm pháo hoa trên vịnh"
    let bytes = Array(clean.utf8)
    for offset in 0...bytes.count {
      let text = String(decoding: bytes[..<offset], as: UTF8.self) + special
        + String(decoding: bytes[offset...], as: UTF8.self)
      #expect(HTMLText.escaped(text) == Self.reference(text), "offset \(offset)")
    }
  }

  @Test(arguments: [
    "", "x", "Việt Nam", "no markup here, only text: 100% plain (ok)", "\u{0}&\u{0}",
  ])
  func escapesShortAndCleanTextLikeTheReference(text: String) {
    #expect(HTMLText.escaped(text) == Self.reference(text))
  }

  @Test func wrapsAParagraph() {
    #expect(HTMLText.paragraph("Tom & \"Jerry\" <3") == "<p>Tom &amp; &quot;Jerry&quot; &lt;3</p>")
  }
}

@Suite struct SlugTests {
  @Test(arguments: [
    ("Bãi Cháy", "bai-chay"),
    ("Đông Hồ – đình làng", "dong-ho-dinh-lang"),
    ("Lễ hội Carnaval Hạ Long 2026!", "le-hoi-carnaval-ha-long-2026"),
    ("  Ưu tiên   người dân  ", "uu-tien-nguoi-dan"),
    ("Văn hóa – Xã hội", "van-hoa-xa-hoi"),
    ("Cầu Bãi Cháy (ảnh)", "cau-bai-chay-anh"),
    ("Bãi Cháy", "bai-chay"),  // decomposed (NFD) input
    ("../../etc/passwd", "etc-passwd"),
    ("日本語", ""),
  ])
  func makesVietnameseAwareSlugs(input: String, expected: String) {
    #expect(Slug.make(input) == expected)
  }

  @Test func mapsEveryVietnameseVowelToItsBase() {
    #expect(Slug.make("ăâêôơưđ ĂÂÊÔƠƯĐ") == "aaeooud-aaeooud")
    #expect(Slug.make("ạảấầẩẫậắằẳẵặ") == "aaaaaaaaaaaa")
  }
}

@Suite struct BylineTests {
  @Test(arguments: [
    ("Trần Thanh – Lương Huấn", ["Trần Thanh", "Lương Huấn"]),
    ("Trần Thanh–Lương Huấn", ["Trần Thanh", "Lương Huấn"]),
    ("Thu Hà - Quang Huy", ["Thu Hà", "Quang Huy"]),
    ("Phạm Minh Đức, Lê Thu Trang", ["Phạm Minh Đức", "Lê Thu Trang"]),
    ("Hoàng Yến và Vũ Nam", ["Hoàng Yến", "Vũ Nam"]),
    ("Nguyễn Hà", ["Nguyễn Hà"]),
    ("A — B; C", ["A", "B", "C"]),
    ("Nguyễn Văn A, Nguyễn Văn A", ["Nguyễn Văn A"]),
    ("  ", []),
    ("Vàng Anh", ["Vàng Anh"]),
    // A hyphen inside a word is part of the name; only a dash beside white space separates.
    ("Jean-Pierre Dupont; Nguyễn Thị Minh Khai", ["Jean-Pierre Dupont", "Nguyễn Thị Minh Khai"]),
    ("Lê Thu-Hà - Jean\u{2010}Luc Picard", ["Lê Thu-Hà", "Jean\u{2010}Luc Picard"]),
    ("Thu Hà -Quang Huy", ["Thu Hà", "Quang Huy"]),
    ("Thu Hà- Quang Huy", ["Thu Hà", "Quang Huy"]),
  ])
  func splitsBylines(input: String, expected: [String]) {
    #expect(Byline.authors(input) == expected)
  }

  @Test(arguments: [
    ("Trần Thanh – Lương Huấn", "Trần Thanh – Lương Huấn"),
    ("Trần Thanh–Lương Huấn", "Trần Thanh – Lương Huấn"),
    ("Thu Hà  -  Quang Huy", "Thu Hà - Quang Huy"),
    ("Phạm Minh Đức,Lê Thu Trang và  Vũ Nam", "Phạm Minh Đức, Lê Thu Trang và Vũ Nam"),
    (" – Trần Thanh –  ", "Trần Thanh"),
    ("Jean-Pierre Dupont; Nguyễn Thị Minh Khai", "Jean-Pierre Dupont; Nguyễn Thị Minh Khai"),
    ("Vũ Nam, Vũ Nam — Lan Anh", "Vũ Nam, Lan Anh"),
    ("", ""),
  ])
  func writesTheBylineAsOneLineInReadingOrder(input: String, expected: String) {
    #expect(Byline.parse(input).text == expected)
  }
}

@Suite struct WebAddressTests {
  let base = WebAddress("https://baichay.example.org/tin-tuc/bai-1.html")!

  @Test(arguments: [
    ("/uploads/a.jpg", "https://baichay.example.org/uploads/a.jpg"),
    ("anh/b.png", "https://baichay.example.org/tin-tuc/anh/b.png"),
    ("../c.jpg", "https://baichay.example.org/c.jpg"),
    ("//cdn.example.org/x.jpg", "https://cdn.example.org/x.jpg"),
    ("HTTP://Example.ORG/A?b=1#c", "http://example.org/A?b=1#c"),
    ("/uploads/Lễ hội hoa.jpg", "https://baichay.example.org/uploads/L%E1%BB%85%20h%E1%BB%99i%20hoa.jpg"),
    ("/a%20b/100%", "https://baichay.example.org/a%20b/100%25"),
    ("  /trim.jpg\n", "https://baichay.example.org/trim.jpg"),
    ("?page=2", "https://baichay.example.org/tin-tuc/bai-1.html?page=2"),
    ("https://bãicháy.vn/", "https://xn--bichy-0qak.vn/"),
    ("https://user:secret@example.org/x", "https://example.org/x"),
  ])
  func resolvesAndEncodes(reference: String, expected: String) {
    #expect(WebAddress.resolve(reference, against: base)?.description == expected)
  }

  @Test(arguments: ["javascript:alert(1)", "mailto:a@b.c", "data:text/html,x", "https://", "ftp://x/y"])
  func rejectsWhatIsNotHTTP(reference: String) {
    #expect(WebAddress.resolve(reference, against: base) == nil)
  }

  /// A bracket or colon in a host name is not an address; accepted, it came back
  /// percent-encoded as one that no longer parses (found by FuzzHTMLSanitizer).
  @Test func bracketsAndColonsOnlyInAnIPLiteral() {
    #expect(WebAddress("https://cdn.]xample/x") == nil)
    #expect(WebAddress.resolve("//cdn.[x/x", against: base) == nil)
    #expect(WebAddress("https://a:b:80/") == nil)
    #expect(WebAddress("https://[::1]:8080/x")?.description == "https://[::1]:8080/x")
    #expect(WebAddress("https://cdn.example:8080/x")?.description == "https://cdn.example:8080/x")
  }

  /// A host with an empty label is refused, not shortened: one trailing dot came off per
  /// pass, so `evi..` became `evi.` and, cleaned again, `evi` (found by FuzzHTMLSanitizer:
  /// sanitizing its own output changed it). One trailing dot (the DNS root) is still dropped.
  @Test func aHostWithAnEmptyLabelIsRefusedAndCleaningIsIdempotent() {
    #expect(WebAddress("https://evi../ll") == nil)
    #expect(WebAddress("https://a..b.example/x") == nil)
    #expect(WebAddress("https://.example/x") == nil)
    #expect(WebAddress("https://example.org./x")?.description == "https://example.org/x")
    for reference in ["https://user:pass@evi../ll.example:8080/x", "https://example.org./a", "//cdn..x/y"] {
      let once = WebAddress.resolve(reference, against: base)?.description
      #expect(once.flatMap { WebAddress.resolve($0, against: base)?.description } == once)
    }
  }

  /// A relative reference keeps its base's authority as it is (normalized when the base was
  /// made): the same result as normalizing it again, for every kind of host.
  @Test(arguments: [
    "https://Example.ORG/a/", "https://phường.việt.example/tin/", "https://example.org:8080/",
    "https://user:pass@EXAMPLE.org./x/", "http://[::1]:80/y/", "https://xn--bi-cy-bva2a.example/",
    "https://a_b.example/",
  ])
  func aRelativeReferenceKeepsItsBasesAuthority(baseText: String) throws {
    let base = try #require(WebAddress(baseText))
    #expect(WebAddress(base.scheme + "://" + base.authority + "/")?.authority == base.authority)
    for reference in ["/x", "y/z", "?q=1", "#f", "../up", ""] {
      let resolved = try #require(WebAddress.resolve(reference, against: base))
      #expect(resolved.authority == base.authority)
      // Spelled out with the authority, it resolves to the same address.
      let absolute = base.scheme + "://" + base.authority + resolved.path
        + (resolved.query.map { "?" + $0 } ?? "") + (resolved.fragment.map { "#" + $0 } ?? "")
      #expect(WebAddress(absolute) == resolved, "\(reference)")
    }
  }

  @Test func needsABaseForRelativeReferences() {
    #expect(WebAddress.resolve("/x", against: nil) == nil)
    #expect(WebAddress("relative/path") == nil)
  }
}
