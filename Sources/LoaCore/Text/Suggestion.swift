/// "Did you mean …?" for typos in keys, options and commands.
package enum Suggestion {
  /// The candidate nearest to `word` by optimal-string-alignment (Damerau–Levenshtein)
  /// distance, when it is at most 2 edits away (1 for words of 3 characters or fewer) and
  /// not `word` itself. Ties go to the earlier candidate.
  package static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = word.count <= 3 ? 1 : 2
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
      let d = distance(word, candidate)
      if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
    }
    return best?.0
  }

  /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
  /// two neighbouring characters each count 1. Case-insensitive.
  package static func distance(_ a: String, _ b: String) -> Int {
    let s = Array(a.lowercased())
    let t = Array(b.lowercased())
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
    for i in 0...s.count { d[i][0] = i }
    for j in 0...t.count { d[0][j] = j }
    for i in 1...s.count {
      for j in 1...t.count {
        let cost = s[i - 1] == t[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[s.count][t.count]
  }
}
