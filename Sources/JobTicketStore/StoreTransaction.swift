/// The operations available inside one transaction. Each entity's operations live in their own
/// file under `Records/`.
///
/// Tenant isolation (spec §2) is enforced here, not only in the handlers: every read or change of an
/// existing tenant row takes the company id and filters by it in its own SQL — directly on
/// `company_id`, or by joining `employees` / `hr_integrations` for tables that have none
/// (`employee_links`, `sync_runs`). Another company's id therefore finds nothing, counts zero and
/// changes nothing (a scoped update reports it as not found), exactly like an id that does not exist.
///
/// Deliberately unscoped:
/// - inserts and `upsertLink`, whose row carries its company or refers to rows the caller loaded scoped;
/// - what authentication needs before a company is known (`apiKey(id:)`,
///   `apiKeyForAuthentication(id:)`, `touchAPIKey(id:at:)`), and companies' own rows
///   (`company(id:)`, `company(named:)`);
/// - helpers for operator commands that start from a bare id across companies (`hrIntegration(id:)`,
///   `setOffboardingThreshold(integrationId:percent:at:)`, `companyIdOfEmployee(id:)`,
///   `setAPIKeyStatus(id:status:)`, `auditEvents(limit:)`). API handlers never call these.
public struct StoreTransaction {
    let connection: SQLiteConnection
}
