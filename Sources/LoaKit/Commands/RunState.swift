import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif
import LoaCore

/// What the last successful run saw, kept in the state directory, so that a run where nothing
/// changed can stop after a few `stat` calls and write nothing.
///
/// Nothing changed when all of these are equal to the last run's: the configuration (file
/// bytes, overrides, loa version), the database's change token (SQLite: device, inode, size,
/// modification and change times of the file and its WAL; PostgreSQL: the WAL position), and
/// every published file's size, inode and modification time; and no scheduled article has come
/// due since. Anything unknown means "changed".
struct RunState: Codable, Equatable {
  var configuration: String
  var source: String
  /// Earliest `published_at` (Unix seconds) of a scheduled article seen, if any.
  var nextDue: Int64?
  /// Published file → "size:inode:mtime".
  var outputs: [String: String]
  /// Published file → ``ContentHash`` of the bytes that passed its check. A later run of the same
  /// build and configuration that renders the same bytes (after the output folder was wiped,
  /// say) need not check them again.
  var checked: [String: String]?
  /// Feed folder (`""` for the site feed) → how many items it published: what the next run
  /// compares against (``PublishGuard``). Nil in the states of older versions.
  var itemCounts: [String: Int]?
  /// Feed folder → the feed's `updated` (Unix seconds), so a feed that becomes empty keeps a
  /// real date (Atom requires one) instead of an invented one.
  var feedUpdated: [String: Int64]?

  static func fileStamp(_ path: String) -> String? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return "\(st.st_size):\(st.st_ino):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
  }

  static func load(_ store: StateStore, _ name: String) -> RunState? {
    guard let data = store.read(name) else { return nil }
    return decode(data)
  }

  /// What a run where nothing changed needs of the state (configuration, source, next due
  /// date, outputs); the other members are read past, not built (``JSONReader``'s
  /// `keepingTopLevel`), a quarter of such a run's instructions (Benchmarks/analysis.md, "The
  /// no-op, round three").
  static func loadForNothingChanged(_ store: StateStore, _ name: String) -> RunState? {
    guard let data = store.read(name) else { return nil }
    return decode(data, keeping: ["configuration", "source", "nextDue", "outputs"])
  }

  /// What ``encoded()`` wrote, read with loa's own JSON reader (``JSONReader``): Foundation's
  /// `JSONDecoder` was a sixth of a platform's no-op run, which reads one state per site.
  /// Anything unexpected is nil, and the run then renders everything.
  static func decode(_ bytes: [UInt8], keeping keys: Set<String>? = nil) -> RunState? {
    guard let value = try? JSONReader.parse(bytes, keepingTopLevel: keys),
      case .object(let o) = value,
      case .string(let configuration)? = o["configuration"], case .string(let source)? = o["source"],
      let outputs = strings(o["outputs"])
    else { return nil }
    var state = RunState(configuration: configuration, source: source, outputs: outputs)
    switch o["nextDue"] {
    case nil, .null?: break
    case .number(let n)?:
      guard let due = Int64(exactly: n) else { return nil }
      state.nextDue = due
    default: return nil
    }
    if let v = o["checked"], v != .null {
      guard let checked = strings(v) else { return nil }
      state.checked = checked
    }
    if let v = o["itemCounts"], v != .null {
      guard let counts = integers(v) else { return nil }
      state.itemCounts = counts.mapValues { Int($0) }
    }
    if let v = o["feedUpdated"], v != .null {
      guard let updated = integers(v) else { return nil }
      state.feedUpdated = updated
    }
    return state
  }

  private static func strings(_ value: JSONValue?) -> [String: String]? {
    guard case .object(let o)? = value else { return nil }
    var out: [String: String] = [:]
    for (key, v) in o {
      guard case .string(let s) = v else { return nil }
      out[key] = s
    }
    return out
  }

  private static func integers(_ value: JSONValue?) -> [String: Int64]? {
    guard case .object(let o)? = value else { return nil }
    var out: [String: Int64] = [:]
    for (key, v) in o {
      guard case .number(let n) = v, let i = Int64(exactly: n) else { return nil }
      out[key] = i
    }
    return out
  }

  func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return [UInt8]((try? encoder.encode(self)) ?? Data())
  }

  /// Whether the outputs on disk are still the ones this state recorded.
  ///
  /// Each file is looked up from the output directory, opened once, and its `stat` compared
  /// with the recorded stamp as numbers: the same answer as comparing ``fileStamp(_:)`` with
  /// the stamp (its numbers are written without leading zeros), without building a path and a
  /// stamp string per file (a tenth of a run where nothing changed; issue 16).
  func outputsUnchanged(in directory: String) -> Bool {
    let root = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard root >= 0 else { return outputs.isEmpty }
    defer { close(root) }
    for (path, stamp) in outputs {
      guard !path.isEmpty, path.utf8.first != UInt8(ascii: "/") else {
        if Self.fileStamp(directory + "/" + path) != stamp { return false }
        continue
      }
      var st = stat()
      guard path.withCString({ fstatat(root, $0, &st, AT_SYMLINK_NOFOLLOW) }) == 0,
        Self.stamp(stamp, matches: st)
      else { return false }
    }
    return true
  }

  /// Whether `stamp` is what ``fileStamp(_:)`` writes for `st`: `size:inode:seconds.nanoseconds`.
  static func stamp(_ stamp: String, matches st: stat) -> Bool {
    var stamp = stamp
    return stamp.withUTF8 { b in
      var i = 0
      // One decimal number without a sign or leading zeros (as Swift prints it), or nil.
      func number() -> UInt64? {
        let start = i
        var value: UInt64 = 0
        while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
          let (m, o1) = value.multipliedReportingOverflow(by: 10)
          let (a, o2) = m.addingReportingOverflow(UInt64(b[i] &- UInt8(ascii: "0")))
          guard !o1, !o2 else { return nil }
          value = a
          i += 1
        }
        guard i > start, b[start] != UInt8(ascii: "0") || i == start + 1 else { return nil }
        return value
      }
      func expect(_ c: UInt8) -> Bool {
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
      }
      let colon = UInt8(ascii: ":")
      guard st.st_size >= 0, let size = number(), size == UInt64(st.st_size), expect(colon),
        let inode = number(), inode == UInt64(st.st_ino), expect(colon)
      else { return false }
      let seconds = Int64(st.st_mtim.tv_sec)
      let negative = i < b.count && b[i] == UInt8(ascii: "-")
      if negative { i += 1 }
      guard let magnitude = number(), negative == (seconds < 0),
        magnitude == seconds.magnitude, !(negative && magnitude == 0),
        expect(UInt8(ascii: ".")),
        st.st_mtim.tv_nsec >= 0, let nanoseconds = number(),
        nanoseconds == UInt64(st.st_mtim.tv_nsec)
      else { return false }
      return i == b.count
    }
  }
}
