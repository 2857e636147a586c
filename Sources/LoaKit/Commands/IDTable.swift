/// An insert-only hash table from article id to a value: the per-id state a run keeps
/// (``ArticleLedger``, ``CleaningCache/IDSet``), which grows with the items a run publishes.
///
/// Swift's `Dictionary` doubles its storage and fills it to 3/4 at most, so a table is 38–75%
/// full, and at the id counts a run meets mostly near the bottom: W4's 50,000 ids in 64 tables
/// are 781 a table, just past 768, in 2,048 buckets each (6 MB of ledger at the run's peak).
/// This table grows by half and fills to 4/5 (linear probing, 53–80% full), with keys, values
/// and a bitmap of used slots in three plain arrays (Benchmarks/analysis.md, "W4 flat, round
/// three"). Nothing is ever removed, so a probe stops at the first unused slot.
///
/// The slot comes from the id mixed with a seed drawn once per process (SplitMix64's
/// finalizer), so a database cannot choose ids that pile into one run of slots.
struct IDTable<Value> {
  private var keys: [Int64] = []
  private var values: [Value] = []
  private var used: [UInt64] = []
  /// The ids in the table.
  private(set) var count = 0
  /// What a new id's value starts as.
  private let empty: Value

  init(empty: Value) { self.empty = empty }

  /// The slots; 0 until the first insertion.
  var capacity: Int { keys.count }

  /// The value of `id`, nil when the table does not hold it.
  subscript(id: Int64) -> Value? {
    guard let slot = find(id).found else { return nil }
    return values[slot]
  }

  /// Inserts `id` with the empty value unless the table holds it; true when it was new.
  @discardableResult
  mutating func insert(_ id: Int64) -> Bool {
    modify(id) { _, inserted in inserted }
  }

  /// Runs `body` on the value of `id` (inserted first, as the empty value, when the table
  /// does not hold it; `inserted` says so) and returns what `body` returns.
  mutating func modify<R>(_ id: Int64, _ body: (inout Value, _ inserted: Bool) -> R) -> R {
    var (found, free) = find(id)
    if let found { return body(&values[found], false) }
    if (count + 1) * 5 > capacity * 4 {
      grow()
      free = find(id).free
    }
    keys[free] = id
    used[free >> 6] |= 1 << UInt64(free & 63)
    count += 1
    return body(&values[free], true)
  }

  @inline(__always)
  private func isUsed(_ slot: Int) -> Bool { used[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }

  /// The slot holding `id`, or else the unused slot where it would go (meaningless while the
  /// table has no slots).
  private func find(_ id: Int64) -> (found: Int?, free: Int) {
    let capacity = keys.count
    guard capacity > 0 else { return (nil, 0) }
    var slot = Self.slot(id, capacity)
    while isUsed(slot) {
      if keys[slot] == id { return (slot, slot) }
      slot += 1
      if slot == capacity { slot = 0 }
    }
    return (nil, slot)
  }

  /// `id` mixed with the process's seed, scaled to `0..<capacity` (the high half of the
  /// product, so the capacity need not be a power of two).
  @inline(__always)
  private static func slot(_ id: Int64, _ capacity: Int) -> Int {
    var z = UInt64(bitPattern: id) &+ IDTableSeed.value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(truncatingIfNeeded: z.multipliedFullWidth(by: UInt64(capacity)).high)
  }

  /// Moves every id to a table half as large again (at least 8 slots).
  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let oldUsed = used
    let capacity = max(8, oldKeys.count + oldKeys.count / 2)
    keys = [Int64](repeating: 0, count: capacity)
    values = [Value](repeating: empty, count: capacity)
    used = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    for slot in oldKeys.indices where oldUsed[slot >> 6] & (1 << UInt64(slot & 63)) != 0 {
      let free = find(oldKeys[slot]).free
      keys[free] = oldKeys[slot]
      values[free] = oldValues[slot]
      used[free >> 6] |= 1 << UInt64(free & 63)
    }
  }
}

/// ``IDTable``'s seed, drawn once per process (a static stored property cannot live in a
/// generic type).
enum IDTableSeed {
  static let value = UInt64.random(in: .min ... .max)
}
