import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Every path a run will write below the output directory, each with the configuration key or
/// feed that claims it. Two claims of one path (the weather box configured as `rss.xml`, say)
/// would make one output silently replace another on every run, so they are a configuration
/// error, found before anything is read or written. A file claimed where another claim needs a
/// folder (`weather.output.html` set to `thoi-su` while the category Thời sự publishes
/// `thoi-su/rss.xml`) is one too.
package struct OutputClaims: Sendable {
  private var owners: [String: String] = [:]
  private var order: [String] = []

  package init() {}

  /// Claims `path` (relative to the output directory) for `owner`, a phrase such as
  /// `the site's RSS feed` or `weather.output.html`.
  package mutating func claim(_ path: String, by owner: String) {
    if owners[path] == nil { order.append(path) }
    owners[path, default: ""] += (owners[path] == nil ? "" : "\u{0}") + owner
  }

  /// - Throws: ``ConfigError`` (exit 78) naming both claimants of the first path claimed twice,
  ///   or of a file claimed where another claim needs a folder.
  package func check() throws {
    for path in order {
      guard let owner = owners[path] else { continue }
      let names = owner.split(separator: "\u{0}")
      if names.count > 1 {
        throw ConfigError(
          .invalidValue, key: String(names[1]),
          "\"\(path)\" is also \(names[0]); each output needs its own path")
      }
    }
    for path in order {
      var prefix = ""
      for part in path.split(separator: "/").dropLast() {
        prefix += (prefix.isEmpty ? "" : "/") + part
        if let owner = owners[prefix] {
          throw ConfigError(
            .invalidValue, key: String(owner.split(separator: "\u{0}")[0]),
            "\"\(prefix)\" is a file, but \(owners[path]?.split(separator: "\u{0}").first ?? "") needs a folder of that name (\(path))"
          )
        }
      }
    }
  }
}

/// Where a run may publish. Checked before the run takes its lock or creates anything.
package enum OutputRoot {
  /// Folders no feed may be published into, nor any ancestor of them be the output root.
  static let systemDirectories: Set<String> = [
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32",
    "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr",
    "/var", "/usr/bin", "/usr/lib", "/usr/local", "/usr/sbin", "/usr/share", "/var/lib",
    "/var/log",
  ]

  /// Refuses an output directory that would let a run overwrite or sweep something that is
  /// not its own: `/` and the system's top-level folders, the state directory, and the folder
  /// holding the configuration file or the SQLite database (or any folder above them: a
  /// category folder of the same name would be written into them).
  ///
  /// Paths are compared after resolving symlinks of the part that exists, so `/var/../etc` or
  /// a link to `/` is caught too.
  ///
  /// - Parameters:
  ///   - key: how the directory was given, for the message (`--output` or `output.directory`).
  /// - Throws: ``ConfigError`` (exit 78) with one line saying why.
  package static func check(
    _ directory: String, key: String, configuration: String?, state: String?,
    database: String?
  ) throws {
    let out = resolved(directory)
    func refuse(_ why: String) throws -> Never {
      throw ConfigError(
        .invalidValue, key: key, "\"\(directory)\" cannot be the output directory: \(why)")
    }
    if systemDirectories.contains(out) {
      try refuse(out == "/" ? "it is the root of the file system" : "\(out) is a system directory")
    }
    let protected: [(String?, String)] = [
      (state, "the state directory"),
      (configuration.map(Paths.directory(of:)), "the folder holding the configuration file"),
      (database.map(Paths.directory(of:)), "the folder holding the SQLite database"),
    ]
    for case let (path?, what) in protected {
      let other = resolved(path)
      if other == out || other.hasPrefix(out == "/" ? "/" : out + "/") {
        try refuse(other == out ? "it is \(what)" : "it holds \(what) (\(other))")
      }
    }
  }

  /// `path` with symlinks resolved in the longest prefix that exists, `.` and `..` removed.
  package static func resolved(_ path: String) -> String {
    var existing = Paths.absolute(path, relativeTo: "/")
    var rest: [Substring] = []
    while true {
      if let real = realpath(existing, nil) {
        let base = String(cString: real)
        free(real)
        return Paths.absolute(([base] + rest.map(String.init)).joined(separator: "/"), relativeTo: "/")
      }
      guard existing != "/", let slash = existing.lastIndex(of: "/") else { return existing }
      rest.insert(existing[existing.index(after: slash)...], at: 0)
      existing = Paths.directory(of: existing)
    }
  }
}
