import Foundation
import LoaCore
import LoaKit
import LoaTestSupport
import Testing

/// docs/loa-config.schema.json (issue 17): editors complete keys from it, so it must accept
/// every example configuration, refuse an unknown key, and know every key the parser reads.
@Suite struct ConfigurationSchemaTests {
  static let schemaPath = PackagePaths.path("docs/loa-config.schema.json")

  /// Every configuration in the repository: the examples and the fuzzing seeds made from them.
  static var exampleConfigurations: [String] {
    var paths: [String] = []
    for folder in ["Examples", "Examples/platform", "Examples/wordpress", "Fuzz/Corpus/FuzzConfiguration"] {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.path(folder))) ?? []
      for name in names.sorted()
      where name.hasSuffix(".json") && (folder.hasPrefix("Examples") || name.hasPrefix("example-")) {
        paths.append(PackagePaths.path(folder + "/" + name))
      }
    }
    return paths
  }

  /// Runs the schema over each file with the checkers' jsonschema; the problems, one a line.
  func validate(_ files: [String]) throws -> ProcessResult? {
    guard let python = Checkers.python else {
      #expect(!Checkers.required, "LOA_CHECKERS_PYTHON is not set up")
      return nil
    }
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      for path in sys.argv[2:]:
          for e in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
              print(path, e.json_path, e.message)
      """
    return try Subprocess.run(python, ["-c", script, Self.schemaPath] + files)
  }

  @Test func acceptsEveryExampleConfiguration() throws {
    let files = Self.exampleConfigurations
    #expect(files.contains(PackagePaths.path("Examples/bai-chay.json")))
    #expect(files.contains(PackagePaths.path("Examples/platform/platform.json")))
    guard let r = try validate(files) else { return }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "")
  }

  /// `loa config dump` writes its JSON with loa's own writer since issue 16; the bytes are
  /// those Foundation's `JSONSerialization` (pretty, sorted keys, slashes unescaped) writes
  /// for the same values, for every example configuration.
  @Test func configDumpIsLaidOutAsJSONSerializationDidIt() throws {
    for path in Self.exampleConfigurations {
      guard let configuration = try? Configuration.load(path: path) else { continue }
      let dumped = configuration.dumped()
      let object = try JSONSerialization.jsonObject(with: Data(dumped.utf8))
      let foundation = try JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      #expect(dumped == String(decoding: foundation, as: UTF8.self) + "\n", "\(path)")
    }
  }

  /// `loa config dump` prints every key with its effective value; the schema accepts that too.
  @Test func acceptsWhatConfigDumpPrints() throws {
    let configuration = try Configuration.load(path: PackagePaths.path("Examples/bai-chay.json"))
    let dir = try TemporaryDirectory()
    try configuration.dumped().write(
      toFile: dir.path("dump.json"), atomically: true, encoding: .utf8)
    guard let r = try validate([dir.path("dump.json")]) else { return }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "")
  }

  @Test func refusesAnUnknownKey() throws {
    let dir = try TemporaryDirectory()
    let text = try String(
      contentsOfFile: PackagePaths.path("Examples/bai-chay.json"), encoding: .utf8
    )
    .replacingOccurrences(of: "\"title\":", with: "\"titel\":")
    try text.write(toFile: dir.path("typo.json"), atomically: true, encoding: .utf8)
    guard let r = try validate([dir.path("typo.json")]) else { return }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("$.site 'titel' does not match"), "\(r.stdout)")
  }

  /// Every key path the parser asks for, with every optional object present, is a property
  /// in the schema at the same place (so the two cannot drift apart).
  @Test func knowsEveryKeyTheParserReads() throws {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: PackagePaths.path("Examples/bai-chay.json")))
    var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    root["state"] = [String: Any]()
    root["websub"] = [String: Any]()
    var weather = try #require(root["weather"] as? [String: Any])
    for key in ["attribution", "units", "http", "output"] { weather[key] = [String: Any]() }
    root["weather"] = weather
    var site = try #require(root["site"] as? [String: Any])
    site["author"] = site["author"] ?? [String: Any]()
    root["site"] = site
    let recorder = KeyRecorder()
    _ = try Configuration.parse(
      try JSONSerialization.data(withJSONObject: root),
      path: PackagePaths.path("Examples/bai-chay.json"),
      recorder: recorder)
    #expect(recorder.keys.count > 80, "\(recorder.keys.count) keys")
    #expect(recorder.keys.contains("weather.http.retries"))

    let schema = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Self.schemaPath)))
        as? [String: Any])
    for path in recorder.keys.sorted() {
      var node: [String: Any]? = schema
      for part in path.split(separator: ".") {
        node = (node?["properties"] as? [String: Any])?[String(part)] as? [String: Any]
      }
      #expect(node != nil, "\(path) is read by the parser but not in docs/loa-config.schema.json")
      #expect(node?["description"] != nil, "\(path) has no description in the schema")
    }
  }
}
