import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure writing an output file. The published file is untouched when this is thrown.
public struct WriteError: Error, Sendable, CustomStringConvertible {
  public enum Code: Sendable, Equatable {
    /// The file or a folder cannot be created: permissions, read-only file system, a file
    /// where a folder should be (exit 73).
    case cannotCreate
    /// Writing failed part-way: disk full, I/O error (exit 74).
    case io
    /// The path would leave the output directory (exit 70: a bug, never data).
    case unsafePath
  }

  public let code: Code
  /// The path that failed.
  public let path: String
  public let reason: String
  public let underlying: SystemCallError?

  public init(_ code: Code, path: String, _ reason: String, underlying: SystemCallError? = nil) {
    self.code = code
    self.path = path
    self.reason = reason
    self.underlying = underlying
  }

  init(path: String, _ e: SystemCallError) {
    switch e.errno {
    case EIO, ENOSPC, EDQUOT, EFBIG:
      code = .io
    default:
      code = .cannotCreate
    }
    self.path = path
    reason = e.description
    underlying = e
  }

  public var description: String { "cannot write \(path): \(reason)" }
}

/// What writing one file did.
public enum WriteOutcome: Sendable, Equatable {
  /// New bytes were written and renamed into place.
  case written
  /// The published file already had exactly these bytes; it was not touched, so its inode and
  /// modification time (and the ETag and Last-Modified a web server derives) stay the same.
  case unchanged
}

/// The output directory. Every file goes through ``write(_:to:)``, which never writes outside
/// the directory and replaces files atomically:
///
/// 1. every path component is checked (no `..`, no `/`, no hidden names) and each folder is
///    opened with `openat(O_NOFOLLOW | O_DIRECTORY)` from the directory's own descriptor, so
///    neither a slug nor a planted symlink can lead elsewhere;
/// 2. if the published file has the same bytes, nothing is written;
/// 3. otherwise the bytes go to a temporary sibling (`.name.loa-PID.tmp`, `O_EXCL`), which is
///    `fsync`ed (``stage(_:to:)``); later ``commit(_:)`` `renameat`s it over the old file and
///    `fsync`s the folder.
///
/// A run stages every file first and commits only when all were rendered, so a run that fails
/// part-way (a database lost mid-run) replaces nothing. A run that is killed at any point leaves
/// each file either complete and old or complete and new.
public final class OutputDirectory {
  /// Absolute path.
  public let path: String
  private let fd: Int32

