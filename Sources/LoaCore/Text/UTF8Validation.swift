extension String {
  /// `String(validating: bytes, as: UTF8.self)` without its generic path: in the static
  /// release build that initializer runs the standard library's unspecialized `_validate`,
  /// which looks up the metadata of `UnsafeBufferPointer<UInt8>` and `Unicode.ParseResult` on
  /// every call (about 700 instructions, 7% of a warm W2 run: 186,000 calls for the rows'
  /// dates and the cleaning cache's strings; issue 16). ``UTF8Automaton/utf8`` validates
  /// without them, in less than half of what `UTF8Span(validating:)` took.
  ///
  /// - Returns: nil when `bytes` is not valid UTF-8.
  package init?(validatingUTF8Bytes bytes: UnsafeBufferPointer<UInt8>) {
    guard UTF8Automaton.utf8.accepts(bytes) else { return nil }
    self.init(copying: unsafe UTF8Span(unchecked: unsafe Span(_unsafeElements: bytes)))
  }
}
