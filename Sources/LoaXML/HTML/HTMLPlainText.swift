import CLibXML2
import LoaCore

/// The visible text of HTML as libxml2's HTML parser reads it, collected by SAX callbacks
/// without building a tree (``HTMLNestingGuard/plainText(_:)``): character data outside the
/// elements ``HTMLSanitizer`` removes with their content, escaped for HTML, with a space at
/// every block boundary. Raw text (`script`, `style`) reaches the `cdataBlock` callback, which
/// is not set, so it is left out as well.
enum HTMLPlainText {
  /// What the callbacks collect, reached through the parser context's `_private`.
  final class Collector {
    /// The text as read, escaped at the end.
    var output: [UInt8] = []
    /// How many open elements remove their content.
    var hidden = 0

    func text(_ p: UnsafePointer<xmlChar>, _ n: Int) {
      guard hidden == 0 else { return }
      output.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    }

    func element(_ name: UnsafePointer<xmlChar>?, opens: Bool) {
      guard let name else { return }
      let lower = String(cString: name).lowercased()
      // The parser reports an end for every start it reports; `max` keeps a stray end from
      // hiding the text after it all the same.
      if HTMLSanitizer.removedWithContent.contains(lower) { hidden = max(0, hidden + (opens ? 1 : -1)) }
      // A block boundary stays a word boundary.
      if HTMLSanitizer.blockElements.contains(lower), output.last != 0x20 { output.append(0x20) }
    }
  }

  static func collector(_ context: UnsafeMutableRawPointer?) -> Collector? {
    guard let context,
      let p = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
    else { return nil }
    return Unmanaged<Collector>.fromOpaque(p).takeUnretainedValue()
  }

  /// The text, or nil when libxml2 could not set up a parse.
  static func read(_ html: String) -> String? {
    XMLParsing.initialize()
    guard let context = htmlNewParserCtxt() else { return nil }
    defer { htmlFreeParserCtxt(context) }
    guard let sax = context.pointee.sax else { return nil }
    let collector = Collector()
    context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
    // No tree: elements and text go to the collector only. The document itself is still made
    // (`startDocument`) and freed below.
    sax.pointee.startElement = { context, name, _ in
      HTMLPlainText.collector(context)?.element(name, opens: true)
    }
    sax.pointee.endElement = { context, name in
      HTMLPlainText.collector(context)?.element(name, opens: false)
    }
    sax.pointee.characters = { context, p, n in
      guard let p, n > 0 else { return }
      HTMLPlainText.collector(context)?.text(p, Int(n))
    }
    sax.pointee.ignorableWhitespace = sax.pointee.characters
    sax.pointee.cdataBlock = nil
    sax.pointee.comment = nil
    sax.pointee.processingInstruction = nil
    sax.pointee.reference = nil
    sax.pointee.internalSubset = nil
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NODEFDTD.rawValue)
    var source = html
    let document: htmlDocPtr? = source.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    if let document { xmlFreeDoc(document) }
    withExtendedLifetime(collector) {}
    return HTMLText.escaped(String(decoding: collector.output, as: UTF8.self))
  }
}
