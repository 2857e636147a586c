import CLibXML2
import LoaCore

#if canImport(Glibc)
  import Glibc
#endif

/// Sanitizes article HTML for feeds: parsed with libxml2's HTML parser (so malformed markup
/// comes out well-formed), reduced to an allowlist of elements and attributes, every URL made
/// absolute against the article's URL, and serialized again by ``HTMLTreeWriter`` (the bytes of
/// libxml2's `htmlNodeDump`, which stays the reference).
///
/// - Kept: paragraphs, headings, lists, links, images (with `srcset`), figures and captions,
///   tables, quotes, inline emphasis, code, `time`, `abbr`, `details`.
/// - Removed with their content: `script`, `style`, `iframe`/`frame` (replaced by a link to
///   their page), `object`, `embed`, `applet`, `form` and its controls, `meta`, `base`, `link`,
///   `noscript`, `template`, `svg`, `math`, `canvas`; comments and processing instructions.
/// - `video` and `audio` become a link (with the poster image when there is one).
/// - Other elements (`font`, `center`, Word's `o:p`) are unwrapped: their content stays.
/// - Attributes: only those listed per element, plus `lang`, `dir`, `title`. Event handlers,
///   `style`, `class`, `id`, `target` are dropped.
/// - Nesting: no element with content stands deeper than `maxNestingDepth` elements; deeper
///   ones are unwrapped (a line break stands for a block), so text nested past any parser's
///   limit is kept (see `HTMLNestingGuard` for libxml2's own limit of 256 while parsing).
/// - URLs (`href`, `src`, `srcset`, `cite`, `poster`): resolved against the article; only
///   `http`/`https` survive (plus `mailto:`/`tel:` for links), so `javascript:`, `vbscript:`
///   and `data:` are gone whatever their case, spacing or entity encoding (the parser decodes
///   entities before the check). Non-ASCII is percent-encoded (RFC 3987). Lazy-loading
///   `data-src`, `data-original`, `data-lazy-src`, `data-srcset` become `src`/`srcset`.
public struct HTMLSanitizer: Sendable {
  /// Bumped whenever the output for the same input can change, so cached results are redone.
  public static let version = 11

  /// Counts of what was removed or changed, for the report.
  public struct Changes: Sendable, Equatable {
    public var removedElements: [String] = []
    /// Embeds (`iframe`, `video`, `audio`) turned into links.
    public var replacedElements: [String] = []
    public var removedAttributes = 0
    public var droppedURLs = 0
    public var truncated = false
    /// Elements unwrapped (or start tags left out before parsing) because they nested deeper
    /// than `maxNestingDepth` (or libxml2's parser limit): their text is kept. A note, not a
    /// warning: nothing is lost but structure nobody can see at that depth.
    public var flattenedLevels = 0
    /// The parser stopped early even on the bounded input (`HTMLNestingGuard`) and only the
    /// text was kept (links and images lost): a warning.
    public var reducedToText = false

    public init() {}

    /// Whether nothing worth a warning changed (`flattenedLevels` is only a note).
    public var isEmpty: Bool {
      removedElements.isEmpty && replacedElements.isEmpty && droppedURLs == 0 && !truncated
        && !reducedToText
    }

    public var summary: String {
      var parts: [String] = []
      if !removedElements.isEmpty {
        parts.append("removed " + Array(Set(removedElements)).sorted().map { "<\($0)>" }.joined(separator: ", "))
      }
      if !replacedElements.isEmpty {
        parts.append("replaced " + Array(Set(replacedElements)).sorted().map { "<\($0)>" }.joined(separator: ", ") + " with links")
      }
      if droppedURLs > 0 { parts.append("dropped \(droppedURLs) unsafe or invalid URL\(droppedURLs == 1 ? "" : "s")") }
      if truncated { parts.append("cut to the content size limit") }
      if reducedToText {
        parts.append("the HTML parser stopped early; published as plain text (links and images lost)")
      }
      return parts.joined(separator: "; ")
    }
  }

  /// The sanitized content.
  public struct Result: Sendable, Equatable {
    public var html: String
    /// The visible text of the body (without figure captions), white space collapsed.
    public var text: String
    public var changes: Changes
    /// Whether `html` and `text` are known to be NFC already (from the scan that turned the
    /// bytes into strings; false means not known): the NFC step after sanitizing is skipped
    /// then. Not part of equality.
    public var htmlIsNFC = false
    public var textIsNFC = false

    public init(html: String, text: String, changes: Changes) {
      self.html = html
      self.text = text
      self.changes = changes
    }

    public static func == (a: Result, b: Result) -> Bool {
      a.html == b.html && a.text == b.text && a.changes == b.changes
    }
  }

  public let base: WebAddress
  /// Maximum bytes of serialized HTML; whole top-level blocks beyond it are left out and a
  /// "read more" link to the article is added.
  public let maxBytes: Int
  /// Text of that link.
  public let readMoreText: String
  /// Whether attributes kept with their value stay where they are (``cleanAttributes``);
  /// false only in tests, which compare it with removing and setting every kept attribute.
  var attributesInPlace = true
  /// Whether markup the single pass follows is sanitized by it (``sanitizeInOnePass(_:)``,
  /// the same result); false only in tests and benchmarks that compare both paths.
  package var singlePass = true

  /// Deepest nesting of elements with content in the output. Deeper elements are unwrapped:
  /// well within libxml2's 256 and what feed readers' parsers take, and far past what an
  /// article's layout needs (the examples nest 6 deep).
  public static let maxNestingDepth = 64

  public init(base: WebAddress, maxBytes: Int = 1_000_000, readMoreText: String = "Đọc tiếp") {
    self.base = base
    self.maxBytes = maxBytes
    self.readMoreText = readMoreText
  }

