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
