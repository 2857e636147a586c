import CLibXML2
import Foundation
import LoaCore
import LoaTestSupport
import LoaXML
import Testing

/// ``XMLStreamWriter`` writes text, attribute values and CDATA that libxml2's escaping would
/// leave as they are with `xmlTextWriterWriteRawLen` (issue 16). These tests hold it to the
/// promise that this changes nothing: the same document, byte for byte, as libxml2's own
/// `xmlTextWriterWriteElement`, `xmlTextWriterWriteAttribute`, `xmlTextWriterWriteString` and
/// `xmlTextWriterWriteCDATA` write, indentation included.
@Suite struct XMLStreamWriterEscapingTests {
  /// Pieces that each take one of the paths: plain ASCII and Vietnamese, every character
  /// libxml2 escapes in text or in attributes, controls, a NUL (where libxml2's C strings
  /// stop), `]` and `]]>` (which end a CDATA section), and runs longer than one 16-byte scan.
  static let pieces = [
    "a", "Hạ Long", "Trần Thanh – Lương Huấn", "https://baichay.example.org/x?a=1", "<", ">",
    "&", "\"", "'", "\r", "\n", "\t", "\u{1}", "\u{1F}", "\u{0}", "]", "]]>", "]]", "\u{7F}",
    "\u{80}", "€", "😀", " ", String(repeating: "x", count: 15), String(repeating: "ư", count: 9),
    String(repeating: "y", count: 40),
  ]

  static func randomText(_ random: inout SeededRandom) -> String {
    var s = ""
    for _ in 0..<random.below(9) { s += pieces[random.below(pieces.count)] }
    return s
  }

  /// The same document written through libxml2's calls directly.
  static func reference(_ texts: [String]) -> [UInt8] {
    XMLStreamWriterIndentTests.libxml2Document { w in
      xmlTextWriterStartElement(w, "root")
      for (i, t) in texts.enumerated() {
        let other = texts[(i + 1) % texts.count]
        xmlTextWriterWriteElement(w, "e", t)
        xmlTextWriterStartElement(w, "a")
        xmlTextWriterWriteAttribute(w, "v", t)
        xmlTextWriterWriteAttribute(w, "w", other)
        xmlTextWriterEndElement(w)
        xmlTextWriterStartElement(w, "p")
        xmlTextWriterWriteAttribute(w, "v", t)
        xmlTextWriterWriteElement(w, "child", other)
        xmlTextWriterEndElement(w)
        xmlTextWriterStartElement(w, "q")
        xmlTextWriterWriteAttribute(w, "v", t)
        xmlTextWriterWriteString(w, other)
        xmlTextWriterEndElement(w)
        xmlTextWriterStartElement(w, "c")
        // XMLStreamWriter splits text with `]]>` into several sections; the reference does too.
        // (Like libxml2, both read a C string: up to its first NUL.)
        if t.prefix(while: { $0 != "\u{0}" }).contains("]]>") {
          for piece in XMLText.cdataPieces(t) { xmlTextWriterWriteCDATA(w, String(piece)) }
        } else {
          xmlTextWriterWriteCDATA(w, t)
        }
        xmlTextWriterEndElement(w)
      }
    }
  }

  static func written(_ texts: [String]) throws -> [UInt8] {
    var bytes = try XMLStreamWriter.withDocument { w in
      try w.start("root")
      for (i, t) in texts.enumerated() {
        let other = texts[(i + 1) % texts.count]
        try w.element("e", t)
        try w.element("a", attributes: ["v": t, "w": other])
        try w.start("p")
        try w.attribute("v", t)
        try w.element("child", other)
        try w.end()
        try w.element("q", attributes: ["v": t], text: other)
        try w.start("c")
        if i.isMultiple(of: 2) { try w.cdata(t) } else { try w.cdata(HTMLBytes(t)) }
        try w.end()
      }
    }
    // withDocument ends the file with a newline when libxml2 did not.
    if bytes.last == 0x0A, reference(texts).last != 0x0A { bytes.removeLast() }
    return bytes
  }

  @Test func everyPieceAloneIsWrittenAsLibxml2WritesIt() throws {
    for piece in Self.pieces {
      let texts = [piece, "", piece + piece]
      #expect(try Self.written(texts) == Self.reference(texts), "\(piece.debugDescription)")
    }
  }

  @Test func randomTextIsWrittenAsLibxml2WritesIt() throws {
    var random = SeededRandom(state: 20261205)
    for _ in 0..<300 {
      let texts = (0..<5).map { _ in Self.randomText(&random) }
      let reference = Self.reference(texts)
      let written = try Self.written(texts)
      #expect(written == reference, "\(texts.map(\.debugDescription))")
      if written != reference { return }
    }
  }

  @Test func theScansAgreeWithByteByByteChecks() {
    var random = SeededRandom(state: 7)
    for _ in 0..<2_000 {
      let bytes = Array(Self.randomText(&random).utf8)
      let text = bytes.contains { [0x3C, 0x3E, 0x26, 0x22].contains($0) || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) }
      let attribute = bytes.contains { [0x3C, 0x3E, 0x26, 0x22].contains($0) || $0 < 0x20 || $0 >= 0x80 }
      let cdata = bytes.contains { $0 == 0x5D || $0 == 0 }
      bytes.withUnsafeBufferPointer { b in
        let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
        #expect(XMLText.changesAsElementText(p, count: b.count) == text)
        #expect(XMLText.changesAsAttribute(p, count: b.count) == attribute)
        #expect(XMLText.mayEndCDATA(p, count: b.count) == cdata)
      }
    }
  }
}
