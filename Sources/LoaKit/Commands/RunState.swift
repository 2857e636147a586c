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
  func outputsUnchanged(in directory: String) -> Bool {
    for (path, stamp) in outputs where Self.fileStamp(directory + "/" + path) != stamp {
      return false
    }
    return true
  }
}
