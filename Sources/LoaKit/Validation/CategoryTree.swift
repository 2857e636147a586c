/// The category tree, checked: slugs made safe for paths and URLs, unknown parents and parent
/// loops broken (each reported), children in id order.
public struct CategoryTree: Sendable {
  public struct Node: Sendable {
    public var id: Int64
    public var parentID: Int64?
    /// Path-safe slug: `[a-z0-9-]+`, unique in the tree. Its feed folder's name.
    public var slug: String
    /// The slug as the database has it, for URL templates.
    public var sourceSlug: String
    public var name: String
    public var description: String
    public var children: [Int64]
    /// Names from the root down: `["Du lịch", "Lễ hội"]`.
    public var path: [String]
    public var depth: Int
  }

  public private(set) var nodes: [Int64: Node] = [:]
  /// Top-level categories, in id order.
  public private(set) var roots: [Int64] = []

  /// Builds the tree, reporting what it repairs to `report`.
  public init(_ rows: [CategoryRow], report: RunReport) {
    var seenIDs = Set<Int64>()
    var unique: [CategoryRow] = []
    for row in rows.sorted(by: { $0.id < $1.id }) {
      if seenIDs.insert(row.id).inserted {
        unique.append(row)
      } else {
        report.add(.init(.warning, .noted, category: row.id, field: "id", "duplicate category id; the first row is used"))
      }
    }
    // Each category's own slug first, so a folder renamed to avoid a clash never takes the
    // slug another category has (`thoi-su` twice beside a real `thoi-su-4`).
    var wanted: [(row: CategoryRow, slug: String)] = []
    var slugCounts: [String: Int] = [:]
    for row in unique {
      var slug = Slug.make(row.slug)
      if slug.isEmpty { slug = Slug.make(TextCleaner.clean(row.name).text ?? "") }
      if slug.isEmpty { slug = "category-\(row.id)" }
      if slug != row.slug {
        report.add(.init(.info, .repaired, category: row.id, field: "slug", "\"\(row.slug)\" is published as \"\(slug)\""))
      }
      wanted.append((row, slug))
      slugCounts[slug, default: 0] += 1
    }
    var usedSlugs = Set<String>()
    for (row, wantedSlug) in wanted {
      var slug = wantedSlug
      if usedSlugs.contains(slug) {
        var fixed = "\(slug)-\(row.id)"
        var n = 2
        while usedSlugs.contains(fixed) || slugCounts[fixed] != nil {
          fixed = "\(slug)-\(row.id)-\(n)"
          n += 1
        }
        report.add(.init(.warning, .repaired, category: row.id, field: "slug", "\"\(slug)\" is used by another category; published as \"\(fixed)\""))
        slug = fixed
      }
      usedSlugs.insert(slug)
      func cleaned(_ field: String, _ value: String?) -> String {
        let (text, repairs) = TextCleaner.clean(value)
        if !repairs.isEmpty {
          let serious: TextCleaner.Repairs = [.forbiddenCharacters, .tags, .c1Controls]
          report.add(.init(repairs.isDisjoint(with: serious) ? .info : .warning, .repaired, category: row.id, field: field, repairs.summary))
        }
        return text ?? ""
      }
      let name = cleaned("name", row.name)
      nodes[row.id] = Node(
        id: row.id, parentID: row.parentID, slug: slug, sourceSlug: row.slug,
        name: name.isEmpty ? slug : name, description: cleaned("description", row.description),
        children: [], path: [], depth: 0)
    }
    // Unknown parents and self-parents make a category top-level.
    for id in nodes.keys.sorted() {
      guard let p = nodes[id]?.parentID else { continue }
      if p == id || nodes[p] == nil {
        report.add(.init(.warning, .repaired, category: id, field: "parent_id", p == id ? "category is its own parent; treated as top-level" : "parent \(p) does not exist; treated as top-level"))
        nodes[id]?.parentID = nil
      }
    }
    // Break parent loops: walk up from each node; a node met twice is on a loop.
    for id in nodes.keys.sorted() {
      var seen: [Int64] = []
      var cursor: Int64? = id
      while let c = cursor {
        if let at = seen.firstIndex(of: c) {
          let loop = Array(seen[at...])
          let cut = loop.min()!
          report.add(.init(.warning, .repaired, category: cut, field: "parent_id", "categories \(loop.sorted().map(String.init).joined(separator: ", ")) are each other's parents; \(cut) is treated as top-level"))
          nodes[cut]?.parentID = nil
          break
        }
        seen.append(c)
        cursor = nodes[c]?.parentID
      }
    }
    for id in nodes.keys.sorted() {
      if let p = nodes[id]?.parentID {
        nodes[p]?.children.append(id)
      } else {
        roots.append(id)
      }
    }
    func fill(_ id: Int64, _ path: [String]) {
      guard var n = nodes[id] else { return }
      n.path = path + [n.name]
      n.depth = path.count
      nodes[id] = n
      for c in n.children { fill(c, n.path) }
    }
    for r in roots { fill(r, []) }
  }

  /// Every category in tree order: each parent before its children, siblings by id.
  public var preorder: [Node] {
    var out: [Node] = []
    func visit(_ id: Int64) {
      guard let n = nodes[id] else { return }
      out.append(n)
      for c in n.children { visit(c) }
    }
    for r in roots { visit(r) }
    return out
  }

  public subscript(id: Int64) -> Node? { nodes[id] }

  /// All category ids.
  public var ids: [Int64] { nodes.keys.sorted() }
}
