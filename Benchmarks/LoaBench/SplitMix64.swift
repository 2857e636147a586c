/// SplitMix64 (Steele, Lea, Flood 2014; the seeding generator of xoshiro): a tiny, fast,
/// fully deterministic generator. Every article gets its own stream, seeded from the corpus
/// seed and the article id, so a row never depends on the rows generated before it.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A generator for one row of one table.
  init(seed: UInt64, stream: UInt64, row: Int64) {
    state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(bitPattern: row) &* 0x9E37_79B9_7F4A_7C15)
    _ = next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in `0..<n` (n > 0); the modulo bias is irrelevant for a corpus.
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// Uniform in `range`.
  mutating func between(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `percent`/100.
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}
