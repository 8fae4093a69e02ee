namespace Herald.Contracts;

/// <summary>
/// Send one attempt of one delivery (one event to one webhook). Sent by fanout for the first
/// attempt and by the delivery role's retry scheduler for later ones; the delivery state in
/// the store is the source of truth, this message only says "attempt it now".
/// </summary>
/// <param name="DeliveryId">The delivery to attempt; also the <c>webhook-id</c> header.</param>
/// <param name="AttemptNumber">The attempt this message is for (1-based). A worker that finds
/// the delivery already past it treats the message as a duplicate.</param>
public sealed record DeliverWebhook(string DeliveryId, int AttemptNumber);
