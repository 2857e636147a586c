import CLibXML2
import LoaCore
import LoaTestSupport
import Testing

@testable import LoaXML

/// loa writes the sanitized tree itself (`HTMLTreeWriter`, issue 16) instead of libxml2's
/// `htmlNodeDumpFormatOutput`; it must write exactly libxml2's bytes for every tree: the
/// sanitizer's (thousands of generated and hostile bodies) and trees built by hand with what
/// the sanitizer never leaves (URLs with spaces, boolean and empty attributes, script text,
/// void elements with children, control bytes, invalid UTF-8).
@Suite struct HTMLTreeWriterTests {
  static let sanitizer: HTMLSanitizer = {
    guard let base = WebAddress("https://baichay.example.org/tin-tuc/bai viet-1.html?p=2") else {
      fatalError("base URL does not parse")
    }
    return HTMLSanitizer(base: base)
  }()

  static let tags = [
    "p", "a", "img", "br", "hr", "div", "span", "b", "i", "em", "strong", "ul", "li", "ol", "dl",
    "dt", "dd", "table", "tbody", "tr", "td", "th", "figure", "figcaption", "blockquote", "q",
    "pre", "code", "h2", "time", "abbr", "font", "center", "script", "style", "iframe", "video",
    "o:p", "col", "colgroup", "caption", "details", "summary", "sub", "sup", "del", "ins", "P", "A",
  ]
  static let attributeNames = [
    "href", "src", "alt", "title", "lang", "dir", "width", "height", "srcset", "cite", "datetime",
    "data-src", "class", "style", "onclick", "colspan", "start", "value", "HREF", "Title", "name",
    "nowrap", "checked", "sizes", "poster", "reversed", "type", "scope", "data-srcset",
    "data-original", "data-lazy-src", "data-x", "id", "rowspan",
  ]
  static let values = [
    "", " ", "a\"b", "a'b", "a\"b'c", "\"'\"", "http://x.example/a b", "/đường dẫn?q=1&r=2#frag",
    "%zz%41%", "  lead", "tiếng Việt", "<!--#include virtual=\"x\"-->", "&{x}", "a&b<c>d",
    "javascript:alert(1)", "mailto:a b@x.org", "tel:+84 1", "img.jpg 480w, big.jpg 2x", "1.5x",
    "12", " 7 ", "rtl", "LTR", "x\ty\nz", "&amp;&quot;&#39;&lt;", "https://ví.dụ/ảnh.jpg",
    "//cdn.example/x.png?a=1&b=2", "[::1]", "#top", "?q=a+b", "a{b}|c^d`e\\f", "\u{A0}\u{200B}",
  ]
  static let texts = [
    "chữ", "a < b > c & d", "\"quoted\" 'single'", "&nbsp;", "&#13;", "&#x1F600;", "  ", "\n",
    "tab\there", "Đọc tiếp…", "<", "&", "]]>", "&lt;b&gt;", "x&#1;y", "&#127;", "&amp;{x}",
    "<!-- c -->", "<?pi x?>", "<![CDATA[a<b]]>", "e\u{301}", "ﬁ", "\u{7F}", "&quot;'", "a\r\nb",
  ]

