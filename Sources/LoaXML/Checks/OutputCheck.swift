import CLibXML2
import FoundationEssentials
import LoaCore

/// Checks a generated file before it may replace the published one: XML must be well-formed
/// (re-parsed by libxml2), JSON must parse.
public enum OutputCheck {
  /// How loa's own files are re-read: no network, no messages on stderr, and no size limits
  /// (`XML_PARSE_HUGE`: a feed of 10,000 items is 40 MB, past libxml2's 10 MB safety limits,
  /// which guard against hostile input, not against files loa just wrote).
  static let parseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_HUGE.rawValue)

  /// Nil when `bytes` is a well-formed, namespace-well-formed XML document, else libxml2's
  /// first error message.
  ///
  /// libxml2's parser runs with SAX2 callbacks that do nothing: every well-formedness and
  /// namespace check happens, but no tree is built only to be freed (that cost more than
  /// writing the feed; docs/PERFORMANCE.md).
  public static func xmlProblem(_ bytes: [UInt8]) -> String? {
    XMLParsing.initialize()
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    // "xmlCreatePushParserCtxt: Create a parser context for using the XML parser in push
    // mode." The handler is copied into the context.
    guard let ctxt = xmlCreatePushParserCtxt(&sax, nil, nil, 0, nil) else {
      return "libxml2 xmlCreatePushParserCtxt failed"
    }
    defer { xmlFreeParserCtxt(ctxt) }
    _ = xmlCtxtUseOptions(ctxt, OutputCheck.parseOptions)
    let rc = bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { xmlParseChunk(ctxt, $0.baseAddress, Int32($0.count), 1) }
    }
    if rc == 0 && ctxt.pointee.wellFormed != 0 && ctxt.pointee.nsWellFormed != 0 { return nil }
    if let err = xmlCtxtGetLastError(ctxt), let msg = err.pointee.message {
      return String(cString: msg).trimmingWhitespaceAndNewlines()
        + " (line \(err.pointee.line))"
    }
    return "not well-formed"
  }

  /// Nil when `bytes` is valid JSON (RFC 8259), else what is wrong and where.
  public static func jsonProblem(_ bytes: [UInt8]) -> String? {
    JSONSyntax.problem(bytes)
  }
}

/// One-time libxml2 set-up.
package enum XMLParsing {
  private static let once: Void = {
    // "xmlInitParser: Initialization function for the XML parser. This is not reentrant.
    // Call once before processing in case of use in multithreaded programs."
    xmlInitParser()
    // RELAX NG's datatype libraries are registered lazily on first use, which is not
    // thread-safe; register them here, once (the publisher calls this before it starts any
    // worker).
    _ = xmlRelaxNGInitTypes()
    cxml_silence_generic_errors()
  }()

  package static func initialize() { _ = once }
}
