import Foundation
import LoaKit
import LoaXML
import Testing

@Suite struct TextCleanerTests {
  @Test(arguments: [
    ("Cộng hòa", "Cộng hòa"),  // NFD in, NFC out
    ("Việt Nam", "Việt Nam"),  // dot below before circumflex (canonical NFD order)
    ("Tin&nbsp;nóng &eacute;t&eacute; &hellip; &amp; &lt;b&gt;", "Tin nóng été … &"),
    // Tags that arrived as entities are tags all the same.
    ("&lt;img src=x onerror=alert(1)&gt; tiêu đề", "tiêu đề"),
    ("a &lt; b &amp;&amp; c &gt; d &lt;2026&gt;", "a < b && c > d <2026>"),
    ("x&#1;y&#x1F;z", "xyz"),
    ("Emoji &#x1F600; &#128512; dash &#150; quote &#8220;x&#8221;", "Emoji 😀 😀 dash – quote “x”"),
    ("Bad &#0; &#xD800; &#1114112;", "Bad \u{FFFD} \u{FFFD}"),  // &#0; names a forbidden character: removed
    ("Unknown &bogus; and & alone and &amp", "Unknown &bogus; and & alone and &amp"),
    ("<b>Đậm</b> và <i>nghiêng</i>", "Đậm và nghiêng"),
    ("Lễ hội <2026> a < b > c", "Lễ hội <2026> a < b > c"),
    ("A<script>alert(1)</script>B<style>x{}</style>C", "A B C"),
    ("Tiêu đề<!-- ghi chú -->mới", "Tiêu đềmới"),
    ("\u{FEFF}Zero\u{200B}width\u{00AD}soft\u{2060}joiner\u{202E}rtl", "Zerowidthsoftjoinerrtl"),
    ("  nhiều \t\n khoảng\u{00A0}\u{3000}trắng  ", "nhiều khoảng trắng"),
    ("ctl\u{1}\u{1F}chars\u{FFFE}", "ctlchars"),
    ("\u{93}Trích\u{94} \u{96} C1\u{81}", "“Trích” – C1"),
    // Escaped twice (or three times) over: decoded until it reads as on the portal.
    ("Entity kép &amp;quot;3 không&amp;quot;", "Entity kép \"3 không\""),
    ("Ba lần &amp;amp;quot;x&amp;amp;quot; &amp;amp;#8211; y", "Ba lần \"x\" – y"),
    ("Bốn lần &amp;amp;amp;quot;", "Bốn lần &quot;"),
    ("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Tin", "Tin"),
    ("AT&amp;amp;T &amp; Co", "AT&T & Co"),
    // The text of a CDATA section is text.
    ("… ]]> và <![CDATA[ lồng ]]> nhau", "… ]]> và lồng nhau"),
    ("<![CDATA[<b>chữ</b>]]> và <![CDATA[ không đóng", "<b>chữ</b> và không đóng"),
  ])
  func cleansPlainText(input: String, expected: String) throws {
    let cleaned = try #require(TextCleaner.clean(input).text)
    #expect(cleaned == expected)
    #expect(Array(cleaned.utf8) == Array(expected.precomposedStringWithCanonicalMapping.utf8))
  }

  @Test func reportsWhatItChanged() {
    #expect(TextCleaner.clean("plain").repairs.isEmpty)
    #expect(TextCleaner.clean("a\u{1}").repairs.contains(.forbiddenCharacters))
    #expect(TextCleaner.clean("Cộng".decomposedStringWithCanonicalMapping).repairs == [.normalized])
    #expect(TextCleaner.clean("&nbsp;x").repairs == [.entities])
    #expect(TextCleaner.clean("").text == nil)
    #expect(TextCleaner.clean("  &nbsp; ").text == nil)
  }

  @Test func capsLengthAtAWordBoundary() {
    let long = String(repeating: "Bãi Cháy ", count: 100)
    let (text, repairs) = TextCleaner.clean(long, maxCharacters: 50)
    #expect(repairs.contains(.truncated))
    #expect(text == "Bãi Cháy Bãi Cháy Bãi Cháy Bãi Cháy Bãi Cháy Bãi…")
    #expect(text!.unicodeScalars.count <= 51)
  }

  @Test(arguments: [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", LegacyEncoding.tcvn3 as LegacyEncoding?),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", .vni),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", nil),
    ("Nhiệt độ 25°C, độ ẩm 80%", nil),
    ("Café au lait", nil),
    ("Zoë Noël Citroën, une idée naïve", nil),
    ("plain ascii text", nil),
  ])
  func spotsLegacyVietnameseEncodings(input: String, expected: LegacyEncoding?) {
    #expect(LegacyEncoding.detect(input) == expected)
  }
}
