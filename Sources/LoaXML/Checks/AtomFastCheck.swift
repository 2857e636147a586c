import CLibXML2
import Glibc

/// A proof, from one streaming parse, that an Atom document is valid against RFC 4287's
/// schema; the fast path of the self-check of every Atom file (issue 16).
///
/// libxml2's RELAX NG validation needs the document's tree: building it and walking it were
/// 925 M of a cold W3's 4,459 M instructions (Benchmarks/analysis.md, "Round six"). This check
/// runs libxml2's SAX2 push parser instead, as the well-formedness check of RSS does, and
/// follows RFC 4287's grammar (Appendix B) as the elements and attributes go by: which
/// children each Atom element may have and how many, which attributes, and the datatypes
/// (`xsd:dateTime`, the language tag, the media type and e-mail patterns).
///
/// It is one-sided by design. It says ``Verdict/valid`` only for documents it has followed
/// completely, and only when every rule the schema applies to them held; anything it does not
/// follow (an `xhtml` text construct, out-of-line content, a date with fractional seconds, an
/// unknown attribute, a root other than `atom:feed`, text where the schema may refuse it) is
/// ``Verdict/unsure``, and the caller validates the document with libxml2's RELAX NG as before,
/// which also words the message for a document that is invalid. So a document this check
/// passes is one the schema accepts; `AtomFastCheckTests` and the `atom-fast-check` fuzz target
/// hold it to that against libxml2's validation of the same bytes.
public final class AtomFastCheck {
  /// What the check found.
  public enum Verdict: Equatable, Sendable {
    /// Well-formed and valid against RFC 4287's schema.
    case valid
    /// Not well-formed (namespaces included): libxml2's message, as ``OutputCheck/xmlProblem(_:)``
    /// words it.
    case notWellFormed(String)
    /// Well-formed; whether it is valid is for RELAX NG to say.
    case unsure
  }

  /// Checks `bytes`: first with the content of its CDATA sections left out of the parse and
  /// handed to the check where the parser reports each (`OutputCheck.elidingCDATA`); a
  /// verdict other than valid, or sections not all reported, and the whole document is
  /// parsed.
  public static func verdict(_ bytes: [UInt8]) -> Verdict {
    if let elided = bytes.withUnsafeBytes({ OutputCheck.elidingCDATA($0) }) {
      let check = AtomFastCheck()
      let verdict = bytes.withUnsafeBufferPointer { original in
        check.elided = (original, elided.sections)
        defer { check.elided = nil }
        return check.finish(
          OutputCheck.parse(elided.reduced, sax: handler, user: Unmanaged.passUnretained(check).toOpaque()))
      }
      if verdict == .valid && check.sectionsReported == elided.sections.count { return .valid }
    }
    let check = AtomFastCheck()
    let problem = bytes.withUnsafeBytes { raw in
      OutputCheck.pushParse(sax: handler, user: Unmanaged.passUnretained(check).toOpaque()) { push in
        var offset = 0
        repeat {
          let n = min(OutputCheck.chunkSize, raw.count - offset)
          offset += n
          guard push(UnsafeRawBufferPointer(rebasing: raw[(offset - n)..<offset]), offset == raw.count)
          else { return nil }
        } while offset < raw.count
        return nil
      }
    }
    return check.finish(problem)
  }

  /// Checks the file open as `file`, read a chunk at a time from its start.
  package static func verdict(file: Int32) -> Verdict {
    let check = AtomFastCheck()
    let problem = OutputCheck.pushParse(
      file: file, sax: handler, user: Unmanaged.passUnretained(check).toOpaque())
    return check.finish(problem)
  }

  private func finish(_ problem: String?) -> Verdict {
    if let problem { return .notWellFormed(problem) }
    return unsure || !rootClosed ? .unsure : .valid
  }

  // MARK: - The grammar

  /// The Atom elements the check follows (RFC 4287 §4).
  enum Name: UInt8, CaseIterable {
    case feed, entry, source, author, contributor, name, uri, email, category, content, generator
    case icon, id, link, logo, published, rights, subtitle, summary, title, updated

    var text: String { "\(self)" }
  }

  /// What an open element may hold.
  enum Kind {
    /// feed, entry, source, author, contributor: Atom children by the counts below,
    /// extension elements (any other namespace), white space between them.
    case container
    /// A text construct, inline text content, id, icon, logo, uri, name, generator: text, no
    /// child element.
    case text
    /// published, updated (`xsd:dateTime`), email (`.+@.+`): text, collected and checked.
    case collected
    /// link, category (`undefinedContent`): text and elements of other namespaces.
    case undefinedContent
  }

