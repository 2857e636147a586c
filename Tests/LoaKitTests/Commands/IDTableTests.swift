import LoaTestSupport
import Testing

@testable import LoaKit

/// Issue 16 (W4 flat): the ledger's and the cleaning cache's per-id tables grow by half and
/// fill to 4/5 instead of doubling at 3/4 as `Dictionary` does.
@Suite struct IDTableTests {
  /// Random ids, with the extremes and runs that share their low bits, against a Dictionary.
  @Test func holdsWhatADictionaryHolds() {
    var random = SeededRandom(state: 64)
    var table = IDTable<Int>(empty: 0)
    var reference: [Int64: Int] = [:]
    var ids: [Int64] = [0, 1, -1, .min, .max, .min + 1, .max - 1]
    for k in Int64(1)...2_000 { ids.append(k << 20) }
    for _ in 0..<20_000 { ids.append(Int64(bitPattern: random.next()) >> Int64(random.below(60))) }
    for (n, id) in ids.enumerated() {
      let wasNew = reference[id] == nil
      let inserted = table.modify(id) { value, inserted in
        value += n
        return inserted
      }
      reference[id, default: 0] += n
      #expect(inserted == wasNew, "\(id)")
      #expect(table.count == reference.count)
      #expect(table.count * 5 <= table.capacity * 4, "never fuller than 4/5")
    }
    for (id, value) in reference { #expect(table[id] == value, "\(id)") }
    for _ in 0..<2_000 {
      let id = Int64(bitPattern: random.next())
      if reference[id] == nil { #expect(table[id] == nil) }
    }
    let again = table.insert(.min)
    #expect(!again, "already there")
  }

  /// W4's 1,000 categories publish about 50,000 ids: 64 tables of ~781, where dictionaries
  /// had 2,048 buckets each (just past 768). These take at most 1,021 slots each.
  @Test func fiftyThousandIdsTakeAtMostOneAndAHalfTimesTheirNumberOfSlots() {
    var shards = [IDTable<Void>](repeating: IDTable(empty: ()), count: IDShards.count)
    for id in Int64(1)...50_050 { shards[IDShards.index(id)].insert(id) }
    let slots = shards.reduce(0) { $0 + $1.capacity }
    #expect(shards.reduce(0) { $0 + $1.count } == 50_050)
    #expect(slots <= 50_050 * 3 / 2, "\(slots) slots")
    #expect(slots < 64 * 2_048 / 2, "half of what the dictionaries took")
  }
}
