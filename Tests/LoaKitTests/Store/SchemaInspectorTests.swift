import Foundation
import LoaStore
import LoaTestSupport
import Testing

/// The read-only inspectors `loa init` uses.
@Suite struct SchemaInspectorTests {
  let dir = try! TemporaryDirectory("loa-inspector")

  /// Reads tables and a bound query, then is closed twice and asked again: the C handle was
  /// freed by the first close, so neither the second close nor the query may reach it.
  func exercise(_ inspector: SchemaInspector, sql: (String) -> String) throws {
    #expect(try inspector.tableNames().contains("categories"))
    let rows = try inspector.rows(
      sql(inspector.parameterMarker(1)), parameters: ["tin-tuc"])
    #expect(rows == [["Tin tức"]])
    try inspector.close()
    try inspector.close()
    #expect(throws: StoreError.self) { try inspector.tableNames() }
  }

  @Test func aSQLiteInspectorReadsWithBoundParametersAndClosesOnce() throws {
    try ExamplePortal.makeDatabase(at: dir.path("portal.sqlite"))
    try exercise(SQLiteSchemaInspector(path: dir.path("portal.sqlite"))) {
      "SELECT name FROM categories WHERE slug = \($0)"
    }
  }

  @Test func aSQLiteInspectorNeverWritesTheFile() throws {
    try ExamplePortal.makeDatabase(at: dir.path("portal.sqlite"))
    let inspector = try SQLiteSchemaInspector(path: dir.path("portal.sqlite"))
    #expect(throws: StoreError.self) { try inspector.rows("DELETE FROM articles", parameters: []) }
    try inspector.close()
  }

  @Test(.enabled(if: PostgresFixture.enabled))
  func aPostgreSQLInspectorReadsWithBoundParametersAndClosesOnce() throws {
    let (url, drop) = try PostgresFixture.makeDatabase()
    defer { drop() }
    try ExamplePortal.makeDatabase(at: dir.path("portal.sqlite"))
    try PostgresFixture.copy(fromSQLite: dir.path("portal.sqlite"), to: url)
    try exercise(PostgresSchemaInspector(url: url)) {
      "SELECT name FROM categories WHERE slug = \($0)"
    }
  }
}
