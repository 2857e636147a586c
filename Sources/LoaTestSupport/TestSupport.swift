import CLibXML2
import Foundation
import LoaKit
import LoaStore
import LoaXML
import Testing

/// Paths inside the package, found from this file's location.
public enum PackagePaths {
  /// The package root (the folder holding Package.swift).
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  public static func path(_ relative: String) -> String { root + "/" + relative }
}

/// A fresh temporary directory, removed by ``remove()``.
public final class TemporaryDirectory: @unchecked Sendable {
  public let path: String

  public init(_ label: String = "loa-test") throws {
    let base = NSTemporaryDirectory() + "\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = (base as NSString).resolvingSymlinksInPath
  }

  public func path(_ relative: String) -> String { path + "/" + relative }

  public func remove() { try? FileManager.default.removeItem(atPath: path) }

  deinit { remove() }
}

/// The example portal: `Examples/bai-chay.sql` loaded into a SQLite file.
public enum ExamplePortal {
  public static let sqlPath = PackagePaths.path("Examples/bai-chay.sql")
  public static let configPath = PackagePaths.path("Examples/bai-chay.json")

  /// Creates a SQLite database at `path` from the example SQL.
  public static func makeDatabase(at path: String) throws {
    let sql = try String(contentsOfFile: sqlPath, encoding: .utf8)
    try SQLiteFixture.create(at: path, sql: sql)
  }
}

/// SQLite files built from SQL text.
public enum SQLiteFixture {
  /// Creates (or replaces) a database at `path` and runs `sql` in it.
  public static func create(at path: String, sql: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    let c = try SQLiteConnection(path: path, readOnly: false)
    try c.execute(sql)
    try c.close()
  }

  /// Runs SQL in an existing database.
  public static func execute(_ sql: String, in path: String) throws {
    let c = try SQLiteConnection(path: path, readOnly: false)
    try c.execute(sql)
    try c.close()
  }

  /// The contract schema, for tests that insert their own rows.
  public static let schema = """
    CREATE TABLE categories (
      id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES categories(id),
      slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT);
    CREATE TABLE articles (
      id INTEGER PRIMARY KEY, category_id INTEGER REFERENCES categories(id),
      title TEXT NOT NULL, slug TEXT, summary TEXT, content_html TEXT, author TEXT,
      image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
      status TEXT NOT NULL DEFAULT 'published', published_at TEXT NOT NULL, updated_at TEXT);

    """
}

/// Golden-file assertions. The expected bytes live in `Tests/LoaKitTests/Golden/<name>`. When
/// the file is missing or `LOA_RECORD_GOLDEN=1` is set, the actual bytes are written there and
/// the test **fails**, so a recording never passes silently.
public enum Golden {
  public static let directory = PackagePaths.path("Tests/LoaKitTests/Golden")

  public static func check(
    _ actual: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let path = directory + "/" + name
    let record = ProcessInfo.processInfo.environment["LOA_RECORD_GOLDEN"] == "1"
    if record || !FileManager.default.fileExists(atPath: path) {
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data(actual))
      Issue.record(
        "recorded golden file \(name); check it and run again without LOA_RECORD_GOLDEN",
        sourceLocation: sourceLocation)
      return
    }
    guard let expected = FileManager.default.contents(atPath: path) else {
      Issue.record("cannot read \(path)", sourceLocation: sourceLocation)
      return
    }
    if [UInt8](expected) != actual {
      let diff = Diff.unified(
        expected: String(decoding: expected, as: UTF8.self),
        actual: String(decoding: actual, as: UTF8.self))
      Issue.record("\(name) differs from the golden file:\n\(diff)", sourceLocation: sourceLocation)
    }
  }
}

/// A small line diff for failure messages.
public enum Diff {
  public static func unified(expected: String, actual: String, context: Int = 2) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    var i = 0
    var j = 0
    var shown = 0
    while (i < a.count || j < b.count) && shown < 40 {
      if i < a.count, j < b.count, a[i] == b[j] {
        i += 1
        j += 1
        continue
      }
      // Find the next matching line within a window.
      var matched = false
      for look in 1..<50 {
        if i + look < a.count, j < b.count, a[i + look] == b[j] {
          for k in i..<(i + look) { out.append("-\(k + 1): \(a[k])"); shown += 1 }
          i += look
          matched = true
          break
        }
        if j + look < b.count, i < a.count, b[j + look] == a[i] {
          for k in j..<(j + look) { out.append("+\(k + 1): \(b[k])"); shown += 1 }
          j += look
          matched = true
          break
        }
      }
      if !matched {
        if i < a.count { out.append("-\(i + 1): \(a[i])"); i += 1 }
        if j < b.count { out.append("+\(j + 1): \(b[j])"); j += 1 }
        shown += 1
      }
    }
    if shown >= 40 { out.append("… (diff cut)") }
    return out.joined(separator: "\n")
  }
}

