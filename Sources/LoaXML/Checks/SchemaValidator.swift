import CLibXML2
import LoaCore

/// Validates documents against a RELAX NG schema with libxml2 (`xmlRelaxNGValidateDoc`).
/// Not thread-safe: use one per thread.
public final class RelaxNGValidator {
  private let schema: xmlRelaxNGPtr
  private let context: xmlRelaxNGValidCtxtPtr
  private let messages = MessageCollector()
  /// What the schema is, for messages: `the RFC 4287 schema`.
  private let schemaName: String

  /// Compiles `schemaText`.
  ///
  /// - Parameter schemaName: names the schema in ``problem(_:)``'s messages.
  /// - Throws: ``XMLWriterError`` naming the libxml2 call when the schema does not compile.
  public init(schemaText: String, schemaName: String = "the RFC 4287 schema") throws {
    self.schemaName = schemaName
    XMLParsing.initialize()
    var text = schemaText
    let parser: xmlRelaxNGParserCtxtPtr? = text.withUTF8 { b in
      b.withMemoryRebound(to: CChar.self) { xmlRelaxNGNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
    }
    guard let parser else { throw XMLWriterError(function: "xmlRelaxNGNewMemParserCtxt") }
    defer { xmlRelaxNGFreeParserCtxt(parser) }
    cxml_relaxng_parser_silence(parser)
    guard let schema = xmlRelaxNGParse(parser) else {
      throw XMLWriterError(function: "xmlRelaxNGParse")
    }
    guard let context = xmlRelaxNGNewValidCtxt(schema) else {
      xmlRelaxNGFree(schema)
      throw XMLWriterError(function: "xmlRelaxNGNewValidCtxt")
    }
    self.schema = schema
    self.context = context
    // Structured errors: a plain C function pointer (no varargs), so Swift can provide it.
    xmlRelaxNGSetValidStructuredErrors(
      context,
      { user, error in
        guard let user, let error else { return }
        let collector = Unmanaged<MessageCollector>.fromOpaque(user).takeUnretainedValue()
        if collector.first == nil, let m = error.pointee.message {
          let text = String(cString: m).split(separator: "\n").first.map(String.init) ?? ""
          collector.first = "line \(error.pointee.line): \(text)"
        }
      }, Unmanaged.passUnretained(messages).toOpaque())
  }

  deinit {
    xmlRelaxNGFreeValidCtxt(context)
    xmlRelaxNGFree(schema)
  }

  /// Nil when `bytes` is well-formed and valid, else the first problem.
  public func problem(_ bytes: [UInt8]) -> String? {
    guard let doc = Self.tree(bytes) else { return OutputCheck.xmlProblem(bytes) ?? "not well-formed" }
    defer { xmlFreeDoc(doc) }
    messages.first = nil
    let rc = xmlRelaxNGValidateDoc(context, doc)
    if rc == 0 { return nil }
    return "not valid against \(schemaName): " + (messages.first ?? "error \(rc)")
  }

  /// The document's tree, or nil when it is not well-formed (namespaces included).
  ///
  /// Built by libxml2's push parser in 64 KB chunks rather than `xmlReadMemory`: the push
  /// parser checks a CDATA section (every item's HTML) in bulk, where the pull parser decodes
  /// it character by character (`xmlCurrentChar`), half the instructions of parsing loa's Atom
  /// files (Benchmarks/analysis.md); the tree is the same.
  static func tree(_ bytes: [UInt8]) -> xmlDocPtr? {
    XMLParsing.initialize()
    // "xmlCreatePushParserCtxt: Create a parser context for using the XML parser in push
    // mode." No SAX handler: libxml2's own SAX2 handlers build the tree (`myDoc`).
    guard let ctxt = xmlCreatePushParserCtxt(nil, nil, nil, 0, nil) else { return nil }
    defer { xmlFreeParserCtxt(ctxt) }
    _ = xmlCtxtUseOptions(ctxt, OutputCheck.parseOptions)
    let chunk = 65_536
    var rc: Int32 = 0
    bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { c in
        var offset = 0
        repeat {
          let n = min(chunk, c.count - offset)
          let last: Int32 = offset + n == c.count ? 1 : 0
          rc = xmlParseChunk(ctxt, c.baseAddress.map { $0 + offset }, Int32(n), last)
          offset += n
        } while rc == 0 && offset < c.count
      }
    }
    let doc = ctxt.pointee.myDoc
    ctxt.pointee.myDoc = nil
    guard rc == 0, ctxt.pointee.wellFormed != 0, ctxt.pointee.nsWellFormed != 0, let doc else {
      if let doc { xmlFreeDoc(doc) }
      return nil
    }
    return doc
  }

  /// ``problem(_:)`` for the file open as `file` (a feed written to its staged file), read
  /// by libxml2 from the descriptor, so the document's bytes are never held next to its tree.
  ///
  /// The tree is still built: RFC 4287's schema interleaves a feed's children, which
  /// libxml2's streaming validation (`xmlTextReaderRelaxNGSetSchema`) cannot follow, so its
  /// reader expanded the whole feed anyway, slower and larger (W2 as Atom: 234 MiB and 1.5 s
  /// against 203 MiB and 1.3 s; issue 16, Benchmarks/analysis.md).
  public func problem(file: Int32) -> String? {
    // "xmlReadFd: parse an XML from a file descriptor and build a tree. NOTE that the file
    // descriptor will not be closed when the reader is closed or reset."
    guard let doc = xmlReadFd(file, nil, "UTF-8", OutputCheck.parseOptions) else {
      return OutputCheck.xmlProblem(file: file) ?? "not well-formed"
    }
    defer { xmlFreeDoc(doc) }
    messages.first = nil
    let rc = xmlRelaxNGValidateDoc(context, doc)
    if rc == 0 { return nil }
    return "not valid against \(schemaName): " + (messages.first ?? "error \(rc)")
  }

  private final class MessageCollector {
    var first: String?
  }

  /// A validator for Atom 1.0 (RFC 4287).
  public static func atom() throws -> RelaxNGValidator {
    try RelaxNGValidator(schemaText: AtomSchema.rng)
  }

  /// A validator for the sitemaps loa writes (``SitemapSchema``).
  public static func sitemap() throws -> RelaxNGValidator {
    try RelaxNGValidator(schemaText: SitemapSchema.rng, schemaName: "the sitemap schema")
  }
}
