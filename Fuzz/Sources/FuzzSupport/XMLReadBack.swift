import CLibXML2
import Foundation

/// Reads generated feeds back, to compare what a reader gets with what was written.
public enum XMLReadBack {
  /// The text content of every element at `path` (qualified names from the root down, e.g.
  /// `["rss", "channel", "item", "content:encoded"]`); nil when `bytes` does not parse.
  public static func texts(_ bytes: [UInt8], path: [String]) -> [String]? {
    XMLInit.once()
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) {
        xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    guard let doc = parsed else { return nil }
    defer { xmlFreeDoc(doc) }
    var level: [xmlNodePtr] = []
    if let root = xmlDocGetRootElement(doc), qualifiedName(root) == path.first { level = [root] }
    for name in path.dropFirst() {
      var next: [xmlNodePtr] = []
      for parent in level {
        var c = parent.pointee.children
        while let n = c {
          if n.pointee.type == XML_ELEMENT_NODE, qualifiedName(n) == name { next.append(n) }
          c = n.pointee.next
        }
      }
      level = next
    }
    return level.map { n in
      guard let v = xmlNodeGetContent(n) else { return "" }
      defer { cxml_free(v) }
      return String(cString: v)
    }
  }

  static func qualifiedName(_ n: xmlNodePtr) -> String {
    let local = n.pointee.name.map { String(cString: $0) } ?? ""
    if let ns = n.pointee.ns, let prefix = ns.pointee.prefix {
      return String(cString: prefix) + ":" + local
    }
    return local
  }

  /// `items[i][key]` of a JSON Feed, as strings; nil when the JSON does not parse.
  public static func jsonItemStrings(_ bytes: [UInt8], key: String) -> [String?]? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
      let top = object as? [String: Any], let items = top["items"] as? [[String: Any]]
    else { return nil }
    return items.map { $0[key] as? String }
  }

  /// `text` with CR LF and lone CR turned into LF, as an XML parser does (XML 1.0 §2.11).
  public static func xmlLineEnds(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    var out = String.UnicodeScalarView()
    var previousCR = false
    for u in text.unicodeScalars {
      if u == "\r" {
        out.append("\n")
        previousCR = true
        continue
      }
      if !(u == "\n" && previousCR) { out.append(u) }
      previousCR = false
    }
    return String(out)
  }
}
