extension String {
  /// `String(validating: bytes, as: UTF8.self)` without its generic path: in the static
  /// release build that initializer runs the standard library's unspecialized `_validate`,
  /// which looks up the metadata of `UnsafeBufferPointer<UInt8>` and `Unicode.ParseResult` on
  /// every call (about 700 instructions, 7% of a warm W2 run: 186,000 calls for the rows'
  /// dates and the cleaning cache's strings; issue 16). `UTF8Span` validates without them.
  ///
  /// - Returns: nil when `bytes` is not valid UTF-8.
  package init?(validatingUTF8Bytes bytes: UnsafeBufferPointer<UInt8>) {
    guard let span = try? UTF8Span(validating: bytes.span) else { return nil }
    self.init(copying: span)
  }
}
