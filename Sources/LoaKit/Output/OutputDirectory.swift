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
///    `fsync`ed, `renameat`ed over the old file, and the folder is `fsync`ed.
///
/// A run that fails or is killed at any point leaves either the complete old file or the
/// complete new one.
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

  /// Writes `bytes` to `relativePath` (`thoi-su/rss.xml`) unless it already holds them.
  ///
  /// - Throws: ``WriteError``; the published file is then unchanged.
  @discardableResult
  public func write(_ bytes: [UInt8], to relativePath: String) throws -> WriteOutcome {
    guard Self.isSafe(relativePath) else {
      throw WriteError(.unsafePath, path: relativePath, "path leaves the output directory")
    }
    let full = path + "/" + relativePath
    var parts = relativePath.split(separator: "/").map(String.init)
    let name = parts.removeLast()
    var dir = fd
    var opened: [Int32] = []
    defer { for d in opened { close(d) } }
    var soFar = path
    for part in parts {
      soFar += "/" + part
      if mkdirat(dir, part, 0o755) != 0 && errno != EEXIST {
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
          throw WriteError(.cannotCreate, path: soFar, "exists and is not a directory", underlying: e)
        }
        throw WriteError(path: soFar, e)
      }
      opened.append(next)
      dir = next
    }
    if try Self.hasSameBytes(dir, name, bytes) { return .unchanged }
    let temp = ".\(name).loa-\(getpid()).tmp"
    let parentDir = dir
    do {
      _ = unlinkat(parentDir, temp, 0)
      let file = try retryingSyscall("openat") {
        openat(parentDir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
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
      try retryingSyscall("renameat") { renameat(parentDir, temp, parentDir, name) }
    } catch let e as SystemCallError {
      _ = unlinkat(parentDir, temp, 0)
      throw WriteError(path: full, e)
    }
    // The rename is durable once the folder entry is on disk.
    _ = try? retryingSyscall("fsync") { fsync(parentDir) }
    return .written
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

  static func writeAll(_ file: Int32, _ bytes: [UInt8]) throws {
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
