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
    let doc = bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) {
        xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", OutputCheck.parseOptions)
      }
    }
    guard let doc else { return OutputCheck.xmlProblem(bytes) ?? "not well-formed" }
    defer { xmlFreeDoc(doc) }
    messages.first = nil
    let rc = xmlRelaxNGValidateDoc(context, doc)
    if rc == 0 { return nil }
    return "not valid against \(schemaName): " + (messages.first ?? "error \(rc)")
  }

  /// ``problem(_:)`` for the file open as `file`, read as a stream: libxml2's `xmlTextReader`
  /// validates against the same compiled schema while it reads
  /// (`xmlTextReaderRelaxNGSetSchema`), expanding only what a pattern needs, so a staged feed
  /// of 10,000 entries is never built into one tree (issue 16). Well-formedness is checked on
  /// the way, as in ``problem(_:)``.
  public func problem(file: Int32) -> String? {
    // "xmlReaderForFd: Create an xmltextReader for an XML from a file descriptor. NOTE that
    // the file descriptor will not be closed when the reader is closed or reset."
    guard let reader = xmlReaderForFd(file, nil, "UTF-8", OutputCheck.parseOptions) else {
      return "libxml2 xmlReaderForFd failed"
    }
    defer { xmlFreeTextReader(reader) }
    messages.first = nil
    xmlTextReaderSetStructuredErrorHandler(
      reader,
      { user, error in
        guard let user, let error else { return }
        let collector = Unmanaged<MessageCollector>.fromOpaque(user).takeUnretainedValue()
        if collector.first == nil, let m = error.pointee.message {
          let text = String(cString: m).split(separator: "\n").first.map(String.init) ?? ""
          collector.first = "line \(error.pointee.line): \(text)"
          collector.wellFormedness = error.pointee.domain != Int32(XML_FROM_RELAXNGV.rawValue)
        }
      }, Unmanaged.passUnretained(messages).toOpaque())
    // "xmlTextReaderRelaxNGSetSchema: Use RelaxNG to validate the document as it is
    // processed. Activation is only possible before the first Read()."
    guard xmlTextReaderRelaxNGSetSchema(reader, schema) == 0 else {
      return "libxml2 xmlTextReaderRelaxNGSetSchema failed"
    }
    var rc: Int32 = 1
    while rc == 1 { rc = xmlTextReaderRead(reader) }
    if rc == 0 && xmlTextReaderIsValid(reader) == 1 && messages.first == nil { return nil }
    if rc != 0 || messages.wellFormedness {
      // Not well-formed: the same words as ``problem(_:)`` (libxml2's parser message).
      return OutputCheck.xmlProblem(file: file) ?? messages.first ?? "not well-formed"
    }
    return "not valid against \(schemaName): " + (messages.first ?? "error")
  }

  private final class MessageCollector {
    var wellFormedness = false
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