  struct Frame {
    var name: Name
    var kind: Kind
    /// The Atom children seen so far (containers).
    var seen: Names = 0
    /// A feed's entries have started: only entries may follow.
    var entries = false
  }

  private var stack: [Frame] = []
  /// Depth inside an element of another namespace (an extension element's subtree): anything
  /// goes there.
  private var foreignDepth = 0
  private var text: [UInt8] = []
  private var unsure = false
  private var rootClosed = false

  private static let atomNS: StaticString = "http://www.w3.org/2005/Atom"
  private static let xmlNS: StaticString = "http://www.w3.org/XML/1998/namespace"

  /// A set of ``Name``s, one bit each.
  typealias Names = UInt32

  static func bit(_ n: Name) -> Names { 1 << Names(n.rawValue) }

  static func set(_ names: [Name]) -> Names { names.reduce(0) { $0 | bit($1) } }

  /// Per container (by ``Name`` raw value): the Atom children it may have, those it may have
  /// at most once, and those it must have exactly once (RFC 4287 Appendix B).
  static let allowed: [Names] = Name.allCases.map { parent in
    switch parent {
    case .feed:
      return set([.author, .category, .contributor, .generator, .icon, .id, .link, .logo, .rights,
        .subtitle, .title, .updated, .entry])
    case .entry:
      return set([.author, .category, .content, .contributor, .id, .link, .published, .rights,
        .source, .summary, .title, .updated])
    case .source:
      return set([.author, .category, .contributor, .generator, .icon, .id, .link, .logo, .rights,
        .subtitle, .title, .updated])
    case .author, .contributor: return set([.name, .uri, .email])
    default: return 0
    }
  }
  static let atMostOnce: [Names] = Name.allCases.map { parent in
    switch parent {
    case .feed: return set([.generator, .icon, .logo, .rights, .subtitle, .id, .title, .updated])
    case .entry:
      return set([.content, .published, .rights, .source, .summary, .id, .title, .updated])
    case .source:
      return set([.generator, .icon, .logo, .rights, .subtitle, .id, .title, .updated])
    case .author, .contributor: return set([.name, .uri, .email])
    default: return 0
    }
  }
  static let exactlyOnce: [Names] = Name.allCases.map { parent in
    switch parent {
    case .feed, .entry: return set([.id, .title, .updated])
    case .author, .contributor: return set([.name])
    default: return 0
    }
  }

  // MARK: - Events

  fileprivate func start(
    _ local: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?, _ attributes: AttributeList
  ) {
    if unsure { return }
    if foreignDepth > 0 {
      foreignDepth += 1
      return
    }
    let isAtom = uri.map { Self.equals($0, Self.atomNS) } ?? false
    guard let parent = stack.last else {
      // The root: atom:feed (an atom:entry document is valid too, but loa writes none).
      guard isAtom, Self.name(local) == .feed else { return giveUp() }
      return open(.feed, attributes)
    }
    guard isAtom else {
      // An element of another namespace: an extension element in a container (before a
      // feed's entries), a foreign element in undefinedContent.
      switch parent.kind {
      case .container where !parent.entries, .undefinedContent:
        foreignDepth = 1
      default:
        giveUp()
      }
      return
    }
    guard parent.kind == .container, let n = Self.name(local),
      Self.allowed[Int(parent.name.rawValue)] & Self.bit(n) != 0
    else { return giveUp() }
    var top = stack[stack.count - 1]
    if parent.name == .feed {
      if n == .entry {
        top.entries = true
      } else if top.entries {
        return giveUp()
      }
    }
    if top.seen & Self.bit(n) != 0 && Self.atMostOnce[Int(parent.name.rawValue)] & Self.bit(n) != 0 {
      return giveUp()
    }
    top.seen |= Self.bit(n)
    stack[stack.count - 1] = top
    open(n, attributes)
  }

  private func open(_ n: Name, _ attributes: AttributeList) {
    let kind: Kind
    switch n {
    case .feed, .entry, .source, .author, .contributor: kind = .container
    case .published, .updated, .email: kind = .collected
    case .link, .category: kind = .undefinedContent
    default: kind = .text
    }
    stack.append(Frame(name: n, kind: kind))
    text.removeAll(keepingCapacity: true)
    if !attributesAreValid(n, attributes) { giveUp() }
  }

