import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// A shared library opened with `dlopen` when a run first needs it: libpq, libmariadb and
/// libcurl are not `DT_NEEDED` entries of the binary, so a run that reads SQLite and fetches
/// no weather neither loads nor relocates them and the dozens of libraries they bring
/// (Benchmarks/analysis.md, "Binary size and the no-op"). Each library has one loa-owned table
/// of the functions it calls (`LibPQ`, `LibMariaDB`, `LibCurl`), filled here with `dlsym`.
///
/// The handle is never closed: the tables live for the process.
package struct SharedLibrary: @unchecked Sendable {
  private let handle: UnsafeMutableRawPointer
  /// The file name given to `dlopen`, for messages.
  package let name: String
  /// The Debian package that installs it, for messages.
  package let package: String

  /// Opens `name` (a soname such as `libpq.so.5`, found the way the dynamic linker finds
  /// `DT_NEEDED` entries). Wraps `dlopen(name, RTLD_NOW | RTLD_LOCAL)`.
  ///
  /// In debug builds (the ones tests run) `LOA_TEST_DLOPEN_<KEY>` replaces `name`, so a test
  /// can make a library unloadable (`LOA_TEST_DLOPEN_PQ=libmissing.so`).
  package static func open(_ name: String, package: String, testKey: String)
    throws(LibraryUnavailable) -> SharedLibrary
  {
    var file = name
    #if DEBUG
      if let override = getenv("LOA_TEST_DLOPEN_" + testKey) { file = String(cString: override) }
    #endif
    guard let handle = dlopen(file, RTLD_NOW | RTLD_LOCAL) else {
      throw LibraryUnavailable(library: file, package: package, detail: Self.lastError())
    }
    return SharedLibrary(handle: handle, name: file, package: package)
  }

  /// The function `symbol`, typed by the caller's table field (a `@convention(c)` type the
  /// C header declares). Wraps `dlsym`.
  package func function<T>(_ symbol: String) throws(LibraryUnavailable) -> T {
    unsafeBitCast(try address(symbol), to: T.self)
  }

  /// The address of `symbol`, untyped (for a variadic function). Wraps `dlsym`.
  package func address(_ symbol: String) throws(LibraryUnavailable) -> UnsafeMutableRawPointer {
    guard let address = dlsym(handle, symbol) else {
      throw LibraryUnavailable(
        library: name, package: package, detail: "it has no function \(symbol) (too old?)")
    }
    return address
  }

  /// `dlerror()`'s message on one line, or a placeholder.
  private static func lastError() -> String {
    guard let message = dlerror() else { return "dlopen failed" }
    return String(cString: message).split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

/// A shared library loa needs for this run cannot be loaded (exit 69): which one, the package
/// to install and the dynamic linker's reason, on one line.
package struct LibraryUnavailable: Error, Sendable, CustomStringConvertible, Equatable {
  package let library: String
  package let package: String
  package let detail: String

  package var description: String {
    "cannot load \(library) (install the \(package) package): \(detail)"
  }
}
