namespace Herald.Host;

/// <summary>The roles one <c>herald</c> process can run.</summary>
[Flags]
public enum HeraldRole
{
    /// <summary>No role.</summary>
    None = 0,
    /// <summary>Accepts audit records over HTTP.</summary>
    Ingest = 1,
    /// <summary>Turns records into events and deliveries.</summary>
    Fanout = 2,
    /// <summary>Sends requests and schedules retries.</summary>
    Delivery = 4,
    /// <summary>Webhook management, delivery log and test inbox.</summary>
    Api = 8,
    /// <summary>Every role.</summary>
    All = Ingest | Fanout | Delivery | Api,
}
