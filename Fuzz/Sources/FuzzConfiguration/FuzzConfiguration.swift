import CFuzzDriver
import Foundation
import FuzzSupport
import LoaCore
import LoaKit
import LoaXML

// FuzzConfiguration: any bytes as `config.json` (issue 12: an ESC in the copyright made every
// RSS and Atom file fail its check; duplicate keys and trailing commas were accepted
// silently). Invariants (a crash otherwise), for every configuration loa accepts:
//   - the file is JSON Foundation's reader accepts too (loa's own reader is never laxer);
//   - the site's text (title, description, copyright, author) holds no control character
//     but tab and line ends, and is NFC;
//   - an empty site feed in each format, rendered with that site, passes the checks a run
//     applies before it commits: RSS well-formed XML, Atom valid RFC 4287, JSON Feed parses.
// A refused configuration must be refused with a ConfigError (never a crash or another error).

nonisolated(unsafe) let atom: RelaxNGValidator = {
  do { return try RelaxNGValidator.atom() } catch { fatalError("Atom schema: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(FuzzInput.bytes(data, size))
  let input = swiftLiteral(String(decoding: bytes, as: UTF8.self))
  let configuration: Configuration
  do {
    configuration = try Configuration.parse(bytes, path: "/nonexistent/loa/config.json")
  } catch is ConfigError {
    return 0
  } catch {
    fuzzFailure("a refused configuration is a ConfigError", "\(type(of: error)): \(error)\ninput: " + input)
  }
  if (try? JSONSerialization.jsonObject(with: bytes)) == nil {
    fuzzFailure("an accepted configuration is JSON Foundation accepts", "input: " + input)
  }
  let site = configuration.site
  for (key, text) in [
    ("site.title", site.title), ("site.description", site.description),
    ("site.copyright", site.copyright ?? ""), ("site.author.name", site.authorName),
  ] {
    if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }) {
      fuzzFailure("\(key) holds no control character", swiftLiteral(text) + "\ninput: " + input)
    }
    if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false {
      fuzzFailure("\(key) is NFC", swiftLiteral(text) + "\ninput: " + input)
    }
  }
  let feed = Feed(
    id: "tag:baichay.example.org,2026:feed", title: site.title, description: site.description,
    homePageURL: site.url.description, directory: "", categoryID: nil, items: [],
    updated: Timestamp(utc: 1_795_936_032, offset: 25_200))
  let info = configuration.siteInfo
  do {
    let rss = try RSS2Serializer().serialize(feed, site: info)
    if let problem = OutputCheck.xmlProblem(rss) {
      fuzzFailure("RSS is well-formed", problem + "\ninput: " + input)
    }
    if let problem = atom.problem(try AtomSerializer().serialize(feed, site: info)) {
      fuzzFailure("Atom is valid RFC 4287", problem + "\ninput: " + input)
    }
    if let problem = OutputCheck.jsonProblem(try JSONFeedSerializer().serialize(feed, site: info)) {
      fuzzFailure("JSON Feed parses", problem + "\ninput: " + input)
    }
  } catch {
    fuzzFailure("serializers do not throw", "\(error)\ninput: " + input)
  }
  return 0
}

@_cdecl("FuzzConfiguration_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  cfuzz_run(argc, argv)
}
