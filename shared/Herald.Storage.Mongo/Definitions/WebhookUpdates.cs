using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Updates on <c>webhooks</c> for endpoint health.</summary>
internal static class WebhookUpdates
{
    private static UpdateDefinitionBuilder<WebhookDocument> Update => Builders<WebhookDocument>.Update;

    public static UpdateDefinition<WebhookDocument> Failing(long sinceTicks) => Update.Set(w => w.FailingSince, sinceTicks);

    public static UpdateDefinition<WebhookDocument> Healthy() => Update.Set(w => w.FailingSince, null);

    public static UpdateDefinition<WebhookDocument> Disable(string reason, long atTicks) =>
        Update.Set(w => w.Enabled, false).Set(w => w.DisabledReason, reason).Set(w => w.DisabledAt, atTicks).Set(w => w.UpdatedAt, atTicks);
}
