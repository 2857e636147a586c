import Foundation
import LoaTestSupport
@testable import LoaXML
import Testing

/// The streaming proof of validity for Atom files (``AtomFastCheck``) is one-sided: whatever it
/// calls valid, libxml2's RELAX NG validation against RFC 4287's schema accepts. Held to that on
/// loa's own feeds, on a feed using every construct the check follows, and on thousands of
/// mutants of both (elements removed, repeated and inserted, attributes and text changed).
@Suite struct AtomFastCheckTests {
  /// A feed with every element and attribute the check follows: a source, contributors,
  /// extension elements (simple and structured) in every container, xml:base and xml:lang,
  /// every link attribute, categories with scheme and label, foreign elements in a link.
  static let everything = """
    <?xml version="1.0" encoding="UTF-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x" xml:lang="vi-VN" xml:base="https://a.example/">
      <id>tag:a.example,2026:feed</id>
      <title type="text">Bãi Cháy</title>
      <subtitle type="html">&lt;b&gt;Tin&lt;/b&gt;</subtitle>
      <updated>2026-11-29T12:00:00+07:00</updated>
      <link rel="self" type="application/atom+xml" href="https://a.example/atom.xml" hreflang="vi" title="t" length="12"/>
      <link href="https://a.example/"><x:note>n</x:note></link>
      <author><name>UBND</name><uri>https://a.example/</uri><email>a@a.example</email><x:role>r</x:role></author>
      <contributor><name>Trần Thanh</name></contributor>
      <category term="tin" scheme="https://a.example/c" label="Tin"/>
      <generator uri="https://loa.example/" version="1">Loa</generator>
      <icon>https://a.example/i.png</icon>
      <logo>https://a.example/l.png</logo>
      <rights>© 2026</rights>
      <x:coverage>VN-13</x:coverage>
      <x:archive/>
      <x:structured a="1"><x:inner/>text</x:structured>
      <entry xml:lang="vi">
        <id>tag:a.example,2026:article:1</id>
        <title>Hạ Long</title>
        <link rel="alternate" type="text/html" href="https://a.example/1.html"/>
        <published>2024-02-29T23:59:59Z</published>
        <updated>2026-11-29T12:00:00-14:00</updated>
        <author><name>Lương Huấn</name></author>
        <category term="du lịch"/>
        <summary type="text">Tóm tắt</summary>
        <content type="html"><![CDATA[<p>Nội dung</p>]]></content>
        <link rel="enclosure" type="image/jpeg" href="https://a.example/1.jpg"/>
        <rights type="html">r</rights>
        <contributor><name>c</name><uri>u</uri></contributor>
        <x:extra>e</x:extra>
        <source xml:base="https://b.example/">
          <id>tag:b.example,2026:feed</id>
          <title>Hà Tu</title>
          <updated>2026-11-28T00:00:00+14:00</updated>
          <link rel="self" type="application/atom+xml" href="https://b.example/atom.xml"/>
          <author><name>b</name></author>
          <generator>g</generator>
          <icon>i</icon>
          <logo>l</logo>
          <subtitle>s</subtitle>
          <rights>r</rights>
          <category term="c"/>
          <x:coverage>VN-13</x:coverage>
        </source>
      </entry>
      <entry>
        <id>2</id>
        <title/>
        <updated>2000-02-29T00:00:00Z</updated>
        <content>plain</content>
      </entry>
    </feed>
    """

  static func loasFeeds() throws -> [String] {
    let out = try TemporaryDirectory()
    _ = try ExamplePortalTests.publishExample(into: out.path)
    let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
    return try files.filter { $0.hasSuffix(".atom") || $0.hasSuffix("atom.xml") }.sorted().map {
      try String(contentsOfFile: out.path($0), encoding: .utf8)
    }
  }

  @Test func loasFeedsAndEveryFollowedConstructAreProvedValid() throws {
    let validator = try RelaxNGValidator.atom()
    let feeds = try Self.loasFeeds()
    #expect(feeds.count >= 3)
    for text in feeds + [Self.everything] {
      let bytes = Array(text.utf8)
      #expect(validator.problem(bytes) == nil)
      #expect(AtomFastCheck.verdict(bytes) == .valid, "\(text.prefix(300))")
    }
  }