  static let global: Set<String> = ["lang", "dir", "title"]
  static let allowed: [String: Set<String>] = [
    "p": [], "br": [], "hr": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
    "ul": [], "ol": ["start", "reversed", "type"], "li": ["value"], "dl": [], "dt": [], "dd": [],
    "a": ["href"], "img": ["src", "alt", "width", "height", "srcset", "sizes"],
    "figure": [], "figcaption": [],
    "table": [], "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [],
    "th": ["colspan", "rowspan", "scope"], "td": ["colspan", "rowspan"], "colgroup": ["span"],
    "col": ["span"], "blockquote": ["cite"], "q": ["cite"], "cite": [], "em": [], "strong": [],
    "b": [], "i": [], "u": [], "s": [], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
    "sub": [], "sup": [], "small": [], "mark": [], "abbr": [], "code": [], "pre": [], "kbd": [],
    "samp": [], "var": [], "span": [], "div": [], "section": [], "article": [], "aside": [],
    "header": [], "footer": [], "time": ["datetime"], "address": [], "details": [],
    "summary": [], "bdi": [], "bdo": [], "ruby": [], "rt": [], "rp": [],
  ]
  static let removedWithContent: Set<String> = [
    "script", "style", "object", "applet", "form", "input", "button",
    "select", "option", "optgroup", "textarea", "datalist", "output", "meta", "base", "link",
    "noscript", "template", "svg", "math", "canvas", "title", "head", "xml", "frameset",
    "track", "dialog", "slot", "portal",
  ]
  /// HTML5 void elements libxml2's HTML 4 parser treats as containers. All are dropped:
  /// `embed` is unsafe, the others mean nothing without their parent element or, like
  /// `wbr`, would be serialized with an end tag HTML does not have.
  static let html5Void: Set<String> = ["embed", "param", "track", "keygen", "source", "wbr"]
  static let urlAttributes: Set<String> = ["href", "src", "cite"]
  static let numericAttributes: Set<String> = [
    "width", "height", "colspan", "rowspan", "span", "start", "value",
  ]
  /// Elements whose text is left out of the derived summary.
  static let notInSummary: Set<String> = ["figure", "figcaption", "table", "pre", "caption"]
  static let blockElements: Set<String> = [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "figure", "figcaption", "table", "tr", "td", "th", "blockquote", "div", "section",
    "article", "aside", "header", "footer", "address", "details", "summary", "pre",
  ]

  /// Which of the sets above (and `allowedVoid`) an element name is in.
  struct Kind: OptionSet {
    let rawValue: UInt8
    static let allowedVoid = Kind(rawValue: 1)
    static let html5Void = Kind(rawValue: 2)
    static let removedWithContent = Kind(rawValue: 4)
    static let block = Kind(rawValue: 8)
    static let notInSummary = Kind(rawValue: 16)
  }

  /// Every name in those sets with its kinds: the walk looks a name up once instead of in
  /// each set (hashing a `String` cost more than anything else it does with an element).
  static let kinds: [String: Kind] = {
    var map: [String: Kind] = [:]
    for (set, kind) in [
      (allowedVoid, Kind.allowedVoid), (html5Void, .html5Void),
      (removedWithContent, .removedWithContent), (blockElements, .block),
      (notInSummary, .notInSummary),
    ] {
      for name in set { map[name, default: []].insert(kind) }
    }
    return map
  }()

  static func kind(_ name: String) -> Kind { element(name).kind }

  /// What the walk needs to know about an element name, found with one look-up: its kinds,
  /// its allowed attributes (nil: not allowed), where it may stand (``requiredParents``) and
  /// which children close it (``closedBy``).
  struct Element: Equatable, Sendable {
    var kind: Kind = []
    var attributes: Set<String>?
    var requiredParents: Set<String>?
    var closedBy: Set<String>?
  }

  /// ``kinds``, ``allowed``, ``requiredParents`` and ``closedBy`` in one ``NameTable``.
  static let elements: NameTable<Element> = {
    var map: [String: Element] = [:]
    for (name, kind) in kinds { map[name, default: Element()].kind = kind }
    for (name, attributes) in allowed { map[name, default: Element()].attributes = attributes }
    for (name, parents) in requiredParents { map[name, default: Element()].requiredParents = parents }
    for (name, closing) in closedBy { map[name, default: Element()].closedBy = closing }
    return NameTable(map)
  }()

  static func element(_ name: String) -> Element { elements[name] ?? Element() }

  /// Which of ``global``, ``urlAttributes`` and ``numericAttributes`` an attribute name is in.
  struct AttributeKind: OptionSet, Sendable {
    let rawValue: UInt8
    static let global = AttributeKind(rawValue: 1)
    static let url = AttributeKind(rawValue: 2)
    static let numeric = AttributeKind(rawValue: 4)
  }

  /// Those three sets in one ``NameTable``: one look-up per attribute instead of up to five
  /// `Set<String>` ones.
  static let attributeKinds: NameTable<AttributeKind> = {
    var map: [String: AttributeKind] = [:]
    for name in global { map[name, default: []].insert(.global) }
    for name in urlAttributes { map[name, default: []].insert(.url) }
    for name in numericAttributes { map[name, default: []].insert(.numeric) }
    return NameTable(map)
  }()

  static func attributeKind(_ name: String) -> AttributeKind { attributeKinds[name] ?? [] }

  /// Sanitizes `html` (already free of characters XML forbids, ideally NFC).
  public func sanitize(_ html: String) -> Result {
    if singlePass, let result = sanitizeInOnePass(html) { return result }
    return sanitizeWithTree(html)
  }

  /// ``sanitize(_:)`` by the tree path alone: libxml2's HTML parser, the cleaning walk and
  /// ``HTMLTreeWriter``, whatever the input.
  package func sanitizeWithTree(_ html: String) -> Result {
    var changes = Changes()
    guard let (document, body) = cleanedTree(html, changes: &changes) else {
      return Result(html: "", text: "", changes: changes)
    }
    defer { withExtendedLifetime(document) {} }
    let doc = document.pointer

    // Serialize top-level nodes one by one. Format 0: no whitespace is added between blocks
    // (`htmlNodeDump` would add newlines). Past the size limit, the content is cut at the last
    // block that fits, inside a wrapper (a CMS that puts the whole body in one <div>) down to a
    // word boundary of its text.
    // All of them go through one output buffer: the same bytes as one node at a time.
    var (output, htmlIsNFC) = Self.serializeChildrenCheckingNFC(of: body, doc, capacity: html.utf8.count + 64)
    if output.utf8.count > maxBytes {
      changes.truncated = true
      Self.cut(body, budget: maxBytes, doc)
      output = Self.serializeChildren(of: body, doc)
      htmlIsNFC = false
    }
    var kept: [xmlNodePtr] = []
    var node = body.pointee.children
    while let n = node {
      kept.append(n)
      node = n.pointee.next
    }
    if Self.contains(0x0D, in: output) {
      // A CR from a character reference (`&#13;`): written as LF, as the raw ones were.
      output = String(decoding: output.utf8.map { $0 == 0x0D ? 0x0A : $0 }, as: UTF8.self)
    }
    if changes.truncated {
      output += "<p><a href=\"\(HTMLText.escaped(base.description))\">"
        + HTMLText.escaped(readMoreText) + "</a></p>"
      htmlIsNFC = false
    }
    var text: [UInt8] = []
    text.reserveCapacity(output.utf8.count)
    for n in kept { Self.appendText(n, to: &text) }
    // Collapsed before it becomes a string: the UTF-8 is checked once.
    let collapsed = text.withUnsafeBufferPointer { Whitespace.collapsed(utf8: $0) } ?? text
    let (textString, textIsNFC) = collapsed.withUnsafeBufferPointer { Unicode.stringCheckingNFC($0) }
    var result = Result(html: output, text: textString, changes: changes)
    result.htmlIsNFC = htmlIsNFC
    result.textIsNFC = textIsNFC
    return result
  }