  /// Opens the directory, creating it (and missing parents) when needed.
  ///
  /// - Throws: ``WriteError``.
  public init(path: String) throws {
    self.path = path
    try Self.makeDirectories(path)
    do {
      fd = try retryingSyscall("open") { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    } catch let e as SystemCallError {
      throw WriteError(path: path, e)
    }
  }

  deinit { close(fd) }

  static func makeDirectories(_ path: String) throws {
    var current = ""
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o755) != 0 {
        let code = errno
        if code == EEXIST {
          var st = stat()
          if stat(current, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            throw WriteError(
              .cannotCreate, path: current, "exists and is not a directory")
          }
          continue
        }
        throw WriteError(path: current, SystemCallError(call: "mkdir", errno: code))
      }
    }
  }

  /// Whether `relativePath` is a plain path inside the directory.
  public static func isSafe(_ relativePath: String) -> Bool {
    guard !relativePath.isEmpty, !relativePath.hasPrefix("/") else { return false }
    for part in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
      if part.isEmpty || part.hasPrefix(".") || part.utf8.contains(0) || part.utf8.count > 200 {
        return false
      }
    }
    return true
  }

  /// A file written to its temporary sibling, fsynced, waiting for ``commit(_:)``.
  public struct StagedFile: Sendable {
    /// Path relative to the output directory, e.g. `thoi-su/rss.xml`.
    public let path: String
    let folder: [String]
    let name: String
    let temporaryName: String
  }

  /// When set, ``write(_:to:)`` keeps a `.gz` copy (zlib at this level) next to each file,
  /// for nginx `gzip_static`; when nil it removes such a copy, which would otherwise go stale.
  public var gzipLevel: Int32?

  /// Writes `bytes` to `relativePath` (`thoi-su/rss.xml`) unless it already holds them: stage,
  /// then commit at once (with its `.gz` copy, see ``gzipLevel``).
  ///
  /// - Throws: ``WriteError``; the published file is then unchanged.
  @discardableResult
  public func write(_ bytes: [UInt8], to relativePath: String, force: Bool = false) throws
    -> WriteOutcome
  {
    let main = try stage(bytes, to: relativePath, force: force)
    var files: [StagedFile] = []
    if let level = gzipLevel {
      if main != nil || !exists(relativePath + ".gz") {
        do {
          if let gz = try stage(Gzip.compress(bytes, level: level), to: relativePath + ".gz", force: true) {
            files.append(gz)
          }
        } catch {
          if let main { discard([main]) }
          throw error
        }
      }
    } else if Self.isSafe(relativePath) {
      _ = unlink(path + "/" + relativePath + ".gz")
    }
    if let main { files.append(main) }
    guard !files.isEmpty else { return .unchanged }
    try commit(files)
    return main == nil ? .unchanged : .written
  }

  /// Opens (creating as needed) the folders of `parts` below the directory, never following a
  /// symlink. The caller closes every descriptor in `opened`.
  private func openFolder(_ parts: [String], create: Bool, opened: inout [Int32]) throws -> Int32 {
    var dir = fd
    var soFar = path
    for part in parts {
      soFar += "/" + part
      if create && mkdirat(dir, part, 0o755) != 0 && errno != EEXIST {
        throw WriteError(path: soFar, SystemCallError(call: "mkdirat", errno: errno))
      }
      let parent = dir
      let next: Int32
      do {
        next = try retryingSyscall("openat") {
          openat(parent, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
      } catch let e as SystemCallError {
        if e.errno == ENOTDIR || e.errno == ELOOP {
          throw WriteError(
            .cannotCreate, path: soFar, "exists and is not a directory", underlying: e)
        }
        throw WriteError(path: soFar, e)
      }
      opened.append(next)
      dir = next
    }
    return dir
  }

  /// Writes `bytes` to a temporary sibling of `relativePath` (`.rss.xml.loa-PID.tmp`,
  /// `O_EXCL`) and `fsync`s it, unless the published file already holds exactly these bytes.
  ///
  /// - Returns: the staged file, or nil when the published file is unchanged.
  /// - Throws: ``WriteError``; nothing published has changed.
  public func stage(_ bytes: [UInt8], to relativePath: String, force: Bool = false) throws
    -> StagedFile?
  {
    guard Self.isSafe(relativePath) else {
      throw WriteError(.unsafePath, path: relativePath, "path leaves the output directory")
    }
    var parts = relativePath.split(separator: "/").map(String.init)
    let name = parts.removeLast()
    var opened: [Int32] = []
    defer { for d in opened { close(d) } }
    let dir = try openFolder(parts, create: true, opened: &opened)
    if !force, try Self.hasSameBytes(dir, name, bytes) { return nil }
    let temp = ".\(name).loa-\(getpid()).tmp"
    do {
      _ = unlinkat(dir, temp, 0)
      let file = try retryingSyscall("openat") {
        openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      }
      do {
        try Self.writeAll(file, bytes)
        try retryingSyscall("fsync") { fsync(file) }
        let fileToClose = file
        try retryingSyscall("close") { close(fileToClose) }
      } catch {
        close(file)
        throw error
      }
    } catch let e as SystemCallError {
      _ = unlinkat(dir, temp, 0)
      throw WriteError(path: path + "/" + relativePath, e)
    }
    return StagedFile(path: relativePath, folder: parts, name: name, temporaryName: temp)
  }

  /// Renames every staged file over its published one (`renameat`), then `fsync`s each folder
  /// once so the renames are durable. Each file is replaced atomically.
  ///
  /// - Throws: ``WriteError`` for the first rename that fails; the files not yet renamed keep
  ///   their previous version and their temporary files are removed.
  public func commit(_ files: [StagedFile]) throws {
    // Two files staged for one path share a temporary name: the second replaced the first,
    // and renaming the first would fail half-way through the commit. Refuse before renaming
    // anything (a bug, never data: category folders are unique).
    var paths = Set<String>()
    for file in files where !paths.insert(file.path).inserted {
      discard(files)
      throw WriteError(.unsafePath, path: path + "/" + file.path, "staged twice in one run")
    }
    var folders: [[String]: Int32] = [:]
    var opened: [Int32] = []
    defer { for d in opened { close(d) } }
    for (index, file) in files.enumerated() {
      do {
        let dir: Int32
        if let d = folders[file.folder] {
          dir = d
        } else {
          dir = try openFolder(file.folder, create: false, opened: &opened)
          folders[file.folder] = dir
        }
        do {
          try retryingSyscall("renameat") { renameat(dir, file.temporaryName, dir, file.name) }
        } catch let e as SystemCallError {
          throw WriteError(path: path + "/" + file.path, e)
        }
      } catch {
        discard(Array(files[index...]))
        throw error
      }
    }
    for dir in folders.values { _ = try? retryingSyscall("fsync") { fsync(dir) } }
  }

  /// Whether the published file at `relativePath` holds exactly `bytes`.
  public func holds(_ bytes: [UInt8], at relativePath: String) -> Bool {
    guard Self.isSafe(relativePath) else { return false }
    var parts = relativePath.split(separator: "/").map(String.init)
    let name = parts.removeLast()
    var opened: [Int32] = []
    defer { for d in opened { close(d) } }
    guard let dir = try? openFolder(parts, create: false, opened: &opened) else { return false }
    return (try? Self.hasSameBytes(dir, name, bytes)) ?? false
  }

  /// Whether a regular file exists at `relativePath`.
  public func exists(_ relativePath: String) -> Bool {
    var st = stat()
    return Self.isSafe(relativePath) && lstat(path + "/" + relativePath, &st) == 0
      && (st.st_mode & S_IFMT) == S_IFREG
  }

  /// Removes the temporary files of staged files that will not be committed.
  public func discard(_ files: [StagedFile]) {
    for file in files {
      var opened: [Int32] = []
      if let dir = try? openFolder(file.folder, create: false, opened: &opened) {
        _ = unlinkat(dir, file.temporaryName, 0)
      }
      for d in opened { close(d) }
    }
  }

  /// Removes temporary files left by runs that were killed (`.name.loa-PID.tmp` whose process
  /// no longer exists), in the directory and its sub-folders one level down.
  public func removeAbandonedTemporaryFiles() {
    func sweep(_ dirPath: String, depth: Int) {
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dirPath) else {
        return
      }
      for entry in entries {
        let full = dirPath + "/" + entry
        if entry.hasPrefix("."), entry.hasSuffix(".tmp"), let r = entry.range(of: ".loa-") {
          let pidText = entry[r.upperBound...].dropLast(4)
          if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
            _ = unlink(full)
          }
        } else if depth > 0, !entry.hasPrefix(".") {
          var st = stat()
          if lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { sweep(full, depth: depth - 1) }
        }
      }
    }
    sweep(path, depth: 1)
  }

  /// Whether `name` in `dir` is a regular file holding exactly `bytes`.
  static func hasSameBytes(_ dir: Int32, _ name: String, _ bytes: [UInt8]) throws -> Bool {
    let file = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard file >= 0 else { return false }
    defer { close(file) }
    var st = stat()
    guard fstat(file, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count
    else { return false }
    var existing = [UInt8](repeating: 0, count: bytes.count)
    var done = 0
    while done < bytes.count {
      let n = existing.withUnsafeMutableBytes {
        read(file, $0.baseAddress! + done, bytes.count - done)
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      done += n
    }
    return existing == bytes
  }

  #if DEBUG
    /// Test builds only: `LOA_TEST_FAIL_WRITE=ERRNO:N` makes the N-th file write of the process
    /// (and every one after it) fail with that errno, to test full disks and I/O errors where a
    /// small tmpfs cannot be mounted. Release builds have no such hook.
    nonisolated(unsafe) static var writesSoFar = 0
    static let injectedFailure: (errno: Int32, from: Int)? = {
      guard let spec = ProcessInfo.processInfo.environment["LOA_TEST_FAIL_WRITE"] else { return nil }
      let parts = spec.split(separator: ":")
      guard parts.count == 2, let e = Int32(parts[0]), let n = Int(parts[1]) else { return nil }
      return (e, n)
    }()
  #endif

  static func writeAll(_ file: Int32, _ bytes: [UInt8]) throws {
    #if DEBUG
      writesSoFar += 1
      if let f = injectedFailure, writesSoFar >= f.from {
        throw SystemCallError(call: "write", errno: f.errno)
      }
    #endif
    var done = 0
    try bytes.withUnsafeBytes { buffer in
      while done < buffer.count {
        let n = Glibc.write(file, buffer.baseAddress! + done, buffer.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          throw SystemCallError(call: "write", errno: errno)
        }
        if n == 0 { throw SystemCallError(call: "write", errno: EIO) }
        done += n
      }
    }
  }
}
