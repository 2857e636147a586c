import CLibXML2
import LoaCore

/// Owns one libxml2 HTML document: the only place loa creates, parses or frees one.
///
/// Created empty (``empty()``, wrapping `htmlNewDocNoDtD`) to build a page or a fragment, or
/// parsed from text (``parse(_:options:)``, wrapping `htmlReadMemory`) to clean it; freed once,
/// with every node it holds, in `deinit` (`xmlFreeDoc`). The sanitizer, the index page
/// (`FeedIndexRenderer`) and the weather box (``HTMLFragment``) all go through it.
///
/// Node pointers belong to the document: they must not outlive it. A caller holding only
/// ``pointer`` keeps the document alive with `withExtendedLifetime`.
package final class HTMLDocument {
  /// The libxml2 document.
  package let pointer: htmlDocPtr

  private init(_ pointer: htmlDocPtr) { self.pointer = pointer }

  deinit { xmlFreeDoc(pointer) }

  /// A new document with no content and no DTD.
  ///
  /// - Throws: ``XMLWriterError`` when libxml2 cannot allocate it.
  package static func empty() throws -> HTMLDocument {
    XMLParsing.initialize()
    // "htmlNewDocNoDtD: Creates a new HTML document without a DTD node if @URI and
    // @ExternalID are NULL".
    guard let doc = htmlNewDocNoDtD(nil, nil) else {
      throw XMLWriterError(function: "htmlNewDocNoDtD")
    }
    return HTMLDocument(doc)
  }

  /// `html` parsed with libxml2's HTML parser as UTF-8, or nil when libxml2 returns no
  /// document (empty input, out of memory).
  ///
  /// The encoding argument pins UTF-8, so a leading `<meta charset>` in the content cannot
  /// make the parser switch encodings.
  package static func parse(_ html: String, options: Int32) -> HTMLDocument? {
    parseNoticingStop(html, options: options).document
  }

  /// ``parse(_:options:)``, also saying whether the parser stopped before the end of the
  /// input (what it had not read is missing from the document): libxml2 sets `disableSAX` in
  /// its parser context when it halts (more than 256 open elements, a fatal error). Wraps
  /// `htmlCtxtReadMemory` with a context of its own to read that flag from.
  package static func parseNoticingStop(_ html: String, options: Int32) -> (
    document: HTMLDocument?, stopped: Bool
  ) {
    XMLParsing.initialize()
    guard let context = htmlNewParserCtxt() else { return (nil, false) }
    defer { htmlFreeParserCtxt(context) }
    var source = html
    let parsed: htmlDocPtr? = source.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    return (parsed.map(HTMLDocument.init), context.pointee.disableSAX != 0)
  }

  /// A new, unattached element `<name>`.
  ///
  /// Content nil: `xmlNewDocNode` would parse entity references in it.
  package func newElement(_ name: String) throws -> xmlNodePtr {
    guard let node = xmlNewDocNode(pointer, nil, name, nil) else {
      throw XMLWriterError(function: "xmlNewDocNode")
    }
    return node
  }

  /// A new, unattached text node.
  ///
  /// Wraps `xmlNewDocText`, which stores `value` as it is: unlike the `content` argument of
  /// `xmlNewDocNode` or `xmlNewChild`, it parses no entity references, so `&copy;` stays
  /// six characters and is written as `&amp;copy;`.
  package func newText(_ value: String) throws -> xmlNodePtr {
    guard let node = xmlNewDocText(pointer, value) else {
      throw XMLWriterError(function: "xmlNewDocText")
    }
    return node
  }

  /// Adds the attribute `name="value"` to `node`.
  ///
  /// "xmlNewProp: Create a new property carried by a node." The value is stored as one text
  /// node, as is: no entity parsing (unlike `xmlNewDocProp`).
  package func setAttribute(_ name: String, _ value: String, on node: xmlNodePtr) throws {
    guard xmlNewProp(node, name, value) != nil else {
      throw XMLWriterError(function: "xmlNewProp")
    }
  }

  /// Makes `node` the root element; from here the document owns it.
  ///
  /// "xmlDocSetRootElement: Set the root element of the document". It returns the old root
  /// (none here), so nil is not an error.
  package func setRoot(_ node: xmlNodePtr) {
    xmlDocSetRootElement(pointer, node)
  }

  /// Appends `node` to `parent`'s children; on failure frees `node` and throws.
  ///
  /// "xmlAddChild: … If the new node is a TEXT node, it may be merged with an adjacent TEXT
  /// node (in which case @cur is freed)." It returns NULL only on error, leaving @cur ours.
  package func append(_ node: xmlNodePtr, to parent: xmlNodePtr) throws {
    guard xmlAddChild(parent, node) != nil else {
      xmlFreeNode(node)
      throw XMLWriterError(function: "xmlAddChild")
    }
  }

  /// Inserts `node` right after `sibling`; on failure frees `node` and throws.
  package func insert(_ node: xmlNodePtr, after sibling: xmlNodePtr) throws {
    // Like xmlAddChild, it returns NULL only on error, when @elem is still ours.
    guard xmlAddNextSibling(sibling, node) != nil else {
      xmlFreeNode(node)
      throw XMLWriterError(function: "xmlAddNextSibling")
    }
  }

  /// The whole document: the doctype if any, the tree, nothing added.
  ///
  /// Wraps `htmlDocContentDumpFormatOutput` with no encoder (the tree is UTF-8 already) and
  /// format 0: the white space is the tree's own, so the bytes do not depend on libxml2's
  /// formatting heuristics.
  package func documentBytes() throws -> [UInt8] {
    try withOutput { htmlDocContentDumpFormatOutput($0, pointer, nil, 0) }
  }

  /// `nodes` serialized one after the other, format 0 (`htmlNodeDumpFormatOutput`).
  ///
  /// - Parameter encoding: the `encoding` argument of `htmlNodeDumpFormatOutput`; the output
  ///   buffer has no encoder either way, so UTF-8 passes through unchanged.
  package func bytes(of nodes: [xmlNodePtr], encoding: String? = nil) throws -> [UInt8] {
    try withOutput { out in
      for node in nodes { htmlNodeDumpFormatOutput(out, pointer, node, encoding, 0) }
    }
  }

  /// The children of `node`, without `node` itself, format 0.
  package func childrenBytes(of node: xmlNodePtr) throws -> [UInt8] {
    var children: [xmlNodePtr] = []
    var child = node.pointee.children
    while let c = child {
      children.append(c)
      child = c.pointee.next
    }
    return try bytes(of: children)
  }

  private func withOutput(_ dump: (xmlOutputBufferPtr) -> Void) throws -> [UInt8] {
    // "xmlAllocOutputBuffer: Create a buffered parser output"; no encoder, so UTF-8 passes
    // through unchanged.
    guard let out = xmlAllocOutputBuffer(nil) else {
      throw XMLWriterError(function: "xmlAllocOutputBuffer")
    }
    defer { xmlOutputBufferClose(out) }
    dump(out)
    // The dump functions return nothing; a failed write sets the buffer's `error`.
    guard xmlOutputBufferFlush(out) >= 0, out.pointee.error == 0 else {
      throw XMLWriterError(function: "htmlNodeDumpFormatOutput")
    }
    guard let buffer = out.pointee.buffer, let content = xmlBufContent(buffer) else {
      throw XMLWriterError(function: "xmlBufContent")
    }
    return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufUse(buffer))))
  }
}
