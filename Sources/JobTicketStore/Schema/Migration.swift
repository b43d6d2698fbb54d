/// One forward-only schema change, recorded in `schema_migrations` once applied.
struct Migration: Sendable {
    let version: Int
    let name: String
    let sql: String
}