  /// `html` parsed and cleaned: its document (which owns every node) and the body whose
  /// children are the sanitized content, ready to serialize; nil when libxml2 gives no tree.
  func cleanedTree(_ html: String, changes: inout Changes) -> (HTMLDocument, xmlNodePtr)? {
    XMLParsing.initialize()
    var source = html
    if Self.contains(0x0D, in: source) {
      // HTML reads CR LF and CR as LF (its input stream's newline normalization); so does XML
      // in the feeds' CDATA. Normalized here, every format carries the same content.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(source.utf8.count)
      var afterCR = false
      for b in source.utf8 {
        if b == 0x0A && afterCR {
          afterCR = false
          continue
        }
        afterCR = b == 0x0D
        bytes.append(afterCR ? 0x0A : b)
      }
      source = String(decoding: bytes, as: UTF8.self)
    }
    if let escaped = Self.escapingStrayLessThan(source) { source = escaped }
    // Parsed as UTF-8 whatever a <meta charset> in the content says; freed when `document` goes.
    guard let document = Self.parseWhole(source, changes: &changes) else { return nil }
    let doc = document.pointer
    guard let body = Self.body(of: doc) else { return nil }
    Self.gatherAfterBody(into: body, of: doc)
    clean(children: body, depth: 0, changes: &changes)
    Self.normalizeTopLevel(in: body)
    return (document, body)
  }

  /// Whether the UTF-8 of `s` holds `byte`: a scan of its contiguous bytes (`s.utf8.contains`
  /// goes through the generic `Sequence` iterator, a tenth of a cleaning's time).
  static func contains(_ byte: UInt8, in s: String) -> Bool {
    var s = s
    return s.withUTF8 { b in
      guard let base = b.baseAddress else { return false }
      return memchr(base, Int32(byte), b.count) != nil
    }
  }

  /// `html` parsed to its end: when the parser stopped early (its depth limit, or a tag name
  /// such as `o:0` that it reports as a fatal namespace error), parsed again from
  /// `HTMLNestingGuard.bounded` (the start tags left out for depth counted as flattened), and
  /// should it stop even then, from `HTMLNestingGuard.plainText`.
  /// `html` with every `<` that cannot begin a tag written `&lt;`, or nil when there is none.
  ///
  /// HTML reads such a `<` (followed by a digit, a space, punctuation, a symbol) as text.
  /// libxml2 keeps it in the middle of text but drops it when it comes first in the body
  /// (`<�b>` became `�b>`; FuzzHTMLSanitizer). A `<` before what libxml2 may read as a tag
  /// (an ASCII letter, `_`, `:`, `.`, `/`, `!`, `?`) is left to the parser; before anything
  /// else, `đ` included, it is text for libxml2 and HTML alike.
  public static func escapingStrayLessThan(_ html: String) -> String? {
    var html = html
    return html.withUTF8 { bytes -> String? in
      // libxml2's htmlParseHTMLName: a tag name starts with an ASCII letter, `_`, `:` or `.`.
      func stray(at i: Int) -> Bool {
        guard i + 1 < bytes.count else { return true }
        let next = bytes[i + 1]
        let c = next | 0x20
        return !((c >= 0x61 && c <= 0x7A) || next == 0x5F || next == 0x3A || next == 0x2E
          || next == 0x2F || next == 0x21 || next == 0x3F)
      }
      var out: [UInt8]?
      var copied = 0
      guard let base = bytes.baseAddress else { return nil }
      var from = 0
      // From one `<` to the next with memchr: a byte loop cost more than the rest of this.
      while from < bytes.count, let found = memchr(base + from, 0x3C, bytes.count - from) {
        let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        from = i + 1
        guard stray(at: i) else { continue }
        if out == nil { out = []; out?.reserveCapacity(bytes.count + 16) }
        out?.append(contentsOf: bytes[copied..<i])
        out?.append(contentsOf: "&lt;".utf8)
        copied = i + 1
      }
      guard var result = out else { return nil }
      result.append(contentsOf: bytes[copied...])
      return String(decoding: result, as: UTF8.self)
    }
  }

  static func parseWhole(_ html: String, changes: inout Changes) -> HTMLDocument? {
    let first = parse(html)
    guard first.stopped else { return first.document }
    let (bounded, dropped) = HTMLNestingGuard.bounded(html)
    let second = parse(bounded)
    guard second.stopped else {
      changes.flattenedLevels += dropped
      return second.document
    }
    changes.reducedToText = true
    return parse(HTMLNestingGuard.plainText(html)).document
  }

