#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call: its C name and the `errno` it left.
package struct SystemCallError: Error, Sendable, CustomStringConvertible {
  /// The C function that failed, for example `renameat`.
  package let call: String
  /// The `errno` value after the call.
  package let errno: Int32

  package init(call: String, errno: Int32) {
    self.call = call
    self.errno = errno
  }

  /// The symbolic errno name (`ENOSPC`) where known, else the number.
  package var errnoName: String { Errno.name(errno) }

  package var description: String { "\(call) failed (\(errnoName): \(Errno.message(errno)))" }
}

/// Helpers around `errno`.
package enum Errno {
  static var current: Int32 { errno }

  package static func message(_ code: Int32) -> String {
    guard let cString = strerror(code) else { return "error \(code)" }
    return String(cString: cString)
  }

  static func name(_ code: Int32) -> String {
    switch code {
    case EPERM: return "EPERM"
    case ENOENT: return "ENOENT"
    case EIO: return "EIO"
    case EBADF: return "EBADF"
    case EACCES: return "EACCES"
    case EEXIST: return "EEXIST"
    case EXDEV: return "EXDEV"
    case ENOTDIR: return "ENOTDIR"
    case EISDIR: return "EISDIR"
    case EINVAL: return "EINVAL"
    case EMFILE: return "EMFILE"
    case EFBIG: return "EFBIG"
    case ENOSPC: return "ENOSPC"
    case EROFS: return "EROFS"
    case ELOOP: return "ELOOP"
    case ENAMETOOLONG: return "ENAMETOOLONG"
    case EDQUOT: return "EDQUOT"
    case EWOULDBLOCK: return "EWOULDBLOCK"
    case EINTR: return "EINTR"
    default: return "errno \(code)"
    }
  }
}

/// Runs a system call, retrying while it fails with `EINTR`, and turns a `-1` result into a
/// ``SystemCallError`` naming the call.
///
/// - Parameters:
///   - name: the C function's name, for the error.
///   - body: the call; returns the C result.
/// - Returns: the non-negative result.
@discardableResult
package func retryingSyscall<T: FixedWidthInteger>(_ name: String, _ body: () -> T) throws -> T {
  while true {
    let result = body()
    if result != -1 { return result }
    let code = errno
    if code == EINTR { continue }
    throw SystemCallError(call: name, errno: code)
  }
}
