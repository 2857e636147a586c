import CLibXML2
import LoaKit
import LoaXML

/// The safety contract of sanitized HTML, checked by reading the HTML back with libxml2's
/// HTML parser (attribute values come out entity-decoded, as a browser sees them), so text
/// that merely mentions "javascript:" is not a violation.
///
/// - No `script`, `iframe`, `object`, `embed`, `style` element (nor the other elements
///   `HTMLSanitizer` documents as removed with their content).
/// - No event-handler attribute (`on…`).
/// - Every URL in `href`, `src`, `srcset`, `cite` (and the other URL-valued attributes) is an
///   absolute `http(s)` URL with a host; `a href` may also be `mailto:` or `tel:`.
public enum HTMLCheck {
  /// Elements that must not survive. The first five are issue 8's list; the rest are what
  /// `HTMLSanitizer`'s documentation promises to remove.
  static let forbiddenElements: Set<String> = [
    "script", "iframe", "object", "embed", "style",
    "frame", "frameset", "applet", "form", "input", "button", "select", "textarea", "meta",
    "base", "link", "noscript", "template", "svg", "math", "canvas", "video", "audio",
  ]
  /// Attributes whose value is a URL (HTML 4 and 5), besides `srcset` which holds several.
  static let urlAttributes: Set<String> = [
    "href", "src", "cite", "poster", "action", "formaction", "data", "background", "longdesc",
    "lowsrc", "dynsrc", "codebase", "classid", "archive", "ping", "xlink:href", "usemap",
    "manifest", "profile", "icon",
  ]

  /// Every violation in `html`, one line each; empty when the HTML is safe.
  public static func violations(_ html: String) -> [String] {
    var problems: [String] = []
    // A second opinion that does not depend on libxml2's parser: the serialized form never
    // contains these tags (text and attribute values have `<` escaped).
    let lower = html.lowercased()
    for tag in ["<script", "<iframe", "<object", "<embed", "<style"] where lower.contains(tag) {
      problems.append("raw \(tag) in the serialized HTML")
    }
    XMLInit.once()
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
    var source = html
    let parsed: htmlDocPtr? = source.withUTF8 { b in
      b.withMemoryRebound(to: CChar.self) {
        htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    guard let doc = parsed else {
      // libxml2 returns no document only for empty input.
      if !html.isEmpty { problems.append("libxml2 could not parse the HTML at all") }
      return problems
    }
    defer { xmlFreeDoc(doc) }
    walk(doc.pointee.children, &problems)
    return problems
  }

  /// Crashes (for libFuzzer) when `html` breaks the contract.
  public static func require(_ html: String, _ what: String) {
    let v = violations(html)
    if !v.isEmpty {
      fuzzFailure("\(what) is safe HTML", v.joined(separator: "\n") + "\nHTML: " + swiftLiteral(html))
    }
  }

  static func walk(_ first: xmlNodePtr?, _ problems: inout [String]) {
    var node = first
    while let n = node {
      if n.pointee.type == XML_ELEMENT_NODE {
        let name = n.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
        if forbiddenElements.contains(name) { problems.append("element <\(name)>") }
        var attr = n.pointee.properties
        while let a = attr {
          let attrName = a.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
          let value = attributeValue(n, a)
          check(element: name, attribute: attrName, value: value, &problems)
          attr = a.pointee.next
        }
      }
      walk(n.pointee.children, &problems)
      node = n.pointee.next
    }
  }

  static func attributeValue(_ element: xmlNodePtr, _ attr: xmlAttrPtr) -> String {
    guard let v = xmlNodeListGetString(element.pointee.doc, attr.pointee.children, 1) else {
      return ""
    }
    defer { cxml_free(v) }
    return String(cString: v)
  }

  static func check(
    element: String, attribute: String, value: String, _ problems: inout [String]
  ) {
    if attribute.hasPrefix("on") {
      problems.append("event handler <\(element) \(attribute)=\(swiftLiteral(value))>")
      return
    }
    let urls: [String]
    if attribute == "srcset" || attribute == "imagesrcset" {
      urls = srcsetURLs(value)
    } else if urlAttributes.contains(attribute) {
      urls = [value]
    } else {
      return
    }
    for url in urls where !isSafe(url, linkTarget: element == "a" && attribute == "href") {
      problems.append("URL <\(element) \(attribute)=\(swiftLiteral(url))> is not http(s)")
    }
  }

  /// Whether a browser would take `url` as an absolute http(s) URL with a host (or, for a
  /// link, `mailto:`/`tel:`). Browsers strip leading and trailing C0 controls and spaces and
  /// remove tabs and newlines anywhere before looking at the scheme.
  static func isSafe(_ url: String, linkTarget: Bool) -> Bool {
    var scalars = Substring(url).unicodeScalars[...]
    while let f = scalars.first, f.value <= 0x20 { scalars = scalars.dropFirst() }
    while let l = scalars.last, l.value <= 0x20 { scalars = scalars.dropLast() }
    var s = String.UnicodeScalarView()
    for u in scalars where u != "\t" && u != "\n" && u != "\r" { s.append(u) }
    let lower = String(s).lowercased()
    for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
      let host = lower.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return !host.isEmpty
    }
    return linkTarget && (lower.hasPrefix("mailto:") || lower.hasPrefix("tel:"))
  }

  /// The URLs of a `srcset`, split the way the HTML standard's "parse a srcset attribute"
  /// does: a candidate's URL runs to the next white space; a URL ending in commas ends the
  /// candidate; otherwise the descriptors run to the next comma outside parentheses.
  static func srcsetURLs(_ value: String) -> [String] {
    let s = Array(value.unicodeScalars)
    func isSpace(_ u: Unicode.Scalar) -> Bool {
      u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{C}"
    }
    var urls: [String] = []
    var i = 0
    while i < s.count {
      while i < s.count && (isSpace(s[i]) || s[i] == ",") { i += 1 }
      guard i < s.count else { break }
      var url = String.UnicodeScalarView()
      while i < s.count && !isSpace(s[i]) {
        url.append(s[i])
        i += 1
      }
      if url.last == "," {
        while url.last == "," { url.removeLast() }
      } else {
        var depth = 0
        while i < s.count {
          if s[i] == "(" { depth += 1 }
          if s[i] == ")" && depth > 0 { depth -= 1 }
          if s[i] == "," && depth == 0 { break }
          i += 1
        }
      }
      if !url.isEmpty { urls.append(String(url)) }
    }
    return urls
  }
}

/// The text contract of sanitized HTML (issue 12): the visible text of the input survives, apart
/// from the content of the elements `HTMLSanitizer` removes with their content (`script`,
/// `style`, …) and of the embeds it replaces by a link. Read independently of the sanitizer:
/// libxml2's HTML parser with `XML_PARSE_HUGE` (no depth limit) on the raw input, every text
/// node outside those elements, white space left out. Text may be added (a replaced video's
/// "Video" link), so the input's text must be a subsequence of the output's.
public enum TextCheck {
  /// Elements whose content is not published (HTMLSanitizer's documentation).
  static let hidden: Set<String> = [
    "script", "style", "object", "applet", "form", "input", "button", "select", "option",
    "optgroup", "textarea", "datalist", "output", "meta", "base", "link", "noscript", "template",
    "svg", "math", "canvas", "title", "head", "xml", "frameset", "track", "dialog", "slot",
    "portal", "iframe", "frame", "video", "audio",
  ]

