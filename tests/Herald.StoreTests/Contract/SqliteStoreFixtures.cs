namespace Herald.StoreTests.Contract;

// The contract suite on SQLite: one line per aggregate, the specs live in the abstract bases.
public sealed class When_storing_webhooks_in_sqlite() : When_storing_webhooks(new SqliteTestEngine());

public sealed class When_storing_events_in_sqlite() : When_storing_events(new SqliteTestEngine());

public sealed class When_storing_deliveries_in_sqlite() : When_storing_deliveries(new SqliteTestEngine());

public sealed class When_claiming_due_deliveries_in_sqlite() : When_claiming_due_deliveries(new SqliteTestEngine());
public sealed class When_measuring_the_delivery_backlog_in_sqlite() : When_measuring_the_delivery_backlog(new SqliteTestEngine());

public sealed class When_storing_attempts_in_sqlite() : When_storing_attempts(new SqliteTestEngine());

public sealed class When_storing_inbox_requests_in_sqlite() : When_storing_inbox_requests(new SqliteTestEngine());

public sealed class When_initializing_the_store_again_in_sqlite() : When_initializing_the_store_again(new SqliteTestEngine());

public sealed class When_tracking_webhook_health_in_sqlite() : When_tracking_webhook_health(new SqliteTestEngine());

public sealed class When_parking_and_requeueing_deliveries_in_sqlite() : When_parking_and_requeueing_deliveries(new SqliteTestEngine());

public sealed class When_storing_organizations_and_api_keys_in_sqlite() : When_storing_organizations_and_api_keys(new SqliteTestEngine());
