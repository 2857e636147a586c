#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Another run holds the lock: this one exits at once (exit 75, cron tries again later).
package struct LockError: Error, Sendable, CustomStringConvertible {
  package let path: String
  package var description: String {
    "another loa run is publishing to this output directory (\(path)); not starting a second one"
  }
}

/// An advisory `flock` on the output directory itself, so two runs never write the same files.
/// The kernel releases it when the process ends, however it ends, so a crashed run never
/// leaves a stale lock behind. Locking the directory (Linux allows `flock` on a directory's
/// descriptor) creates no file and writes nothing: a run where nothing changed leaves the web
/// root exactly as it was.
package final class RunLock {
  package let path: String
  private var fd: Int32

  /// Takes the lock without waiting.
  ///
  /// - Throws: ``LockError`` when another process holds it; ``WriteError`` when the directory
  ///   cannot be opened.
  package init(directory: String) throws {
    path = directory
    let opened = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard opened >= 0 else {
      throw WriteError(path: path, SystemCallError(call: "open", errno: errno))
    }
    fd = opened
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(fd)
      fd = -1
      if code == EWOULDBLOCK { throw LockError(path: path) }
      throw WriteError(path: path, SystemCallError(call: "flock", errno: code))
    }
  }

  /// Releases the lock (also released when the process exits).
  package func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
