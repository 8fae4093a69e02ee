namespace Herald.StoreTests.Contract;

// The contract suite on MongoDB, when one is reachable (see MongoTestServer): one line per aggregate, the specs live in the abstract bases.
public sealed class When_storing_webhooks_in_mongodb() : When_storing_webhooks(new MongoTestEngine());

public sealed class When_storing_events_in_mongodb() : When_storing_events(new MongoTestEngine());

public sealed class When_storing_deliveries_in_mongodb() : When_storing_deliveries(new MongoTestEngine());

public sealed class When_claiming_due_deliveries_in_mongodb() : When_claiming_due_deliveries(new MongoTestEngine());
public sealed class When_measuring_the_delivery_backlog_in_mongodb() : When_measuring_the_delivery_backlog(new MongoTestEngine());

public sealed class When_storing_attempts_in_mongodb() : When_storing_attempts(new MongoTestEngine());

public sealed class When_storing_inbox_requests_in_mongodb() : When_storing_inbox_requests(new MongoTestEngine());

public sealed class When_initializing_the_store_again_in_mongodb() : When_initializing_the_store_again(new MongoTestEngine());

public sealed class When_tracking_webhook_health_in_mongodb() : When_tracking_webhook_health(new MongoTestEngine());

public sealed class When_parking_and_requeueing_deliveries_in_mongodb() : When_parking_and_requeueing_deliveries(new MongoTestEngine());

public sealed class When_storing_organizations_and_api_keys_in_mongodb() : When_storing_organizations_and_api_keys(new MongoTestEngine());
