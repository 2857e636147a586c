#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Another run holds the lock: this one exits at once (exit 75, cron tries again later).
public struct LockError: Error, Sendable, CustomStringConvertible {
  public let path: String
  public let holder: String?
  public var description: String {
    "another loa run is publishing to this output directory (lock \(path)"
      + (holder.map { ", held by pid \($0)" } ?? "") + "); not starting a second one"
  }
}

/// An advisory `flock` on `<output>/.loa.lock`, so two runs never write the same files. The
/// kernel releases it when the process ends, however it ends, so a crashed run never leaves a
/// stale lock behind.
public final class RunLock {
  public let path: String
  private var fd: Int32

  /// Takes the lock without waiting.
  ///
  /// - Throws: ``LockError`` when another process holds it; ``WriteError`` when the lock file
  ///   cannot be created.
  public init(directory: String) throws {
    path = directory + "/.loa.lock"
    let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard opened >= 0 else {
      throw WriteError(path: path, SystemCallError(call: "open", errno: errno))
    }
    fd = opened
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      var buffer = [UInt8](repeating: 0, count: 32)
      let n = pread(fd, &buffer, 31, 0)
      close(fd)
      fd = -1
      if code == EWOULDBLOCK {
        let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).filter(\.isNumber) : nil
        throw LockError(path: path, holder: holder?.isEmpty == false ? holder : nil)
      }
      throw WriteError(path: path, SystemCallError(call: "flock", errno: code))
    }
    // The holder's pid, for the message a second run prints.
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pwrite(fd, pid, pid.count, 0)
  }

  /// Releases the lock (also released when the process exits).
  public func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
