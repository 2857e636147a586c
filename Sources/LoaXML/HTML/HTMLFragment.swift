import CLibXML2
import LoaCore

/// Builds one HTML fragment as a libxml2 tree and serializes it with libxml2's HTML serializer
/// (`htmlNodeDumpFormatOutput`).
///
/// Why a tree and the HTML serializer rather than ``XMLStreamWriter``: the fragment is HTML,
/// not XML. `xmlTextWriter` always writes an XML declaration and closes an empty element as
/// `<span/>`, which an HTML parser reads as an *open* tag; the HTML serializer writes
/// `<span></span>`, knows HTML's void elements, and escapes `& < >` in text and `&` `"` in
/// attribute values.
///
/// Every string goes in raw: text through `xmlNewDocText` and attribute values through
/// `xmlNewProp`, neither of which interprets entities, so `&copy;` in a place name comes out
/// as `&amp;copy;`. Characters XML forbids are removed first (``XMLText/sanitized(_:)``), as
/// libxml2 would write them through. Use ``render(_:_:_:)``: its ``HTMLDocument`` is freed on
/// every path; ``Node`` values must not escape it.
package final class HTMLFragment {
  /// An element of the tree, owned by the document.
  package struct Node {
    fileprivate let pointer: xmlNodePtr
  }

  private let document: HTMLDocument
  private var doc: htmlDocPtr { document.pointer }

  private init(_ document: HTMLDocument) { self.document = document }

  /// Builds the fragment under a root element and returns its serialization (UTF-8, ending
  /// with a newline).
  ///
  /// - Parameters:
  ///   - root: the root element's name.
  ///   - attributes: its attributes, in order.
  ///   - build: adds the content.
  /// - Throws: ``XMLWriterError`` naming the libxml2 call that failed, or what `build` throws.
  package static func render(
    _ root: String, _ attributes: KeyValuePairs<String, String>,
    _ build: (HTMLFragment, Node) throws -> Void
  ) throws -> [UInt8] {
    let fragment = HTMLFragment(try HTMLDocument.empty())
    let node = try fragment.newNode(root)
    // From here the document owns the node and frees it.
    fragment.document.setRoot(node)
    try fragment.setAttributes(node, attributes)
    try build(fragment, Node(pointer: node))
    return try fragment.serialize(node)
  }

  private func newNode(_ name: String) throws -> xmlNodePtr {
    // Content nil: xmlNewDocNode would parse entity references in it.
    guard let node = Self.withXMLChars(name, { xmlNewDocNode(doc, nil, $0, nil) }) else {
      throw XMLWriterError(function: "xmlNewDocNode")
    }
    return node
  }

  private func setAttributes(_ node: xmlNodePtr, _ attributes: KeyValuePairs<String, String>)
    throws
  {
    try setAttributes(node, attributes.map { ($0.key, $0.value) })
  }

  private func setAttributes(_ node: xmlNodePtr, _ attributes: [(String, String)]) throws {
    for (name, value) in attributes {
      let clean = XMLText.sanitized(value).text
      // "xmlNewProp: Create a new property carried by a node." The value is stored as one
      // text node, as is: no entity parsing (unlike xmlNewDocProp).
      let attr = Self.withXMLChars(name) { n in Self.withXMLChars(clean) { xmlNewProp(node, n, $0) }
      }
      guard attr != nil else { throw XMLWriterError(function: "xmlNewProp") }
    }
  }

  /// Appends `<name …>` to `parent`, optionally with text.
  @discardableResult
  package func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil,
    in parent: Node
  ) throws -> Node {
    let node = try newNode(name)
    // "xmlAddChild: Add a new node to @parent, at the end of the child list". Linked at once,
    // so the document frees it whatever happens next.
    guard xmlAddChild(parent.pointer, node) != nil else {
      xmlFreeNode(node)
      throw XMLWriterError(function: "xmlAddChild")
    }
    try setAttributes(node, attributes)
    if let text { try self.text(text, in: Node(pointer: node)) }
    return Node(pointer: node)
  }

  /// Appends `<name …>` to `parent`, with attributes built at run time.
  @discardableResult
  package func element(_ name: String, attributeList: [(String, String)], in parent: Node) throws -> Node {
    let node = try element(name, in: parent)
    try setAttributes(node.pointer, attributeList)
    return node
  }

  /// Appends character data to `parent`.
  package func text(_ value: String, in parent: Node) throws {
    let clean = XMLText.sanitized(value).text
    guard let node = Self.withXMLChars(clean, { xmlNewDocText(doc, $0) }) else {
      throw XMLWriterError(function: "xmlNewDocText")
    }
    // xmlAddChild may merge the text into a previous text node and free `node`; its result
    // is not used.
    guard xmlAddChild(parent.pointer, node) != nil else {
      xmlFreeNode(node)
      throw XMLWriterError(function: "xmlAddChild")
    }
  }

  private func serialize(_ node: xmlNodePtr) throws -> [UInt8] {
    // Format 0: no whitespace is added; the builder adds its own line breaks between block
    // elements, so the bytes are exactly what the tree holds.
    var bytes = try document.bytes(of: [node], encoding: "UTF-8")
    guard !bytes.isEmpty else { throw XMLWriterError(function: "xmlOutputBufferGetContent") }
    if bytes.last != 0x0A { bytes.append(0x0A) }
    return bytes
  }

  /// Runs `body` with `s` as a NUL-terminated `xmlChar` string (UTF-8).
  ///
  /// Sanitized text holds no U+0000, so nothing is cut short.
  private static func withXMLChars<T>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
    s.withCString { c in
      c.withMemoryRebound(to: xmlChar.self, capacity: s.utf8.count + 1) { body($0) }
    }
  }
}
