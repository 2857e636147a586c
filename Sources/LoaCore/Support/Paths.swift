import FoundationEssentials

/// Path helpers (no Foundation string algorithms in loops; these run once per run).
package enum Paths {
  package static func currentDirectory() -> String { FileManager.default.currentDirectoryPath }

  /// `path` made absolute against `base` and cleaned of `.` and `..` segments.
  package static func absolute(_ path: String, relativeTo base: String) -> String {
    let joined = path.hasPrefix("/") ? path : base + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The directory containing `path`.
  package static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return currentDirectory() }
    let d = String(path[..<slash])
    return d.isEmpty ? "/" : d
  }
}
