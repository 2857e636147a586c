import CLibXML2
import Foundation
import LoaCore
import LoaTestSupport
import LoaXML
import Testing

/// ``XMLStreamWriter`` indents documents itself, with libxml2's indentation switched off
/// (issue 16). These tests hold it to writing the bytes libxml2's indenting writer
/// (`xmlTextWriterSetIndent`, two spaces) writes for the same calls: random documents of every
/// shape (empty elements, text, CDATA, attributes, mixed content, deep nesting, elements left
/// open at the end).
@Suite struct XMLStreamWriterIndentTests {
  enum Step {
    case start(StaticString)
    case end
    case attribute(StaticString, String)
    case text(String)
    case cdata(String)
    case element(StaticString, String)
  }

  static let names: [StaticString] = ["a", "item", "title", "x:y", "link"]
  static let texts = ["", "t", "Hạ Long & <b>", "  ", "\n", "dòng\nhai", "\"q\""]

  /// A random run of calls that libxml2 accepts: attributes only right after a start tag,
  /// an end only for an open element; some elements are left for the document's end to close.
  static func randomSteps(_ random: inout SeededRandom) -> [Step] {
    var steps: [Step] = [.start("root")]
    var depth = 1
    var tagOpen = true
    for _ in 0..<random.below(40) {
      let name = names[random.below(names.count)]
      let text = texts[random.below(texts.count)]
      switch random.below(7) {
      case 0 where tagOpen:
        steps.append(.attribute("v", text))
        continue
      case 1 where depth < 70:
        steps.append(.start(name))
        depth += 1
        tagOpen = true
        continue
      case 2 where depth > 1:
        steps.append(.end)
        depth -= 1
      case 3: steps.append(.text(text))
      case 4: steps.append(.cdata(text))
      default: steps.append(.element(name, text))
      }
      tagOpen = false
    }
    if random.below(2) == 0 { for _ in 0..<depth { steps.append(.end) } }
    return steps
  }

  /// The document `body` writes with libxml2's own calls, indented by libxml2 (two spaces):
  /// what ``XMLStreamWriter`` must write for the same calls.
  static func libxml2Document(_ body: (xmlTextWriterPtr) -> Void) -> [UInt8] {
    let buffer = xmlBufferCreate()!
    defer { xmlBufferFree(buffer) }
    let w = xmlNewTextWriterMemory(buffer, 0)!
    xmlTextWriterSetIndent(w, 1)
    xmlTextWriterSetIndentString(w, "  ")
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", nil)
    body(w)
    xmlTextWriterEndDocument(w)
    xmlFreeTextWriter(w)
    return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
  }

  /// libxml2 indenting the document itself.
  static func reference(_ steps: [Step]) -> [UInt8] {
    Self.libxml2Document { w in
      for step in steps {
        switch step {
        case .start(let name): xmlTextWriterStartElement(w, name.utf8Start)
        case .end: xmlTextWriterEndElement(w)
        case .attribute(let name, let value): xmlTextWriterWriteAttribute(w, name.utf8Start, value)
        case .text(let value): xmlTextWriterWriteString(w, value)
        case .cdata(let value): xmlTextWriterWriteCDATA(w, value)
        case .element(let name, let value): xmlTextWriterWriteElement(w, name.utf8Start, value)
        }
      }
    }
  }

  static func written(_ steps: [Step]) throws -> [UInt8] {
    try XMLStreamWriter.withDocument { w in
      for step in steps {
        switch step {
        case .start(let name): try w.start(name)
        case .end: try w.end()
        case .attribute(let name, let value): try w.attribute(name, value)
        case .text(let value): try w.text(value)
        case .cdata(let value): try w.cdata(value)
        case .element(let name, let value): try w.element(name, value)
        }
      }
    }
  }

  @Test func randomDocumentsAreIndentedAsLibxml2IndentsThem() throws {
    var random = SeededRandom(state: 4287)
    for round in 0..<2_000 {
      let steps = Self.randomSteps(&random)
      let reference = Self.reference(steps)
      let written = try Self.written(steps)
      #expect(written == reference, "round \(round): \(String(decoding: written, as: UTF8.self).debugDescription) vs \(String(decoding: reference, as: UTF8.self).debugDescription)")
      if written != reference { return }
    }
  }

  /// Deeper than one raw write of indentation covers.
  @Test func deepNestingIsIndentedAsLibxml2IndentsIt() throws {
    var steps: [Step] = []
    for _ in 0..<150 { steps.append(.start("a")) }
    steps.append(.text("deep"))
    for _ in 0..<150 { steps.append(.end) }
    #expect(try Self.written(steps) == Self.reference(steps))
    steps.removeLast(150)
    #expect(try Self.written(steps) == Self.reference(steps))
  }
}