  @Test func aStagedFeedIsCheckedFromItsFile() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("atom.xml")
    // Several 64 KB chunks: the entries of `everything` again and again, each with its own id.
    let entry = try #require(Self.everything.range(of: "<entry xml:lang")).lowerBound
    let end = try #require(Self.everything.range(of: "</feed>")).lowerBound
    var body = ""
    var k = 0
    while body.utf8.count < 300_000 {
      body += Self.everything[entry..<end].replacingOccurrences(of: "<id>tag:a", with: "<id>tag:\(k).a")
      k += 1
    }
    let text = String(Self.everything[..<entry]) + body + "</feed>\n"
    for (document, expected) in [
      (text, AtomFastCheck.Verdict.valid),
      (text.replacingOccurrences(of: "</feed>", with: "<title>again</title></feed>"), .unsure),
    ] {
      try Data(document.utf8).write(to: URL(fileURLWithPath: path))
      let fd = open(path, O_RDONLY)
      defer { close(fd) }
      #expect(AtomFastCheck.verdict(file: fd) == expected)
      #expect(AtomFastCheck.verdict(Array(document.utf8)) == expected)
    }
  }

  // MARK: - Mutants

  static let attributeValues = [
    "", "text", "html", "xhtml", " html", "HTML", "a/b", "/b", "a/", "ab", "a\nb/c", "vi", "vi-VN",
    "vi_VN", "vi-", "-vi", "abcdefghi", "en-abcdefgh", "en-abcdefghi", "1a", "x", "2026-11-29T12:00:00Z",
    "a@b", "image/jpeg", "text/html", "&amp;", "&#10;", "a&#x2F;b",
  ]
  static let texts = [
    "2026-02-29T00:00:00Z", "2024-02-29T23:59:59-14:00", "2026-13-01T00:00:00Z",
    "0000-01-01T00:00:00Z", "2026-11-29T12:00:00.5Z", " 2026-11-29T12:00:00Z", "2026-11-29T24:00:00Z",
    "2026-11-29T12:00:60Z", "2026-11-29T12:00:00+14:01", "2026-11-29T12:00:00+13:59", "2026-11-29T12:00:00",
    "2026-11-29t12:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
    "2026-11-29T12:00:00+07", "a@b", "@b", "a@", "a\n@b", "x", "", "&lt;b&gt;", "<![CDATA[c]]>", "<x:y/>",
    "<b>bold</b>",
  ]
  static let snippets = [
    "<foo/>", "<x:ext>t</x:ext>", "<x:ext a=\"1\"><x:y/></x:ext>", "<y:e xmlns:y=\"urn:y\"/>",
    "<e xmlns=\"\"/>", "<category term=\"t\"/>", "<category/>", "<link href=\"h\"/>", "<link/>",
    "<id>i</id>", "<title>t</title>", "<updated>2026-01-01T00:00:00Z</updated>",
    "<entry><id>i</id><title>t</title><updated>2026-01-01T00:00:00Z</updated></entry>", "text", " ",
    "\n  ", "<![CDATA[ ]]>", "<![CDATA[x]]>", "<author><name>n</name></author>", "<author/>",
    "<contributor><name>n</name><email>a@b</email></contributor>",
    "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></summary>",
    "<content src=\"http://x\"/>", "<content type=\"image/png\">AAAA</content>", "<source><id>s</id></source>",
    "<generator uri=\"u\" version=\"1\">g</generator>", "<icon>i</icon>", "<logo>l</logo>",
    "<published>2026-01-01T00:00:00Z</published>", "<!-- c -->", "<?pi x?>",
    "<atom:title xmlns:atom=\"http://www.w3.org/2005/Atom\">t</atom:title>", "<name>n</name>",
    "<uri>u</uri>", "<email>a@b</email>", "<rights>r</rights>", "<subtitle>s</subtitle>",
    "<summary>s</summary>", "&amp;", "&#32;",
    // CDATA, which the check reads from the original while the parse skips it (OutputCheck.elidingCDATA).
    "<content type=\"html\"><![CDATA[<p>Bãi Cháy</p>]]></content>", "<!-- <![CDATA[ -- ]]> -->",
    "<?pi <![CDATA[ x ]]>?>", "<![CDATA[a]]]]><![CDATA[>b]]>", "<![CDATA[x", "]]>", "<![CDATA[\u{1}]]>",
    "<![CDATA[\u{FFFE}]]>", "<title><![CDATA[]]></title>", "<updated><![CDATA[2026-01-01T00:00:00Z]]></updated>",
    "<email><![CDATA[a@b]]></email>",
  ]
  static let attributes = [
    " type=\"html\"", " type=\"text\"", " type=\"xhtml\"", " xml:lang=\"vi\"", " xml:lang=\"vi-\"",
    " xml:base=\"x\"", " foo=\"1\"", " x:foo=\"1\"", " xml:space=\"preserve\"", " rel=\"x\"", " href=\"h\"",
    " term=\"t\"", " src=\"s\"", " hreflang=\"en-US\"", " hreflang=\"e\"", " length=\"1\"", " label=\"l\"",
    " scheme=\"s\"", " uri=\"u\"", " version=\"v\"", " title=\"t\"",
  ]

  /// `text` changed once, at places chosen by `rng`.
  static func mutate(_ text: String, _ rng: inout SeededRandom) -> String {
    var b = Array(text.utf8)
    func positions(of byte: UInt8) -> [Int] { b.indices.filter { b[$0] == byte } }
    func pick<T>(_ a: [T]) -> T? { a.isEmpty ? nil : a[rng.below(a.count)] }
    switch rng.below(6) {
    case 0:
      // An attribute's value (not the XML declaration's: an unknown encoding is another test).
      let prolog = (0..<max(0, b.count - 1)).first { b[$0] == UInt8(ascii: "?") && b[$0 + 1] == UInt8(ascii: ">") } ?? 0
      let quotes = positions(of: UInt8(ascii: "\"")).filter { $0 > prolog }
      guard quotes.count >= 2 else { break }
      let k = rng.below(quotes.count / 2) * 2
      guard k + 1 < quotes.count, quotes[k] > 0, b[quotes[k] - 1] == UInt8(ascii: "=") else { break }
      b.replaceSubrange((quotes[k] + 1)..<quotes[k + 1], with: Array(pick(attributeValues)!.utf8))
    case 1:
      // The text of an element without children.
      let starts = positions(of: UInt8(ascii: ">")).filter { $0 + 1 < b.count && b[$0 + 1] != UInt8(ascii: "<") }
      guard let s = pick(starts), let e = b[(s + 1)...].firstIndex(of: UInt8(ascii: "<")) else { break }
      b.replaceSubrange((s + 1)..<e, with: Array(pick(texts)!.utf8))
    case 2, 3:
      // An element removed or repeated: from a start tag to the matching end tag.
      let opens = positions(of: UInt8(ascii: "<")).filter {
        $0 + 1 < b.count && b[$0 + 1] != UInt8(ascii: "/") && b[$0 + 1] != UInt8(ascii: "?")
          && b[$0 + 1] != UInt8(ascii: "!")
      }
      guard let o = pick(opens) else { break }
      var nameEnd = o + 1
      while nameEnd < b.count, ![UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), 0x0A].contains(b[nameEnd]) {
        nameEnd += 1
      }
      let name = Array(b[(o + 1)..<nameEnd])
      guard let close = b[o...].firstIndex(of: UInt8(ascii: ">")) else { break }
      var end: Int
      if b[close - 1] == UInt8(ascii: "/") {
        end = close + 1
      } else {
        // The next end tag of that name (elements of one name do not nest in Atom but for
        // extension content, where a wrong pick only makes a broken mutant).
        let tag = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name + [UInt8(ascii: ">")]
        guard let found = (close..<max(close, b.count - tag.count + 1)).first(where: { Array(b[$0..<($0 + tag.count)]) == tag })
        else { break }
        end = found + tag.count
      }
      let element = Array(b[o..<end])
      if rng.below(2) == 0 { b.removeSubrange(o..<end) } else { b.insert(contentsOf: element, at: end) }
    case 4:
      // A snippet after a tag.
      guard let p = pick(positions(of: UInt8(ascii: ">"))) else { break }
      b.insert(contentsOf: Array(pick(snippets)!.utf8), at: p + 1)
    default:
      // An attribute in a start tag.
      let opens = positions(of: UInt8(ascii: "<")).filter {
        $0 + 1 < b.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b[$0 + 1])
      }
      guard let o = pick(opens) else { break }
      var at = o + 1
      while at < b.count, ![UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), 0x0A].contains(b[at]) { at += 1 }
      b.insert(contentsOf: Array(pick(attributes)!.utf8), at: at)
    }
    return String(decoding: b, as: UTF8.self)
  }

  @Test func whatTheCheckCallsValidRelaxNGAccepts() throws {
    let validator = try RelaxNGValidator.atom()
    // One of loa's feeds (the example's site feed) and `everything`, with x: declared on the
    // example's root so that inserted extension elements are well-formed.
    let site = try #require(Self.loasFeeds().first { $0.contains("<entry>") })
    let bases = [
      site.replacingOccurrences(of: "<feed xmlns=\"http://www.w3.org/2005/Atom\"", with: "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:x=\"urn:x\""),
      Self.everything,
    ]
    var rng = SeededRandom(state: 20_261_205)
    var provedValid = 0
    var refusedByRelaxNG = 0
    var total = 0
    for base in bases {
      for _ in 0..<2_500 {
        var text = base
        for _ in 0...rng.below(3) { text = Self.mutate(text, &rng) }
        let bytes = Array(text.utf8)
        let verdict = AtomFastCheck.verdict(bytes)
        let problem = validator.problem(bytes)
        total += 1
        if problem != nil { refusedByRelaxNG += 1 }
        if verdict == .valid {
          provedValid += 1
          #expect(problem == nil, "proved valid, RELAX NG says: \(problem ?? "")\n\(text)")
        }
        if case .notWellFormed = verdict { #expect(OutputCheck.xmlProblem(bytes) != nil) }
        if OutputCheck.xmlProblem(bytes) != nil { #expect(verdict != .valid && verdict != .unsure) }
      }
    }
    // The mutants exercise both sides: many still valid and proved so, many refused.
    #expect(provedValid > total / 10, "\(provedValid) of \(total) proved valid")
    #expect(refusedByRelaxNG > total / 4, "\(refusedByRelaxNG) of \(total) refused")
  }

  @Test(arguments: [
    ("2026-11-29T12:00:00Z", true), ("2026-11-29T12:00:00+07:00", true), ("2024-02-29T00:00:00Z", true),
    ("2000-02-29T00:00:00Z", true), ("1900-02-29T00:00:00Z", false), ("2026-02-29T00:00:00Z", false),
    ("2026-04-31T00:00:00Z", false), ("2026-00-10T00:00:00Z", false), ("0000-01-01T00:00:00Z", false),
    ("2026-11-29T24:00:00Z", false), ("2026-11-29T12:60:00Z", false), ("2026-11-29T12:00:60Z", false),
    ("2026-11-29T12:00:00+14:00", true), ("2026-11-29T12:00:00-14:00", true), ("2026-11-29T12:00:00+14:01", false),
    ("2026-11-29T12:00:00+13:59", true), ("2026-11-29T12:00:00+07:60", false), ("2026-11-29T12:00:00", false),
    ("2026-11-29T12:00:00.5Z", false), ("2026-11-29 12:00:00Z", false), ("2026-11-29T12:00:00z", false),
  ])
  func datesAreWhatLibxml2AcceptsOrLeftToIt(date: String, proved: Bool) throws {
    let feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>i</id><title>t</title><updated>\(date)</updated></feed>"
    let bytes = Array(feed.utf8)
    #expect((AtomFastCheck.verdict(bytes) == .valid) == proved)
    if proved { #expect(try RelaxNGValidator.atom().problem(bytes) == nil) }
  }

  @Test func everyLanguageTagAndPatternItProvesRelaxNGAccepts() throws {
    let validator = try RelaxNGValidator.atom()
    let alphabet: [String] = ["a", "Z", "1", "-", "_", "/", "@", "é", "\n", " "]
    var rng = SeededRandom(state: 3)
    for _ in 0..<1_500 {
      var v = ""
      for _ in 0..<rng.below(12) { v += alphabet[rng.below(alphabet.count)] }
      let escaped = v.replacingOccurrences(of: "\n", with: "&#10;")
      for (feed, proved) in [
        (
          "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escaped)\"><id>i</id><title>t</title><updated>2026-01-01T00:00:00Z</updated></feed>",
          AtomFastCheck.isLanguageTag(Array(v.utf8))
        ),
        (
          "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>i</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><link href=\"h\" type=\"\(escaped)\"/></feed>",
          AtomFastCheck.matchesAround(Array(v.utf8), UInt8(ascii: "/"))
        ),
        (
          "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>i</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><author><name>n</name><email>\(escaped)</email></author></feed>",
          AtomFastCheck.matchesAround(Array(v.utf8), UInt8(ascii: "@"))
        ),
      ] {
        let bytes = Array(feed.utf8)
        let problem = validator.problem(bytes)
        // Proved exactly when RELAX NG accepts: the three patterns are followed exactly.
        #expect((problem == nil) == proved, "\(v.debugDescription): \(problem ?? "valid")")
        #expect((AtomFastCheck.verdict(bytes) == .valid) == proved)
      }
    }
  }
}
