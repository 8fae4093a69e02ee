namespace Herald.Storage.Sqlite;

/// <summary>
/// The schema, written so that running it again (from any process) changes nothing; a table a
/// later version introduced is created in a file an earlier version made when the file is next opened.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Columns added after the first schema: (table, column, definition), in the order they came.</summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("webhooks", "disabled_reason", "TEXT NULL"),
        ("webhooks", "disabled_at", "INTEGER NULL"),
        ("webhooks", "failing_since", "INTEGER NULL"),
        ("webhooks", "previous_secret", "TEXT NULL"),
        ("webhooks", "previous_secret_expires_at", "INTEGER NULL"),
    ];

    public const string Script = """
        CREATE TABLE IF NOT EXISTS webhooks (
            id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            name TEXT NOT NULL,
            url TEXT NOT NULL,
            headers TEXT NOT NULL,
            event_categories TEXT NOT NULL,
            secure INTEGER NOT NULL,
            enabled INTEGER NOT NULL,
            secret TEXT NOT NULL,
            previous_secret TEXT NULL,
            previous_secret_expires_at INTEGER NULL,
            disabled_reason TEXT NULL,
            disabled_at INTEGER NULL,
            failing_since INTEGER NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_webhooks_organization ON webhooks (organization_id, created_at, id);

        CREATE TABLE IF NOT EXISTS events (
            id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            category TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            payload BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS deliveries (
            id TEXT NOT NULL PRIMARY KEY,
            event_id TEXT NOT NULL,
            webhook_id TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            event_category TEXT NOT NULL,
            occurred_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            attempt_count INTEGER NOT NULL,
            next_attempt_at INTEGER NULL,
            last_status_code INTEGER NULL,
            last_error TEXT NULL,
            trace_parent TEXT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_deliveries_webhook ON deliveries (webhook_id, occurred_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_deliveries_event ON deliveries (event_id, id);
        CREATE INDEX IF NOT EXISTS ix_deliveries_due ON deliveries (next_attempt_at, id)
            WHERE state IN ('Pending', 'Retrying');

        CREATE TABLE IF NOT EXISTS attempts (
            id TEXT NOT NULL PRIMARY KEY,
            delivery_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            webhook_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            request_url TEXT NOT NULL,
            request_method TEXT NOT NULL,
            request_headers TEXT NOT NULL,
            body_event_id TEXT NOT NULL,
            response_status_code INTEGER NULL,
            response_headers TEXT NULL,
            response_body TEXT NULL,
            response_body_truncated INTEGER NULL,
            succeeded INTEGER NOT NULL,
            error_kind TEXT NULL,
            error TEXT NULL,
            started_at INTEGER NOT NULL,
            completed_at INTEGER NOT NULL,
            duration INTEGER NOT NULL,
            trace_id TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_attempts_delivery ON attempts (delivery_id, number, started_at);

        CREATE TABLE IF NOT EXISTS organizations (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            name TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_api_keys_organization ON api_keys (organization_id, created_at, id);

        CREATE TABLE IF NOT EXISTS inbox_requests (
            id TEXT NOT NULL PRIMARY KEY,
            inbox_id TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            query TEXT NOT NULL,
            headers TEXT NOT NULL,
            body TEXT NOT NULL,
            size INTEGER NOT NULL,
            remote_address TEXT NULL,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inbox_requests_inbox ON inbox_requests (inbox_id, received_at DESC, id DESC);

        CREATE TABLE IF NOT EXISTS inboxes (
            id TEXT NOT NULL PRIMARY KEY,
            organization_id TEXT NOT NULL,
            name TEXT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inboxes_organization ON inboxes (organization_id, created_at DESC, id DESC);
        """;
}