  /// `html` with every `<` that cannot begin markup written `&lt;`: HTML reads such a `<`
  /// (before a digit, a space, punctuation, `đ`, the end) as text, and so does libxml2 in the
  /// middle of text, but it drops one that comes before any element (`<<b>x` loses its `<`).
  /// The reference reads the input as text-first, as `HTMLSanitizer` does (its own
  /// `escapingStrayLessThan`, the one rule the two readings share) and as a browser does:
  /// `<<script></p>…` begins with the text `<`, which implies the body and a paragraph, and
  /// only then opens the script (found by FuzzHTMLSanitizer).
  public static func strayLessThanAsText(_ html: String) -> String {
    HTMLSanitizer.escapingStrayLessThan(html) ?? html
  }

  /// The visible characters of `html` other than white space, in order.
  public static func visibleText(_ html: String) -> [Unicode.Scalar] {
    XMLInit.once()
    let options =
      Int32(
        HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
          | HTML_PARSE_NODEFDTD.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
    var source = strayLessThanAsText(html)
    let parsed: htmlDocPtr? = source.withUTF8 { b in
      b.withMemoryRebound(to: CChar.self) {
        htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    guard let doc = parsed else { return [] }
    defer { xmlFreeDoc(doc) }
    var text: [Unicode.Scalar] = []
    // Iterative: the input may nest thousands deep.
    var node = xmlDocGetRootElement(doc)
    while let n = node {
      var descend = false
      if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE,
        let content = n.pointee.content
      {
        text += String(cString: content).unicodeScalars.filter { !$0.properties.isWhitespace }
      } else if n.pointee.type == XML_ELEMENT_NODE {
        let name = n.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
        descend = !hidden.contains(name)
      }
      if descend, let child = n.pointee.children {
        node = child
        continue
      }
      var up: xmlNodePtr? = n
      node = nil
      while let u = up {
        if let next = u.pointee.next {
          node = next
          break
        }
        up = u.pointee.parent
        if up?.pointee.type != XML_ELEMENT_NODE { break }
      }
    }
    return text
  }

  /// Crashes (for libFuzzer) when text of `input` is missing from `output`.
  public static func requireKept(input: String, output: String) {
    let expected = visibleText(input)
    let published = visibleText(output)
    var i = 0
    for scalar in published where i < expected.count && expected[i] == scalar { i += 1 }
    if i < expected.count {
      let lost = String(String.UnicodeScalarView(expected[i...].prefix(80)))
      fuzzFailure(
        "the visible text of the input survives",
        "lost from \(swiftLiteral(lost))\ninput:  \(swiftLiteral(input))\n"
          + "output: \(swiftLiteral(output))")
    }
  }
}

/// One-time libxml2 set-up for the checkers (LoaKit does its own for its calls).
enum XMLInit {
  private static let done: Void = {
    xmlInitParser()
    cxml_silence_generic_errors()
  }()
  static func once() { _ = done }
}
