import CLibXML2
import Foundation

/// Checks a generated file before it may replace the published one: XML must be well-formed
/// (re-parsed by libxml2), JSON must parse.
public enum OutputCheck {
  /// Nil when `bytes` is a well-formed XML document, else libxml2's first error message.
  public static func xmlProblem(_ bytes: [UInt8]) -> String? {
    XMLParsing.initialize()
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let doc = bytes.withUnsafeBufferPointer { b in
      b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
        xmlReadMemory($0, Int32(b.count), nil, "UTF-8", options)
      }
    }
    if let doc {
      xmlFreeDoc(doc)
      return nil
    }
    if let err = xmlGetLastError(), let msg = err.pointee.message {
      return String(cString: msg).trimmingCharacters(in: .whitespacesAndNewlines)
        + " (line \(err.pointee.line))"
    }
    return "not well-formed"
  }

  /// Nil when `bytes` is valid JSON, else the parser's message.
  public static func jsonProblem(_ bytes: [UInt8]) -> String? {
    do {
      _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
      return nil
    } catch {
      return "not valid JSON: \(error.localizedDescription)"
    }
  }
}

/// One-time libxml2 set-up.
enum XMLParsing {
  private static let once: Void = {
    // "xmlInitParser: Initialization function for the XML parser. This is not reentrant.
    // Call once before processing in case of use in multithreaded programs."
    xmlInitParser()
    cxml_silence_generic_errors()
  }()

  static func initialize() { _ = once }
}
