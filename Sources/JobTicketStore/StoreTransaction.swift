/// The operations available inside one transaction. Each entity's operations live in their own
/// file under `Records/`; every query on tenant data takes the company id and filters by it.
public struct StoreTransaction {
    let connection: SQLiteConnection
}