/// A child process's result.
public struct ProcessResult: Sendable {
  /// The exit status, or the signal number when a signal ended the process.
  public let status: Int32
  public let stdout: String
  public let stderr: String
  /// The signal that ended the process, if one did.
  public var terminationSignal: Int32? = nil
  /// Whether the hang guard had to kill the process (see ``HangGuard``).
  public var killedByHangGuard = false
}

/// Trials and outcomes for docs/RELIABILITY.md: each call appends `fault<TAB>outcome` to the
/// file named by `LOA_RELIABILITY_LOG`, when set.
public enum ReliabilityLog {
  public static func record(_ fault: String, _ outcome: String) throws {
    guard let path = ProcessInfo.processInfo.environment["LOA_RELIABILITY_LOG"] else { return }
    let line = "\(fault)\t\(outcome)\n"
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(Data(line.utf8))
      try handle.close()
    } else {
      try line.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }
}

/// Runs programs for end-to-end tests.
public enum Subprocess {
  /// Runs `executable` with `arguments`, waiting for it to end.
  ///
  /// - Parameter hangGuardSeconds: when given, the child is killed (SIGKILL) if it is still
  ///   running after this long (``ProcessResult/killedByHangGuard``); a very generous bound
  ///   from ``HangGuard/seconds(expecting:)``, never a timing assertion.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    currentDirectory: String? = nil, hangGuardSeconds: Double? = nil
  ) throws -> ProcessResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    if let currentDirectory { p.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let killer = HangGuardKiller(p.processIdentifier)
    if let hangGuardSeconds {
      DispatchQueue.global().asyncAfter(deadline: .now() + hangGuardSeconds) { killer.fire() }
    }
    // Read both pipes concurrently so a chatty child never blocks on a full pipe.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    let killed = killer.disarm()
    return ProcessResult(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
      terminationSignal: p.terminationReason == .uncaughtSignal ? p.terminationStatus : nil,
      killedByHangGuard: killed)
  }
}

/// Kills one child once, unless disarmed first: `run` disarms it as soon as the child has
/// exited, so only a timer that fires in that instant could reach a pid the kernel has
/// already reused.
private final class HangGuardKiller: @unchecked Sendable {
  private let pid: pid_t
  private let lock = NSLock()
  private var armed = true
  private var fired = false

  init(_ pid: pid_t) { self.pid = pid }

  func fire() {
    lock.withLock {
      guard armed else { return }
      fired = true
      kill(pid, SIGKILL)
    }
  }

  /// Stops the timer from acting; returns whether it had already killed the child.
  func disarm() -> Bool {
    lock.withLock {
      armed = false
      return fired
    }
  }
}

/// The built `loa` executable, next to the test bundle in the build folder.
public enum LoaBinary {
  public static var path: String? {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("loa").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    let fallback = PackagePaths.path(".build/debug/loa")
    return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
  }
}

/// The independent readers in `Tests/Checkers` (feedparser, jsonschema, xmllint with the RFC
/// 4287 RELAX NG schema), run through the Python named by `LOA_CHECKERS_PYTHON`.
///
/// When `LOA_REQUIRE_CHECKERS=1` (set by Scripts/test.sh and so by CI) a missing checker is a
/// failure; otherwise the check is skipped.
public enum Checkers {
  public static var python: String? {
    let env = ProcessInfo.processInfo.environment
    if let p = env["LOA_CHECKERS_PYTHON"], FileManager.default.isExecutableFile(atPath: p) {
      return p
    }
    let venv = PackagePaths.path(".build/checkers-venv/bin/python")
    return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
  }

  public static var required: Bool {
    ProcessInfo.processInfo.environment["LOA_REQUIRE_CHECKERS"] == "1"
  }

  /// Whether the checkers can run here (or must, and will then fail loudly).
  public static var enabled: Bool { required || python != nil }

