import Foundation
import LoaCore
import LoaKit
import LoaXML
import LoaTestSupport
import Testing

/// No text is lost to deep nesting (issue 12). libxml2's HTML parser stops for good at 256
/// open elements and dropped the rest of the article without a word; the sanitizer now parses
/// such input again with the excess start tags left out (`HTMLNestingGuard`) and flattens what
/// nests deeper than `HTMLSanitizer.maxNestingDepth`.
@Suite struct HTMLSanitizerDepthTests {
  static let base = WebAddress("https://baichay.example.org/tin-tuc/bai-1.html")!
  static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }
  static func numbered(_ n: Int, _ piece: (Int) -> String) -> String {
    (1...n).map(piece).joined()
  }

  /// Inputs nested past every limit: libxml2's 256 and the sanitizer's 64.
  static let deep: [(String, String)] = [
    (
      "260 divisions, then a paragraph",
      repeated("<div>", 260) + "deep" + repeated("</div>", 260) + "<p>after</p>"
    ),
    (
      "400 unclosed paragraphs in fonts (an old CMS)",
      numbered(400) { "<p><font face=\"Arial\">Đoạn \($0)." }
    ),
    ("5000 divisions", repeated("<div>", 5000) + "sâu" + repeated("</div>", 5000) + "<p>sau</p>"),
    (
      "300 nested tables",
      repeated("<table><tr><td>ô ", 300) + "giữa" + repeated("</td></tr></table>", 300)
        + "<p>sau</p>"
    ),
    ("300 nested lists", numbered(300) { "<ul><li>mục \($0) " } + "<p>cuối</p>"),
    ("300 unclosed definition terms", numbered(300) { "<dl><dt>thuật ngữ \($0)" }),
    ("unclosed inline tags", numbered(300) { "<b><i><span>chữ \($0) " }),
    (
      "100 quotes (under the parser's limit)",
      repeated("<blockquote>", 100) + "trích" + repeated("</blockquote>", 100) + "sau"
    ),
    ("links nested 300 deep", numbered(300) { "<span><a href=\"/\($0)\">liên kết \($0)</a>" }),
    (
      "removed elements deep inside",
      repeated("<div>", 300) + "<script>bí mật()</script>hiện<svg><text>ẩn</text></svg>"
        + "<style>p{}</style>" + repeated("</div>", 300) + "<p>sau</p>"
    ),
    (
      "stray end tags after deep inline tags",
      repeated("<b>", 3000) + "đậm" + repeated("</x>", 3000) + "<p>sau</p>"
    ),
    (
      "self-closing and void tags deep inside",
      repeated("<div><br><img src=\"/a.jpg\"><span/>", 300) + "cuối" + repeated("</div>", 300)
    ),
    (
      "attributes holding tags",
      repeated("<div title=\"<p>\" data-x='a>b'>", 300) + "chữ" + repeated("</div>", 300) + "hết"
    ),
    (
      // libxml2 reads `</` before a tag as an empty end tag; the `<i>` is left out here, and
      // `</` must not join `giữa>` into an end tag (found by FuzzHTMLSanitizer).
      "an empty end tag before a left-out tag",
      repeated("<div>", 300) + "</<i>giữa>" + repeated("</div>", 300) + "sau"
    ),
    (
      // At the limit a `<div>` is left out, a `</b>` closes below it, a `<title>` opens
      // after it: the left-out div's end tag must close the title too, as in the parser,
      // or the title swallows "sau".
      "a title opened inside a left-out element",
      repeated("<div>", 159) + "<b><div></b><title>x</div>sau" + repeated("</div>", 159)
        + repeated("<i>", 300) + "cuối"
    ),
    (
      // Text first, then inline elements holding the deep part: the paragraph the text gets
      // afterwards is one more level (found by FuzzHTMLSanitizer: not idempotent).
      "inline content first",
      "<font>u</font>" + numbered(40) { "<i><span>chữ \($0) " } + repeated("<div>", 300) + "cuối"
    ),
    (
      // libxml2 reads `dat!-x=` as a bogus attribute up to the next `>`: "b'>" is text
      // (found by FuzzHTMLSanitizer).
      "bogus attribute names",
      repeated("<div dat!-x='a>b'>", 300) + "chữ" + repeated("</div>", 300) + "hết"
    ),
    (
      // Past the guard's limit a script's start tag was left out, so its code was read as
      // markup: `a<b) x = "` opened a `b` whose quoted attribute ran to the end of the input
      // and took "sau" with it (found by FuzzHTMLSanitizer).
      "a script past the limit whose code reads as a tag",
      repeated("<div>", 300) + "<script>if (a<b) x = \"</div>sau"
    ),
    (
      // The `</b>` inside the script closes nothing in the parser (the `td` stands above the
      // `b`), so the script reads on to `</td>`; the guard, which leaves the `b` and the `td`
      // out, must not end the script at `</b>`.
      "an end tag in a script that an element of higher priority keeps from closing",
      repeated("<div>", 300) + "<b><td><script>x</b>if (a<b) y = \"</td>sau"
    ),
    (
      // An end tag that closes nothing still ends a run of script text, after which
      // `<noscript>` closes the script.
      "a script closed by a noscript after a stray end tag",
      repeated("<div>", 300) + "<script>x</b><noscript>n</noscript>sau"
    ),
    (
      // `</html>` closes every element, the script too: the guard read everything after it
      // as script, and so did the plain-text fallback (found by FuzzHTMLSanitizer).
      "a script closed by an end tag of the document",
      "<script></html>trước" + repeated("<b><i>", 150) + "sau"
    ),
    (
      // Text first in the body opens a paragraph; its `</p>` closes the script inside it
      // (found by FuzzHTMLSanitizer).
      "a script closed by the end of an implied paragraph",
      "trước<script></p>giữa" + repeated("<b><i>", 150) + "sau"
    ),
    (
      // After `</html>` text gets a paragraph again, a `<head>` closes it and is no longer
      // misplaced, so only the first `</body>` is ignored and `</html>` closes the script
      // (found by FuzzHTMLSanitizer).
      "document tags after the end of the document",
      "a</html>b<script></p>c<html><head><script></body></html>sau" + repeated("<b><i>", 150)
        + "cuối"
    ),
    (
      // libxml2 reads at most 100 characters of a name: the `-` after them begins a bogus
      // attribute, which ends at the `>`; the guard read one quoted value to the end of the
      // input (found by FuzzHTMLSanitizer).
      "an attribute name longer than the parser reads",
      repeated("<div>", 300) + "<div " + repeated("d", 100) + "-='>sau" + repeated("</div>", 301)
    ),
    (
      // `<h2>` closes the paragraph, so `</p>` closes nothing; the guard kept the paragraph
      // open and closed every `b` with it, counted too few and the parse stopped again
      // (found by FuzzHTMLSanitizer).
      "an end tag of an element a start tag closed",
      "<p>a<h2>" + repeated("<b>", 130) + "</p>" + repeated("<b>", 200) + "<?>sau"
    ),
    (
      "comments, doctype and text that looks like markup",
      repeated("<!-- <div> --><div><!x>", 300) + "<_y>giữa<?pi >" + repeated("</div>", 300)
    ),
  ]

  @Test(arguments: deep)
  func keepsEveryVisibleCharacter(_ name: String, _ html: String) {
    let result = HTMLSanitizer(base: Self.base).sanitize(html)
    let expected = VisibleText.of(html)
    #expect(!expected.isEmpty)
    let published = VisibleText.of(result.html)
    // Past 160 levels even a removed element's start tag is left out (HTMLNestingGuard), so
    // its content may be published as text: more text, never less.
    let missing = VisibleText.missing(expected, in: published)
    #expect(missing.isEmpty, "\(name): missing \(missing.prefix(200))")
    #expect(!result.changes.reducedToText, "\(name)")
  }

  /// The inputs FuzzHTMLSanitizer found (its `regress-deep-*` and `regress-stop-*` seeds),
  /// prepared as the fuzz target prepares them: no visible text lost, idempotent.
  /// FuzzHTMLSanitizer: a `<` that cannot begin a tag is text, also first in the body (libxml2
  /// dropped it there: `<�b>` became `�b>`), after an element the body cannot hold, and
  /// between paragraphs; sanitizing again changes nothing.
  @Test(arguments: [
    ("<\u{FFFD}b>", "<p>&lt;\u{FFFD}b&gt;</p>"),
    ("<1 và 2>", "<p>&lt;1 và 2&gt;</p>"),
    ("< b", "<p>&lt; b</p>"),
    ("<frame src=\"a\"><\u{FFFD}frameset>", "<p>&lt;\u{FFFD}frameset&gt;</p>"),
    ("<p>a</p><p>3 <5</p>", "<p>a</p><p>3 &lt;5</p>"),
    ("<p>Đà <đ>Nẵng</p>", "<p>Đà &lt;đ&gt;Nẵng</p>"),
    ("<đ>Nẵng", "<p>&lt;đ&gt;Nẵng</p>"),
  ])
  func aLessThanThatCannotBeginATagIsText(input: String, expected: String) {
    let sanitizer = HTMLSanitizer(base: Self.base)
    let once = sanitizer.sanitize(input).html
    #expect(once == expected)
    #expect(sanitizer.sanitize(once).html == once)
  }

  /// After `</body>` libxml2 puts content beside the body, after `</html>` in a second `html`
  /// element; the sanitizer reads the body, so that text was lost (found by FuzzHTMLSanitizer).
  @Test(arguments: [
    ("<p>a</p></html>b", "<p>a</p><p>b</p>"),
    ("a</body>b<p>c</p>", "<p>a</p><p>b</p><p>c</p>"),
    ("<p>a</p></body></html><body>b</body><html><p>c</p>", "<p>a</p>b<p>c</p>"),
    // A frame implies no body: libxml2 left the `<` of `<_x` beside it.
    ("<frame><_x y=\"a\">b", "<p>&lt;</p><p>_x y=\"a\"&gt;b</p>"),
  ])
  func keepsTheTextAfterTheEndOfTheDocument(input: String, expected: String) {
    let sanitizer = HTMLSanitizer(base: Self.base)
    let once = sanitizer.sanitize(input).html
    #expect(once == expected)
    #expect(VisibleText.missing(VisibleText.of(input), in: VisibleText.of(once)).isEmpty)
    #expect(sanitizer.sanitize(once).html == once)
  }

  /// A stray `<` first is text, to the sanitizer, to a browser and to the reference reading
  /// alike; it implies the body and a paragraph before the script opens, so `</p>` closes the
  /// script and what follows `<script` is its content. libxml2 on the raw input dropped the `<`,
  /// read `</p>` as script text and `>` as visible (FuzzHTMLSanitizer, CI of 723bd57).
  @Test(arguments: [
    ("<<script></p><script</html>>", "<p>&lt;</p>"),
    ("<<html><script/y></html>>", "<p>&lt;</p>"),
  ])
  func aStrayLessThanFirstIsText(_ input: String, _ expected: String) {
    let result = HTMLSanitizer(base: Self.base).sanitize(input)
    #expect(result.html == expected)
    #expect(VisibleText.of(input) == "<")
    #expect(VisibleText.missing(VisibleText.of(input), in: VisibleText.of(result.html)).isEmpty)
  }

  @Test func fuzzFindingsKeepTheirText() throws {
    let folder = PackagePaths.path("Fuzz/Corpus/FuzzHTMLSanitizer")
    // Every finding kept as a regression seed, not only those about depth.
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasPrefix("regress-")
    }
    #expect(names.count >= 35)
    let sanitizer = HTMLSanitizer(
      base: WebAddress("https://baichay.example.org/tin-tuc/bai-viet-1.html?p=2")!)
    for name in names.sorted() {
      let data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
      var html = XMLText.sanitized(String(decoding: data, as: UTF8.self)).text
      if let fixed = TextCleaner.repairedC1Controls(html) { html = fixed }
      html = TextCleaner.nfc(html)
      let once = sanitizer.sanitize(html)
      let missing = VisibleText.missing(VisibleText.of(html), in: VisibleText.of(once.html))
      #expect(missing.isEmpty, "\(name): missing \(missing.prefix(200))")
      #expect(sanitizer.sanitize(once.html).html == once.html, "\(name): not idempotent")
    }
  }

  @Test(arguments: deep)
  func neverNestsDeeperThanTheBound(_ name: String, _ html: String) {
    let result = HTMLSanitizer(base: Self.base).sanitize(html)
    #expect(VisibleText.nestingDepth(result.html) <= HTMLSanitizer.maxNestingDepth, "\(name)")
  }

  @Test(arguments: deep)
  func flatteningIsStable(_ name: String, _ html: String) {
    let sanitizer = HTMLSanitizer(base: Self.base)
    let once = sanitizer.sanitize(html)
    let twice = sanitizer.sanitize(once.html)
    #expect(twice.html == once.html, "\(name)")
    #expect(twice.text == once.text, "\(name)")
    // Nothing nests too deep the second time.
    #expect(twice.changes.flattenedLevels == 0, "\(name)")
  }

  @Test func reportsFlatteningAsANoteNotAWarning() {
    let r = HTMLSanitizer(base: Self.base).sanitize(Self.deep[0].1)
    #expect(r.changes.flattenedLevels > 0)
    #expect(r.changes.isEmpty)
    #expect(r.changes.summary == "")
    #expect(r.text.hasSuffix("deep after"))
  }

  /// libxml2 stops for good at a prefixed tag whose local name cannot start a name (a fatal
  /// namespace error disables its SAX callbacks): the rest of the article was lost silently,
  /// however shallow (found by FuzzHTMLSanitizer's text invariant).
  @Test(arguments: ["<p>a<o:0>b</o:0></p><p>c</p>", "<p>a <x:1y>b</x:1y> c</p><p>d</p>"])
  func keepsTheTextAfterATagTheParserStopsAt(_ html: String) {
    let result = HTMLSanitizer(base: Self.base).sanitize(html)
    #expect(
      VisibleText.of(result.html) == VisibleText.of(html.replacingOccurrences(of: ":", with: "")))
    #expect(result.changes.isEmpty)
    #expect(result.changes.flattenedLevels == 0)
  }

  /// Text either side of a left-out tag never joins into markup.
  @Test func leftOutTagsDoNotJoinTheTextAround() {
    #expect(HTMLNestingGuard.bounded("a<<x:0>b").html == "a&lt;b")
    #expect(HTMLNestingGuard.bounded("a&am<x:0>p;").html == "a&amp;amp;")
    #expect(HTMLNestingGuard.bounded("a</<x:0>b>").html == "ab>")
    #expect(HTMLNestingGuard.plainText("<<b>q").contains("&lt;q"))
  }

  /// Only the last resort, text without its markup, is a warning.
  @Test func plainTextIsAWarning() {
    var changes = HTMLSanitizer.Changes()
    changes.flattenedLevels = 3
    #expect(changes.isEmpty)
    changes.reducedToText = true
    #expect(!changes.isEmpty)
    #expect(
      changes.summary
        == "the HTML parser stopped early; published as plain text (links and images lost)")
  }

  @Test func keepsParagraphsApartWhenFlattened() {
    let r = HTMLSanitizer(base: Self.base).sanitize(Self.deep[1].1)
    #expect(r.text.contains("Đoạn 399. Đoạn 400."))
  }

  @Test func leavesOrdinaryNestingAlone() {
    let html = Self.repeated("<div>", 64) + "x" + Self.repeated("</div>", 64)
    let r = HTMLSanitizer(base: Self.base).sanitize(html)
    #expect(r.html == html)
    #expect(r.changes.flattenedLevels == 0)
  }

  /// The last resort keeps the text of every tag, not that of raw-text elements, and keeps
  /// blocks apart.
  /// The last resort reads text as libxml2 does, the raw text of a script up to any end tag
  /// included: after `<<script></p>` (a stray `<`, then a script in the paragraph it implies),
  /// `</p>` closes the paragraph and the script, so the text after it is published; the scan
  /// kept it as script text (found by FuzzHTMLSanitizer). Elements removed with their
  /// content keep it out of the text too.
  @Test func plainTextReadsTheTextAsLibxml2Does() {
    let plain = HTMLNestingGuard.plainText(
      "&lt;<script>x</p>after<title>t</title><select><option>o</option></select>end")
    #expect(plain == " &lt; afterend")
    #expect(!HTMLNestingGuard.scannedPlainText("&lt;<script>x</p>after").contains("after"))
  }

  /// Past the work limit (start tags × end tags), the text comes from the scan: libxml2's
  /// stack scans for thousands of stray end tags are quadratic.
  @Test func plainTextOfManyStrayEndTagsComesFromTheScan() {
    let html = Self.repeated("<b>x", 12_000) + Self.repeated("</q>", 12_000) + "cuối"
    #expect(12_000 * 12_000 > HTMLNestingGuard.saxWorkLimit)
    let plain = HTMLNestingGuard.plainText(html)
    #expect(plain == HTMLNestingGuard.scannedPlainText(html))
    #expect(plain.hasSuffix("cuối"))
  }

  @Test func plainTextKeepsTextOnly() {
    let plain = HTMLNestingGuard.plainText(
      "<p>a<b>b</b></p><script>x<p>y</p></script><!-- z --><div title=\"<i>\">c</div>d")
    #expect(plain.split(separator: " ", omittingEmptySubsequences: true) == ["ab", "c", "d"])
  }

  /// `<?` starts a processing instruction only before a name; otherwise libxml2 drops the two
  /// characters and reads on as text (`<?>` is `>`: found by FuzzHTMLSanitizer).
  @Test func aQuestionMarkWithoutANameIsNoProcessingInstruction() {
    let input = "a<?>b<?x y>c<? d>e<?_f>g"
    #expect(HTMLNestingGuard.scannedPlainText(input) == "a>bc d>eg")
    // libxml2's own reading (in an implied paragraph, hence the spaces), escaped.
    #expect(HTMLNestingGuard.plainText(input) == " a&gt;bc d&gt;eg ")
  }

  /// The bounded input keeps every byte of text and leaves out only start tags past the limit (a block's as a line break)
  /// and their end tags.
  @Test func boundedInputLeavesOutOnlyExcessTags() {
    let (html, dropped) = HTMLNestingGuard.bounded("<div><b>x<div>y</div>z</b></div>w", limit: 2)
    #expect(html == "<div><b>x<br>yz</b></div>w")
    #expect(dropped == 1)
  }
}