  fileprivate func end() {
    if unsure { return }
    if foreignDepth > 0 {
      foreignDepth -= 1
      return
    }
    guard let frame = stack.popLast() else { return giveUp() }
    switch frame.name {
    case .published, .updated:
      if !Self.isDateTime(text) { return giveUp() }
    case .email:
      if !Self.matchesAround(text, UInt8(ascii: "@")) { return giveUp() }
    default:
      break
    }
    // The required children were each seen (and at most once, checked as they came).
    let required = Self.exactlyOnce[Int(frame.name.rawValue)]
    if frame.seen & required != required { return giveUp() }
    if stack.isEmpty { rootClosed = true }
  }

  /// While a document reduced by `OutputCheck.elidingCDATA` is parsed: the original, and
  /// where the content of each of its CDATA sections is.
  var elided: (original: UnsafeBufferPointer<UInt8>, sections: [Range<Int>])?
  /// The sections reported so far (each handed on with its content from the original).
  var sectionsReported = 0

  /// A CDATA section: from the reduced document, its content from the original.
  fileprivate func cdata(_ p: UnsafePointer<UInt8>, _ count: Int) {
    guard let (original, sections) = elided else { return characters(p, count, cdata: true) }
    guard count == 0, sectionsReported < sections.count, let base = original.baseAddress else {
      sectionsReported = Int.max / 2
      return giveUp()
    }
    let section = sections[sectionsReported]
    sectionsReported += 1
    characters(base + section.lowerBound, section.count, cdata: true)
  }

  fileprivate func characters(_ p: UnsafePointer<UInt8>, _ count: Int, cdata: Bool) {
    if unsure || foreignDepth > 0 { return }
    guard let top = stack.last else { return giveUp() }
    switch top.kind {
    case .text, .undefinedContent:
      break
    case .collected:
      text.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
    case .container:
      // Between a container's children RELAX NG skips white space; anything else may be
      // refused.
      if cdata { return giveUp() }
      for i in 0..<count {
        switch p[i] {
        case 0x20, 0x09, 0x0A, 0x0D: continue
        default: return giveUp()
        }
      }
    }
  }

  fileprivate func giveUp() { unsure = true }

  // MARK: - Attributes

  /// One element's attributes as SAX2 gives them: five pointers each (local name, prefix,
  /// namespace, value start, value end).
  struct AttributeList {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    func forEach(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
      guard let base else { return count == 0 }
      for i in 0..<count {
        let a = base + 5 * i
        guard let local = a[0], let start = a[3], let end = a[4] else { return false }
        if !body(local, a[2], UnsafeBufferPointer(start: start, count: end - start)) { return false }
      }
      return true
    }
  }

  /// Whether every attribute of `n` is one its definition allows, with a value of the type it
  /// requires, and the required ones are there.
  private func attributesAreValid(_ n: Name, _ list: AttributeList) -> Bool {
    // atom:name, atom:uri and atom:email have no attributes at all.
    let common = !(n == .name || n == .uri || n == .email)
    var href = false
    var term = false
    let ok = list.forEach { local, ns, value in
      if let ns {
        // atomCommonAttributes: xml:base (any text), xml:lang (a language tag). Other
        // qualified attributes (undefinedAttribute) are left to RELAX NG.
        guard common, Self.equals(ns, Self.xmlNS) else { return false }
        if Self.equals(local, "base") { return true }
        return Self.equals(local, "lang") && Self.isLanguageTag(value)
      }
      switch n {
      case .title, .subtitle, .rights, .summary, .content:
        // text and html; xhtml, other media types and src are for RELAX NG.
        return Self.equals(local, "type") && (Self.equals(value, "text") || Self.equals(value, "html"))
      case .link:
        if Self.equals(local, "href") {
          href = true
          return true
        }
        if Self.equals(local, "type") { return Self.matchesAround(value, UInt8(ascii: "/")) }
        if Self.equals(local, "hreflang") { return Self.isLanguageTag(value) }
        return Self.equals(local, "rel") || Self.equals(local, "title") || Self.equals(local, "length")
      case .category:
        if Self.equals(local, "term") {
          term = true
          return true
        }
        return Self.equals(local, "scheme") || Self.equals(local, "label")
      case .generator:
        return Self.equals(local, "uri") || Self.equals(local, "version")
      default:
        return false
      }
    }
    guard ok else { return false }
    if n == .link && !href { return false }
    if n == .category && !term { return false }
    return true
  }

  // MARK: - Datatypes

  /// `[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*`, the whole value (atomLanguageTag).
  static func isLanguageTag<C: Collection<UInt8>>(_ v: C) -> Bool where C.Index == Int {
    var run = 0
    var first = true
    for c in v {
      if c == UInt8(ascii: "-") {
        guard run >= 1 else { return false }
        run = 0
        first = false
        continue
      }
      let letter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
      let digit = c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
      guard letter || (digit && !first) else { return false }
      run += 1
      guard run <= 8 else { return false }
    }
    return run >= 1
  }