  /// ``checkFeeds(in:extraArguments:sourceLocation:)`` where the checkers are enabled.
  public static func checkFeedsIfEnabled(
    in directory: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if enabled { try checkFeeds(in: directory, sourceLocation: sourceLocation) }
  }

  /// Runs `check_feeds.py` on `directory`; records a test issue on any problem.
  public static func checkFeeds(
    in directory: String, extraArguments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    guard let python else {
      Issue.record(
        "LOA_REQUIRE_CHECKERS=1 but no checker Python: run Scripts/install-deps.sh --test",
        sourceLocation: sourceLocation)
      return
    }
    let r = try Subprocess.run(
      python, [PackagePaths.path("Tests/Checkers/check_feeds.py"), directory] + extraArguments)
    if r.status != 0 {
      Issue.record(
        "check_feeds.py found problems (exit \(r.status)):\n\(r.stdout)\(r.stderr)",
        sourceLocation: sourceLocation)
    }
  }
}

/// Reads HTML back with libxml2, to check what sanitizer output really contains.
public enum HTMLInspector {
  /// Every attribute of every element: (element, attribute, value).
  public static func attributes(_ html: String) -> [(String, String, String)] {
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
    guard let doc = html.withCString({ htmlReadMemory($0, Int32(strlen($0)), nil, "UTF-8", options) })
    else { return [] }
    defer { xmlFreeDoc(doc) }
    var out: [(String, String, String)] = []
    func walk(_ node: xmlNodePtr?) {
      var n = node
      while let cur = n {
        if cur.pointee.type == XML_ELEMENT_NODE {
          let name = String(cString: cur.pointee.name)
          var a = cur.pointee.properties
          while let attr = a {
            let attrName = String(cString: attr.pointee.name)
            let raw = xmlGetProp(cur, attr.pointee.name)
            out.append((name, attrName, raw.map { String(cString: $0) } ?? ""))
            if let raw { cxml_free(raw) }
            a = attr.pointee.next
          }
          walk(cur.pointee.children)
        }
        n = cur.pointee.next
      }
    }
    walk(xmlDocGetRootElement(doc))
    return out
  }
}