  static func element(_ r: inout SeededRandom, depth: Int) -> String {
    let tag = tags[r.below(tags.count)]
    var s = "<" + tag
    for _ in 0..<r.below(4) {
      let name = attributeNames[r.below(attributeNames.count)]
      let value = values[r.below(values.count)]
      switch r.below(4) {
      case 0: s += " \(name)=\"\(value.replacingQuotes("\"", "&quot;"))\""
      case 1: s += " \(name)='\(value.replacingQuotes("'", "&#39;"))'"
      case 2: s += " \(name)"
      default: s += " \(name)=\(value.isEmpty || value.contains(" ") ? "x" : value)"
      }
    }
    s += ">"
    for _ in 0..<r.below(depth > 5 ? 1 : 4) {
      s += r.below(2) == 0 ? texts[r.below(texts.count)] : element(&r, depth: depth + 1)
    }
    if r.below(5) != 0 { s += "</\(tag)>" }
    return s
  }

  @Test func theSanitizedTreeOfThousandsOfGeneratedBodiesIsWrittenAsLibxml2WritesIt() {
    var r = SeededRandom(state: 16)
    var compared = 0
    for _ in 0..<3_000 {
      var html = ""
      for _ in 0..<(1 + r.below(4)) {
        html += r.below(3) == 0 ? Self.texts[r.below(Self.texts.count)] : Self.element(&r, depth: 0)
      }
      let differences = Self.sanitizer.writerDifferences(XMLText.sanitized(html).text)
      #expect(differences.isEmpty, "\(html.debugDescription): \(differences)")
      compared += 1
    }
    #expect(compared == 3_000)
  }

  @Test(arguments: [
    "<p title='say \"hi\"'>a</p>", "<p title=\"it's\">a</p>", "<p title='a\"b&#39;c'>x</p>",
    "<a href=\"/a b/ả?x=1&amp;y=2#z\">l</a>", "<img src=\" /x%20y.png\" alt=\"\">",
    "<img src=x.png alt>", "<p lang=\"\">a</p>", "<ul><li></li><li>b</li></ul>",
    "<table><tr><td></td><th>h</th></tr></table>", "<p>&lt;script&gt;&amp;&quot;&#39;</p>",
    "<p>Tiếng Việt: Đà Nẵng, Huế, Hà Nội — “ngoặc”</p>",
    "<p><b><i><u><s><em>x</em></s></u></i></b></p>",
    "<blockquote cite=\"http://x.example/q?a=1&b=2\">q</blockquote>", "<p>a<br>b<hr>c</p>",
    "<a href=\"mailto:ai@x.org?subject=chào bạn\">m</a>", "<a href=\"tel:+84 123\">t</a>",
    "<img srcset=\"a.jpg 1x, b c.jpg 2x\" src=a.jpg>", "<p title=\"<!--x-->\">a</p>",
    "<p title=\"&amp;{x}\">a</p>", "<iframe src=\"https://v.example/e m\"></iframe>",
    "<video poster=\"p q.jpg\" src=\"v.mp4\"></video>",
    "<time datetime=\"2026-12-04 20:00\">t</time>",
    "x<p>y", "<p>\u{0B}\u{0C}\u{7F}</p>", "<font color=red>f</font>", "<o:p>w</o:p>",
  ])
  func hostileBodiesAreWrittenAsLibxml2WritesThem(_ html: String) {
    #expect(Self.sanitizer.writerDifferences(html).isEmpty)
  }

  @Test func attributesKeptInPlaceGiveWhatRemovingAndSettingThemGives() {
    var slow = Self.sanitizer
    slow.attributesInPlace = false
    var r = SeededRandom(state: 1_016)
    for _ in 0..<3_000 {
      var html = ""
      for _ in 0..<(1 + r.below(4)) {
        html += r.below(3) == 0 ? Self.texts[r.below(Self.texts.count)] : Self.element(&r, depth: 0)
      }
      html = XMLText.sanitized(html).text
      let fast = Self.sanitizer.sanitize(html)
      let reference = slow.sanitize(html)
      #expect(fast == reference, "\(html.debugDescription)")
      #expect(fast.html.utf8.elementsEqual(reference.html.utf8), "\(html.debugDescription)")
    }
  }

  /// `node` written by both, where loa's writer takes it (false when it leaves it to libxml2).
  static func same(_ node: xmlNodePtr, _ doc: htmlDocPtr) -> Bool? {
    var ours: [UInt8] = []
    guard HTMLTreeWriter.append(node, doc, to: &ours) else { return nil }
    let theirs = HTMLSanitizer.libxml2Dump(node, doc)
    #expect(
      ours == theirs,
      "\(String(decoding: ours, as: UTF8.self)) != \(String(decoding: theirs, as: UTF8.self))")
    return ours == theirs
  }

  /// Every node under `parent` compared.
  static func compareAll(under parent: xmlNodePtr, _ doc: htmlDocPtr) -> Int {
    var compared = 0
    var c = parent.pointee.children
    while let n = c {
      if same(n, doc) != nil { compared += 1 }
      compared += compareAll(under: n, doc)
      c = n.pointee.next
    }
    return compared
  }

  @Test func unsanitizedTreesAreWrittenAsLibxml2WritesThemWhereverTheWriterTakesThem() throws {
    var r = SeededRandom(state: 61)
    var compared = 0
    for _ in 0..<1_000 {
      var html = ""
      for _ in 0..<(1 + r.below(3)) { html += Self.element(&r, depth: 0) }
      let document = try #require(
        HTMLDocument.parse(
          html, options: Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)))
      withExtendedLifetime(document) {
        if let root = xmlDocGetRootElement(document.pointer) {
          compared += Self.compareAll(under: root, document.pointer)
        }
      }
    }
    #expect(compared > 5_000)
  }

  @Test func treesBuiltByHandAreWrittenAsLibxml2WritesThem() throws {
    let document = try HTMLDocument.empty()
    let doc = document.pointer
    try withExtendedLifetime(document) {
      let body = try #require(xmlNewDocNode(doc, nil, "body", nil))
      xmlDocSetRootElement(doc, body)
      /// An element; an attribute's value nil: an attribute without children.
      func add(
        _ name: String, _ attributes: [(String, [UInt8]?)] = [], text: [UInt8]? = nil,
        under parent: xmlNodePtr? = nil
      ) throws -> xmlNodePtr {
        let e = try #require(xmlNewDocNode(doc, nil, name, nil))
        for (n, v) in attributes {
          if let v { xmlSetProp(e, n, v + [0]) } else { xmlSetProp(e, n, nil) }
        }
        if let text, let t = xmlNewDocText(doc, text + [0]) { xmlAddChild(e, t) }
        xmlAddChild(parent ?? body, e)
        return e
      }
      let urls: [[UInt8]] = [
        Array(" \t\n\r http://x.example/a b?c=d&e=f#g h".utf8), Array("đường/dẫn".utf8),
        Array("a\"b".utf8), Array("a'b\"c".utf8), Array("%41%zz".utf8), Array("{|}^`\\[]".utf8),
        Array("  ".utf8), [], Array("<!--x-->&{y}&z".utf8), [0x61, 0xFF, 0xC3, 0x62],
        [0x01, 0x1F, 0x7F],
      ]
      for url in urls {
        for name in ["href", "HREF", "src", "action", "name", "cite", "title"] {
          for element in ["a", "img", "form", "A", "div"] {
            _ = try add(element, [(name, url)], text: Array("t".utf8))
          }
        }
      }
      for name in ["nowrap", "NOWRAP", "checked", "selected", "reversed", "alt"] {
        _ = try add("td", [(name, Array("x".utf8))])
        _ = try add("p", [(name, nil)])
        _ = try add("p", [(name, [])])
      }
      for element in [
        "p", "li", "td", "div", "html", "body", "br", "img", "col", "hr", "span", "P", "BR", "xyz",
        "o:p", "area", "param", "embed", "option",
      ] {
        _ = try add(element)
        let parent = try add(element, [("title", Array("t".utf8))], text: Array("inside".utf8))
        _ = try add("b", text: Array("x".utf8), under: parent)
      }
      let texts: [[UInt8]] = [
        Array("<b>&amp;\"'</b>".utf8),
        [0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, 0x20, 0x7F],
        [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80], Array("Tiếng Việt — “x” …".utf8),
        Array("<!--x--> &{y}".utf8), [],
      ]
      for text in texts {
        for element in ["p", "script", "style", "SCRIPT", "textarea"] {
          _ = try add(element, text: text)
        }
      }
      let compared = Self.compareAll(under: body, doc)
      #expect(compared > 600)
      #expect(Self.same(body, doc) == true)
    }
  }

  @Test func whatTheWriterDoesNotReproduceIsLeftToLibxml2() throws {
    let document = try #require(HTMLDocument.parse("<p>a<!--c--><?pi x?>b</p>", options: 0))
    try withExtendedLifetime(document) {
      let root = try #require(xmlDocGetRootElement(document.pointer))
      let body = try #require(root.pointee.children)
      var out: [UInt8] = [0x78]
      #expect(!HTMLTreeWriter.append(body, document.pointer, to: &out))
      #expect(out == [0x78])
      // The sanitizer's serialization still writes libxml2's bytes then.
      #expect(
        HTMLSanitizer.serialize(body, document.pointer)
          == String(decoding: HTMLSanitizer.libxml2Dump(body, document.pointer), as: UTF8.self))
    }
  }

  @Test func aWordIsPlainExactlyWhenEachOfItsBytesIs() {
    var r = SeededRandom(state: 8)
    let interesting: [UInt8] = [
      0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
      0x7F, 0x80, 0xA0, 0xBC, 0xC3, 0xE1, 0xFF,
    ]
    for _ in 0..<50_000 {
      var bytes: [UInt8] = []
      for _ in 0..<8 {
        bytes.append(
          r.below(2) == 0 ? interesting[r.below(interesting.count)] : UInt8(r.below(256)))
      }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      let plain = bytes.allSatisfy { $0 >= 0x20 && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 }
      #expect(HTMLTreeWriter.isPlain(word: word) == plain, "\(bytes)")
    }
  }
}

extension String {
  fileprivate func replacingQuotes(_ quote: Character, _ by: String) -> String {
    var s = ""
    for c in self { if c == quote { s += by } else { s.append(c) } }
    return s
  }
}