  /// `.+X.+` for an ASCII byte `x`, the whole value: no CR or LF anywhere (`.` in XML Schema
  /// regular expressions), and an `x` with a character before it and one after it
  /// (atomMediaType with `/`, atomEmailAddress with `@`).
  static func matchesAround<C: Collection<UInt8>>(_ v: C, _ x: UInt8) -> Bool where C.Index == Int {
    var found = false
    var i = 0
    let n = v.count
    for c in v {
      if c == 0x0A || c == 0x0D { return false }
      if c == x && i >= 1 && i <= n - 2 { found = true }
      i += 1
    }
    return found
  }

  /// `xsd:dateTime` as libxml2 accepts it, narrowed to what loa writes: `YYYY-MM-DDThh:mm:ss`
  /// and `Z` or `±hh:mm`, no fraction, no white space, years 0001–9999, a day the month has,
  /// hours to 23, an offset up to 14:00.
  static func isDateTime(_ b: [UInt8]) -> Bool {
    func digits(_ at: Int, _ count: Int) -> Int? {
      guard at + count <= b.count else { return nil }
      var v = 0
      for i in at..<(at + count) {
        let c = b[i]
        guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
        v = v * 10 + Int(c - UInt8(ascii: "0"))
      }
      return v
    }
    guard b.count == 20 || b.count == 25,
      let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2),
      b[7] == UInt8(ascii: "-"), let day = digits(8, 2), b[10] == UInt8(ascii: "T"),
      let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
      b[16] == UInt8(ascii: ":"), let second = digits(17, 2)
    else { return false }
    guard year >= 1, (1...12).contains(month), hour <= 23, minute <= 59, second <= 59 else {
      return false
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard day >= 1 && day <= days else { return false }
    if b.count == 20 { return b[19] == UInt8(ascii: "Z") }
    guard b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-"), let zh = digits(20, 2),
      b[22] == UInt8(ascii: ":"), let zm = digits(23, 2)
    else { return false }
    return zm <= 59 && (zh <= 13 || (zh == 14 && zm == 0))
  }

  // MARK: - Names

  /// The C string `p` equals `s`.
  static func equals(_ p: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    return memcmp(p, s.utf8Start, n) == 0 && p[n] == 0
  }

  static func equals(_ v: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    v.count == s.utf8CodeUnitCount && (v.count == 0 || memcmp(v.baseAddress!, s.utf8Start, v.count) == 0)
  }

  private static let names: [(Name, [UInt8])] = Name.allCases.map { ($0, Array($0.text.utf8) + [0]) }

  static func name(_ p: UnsafePointer<UInt8>) -> Name? {
    for (n, bytes) in names where bytes[0] == p[0] {
      if bytes.withUnsafeBufferPointer({ memcmp(p, $0.baseAddress!, $0.count) == 0 }) { return n }
    }
    return nil
  }

  // MARK: - SAX2

  /// The handler: SAX2 start and end of elements, text and CDATA; the context's user data is
  /// the check.
  /// Allocated once and never written after: libxml2 copies it into each parser context.
  nonisolated(unsafe) private static let handler: UnsafeMutablePointer<xmlSAXHandler> = {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { user, local, _, uri, _, _, attributeCount, _, attributes in
      guard let user, let local else { return }
      let check = Unmanaged<AtomFastCheck>.fromOpaque(user).takeUnretainedValue()
      check.start(local, uri, AttributeList(base: attributes, count: Int(attributeCount)))
    }
    sax.endElementNs = { user, _, _, _ in
      guard let user else { return }
      Unmanaged<AtomFastCheck>.fromOpaque(user).takeUnretainedValue().end()
    }
    sax.characters = { user, p, count in
      guard let user, let p else { return }
      Unmanaged<AtomFastCheck>.fromOpaque(user).takeUnretainedValue().characters(p, Int(count), cdata: false)
    }
    sax.cdataBlock = { user, p, count in
      guard let user, let p else { return }
      Unmanaged<AtomFastCheck>.fromOpaque(user).takeUnretainedValue().cdata(p, Int(count))
    }
    // A document type declaration may declare entities and default attributes, which this
    // handler does not record: such a document is left to RELAX NG.
    sax.internalSubset = { user, _, _, _ in
      guard let user else { return }
      Unmanaged<AtomFastCheck>.fromOpaque(user).takeUnretainedValue().giveUp()
    }
    let p = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
    p.initialize(to: sax)
    return p
  }()
}