/// The throwaway PostgreSQL server that Scripts/test.sh starts (`LOA_TEST_POSTGRES_URL`).
/// Where `LOA_REQUIRE_POSTGRES=1` (the README's test command, CI) a missing server fails the
/// tests instead of skipping them.
public enum PostgresFixture {
  public static var url: String? {
    ProcessInfo.processInfo.environment["LOA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }
  public static var required: Bool {
    ProcessInfo.processInfo.environment["LOA_REQUIRE_POSTGRES"] == "1"
  }
  /// Whether the PostgreSQL tests run here.
  public static var enabled: Bool { url != nil || required }

  /// The server URL, or a recorded failure when it is required and missing.
  public static func serverURL(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    guard let url else {
      Issue.record(
        "LOA_REQUIRE_POSTGRES=1 but LOA_TEST_POSTGRES_URL is not set: run Scripts/test.sh",
        sourceLocation: sourceLocation)
      throw CancellationError()
    }
    return url
  }

  /// `url` with its database name replaced.
  public static func url(_ url: String, database: String) -> String {
    guard let scheme = url.range(of: "://") else { return url }
    let rest = url[scheme.upperBound...]
    let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
    let pathEnd = rest[pathStart...].firstIndex(of: "?") ?? rest.endIndex
    return String(url[..<pathStart]) + "/" + database + String(url[pathEnd...])
  }

  /// A fresh, empty database; drop it with the returned closure.
  public static func makeDatabase() throws -> (url: String, drop: @Sendable () -> Void) {
    let server = try serverURL()
    let name = "loa_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
    let admin = try PGConnection(url: server)
    try admin.execute("CREATE DATABASE \(name)")
    admin.close()
    return (
      url(server, database: name),
      {
        if let c = try? PGConnection(url: server) {
          try? c.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
          c.close()
        }
      }
    )
  }

  /// Runs a SQL script (several statements) in the database at `url`.
  public static func run(_ sql: String, in url: String) throws {
    let c = try PGConnection(url: url)
    defer { c.close() }
    try c.execute(sql)
  }

  /// Copies every category and article of a SQLite database of the contract into the database
  /// at `url`, with all columns as text (so the same date strings are read back), through
  /// bound parameters.
  public static func copy(fromSQLite path: String, to url: String) throws {
    try run(
      """
      CREATE TABLE categories (id bigint PRIMARY KEY, parent_id bigint, slug text NOT NULL,
        name text NOT NULL, description text);
      CREATE TABLE articles (id bigint PRIMARY KEY, category_id bigint, title text, slug text,
        summary text, content_html text, author text, image_url text, image_caption text,
        url text, tags text, status text, published_at text, updated_at text);
      """, in: url)
    let pg = try PGConnection(url: url)
    defer { pg.close() }
    let lite = try SQLiteConnection(path: path)
    defer { try? lite.close() }
    for (table, columns) in [
      ("categories", ["id", "parent_id", "slug", "name", "description"]),
      (
        "articles",
        [
          "id", "category_id", "title", "slug", "summary", "content_html", "author", "image_url",
          "image_caption", "url", "tags", "status", "published_at", "updated_at",
        ]
      ),
    ] {
      let select = try lite.prepare("SELECT \(columns.joined(separator: ", ")) FROM \(table)")
      let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
      let insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
      while try select.step() {
        let values: [String?] = (0..<columns.count).map { select.text(Int32($0)) }
        try pg.execute(insert, parameters: values)
      }
    }
  }
}

/// The visible text of HTML, read independently of `HTMLSanitizer`: libxml2's HTML parser with
/// `XML_PARSE_HUGE` (no depth limit) on the raw input, every text node in document order except
/// inside the elements the sanitizer documents as removed with their content (and the embeds it
/// replaces by a link), white space left out. Sanitized output must keep all of it (issue 12).
public enum VisibleText {
  /// Elements whose content is not published (HTMLSanitizer's documentation).
  public static let hidden: Set<String> = [
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
  public static func of(_ html: String) -> String {
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NODEFDTD.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
    var source = strayLessThanAsText(html)
    let parsed: htmlDocPtr? = source.withUTF8 { b in
      b.withMemoryRebound(to: CChar.self) {
        htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    guard let doc = parsed else { return "" }
    defer { xmlFreeDoc(doc) }
    var text = String.UnicodeScalarView()
    // Iterative: the input may nest thousands deep.
    var node = xmlDocGetRootElement(doc)
    while let n = node {
      var descend = false
      if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE,
        let content = n.pointee.content
      {
        text.append(contentsOf: String(cString: content).unicodeScalars.filter { !$0.properties.isWhitespace })
      } else if n.pointee.type == XML_ELEMENT_NODE {
        descend = !hidden.contains(String(cString: n.pointee.name).lowercased())
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
    return String(text)
  }

  /// The characters of `reference` that `output` lacks, in order (empty when `reference` is a
  /// subsequence of `output`: text may be added, as a replaced video's "Video", never lost).
  public static func missing(_ reference: String, in output: String) -> String {
    var lacking = String.UnicodeScalarView()
    var o = output.unicodeScalars.makeIterator()
    for scalar in reference.unicodeScalars {
      var found = false
      while let c = o.next() {
        if c == scalar {
          found = true
          break
        }
      }
      if !found { lacking.append(scalar) }
    }
    return String(lacking)
  }

  /// How deep elements with content nest in `html` (as libxml2 reads it, below `body`).
  public static func nestingDepth(_ html: String) -> Int {
    let options = Int32(
      HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
      | Int32(XML_PARSE_HUGE.rawValue)
    var source = html
    let parsed: htmlDocPtr? = source.withUTF8 { b in
      b.withMemoryRebound(to: CChar.self) {
        htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
      }
    }
    guard let doc = parsed else { return 0 }
    defer { xmlFreeDoc(doc) }
    var deepest = 0
    var node = xmlDocGetRootElement(doc)
    var depth = 0  // of `node`, html = 0 and body = 1 when implied
    while let n = node {
      if n.pointee.type == XML_ELEMENT_NODE, n.pointee.children != nil {
        deepest = max(deepest, depth)
        if let child = n.pointee.children {
          node = child
          depth += 1
          continue
        }
      }
      var up: xmlNodePtr? = n
      node = nil
      while let u = up {
        if let next = u.pointee.next {
          node = next
          break
        }
        up = u.pointee.parent
        depth -= 1
        if up?.pointee.type != XML_ELEMENT_NODE { break }
      }
    }
    return max(0, deepest - 1)
  }
}
