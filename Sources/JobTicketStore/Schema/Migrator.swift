/// Applies the migrations a database has not seen yet, each in its own transaction.
enum Migrator {
    /// Returns the versions applied by this call (empty when the schema was current).
    static func migrate(_ database: SQLiteDatabase, now: Int64) throws -> [Int] {
        try database.writeNow { connection in
            try connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)")
        }
        let applied = Set(try database.writeNow { connection in
            try connection.rows("SELECT version FROM schema_migrations") { Int($0.int(0)) }
        })
        var newlyApplied: [Int] = []
        for migration in Migrations.all where !applied.contains(migration.version) {
            try database.writeNow { connection in
                try connection.execute(migration.sql)
                try connection.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                   [migration.version, migration.name, now])
            }
            newlyApplied.append(migration.version)
        }
        return newlyApplied
    }
}
