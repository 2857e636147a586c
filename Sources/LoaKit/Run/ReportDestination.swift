import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif
import LoaCore

/// Where `--report` may write, checked before a run takes the lock or reads the database.
///
/// Found by attack (issue 12): a report path loa could not use failed with exit 70 after every
/// feed was published; `--report /dev/null` replaced the device with a regular file (as
/// root), and `--report config.json` overwrote the configuration, so the next run failed.
enum ReportDestination {
  /// Checks `path` (absolute) for the run of `configuration`.
  ///
  /// Inside the output directory the report is one more output of the run's transaction, so
  /// it must be a plain relative path there (no part starting with `.`, none over 200 bytes).
  /// Elsewhere its folder must exist and be writable, and the path must not be a folder, a
  /// device, a pipe or a symbolic link, nor the configuration file, the SQLite database or the
  /// weather source file.
  ///
  /// - Throws: ``UsageError`` (exit 64) for a path that can never be a report;
  ///   ``WriteError`` `cannotCreate` (exit 73) for one the file system refuses now.
  static func check(_ path: String, configuration: Configuration) throws {
    let root = OutputRoot.resolved(configuration.output.directory)
    let resolved = OutputRoot.resolved(path)
    if resolved.hasPrefix(root + "/") {
      let relative = String(resolved.dropFirst(root.count + 1))
      guard OutputDirectory.isSafe(relative) else {
        throw UsageError(
          "--report: \"\(relative)\" is not a plain path inside the output directory "
            + "(no part may start with \".\" or be longer than 200 bytes)")
      }
      return
    }
    let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
    guard OutputDirectory.isSafe(name) else {
      throw UsageError(
        "--report: the file name \"\(name)\" must not start with \".\" (loa's temporary files do) "
          + "nor be longer than 200 bytes")
    }
    let folder = Paths.directory(of: path)
    var st = stat()
    guard (try? retryingSyscall("stat", { stat(folder, &st) })) != nil else {
      throw WriteError(.cannotCreate, path: path, "its folder \(folder) does not exist")
    }
    guard (st.st_mode & S_IFMT) == S_IFDIR else {
      throw WriteError(.cannotCreate, path: path, "\(folder) is not a folder")
    }
    guard (try? retryingSyscall("access", { access(folder, W_OK | X_OK) })) != nil else {
      throw WriteError(.cannotCreate, path: path, "its folder \(folder) is not writable")
    }
    guard (try? retryingSyscall("lstat", { lstat(path, &st) })) != nil else { return }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw WriteError(.cannotCreate, path: path, "is a folder; name a file")
    case S_IFLNK:
      throw WriteError(
        .cannotCreate, path: path, "is a symbolic link; the report would replace the link")
    default:
      throw WriteError(
        .cannotCreate, path: path, "is not a regular file (a device or a pipe); name a file")
    }
    var others: [(String, String)] = [(configuration.path, "the configuration file")]
    if case .sqlite(let database) = configuration.database.location {
      others.append((database, "the SQLite database"))
    }
    if let w = configuration.weather, case .file(_, let source) = w.source {
      others.append((source, "the weather source file"))
    }
    for (other, what) in others {
      var o = stat()
      if (try? retryingSyscall("stat", { stat(other, &o) })) != nil, o.st_dev == st.st_dev, o.st_ino == st.st_ino {
        throw UsageError("--report: \(path) is \(what); name another file")
      }
    }
  }
}