  /// Parses `html` with libxml2's HTML parser; `stopped` when the parser gave up before the
  /// end of the input, so the rest is missing: `disableSAX` is set by `xmlHaltParser` (the
  /// depth limit) and by a fatal error without `HTML_PARSE_RECOVER` (a namespace error).
  static func parse(_ html: String) -> (document: HTMLDocument?, stopped: Bool) {
    // NOIMPLIED is not used: the parser's implied html/body give one place to read from.
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NODEFDTD.rawValue)
    return HTMLDocument.parseNoticingStop(html, options: options)
  }

  /// Removes from `parent`'s children whatever does not fit in `budget` serialized bytes: the
  /// children that fit are kept whole, the first that does not is cut inside (an element) or
  /// at a word boundary (text, ending in "…"), the rest are removed.
  static func cut(_ parent: xmlNodePtr, budget: Int, _ doc: htmlDocPtr) {
    var used = 0
    var child = parent.pointee.children
    while let c = child {
      let size = serialize(c, doc).utf8.count
      if used + size <= budget {
        used += size
        child = c.pointee.next
        continue
      }
      let room = budget - used
      var keep = false
      if c.pointee.type == XML_TEXT_NODE {
        keep = cutText(c, budget: room, doc)
      } else if c.pointee.type == XML_ELEMENT_NODE, c.pointee.children != nil,
        let shell = xmlCopyNode(c, 2)
      {
        // The element's own tags (with its attributes) cost this much.
        let tags = serialize(shell, doc).utf8.count
        xmlFreeNode(shell)
        if room - tags > 64 {
          cut(c, budget: room - tags, doc)
          keep = c.pointee.children != nil
        }
      }
      var rest = keep ? c.pointee.next : c
      while let r = rest {
        rest = r.pointee.next
        remove(r)
      }
      return
    }
  }

  /// Shortens a text node to fit `budget` serialized bytes, at a word boundary, with "…";
  /// false when not even a few words fit.
  static func cutText(_ node: xmlNodePtr, budget: Int, _ doc: htmlDocPtr) -> Bool {
    guard budget > 16, let raw = xmlNodeGetContent(node) else { return false }
    let text = String(cString: raw)
    cxml_free(raw)
    // Escaping only grows the text, so its length in bytes is an upper bound to start from;
    // shrink until the serialized form fits.
    var count = min(text.unicodeScalars.count, budget)
    while count > 0 {
      xmlNodeSetContent(node, TextCleaner.truncated(text, maxCharacters: count))
      if serialize(node, doc).utf8.count <= budget { return true }
      count = count * 3 / 4
    }
    return false
  }

  /// One node as HTML: ``HTMLTreeWriter``'s bytes, which are `htmlNodeDumpFormatOutput`'s
  /// (libxml2's own dump for a node the writer leaves to it).
  static func serialize(_ node: xmlNodePtr, _ doc: htmlDocPtr) -> String {
    var out: [UInt8] = []
    append(node, doc, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The children of `parent` as HTML, one after the other, as ``serialize(_:_:)`` writes each.
  static func serializeChildren(of parent: xmlNodePtr, _ doc: htmlDocPtr) -> String {
    serializeChildrenCheckingNFC(of: parent, doc).0
  }

  /// ``serializeChildren(of:_:)``, and whether the result is known to be NFC
  /// (``Unicode/stringCheckingNFC(_:)``).
  static func serializeChildrenCheckingNFC(
    of parent: xmlNodePtr, _ doc: htmlDocPtr, capacity: Int = 0
  ) -> (String, Bool) {
    var out: [UInt8] = []
    out.reserveCapacity(capacity)
    var node = parent.pointee.children
    while let n = node {
      append(n, doc, to: &out)
      node = n.pointee.next
    }
    return out.withUnsafeBufferPointer { Unicode.stringCheckingNFC($0) }
  }

  /// Appends `node` as HTML: with ``HTMLTreeWriter``, or with libxml2 for what it leaves to it.
  static func append(_ node: xmlNodePtr, _ doc: htmlDocPtr, to out: inout [UInt8]) {
    guard !HTMLTreeWriter.append(node, doc, to: &out) else { return }
    out += libxml2Dump(node, doc)
  }

  /// `node` as libxml2's `htmlNodeDumpFormatOutput` writes it with no encoder (the tree is
  /// UTF-8 already) and no formatting: the reference ``HTMLTreeWriter`` is checked against.
  static func libxml2Dump(_ node: xmlNodePtr, _ doc: htmlDocPtr) -> [UInt8] {
    guard let out = xmlAllocOutputBuffer(nil) else { return [] }
    defer { xmlOutputBufferClose(out) }
    htmlNodeDumpFormatOutput(out, doc, node, nil, 0)
    xmlOutputBufferFlush(out)
    guard let buffer = out.pointee.buffer, let content = xmlBufContent(buffer) else { return [] }
    return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufUse(buffer))))
  }

  /// For the differential checks of ``HTMLTreeWriter`` (HTMLTreeWriterTests, FuzzHTMLSanitizer):
  /// `html` sanitized up to its serialization, then every node of the result written by
  /// ``HTMLTreeWriter`` and by libxml2's `htmlNodeDumpFormatOutput`: the body's children one
  /// after the other, each element and text node on its own, and each element without its
  /// children (as the size limit's cut measures it). One line per node where the two differ
  /// (empty when they agree), or where the writer left a node of the sanitized tree to libxml2.
  public func writerDifferences(_ html: String) -> [String] {
    var changes = Changes()
    guard let (document, body) = cleanedTree(html, changes: &changes) else { return [] }
    return withExtendedLifetime(document) { Self.writerDifferences(under: body, document.pointer) }
  }

  /// ``writerDifferences(_:)`` for the tree under `parent` in `doc`.
  static func writerDifferences(under parent: xmlNodePtr, _ doc: htmlDocPtr) -> [String] {
    var differences: [String] = []
    func compare(_ node: xmlNodePtr, _ what: String) {
      var ours: [UInt8] = []
      let written = HTMLTreeWriter.append(node, doc, to: &ours)
      let theirs = libxml2Dump(node, doc)
      if !written {
        differences.append("\(what): left to libxml2: \(String(decoding: theirs, as: UTF8.self).debugDescription)")
      } else if ours != theirs {
        differences.append(
          "\(what): loa \(String(decoding: ours, as: UTF8.self).debugDescription) "
            + "libxml2 \(String(decoding: theirs, as: UTF8.self).debugDescription)")
      }
    }
    func walk(_ node: xmlNodePtr) {
      compare(node, "node")
      guard node.pointee.type == XML_ELEMENT_NODE else { return }
      if let shell = xmlCopyNode(node, 2) {
        compare(shell, "element without its children")
        xmlFreeNode(shell)
      }
      var c = node.pointee.children
      while let n = c {
        walk(n)
        c = n.pointee.next
      }
    }
    var all: [UInt8] = []
    var theirs: [UInt8] = []
    var c = parent.pointee.children
    while let n = c {
      if !HTMLTreeWriter.append(n, doc, to: &all) { all += libxml2Dump(n, doc) }
      theirs += libxml2Dump(n, doc)
      walk(n)
      c = n.pointee.next
    }
    if all != theirs {
      differences.append(
        "children: loa \(String(decoding: all, as: UTF8.self).debugDescription) "
          + "libxml2 \(String(decoding: theirs, as: UTF8.self).debugDescription)")
    }
    return differences
  }

  static func name(_ node: xmlNodePtr) -> String {
    guard let p = node.pointee.name else { return "" }
    // `String(cString:)` took a tenth of the allowlist walk; names are short and ASCII.
    return String(decoding: UnsafeBufferPointer(start: p, count: Int(xmlStrlen(p))), as: UTF8.self)
  }

  /// ``name(_:)`` lowercased. libxml2's HTML parser lowercases the names it reads already,
  /// so `lowercased()` runs only when an upper-case or non-ASCII byte is there.
  static func lowerName(_ node: xmlNodePtr) -> String { lowerName(node.pointee.name) }

  /// A node's or an attribute's `name`, lowercased (``lowerName(_:)-swift.method``).
  static func lowerName(_ name: UnsafePointer<xmlChar>?) -> String {
    guard let p = name else { return "" }
    let bytes = UnsafeBufferPointer(start: p, count: Int(xmlStrlen(p)))
    let name = String(decoding: bytes, as: UTF8.self)
    return bytes.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }) ? name.lowercased() : name
  }

  static func body(of doc: htmlDocPtr) -> xmlNodePtr? {
    guard let root = xmlDocGetRootElement(doc) else { return nil }
    var child = root.pointee.children
    while let c = child {
      if c.pointee.type == XML_ELEMENT_NODE, name(c) == "body" { return c }
      child = c.pointee.next
    }
    return root
  }

  /// Moves into `body` what the parser put beside it: after `</body>` libxml2 adds content to
  /// the `html` element beside the body, after `</html>` to a second `html` element (so
  /// `<p>a</p></html>b` lost "b"; found by FuzzHTMLSanitizer), and text after a `<frame>`
  /// goes before the body. A `body` or `html` element there gives its children.
  static func gatherAfterBody(into body: xmlNodePtr, of doc: htmlDocPtr) {
    guard let root = xmlDocGetRootElement(doc) else { return }
    if body != root {
      // Before it: text after a `<frame>` (which implies no body: `<frame><_x` left its `<`
      // there). The head and frames are not content.
      let anchor = body.pointee.children
      var n = root.pointee.children
      while let c = n, c != body {
        n = c.pointee.next
        let lower = lowerName(c)
        if c.pointee.type == XML_ELEMENT_NODE, ["head", "frame", "frameset"].contains(lower) {
          continue
        }
        xmlUnlinkNode(c)
        if let anchor {
          if xmlAddPrevSibling(anchor, c) == nil { xmlFreeNode(c) }
        } else if xmlAddChild(body, c) == nil {
          xmlFreeNode(c)
        }
      }
    }
    var following: [xmlNodePtr] = []
    if body != root {
      var n = body.pointee.next
      while let c = n {
        following.append(c)
        n = c.pointee.next
      }
    }
    var r = root.pointee.next
    while let c = r {
      if c.pointee.type == XML_ELEMENT_NODE { following.append(c) }
      r = c.pointee.next
    }
    // Next to move last.
    var pending = Array(following.reversed())
    while let node = pending.popLast() {
      let lower = lowerName(node)
      if node.pointee.type == XML_ELEMENT_NODE, lower == "body" || lower == "html" {
        var inner: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c {
          inner.append(n)
          c = n.pointee.next
        }
        pending += inner.reversed()
        // Freed without its children, which move on their own.
        for n in inner { xmlUnlinkNode(n) }
        remove(node)
        continue
      }
      xmlUnlinkNode(node)
      if xmlAddChild(body, node) == nil { xmlFreeNode(node) }
    }
  }

  /// Moves the children of `node` to follow it.
  static func liftChildren(of node: xmlNodePtr) {
    var anchor = node
    var c = node.pointee.children
    while let moved = c {
      c = moved.pointee.next
      xmlUnlinkNode(moved)
      if let added = xmlAddNextSibling(anchor, moved) { anchor = added }
    }
  }

  static func remove(_ node: xmlNodePtr) {
    xmlUnlinkNode(node)
    xmlFreeNode(node)
  }

  /// Cleans the children of `parent`, depth first; `depth` counts the kept elements from the
  /// body down to `parent`.
  func clean(children parent: xmlNodePtr, depth: Int, changes: inout Changes) {
    var child = parent.pointee.children
    while let node = child {
      let next = node.pointee.next
      switch node.pointee.type {
      case XML_TEXT_NODE:
        child = next
      case XML_CDATA_SECTION_NODE:
        if let content = xmlNodeGetContent(node) {
          let text = xmlNewText(content)
          cxml_free(content)
          if let text { xmlAddPrevSibling(node, text) }
        }
        Self.remove(node)
        child = next
      case XML_ELEMENT_NODE:
        // Inline content first in the body is put in a paragraph afterwards
        // (`normalizeTopLevel`), one level deeper: counted there from the start, so the output
        // keeps to the bound and the next sanitize counts the same.
        let inlineAtTop = depth == 0 && !Self.kind(Self.lowerName(node)).contains(.block)
        child = cleanElement(node, depth: depth + (inlineAtTop ? 2 : 1), changes: &changes)
      default:
        // Comments, processing instructions, entity references.
        Self.remove(node)
        child = next
      }
    }
  }

  /// Replaces `node` by its children, which are cleaned in their new place (so their parent
  /// is checked where they end up); returns the node to clean next.
  static func unwrap(_ node: xmlNodePtr) -> xmlNodePtr? {
    liftChildren(of: node)
    let following = node.pointee.next
    remove(node)
    return following
  }

  /// Where table parts, list items and captions may stand (their HTML content model). One
  /// found elsewhere (a `<td>` whose `<table>` was lost to a typo) is unwrapped: a parser would
  /// rebuild it differently, so a reader would not see what the feed carried, and sanitizing
  /// would not be stable.
  static let requiredParents: [String: Set<String>] = [
    "tr": ["table", "thead", "tbody", "tfoot"], "td": ["tr"], "th": ["tr"],
    "thead": ["table"], "tbody": ["table"], "tfoot": ["table"], "caption": ["table"],
    "colgroup": ["table"], "col": ["table", "colgroup"],
    "li": ["ul", "ol"], "dt": ["dl"], "dd": ["dl"], "figcaption": ["figure"],
    "summary": ["details"], "rt": ["ruby"], "rp": ["ruby"],
  ]

  static let allowedVoid: Set<String> = ["br", "hr", "img", "col"]

  /// Elements whose start tag ends an open parent in a parser (libxml2's start-tag rules, and
  /// HTML's "closes a p element" set), by parent. The parser's own tree never has them
  /// inside; the sanitizer would make such a nesting by unwrapping an element between them
  /// (`<p><font><div>`), and libxml2 by reading a prefixed tag (`<p><o:p>`, Word's markup),
  /// and the next parser would rebuild it differently. Checked pair by pair against libxml2
  /// in HTMLSanitizerNestingTests.
  static let closedBy: [String: Set<String>] = {
    let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    let closesP: Set<String> = headings.union([
      "address", "article", "aside", "blockquote", "details", "div", "dl", "figcaption",
      "figure", "footer", "header", "hr", "ol", "p", "pre", "section", "table", "ul",
    ])
    var map: [String: Set<String>] = [
      "p": closesP, "a": ["a", "table"], "address": ["dl", "ol", "ul"], "dt": ["dl"],
      "ul": ["address", "ol", "pre"], "ol": ["address", "ul", "pre"], "pre": ["dl", "table", "ul", "ol"],
    ]
    for h in headings { map[h] = headings.union(["p", "table"]) }
    for f in ["b", "i", "u", "s", "small"] { map[f] = ["p"] }
    return map
  }()

  static func fitsParent(_ name: String, _ node: xmlNodePtr) -> Bool {
    fits(Self.element(name).requiredParents, node)
  }

  /// Whether `node` stands in one of `parents` (anywhere when nil).
  static func fits(_ parents: Set<String>?, _ node: xmlNodePtr) -> Bool {
    guard let parents else { return true }
    guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else {
      return false
    }
    return parents.contains(Self.lowerName(parent))
  }

  /// Cleans one element, which would stand at `depth`; returns the node to clean next.
  private func cleanElement(_ node: xmlNodePtr, depth: Int, changes: inout Changes) -> xmlNodePtr? {
    let tooDeep = depth > Self.maxNestingDepth
    let name = Self.lowerName(node)
    let element = Self.element(name)
    let kind = element.kind
    if kind.contains(.allowedVoid), node.pointee.children != nil {
      // A prefixed tag (`<o:br>`) is parsed as a `br` that is not empty: what it swallowed
      // follows it, and is cleaned in turn.
      Self.liftChildren(of: node)
    }
    let next = node.pointee.next
    if name == "iframe" || name == "frame" {
      if let src = attribute(node, "src"), let url = resolve(src) {
        changes.replacedElements.append(name)
        replace(node, withLinkTo: url.description, text: url.description, image: nil, bare: tooDeep)
      } else {
        changes.removedElements.append(name)
        Self.remove(node)
      }
      return next
    }
    if name == "video" || name == "audio" {
      var src = attribute(node, "src")
      if src == nil {
        var c = node.pointee.children
        while let s = c, src == nil {
          if s.pointee.type == XML_ELEMENT_NODE, Self.name(s) == "source" { src = attribute(s, "src") }
          c = s.pointee.next
        }
      }
      let url = src.flatMap { resolve($0) }
      let poster = attribute(node, "poster").flatMap { resolve($0) }
      if let url {
        changes.replacedElements.append(name)
        replace(
          node, withLinkTo: url.description, text: name == "video" ? "Video" : "Audio",
          image: poster?.description, bare: tooDeep)
      } else {
        changes.removedElements.append(name)
        Self.remove(node)
      }
      return next
    }
    if kind.contains(.html5Void) {
      // libxml2's HTML 4 parser does not know these HTML5 void elements and nests whatever
      // follows inside them; that content really follows them, so it moves back there and is
      // cleaned in turn.
      if name == "embed" { changes.removedElements.append(name) }
      return Self.unwrap(node)
    }
    if kind.contains(.removedWithContent) {
      changes.removedElements.append(name)
      Self.remove(node)
      return next
    }
    guard let allowedAttributes = element.attributes, Self.fits(element.requiredParents, node) else {
      // Unknown or presentational element, or one out of place: keep its content only.
      return Self.unwrap(node)
    }
    if tooDeep && !kind.contains(.allowedVoid) {
      return Self.flatten(node, changes: &changes)
    }
    // A parser would end the parent here: a paragraph holding a block becomes a division
    // (once the block is known to stay), anything else out of place keeps its content only.
    var paragraphToDivision: xmlNodePtr?
    if let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
      let parentName = Self.lowerName(parent)
      if let closing = Self.element(parentName).closedBy, closing.contains(name) {
        guard parentName == "p" else { return Self.unwrap(node) }
        paragraphToDivision = parent
      }
    }
    cleanAttributes(node, element: name, allowed: allowedAttributes, changes: &changes)

    if name == "img" && attribute(node, "src") == nil {
      // Its unusable src was counted when the attribute was dropped.
      Self.remove(node)
      return next
    }
    if name == "a" && (attribute(node, "href") == nil || Self.hasAncestor(node, named: "a")) {
      // A link without a usable target, or inside another link (at any depth: HTML's parser
      // closes the outer one), keeps its content only.
      return Self.unwrap(node)
    }
    clean(children: node, depth: depth, changes: &changes)
    if name == "p" && Self.isBlank(node) {
      // Empty paragraphs (Word's <o:p></o:p>, editors' <p>&nbsp;</p> and <p><br></p>
      // spacers) carry nothing.
      Self.remove(node)
      return next
    }
    if let paragraphToDivision { xmlNodeSetName(paragraphToDivision, "div") }
    if node.pointee.children == nil, !kind.contains(.allowedVoid), let empty = xmlNewDocText(node.pointee.doc, "") {
      // libxml2 writes an empty `li`, `td`, `dt`… without its end tag (optional in HTML), and
      // the next parser puts whatever follows inside it; an empty child keeps the end tag.
      xmlAddChild(node, empty)
    }
    return next
  }

  /// Parents in which a line break may not stand (table and list structure).
  static let structural: Set<String> = [
    "table", "thead", "tbody", "tfoot", "tr", "colgroup", "ul", "ol", "dl", "ruby",
  ]

  /// Unwraps `node`, nested past `maxNestingDepth`; a block's content follows a line break
  /// (when something precedes it and its new parent takes one), so paragraphs stay apart.
  /// Returns the node to clean next.
  static func flatten(_ node: xmlNodePtr, changes: inout Changes) -> xmlNodePtr? {
    changes.flattenedLevels += 1
    let block = blockElements.contains(lowerName(node))
    if block, node.pointee.prev != nil, node.pointee.children != nil,
      let parent = node.pointee.parent, !structural.contains(lowerName(parent)),
      let br = xmlNewDocNode(node.pointee.doc, nil, "br", nil)
    {
      xmlAddPrevSibling(node, br)
    }
    return unwrap(node)
  }

  /// Removes white space (ASCII only: a no-break space is content) standing alone at the start
  /// or the end of the content: the parser drops it there (before the body exists, and at the
  /// end of its input), so kept it would be gone after the next sanitize. It is left there
  /// when what surrounded it was unwrapped. Between elements the parser keeps it, and so
  /// does the sanitizer (the source's line breaks between paragraphs stay).
  static func normalizeTopLevel(in body: xmlNodePtr) {
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
    func isBlock(_ n: xmlNodePtr) -> Bool {
      n.pointee.type == XML_ELEMENT_NODE && blockElements.contains(lowerName(n))
    }
    func isBlankText(_ n: xmlNodePtr) -> Bool {
      guard n.pointee.type == XML_TEXT_NODE else { return false }
      guard var p = n.pointee.content else { return true }
      while p.pointee != 0 {
        if !isSpace(p.pointee) { return false }
        p += 1
      }
      return true
    }
    while let first = body.pointee.children, isBlankText(first) { remove(first) }
    while let last = body.pointee.last, isBlankText(last) { remove(last) }
    // Text first in the body gets a paragraph from the parser (with its leading white space
    // dropped), up to the next block; given here, the next sanitize finds it already there.
    guard let first = body.pointee.children, first.pointee.type == XML_TEXT_NODE,
      let p = xmlNewDocNode(body.pointee.doc, nil, "p", nil)
    else { return }
    if let content = first.pointee.content {
      var start = content
      while isSpace(start.pointee) { start += 1 }
      if start != content {
        let trimmed = String(cString: start)  // a copy: the old content is freed next
        xmlNodeSetContent(first, trimmed)
      }
    }
    xmlAddPrevSibling(first, p)
    var next: xmlNodePtr? = first
    while let n = next, !isBlock(n) {
      next = n.pointee.next
      xmlUnlinkNode(n)
      xmlAddChild(p, n)
    }
  }

  /// Whether `node` holds nothing but white space (no-break spaces included) and line breaks.
  static func isBlank(_ node: xmlNodePtr) -> Bool {
    var c = node.pointee.children
    while let n = c {
      if n.pointee.type == XML_ELEMENT_NODE, name(n) == "br" {
        c = n.pointee.next
        continue
      }
      guard n.pointee.type == XML_TEXT_NODE else { return false }
      if let content = n.pointee.content, !isSpaceOnly(content) { return false }
      c = n.pointee.next
    }
    return true
  }

  /// Whether the NUL-terminated UTF-8 `text` holds white space only (``Whitespace/isSpace(_:)``),
  /// decided at its first other character: a paragraph's whole text was copied into a
  /// `String` to find its first letter. Invalid UTF-8 is no white space, as the U+FFFD a
  /// `String` would hold.
  static func isSpaceOnly(_ text: UnsafePointer<xmlChar>) -> Bool {
    isSpaceOnly(UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text))))
  }

  /// The same test for the UTF-8 in `text` (the single pass's text, which is no C string).
  static func isSpaceOnly(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var bytes = text.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid(let encoded):
        guard Whitespace.isSpace(Unicode.UTF8.decode(encoded).value) else { return false }
      case .emptyInput:
        return true
      case .error:
        return false
      }
    }
  }

  /// Replaces `node` by `<a href>` around text or a poster image.
  /// Inside a link, the replacement is the poster or the text alone: a link in a link is
  /// taken apart by every parser. So it is when `bare` (past `maxNestingDepth`).
  private func replace(
    _ node: xmlNodePtr, withLinkTo href: String, text: String, image: String?, bare: Bool
  ) {
    let inLink = bare || Self.hasAncestor(node, named: "a")
    var link: xmlNodePtr?
    if !inLink {
      link = xmlNewDocNode(node.pointee.doc, nil, "a", nil)
      guard let link else {
        Self.remove(node)
        return
      }
      xmlSetProp(link, "href", href)
    }
    let content: xmlNodePtr?
    if let image, let img = xmlNewDocNode(node.pointee.doc, nil, "img", nil) {
      xmlSetProp(img, "src", image)
      xmlSetProp(img, "alt", text)
      content = img
    } else {
      content = xmlNewDocText(node.pointee.doc, text)
    }
    if let link {
      if let content { xmlAddChild(link, content) }
      xmlAddPrevSibling(node, link)
    } else if let content {
      xmlAddPrevSibling(node, content)
    }
    Self.remove(node)
  }

  static func hasAncestor(_ node: xmlNodePtr, named name: String) -> Bool {
    var p = node.pointee.parent
    while let e = p, e.pointee.type == XML_ELEMENT_NODE {
      if Self.lowerName(e) == name { return true }
      p = e.pointee.parent
    }
    return false
  }

  func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let v = xmlGetProp(node, name) else { return nil }
    defer { cxml_free(v) }
    return String(cString: v)
  }

  private func cleanAttributes(
    _ node: xmlNodePtr, element: String, allowed: Set<String>, changes: inout Changes
  ) {
    // Lazy-loading images: the real address is in a data- attribute.
    var lazySrc: String?
    var lazySrcset: String?
    var attr = node.pointee.properties
    var toRemove: [xmlAttrPtr] = []
    var toSet: [(String, String)] = []
    // The attribute each of `toSet` comes from; whether a name was not lower case already.
    var keptFrom: [xmlAttrPtr] = []
    var renamed = false
    while let a = attr {
      attr = a.pointee.next
      let name = Self.lowerName(a.pointee.name)
      if !renamed, let raw = a.pointee.name, Self.hasUpperOrNonASCII(raw) { renamed = true }
      toRemove.append(a)
      let lazy = element == "img" && name.hasPrefix("data-")
      let attributeKind = Self.attributeKind(name)
      let isAllowed = attributeKind.contains(.global) || (!allowed.isEmpty && allowed.contains(name))
      guard lazy || isAllowed else {
        changes.removedAttributes += 1
        continue
      }
      // Read only for the attributes that may stay.
      let value: String = {
        guard let v = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) else { return "" }
        defer { cxml_free(v) }
        return String(cString: v)
      }()
      if lazy {
        if name == "data-src" || name == "data-original" || name == "data-lazy-src" {
          lazySrc = value
          continue
        }
        if name == "data-srcset" || name == "data-lazy-srcset" {
          lazySrcset = value
          continue
        }
      }
      guard isAllowed else {
        changes.removedAttributes += 1
        continue
      }
      if let kept = cleanValue(name, attributeKind, value, element: element, changes: &changes) {
        toSet.append((name, kept))
        keptFrom.append(a)
      }
    }
    if attributesInPlace, lazySrc == nil, lazySrcset == nil, !renamed, Self.namesAreDistinct(toSet) {
      // The same attributes in the same order as removing them all and setting the kept
      // ones again (below), without freeing and rebuilding those whose value stays: a kept
      // attribute whose one text child already holds its value is left as it is; another
      // gets its value from `xmlSetProp`, which replaces an attribute's children in place.
      var k = 0
      for a in toRemove {
        guard k < keptFrom.count, keptFrom[k] == a else {
          xmlRemoveProp(a)
          continue
        }
        let (name, value) = toSet[k]
        if !Self.holdsExactly(a, value) { xmlSetProp(node, name, value) }
        k += 1
      }
      return
    }
    for a in toRemove { xmlRemoveProp(a) }
    if let lazySrc, let url = resolve(lazySrc) {
      toSet.removeAll { $0.0 == "src" }
      toSet.insert(("src", url.description), at: 0)
    }
    if let lazySrcset, let set = srcset(lazySrcset, changes: &changes) {
      toSet.removeAll { $0.0 == "srcset" }
      toSet.append(("srcset", set))
    }
    for (name, value) in toSet { xmlSetProp(node, name, value) }
  }

  /// Whether the NUL-terminated `name` holds an upper-case ASCII or a non-ASCII byte (what
  /// ``lowerName(_:)-swift.method`` would change).
  static func hasUpperOrNonASCII(_ name: UnsafePointer<xmlChar>) -> Bool {
    var p = name
    while p.pointee != 0 {
      if (p.pointee >= 0x41 && p.pointee <= 0x5A) || p.pointee >= 0x80 { return true }
      p += 1
    }
    return false
  }

  /// Whether no two of `attributes` share a name (`xmlSetProp` would set one twice).
  static func namesAreDistinct(_ attributes: [(String, String)]) -> Bool {
    for i in attributes.indices {
      for j in attributes.indices where j > i && attributes[i].0 == attributes[j].0 { return false }
    }
    return true
  }

  /// Whether the attribute `a` has one child, a text node holding exactly `value`: what
  /// `xmlSetProp(node, name, value)` would give it.
  static func holdsExactly(_ a: xmlAttrPtr, _ value: String) -> Bool {
    guard let child = a.pointee.children, child == a.pointee.last, child.pointee.next == nil,
      child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content
    else { return false }
    var value = value
    return value.withUTF8 { v in
      let count = Int(xmlStrlen(content))
      guard count == v.count else { return false }
      guard let base = v.baseAddress else { return true }
      return memcmp(content, base, count) == 0
    }
  }

  /// A URL in the content made absolute against the article's URL; nil when it is not a usable
  /// http(s) URL, or names its host by an IPv6 literal (`http://[::1]/`): `htmlNodeDump`
  /// percent-encodes `[` and `]` in `href` and `src`, which would publish a broken URL.
  func resolve(_ reference: String) -> WebAddress? {
    guard let url = WebAddress.resolve(reference, against: base), !url.authority.hasPrefix("[")
    else { return nil }
    return url
  }

  /// The value to keep for an allowed attribute, or nil to drop it.
  func cleanValue(
    _ name: String, _ kind: AttributeKind, _ value: String, element: String, changes: inout Changes
  ) -> String? {
    if kind.contains(.url) {
      if name == "href", element == "a" {
        let trimmed = WebAddress.cleaned(value)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
          return WebAddress.percentEncoded(trimmed, allowing: WebAddress.queryChars)
        }
      }
      if let url = resolve(value) { return url.description }
      changes.droppedURLs += 1
      return nil
    }
    if name == "srcset" { return srcset(value, changes: &changes) }
    if kind.contains(.numeric) {
      let v = Self.trimmingHorizontalSpace(value)
      return !v.isEmpty && v.utf8.count <= 6 && v.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? v : nil
    }
    if name == "dir" {
      let v = value.lowercased()
      return ["ltr", "rtl", "auto"].contains(v) ? v : nil
    }
    return Whitespace.collapsed(value)
  }

  /// `s` without the white space Foundation's `CharacterSet.whitespaces` trims at either end
  /// (on Linux exactly these: tab, the space separators and U+200B, listed from Foundation
  /// itself); `trimmingCharacters(in:)` cost as much as resolving a URL.
  static func trimmingHorizontalSpace(_ s: String) -> String {
    func isSpace(_ u: Unicode.Scalar) -> Bool {
      switch u.value {
      case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
      default: return false
      }
    }
    let scalars = s.unicodeScalars
    guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last)
    else { return s }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    return String(scalars[start..<end])
  }

  /// A `srcset` with every URL resolved; candidates with unusable URLs are dropped.
  func srcset(_ value: String, changes: inout Changes) -> String? {
    var candidates: [String] = []
    let scalars = Array(value.unicodeScalars)
    var i = 0
    func isSpace(_ u: Unicode.Scalar) -> Bool { Whitespace.isSpace(u.value) }
    while i < scalars.count {
      while i < scalars.count && (isSpace(scalars[i]) || scalars[i] == ",") { i += 1 }
      guard i < scalars.count else { break }
      var url = String.UnicodeScalarView()
      while i < scalars.count && !isSpace(scalars[i]) { url.append(scalars[i]); i += 1 }
      var descriptor = String.UnicodeScalarView()
      if url.last == "," {
        while url.last == "," { url.removeLast() }
      } else {
        while i < scalars.count && scalars[i] != "," { descriptor.append(scalars[i]); i += 1 }
      }
      let d = Whitespace.collapsed(String(descriptor))
      if let u = resolve(String(url)), Self.isSrcsetDescriptor(d) {
        candidates.append(d.isEmpty ? u.description : u.description + " " + d)
      } else {
        changes.droppedURLs += 1
      }
    }
    return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
  }

  /// Empty, or one `480w` / `1.5x` / `300h` descriptor.
  static func isSrcsetDescriptor(_ d: String) -> Bool {
    guard let unit = d.last else { return true }
    guard unit == "w" || unit == "x" || unit == "h", d.count > 1 else { return false }
    let number = d.dropLast()
    return number.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
      && number.first != "."
  }

  /// Appends the visible text of `node` (UTF-8) for a derived summary, with spaces between
  /// blocks.
  static func appendText(_ node: xmlNodePtr, to text: inout [UInt8]) {
    switch node.pointee.type {
    case XML_TEXT_NODE:
      if let c = node.pointee.content {
        text.append(contentsOf: UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
      }
    case XML_ELEMENT_NODE:
      // Looked up by the name's bytes: no `String` for every element of the text.
      let kind = node.pointee.name.flatMap { elements[utf8: UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))]?.kind } ?? []
      if kind.contains(.notInSummary) { return }
      let block = kind.contains(.block)
      if block { text.append(0x20) }
      var c = node.pointee.children
      while let child = c {
        appendText(child, to: &text)
        c = child.pointee.next
      }
      if block { text.append(0x20) }
    default:
      break
    }
  }
}
