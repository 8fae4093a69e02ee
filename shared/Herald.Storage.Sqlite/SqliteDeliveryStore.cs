using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Deliveries with optimistic updates and a lease-based claim for the retry scheduler.</summary>
internal sealed partial class SqliteDeliveryStore(SqliteDatabase database) : IDeliveryStore
{
    private const string Select = $"SELECT {DeliveryRows.Columns} FROM deliveries";
    private const string Due = "state IN ('Pending', 'Retrying') AND next_attempt_at <= @now";

    public async Task<IReadOnlyList<Delivery>> AddIfAbsentAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return [];
        }

        return await database.WriteAsync<IReadOnlyList<Delivery>>(
            async (connection, transaction) =>
            {
                var stored = new List<Delivery>(deliveries.Count);
                foreach (var delivery in deliveries)
                {
                    await using var insert = DeliveryRows.Bind(connection.CreateCommand(), delivery);
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT INTO deliveries ({DeliveryRows.Columns}) VALUES ({DeliveryRows.Values}) ON CONFLICT (id) DO NOTHING;";
                    if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                    {
                        stored.Add(delivery);
                        continue;
                    }

                    await using var select = connection.CreateCommand().With("@id", delivery.Id);
                    select.Transaction = transaction;
                    select.CommandText = $"{Select} WHERE id = @id;";
                    stored.Add(await select.ReadFirstAsync(DeliveryRows.Read, cancellationToken)
                        ?? throw new InvalidOperationException($"Delivery {delivery.Id} conflicted on insert but cannot be read back."));
                }

                return stored;
            },
            cancellationToken);
    }

    public Task<Delivery?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id);
                command.CommandText = $"{Select} WHERE id = @id;";
                return await command.ReadFirstAsync(DeliveryRows.Read, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<Delivery>> ListByEventAsync(string eventId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Delivery>>(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@event_id", eventId);
                command.CommandText = $"{Select} WHERE event_id = @event_id ORDER BY id;";
                return await command.ReadAllAsync(DeliveryRows.Read, cancellationToken);
            },
            cancellationToken);

    public Task<Page<Delivery>> ListByWebhookAsync(string webhookId, DeliveryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        return database.ReadAsync(
            async connection =>
            {
                // One read transaction, so the count and the page come from the same snapshot.
                await using var transaction = connection.BeginTransaction(deferred: true);
                await using var count = Filter(connection.CreateCommand(), webhookId, query, out var where);
                count.Transaction = transaction;
                count.CommandText = $"SELECT COUNT(*) FROM deliveries WHERE {where};";
                var total = (long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L);

                await using var page = Filter(connection.CreateCommand(), webhookId, query, out _)
                    .With("@limit", query.PageSize)
                    .With("@offset", (long)(query.Page - 1) * query.PageSize);
                page.Transaction = transaction;
                page.CommandText = $"{Select} WHERE {where} ORDER BY occurred_at DESC, id DESC LIMIT @limit OFFSET @offset;";
                var items = await page.ReadAllAsync(DeliveryRows.Read, cancellationToken);
                return new Page<Delivery>(items, total);
            },
            cancellationToken);
    }

    public Task<bool> TryUpdateAsync(Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return database.WriteStatementAsync(connection => UpdateAsync(connection, delivery, expectedAttemptCount, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        // BEGIN IMMEDIATE holds the write lock from the first read, so no other process can claim
        // the same rows between the select (which keeps the due order) and the update.
        return await database.WriteAsync<IReadOnlyList<Delivery>>(
            async (connection, transaction) =>
            {
                await using var select = connection.CreateCommand()
                    .With("@now", Ticks(now))
                    .With("@limit", limit);
                select.Transaction = transaction;
                select.CommandText = $"{Select} WHERE {Due} ORDER BY next_attempt_at, id LIMIT @limit;";
                var due = await select.ReadAllAsync(DeliveryRows.Read, cancellationToken);
                if (due.Count == 0)
                {
                    return due;
                }

                await using var update = connection.CreateCommand()
                    .With("@now", Ticks(now))
                    .With("@limit", limit)
                    .With("@lease", Ticks(leaseUntil));
                update.Transaction = transaction;
                update.CommandText = $"""
                    UPDATE deliveries SET next_attempt_at = @lease, updated_at = @now
                    WHERE id IN (SELECT id FROM deliveries WHERE {Due} ORDER BY next_attempt_at, id LIMIT @limit);
                    """;
                var changed = await update.ExecuteNonQueryAsync(cancellationToken);
                if (changed != due.Count)
                {
                    throw new InvalidOperationException($"Claimed {changed} deliveries but selected {due.Count}.");
                }

                return due.ConvertAll(delivery => delivery with { NextAttemptAt = leaseUntil, UpdatedAt = now });
            },
            cancellationToken);
    }

    private static SqliteCommand Filter(SqliteCommand command, string webhookId, DeliveryQuery query, out string where)
    {
        var sql = new StringBuilder("webhook_id = @webhook_id");
        command.With("@webhook_id", webhookId);
        if (query.States is { Count: > 0 } states)
        {
            var names = states.Distinct().Select((state, i) => (Name: string.Create(CultureInfo.InvariantCulture, $"@state{i}"), State: state)).ToList();
            sql.Append(" AND state IN (").AppendJoin(", ", names.Select(n => n.Name)).Append(')');
            names.ForEach(n => command.With(n.Name, Text(n.State)));
        }

        if (query.From is { } from)
        {
            sql.Append(" AND occurred_at >= @from");
            command.With("@from", Ticks(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND occurred_at < @to");
            command.With("@to", Ticks(to));
        }

        where = sql.ToString();
        return command;
    }
}
