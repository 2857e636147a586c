/// A 64-bit hash over strings (each followed by its length, so boundaries count) that reads
/// eight bytes at a time: row keys hash a whole article on every run.
package struct WordHash {
  package private(set) var value: UInt64 = 0x6A09_E667_F3BC_C908

  package init() {}

  @inline(__always)
  private mutating func mix(_ w: UInt64) {
    value = (value ^ w) &* 0xFF51_AFD7_ED55_8CCD
    value ^= value >> 29
  }

  package mutating func add(_ s: String) {
    var s = s
    s.withUTF8 { add($0) }
  }

  package mutating func add(_ b: UnsafeBufferPointer<UInt8>) {
    let raw = UnsafeRawBufferPointer(b)
    let n = raw.count / 8
    for k in 0..<n { mix(raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)) }
    var tail: UInt64 = 0
    for k in (n * 8)..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
    mix(tail)
    mix(UInt64(raw.count))
  }

  /// A missing value hashes differently from an empty one.
  package mutating func add(_ s: String?) {
    if let s { add(s) } else { mix(0xFFFF_FFFF_FFFF_FFFF) }
  }

  package mutating func add(_ v: Int64) { mix(UInt64(bitPattern: v)) }
}

/// 64-bit FNV-1a over strings, each followed by a 0 byte so boundaries count.
package struct FNV1a {
  package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  package init() {}

  package mutating func add(_ s: String) {
    var s = s
    s.withUTF8 { add($0) }
    add(CollectionOfOne(UInt8(0)))
  }

  /// A missing value hashes differently from an empty one.
  package mutating func add(_ s: String?) {
    if let s { add(s) } else { add(CollectionOfOne(UInt8(1))) }
  }

  package mutating func add(_ v: Int64) {
    withUnsafeBytes(of: v.littleEndian) { add($0) }
  }

  package mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    var h = value
    for b in bytes {
      h ^= UInt64(b)
      h &*= 0x100_0000_01b3
    }
    value = h
  }
}
