/// Every schema change in order. Append only: never edit a migration that has shipped.
enum Migrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "initial schema", sql: """
            CREATE TABLE companies (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                api_access_enabled INTEGER NOT NULL DEFAULT 0,
                default_plan_type TEXT NOT NULL,
                default_contribution_cents INTEGER,
                created_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX companies_name ON companies(name);

            CREATE TABLE employees (
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies(id),
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                email TEXT NOT NULL,
                email_lower TEXT NOT NULL,
                date_of_birth TEXT,
                profile_image TEXT,
                start_date TEXT,
                termination_date TEXT,
                absences TEXT NOT NULL DEFAULT '[]',
                sub_start_at TEXT NOT NULL,
                sub_paused_at TEXT,
                sub_reactivated_at TEXT,
                sub_cancelled_at TEXT,
                plan_type TEXT NOT NULL,
                contract_status TEXT NOT NULL,
                contribution_cents INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX employees_company_email ON employees(company_id, email_lower);
            CREATE INDEX employees_company_first_name ON employees(company_id, first_name, id);
            CREATE INDEX employees_company_last_name ON employees(company_id, last_name, id);
            CREATE INDEX employees_company_birth ON employees(company_id, date_of_birth, id);

            CREATE TABLE hr_integrations (
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies(id),
                name TEXT NOT NULL,
                integration_type TEXT NOT NULL,
                status TEXT NOT NULL,
                offboarding_threshold INTEGER NOT NULL DEFAULT 50,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX hr_integrations_company ON hr_integrations(company_id, id);

            CREATE TABLE employee_links (
                integration_id INTEGER NOT NULL REFERENCES hr_integrations(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                hr_id TEXT NOT NULL,
                last_sync_id TEXT,
                last_synced INTEGER,
                offboarded_at INTEGER,
                managed INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (integration_id, employee_id),
                UNIQUE (integration_id, hr_id)
            );
            CREATE INDEX employee_links_employee ON employee_links(employee_id);

            CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                name TEXT NOT NULL,
                file_type TEXT NOT NULL,
                downloadable INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX documents_company ON documents(company_id, id);
            CREATE INDEX documents_employee ON documents(employee_id, id);

            CREATE TABLE document_files (
                document_id INTEGER PRIMARY KEY REFERENCES documents(id),
                bytes BLOB NOT NULL
            );

            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies(id),
                name TEXT NOT NULL,
                permissions TEXT NOT NULL,
                status TEXT NOT NULL,
                expires_at INTEGER,
                environment TEXT NOT NULL,
                rate_limit INTEGER,
                secret_sha256 BLOB NOT NULL,
                sealed_secret BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                last_used_at INTEGER
            );
            CREATE INDEX api_keys_company ON api_keys(company_id);

            CREATE TABLE audit_events (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                company_id INTEGER,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                details TEXT NOT NULL
            );
            CREATE INDEX audit_events_company ON audit_events(company_id, at);

            CREATE TABLE outbox_events (
                id TEXT PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies(id),
                type TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                payload TEXT NOT NULL,
                delivered_at INTEGER
            );
            CREATE INDEX outbox_events_pending ON outbox_events(delivered_at, created_at);

            CREATE TABLE sync_runs (
                id INTEGER PRIMARY KEY,
                integration_id INTEGER NOT NULL REFERENCES hr_integrations(id),
                sync_id TEXT NOT NULL,
                status TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                finished_at INTEGER NOT NULL,
                added INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                offboarded INTEGER NOT NULL,
                unchanged INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                payload_sha256 TEXT NOT NULL,
                key_id TEXT
            );
            CREATE INDEX sync_runs_integration ON sync_runs(integration_id, sync_id);
            """),
    ]
}
