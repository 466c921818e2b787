using Microsoft.Data.Sqlite;

namespace ResultsBot.Storage;

/// <summary>
/// The commands of one transaction, each prepared once and run again with new values: storing a night's
/// messages and their posts runs the same few statements hundreds of times, and preparing each anew was
/// a fifth of the store's share of ingest.
/// </summary>
internal sealed class TransactionStatements(SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, its parameters set to these values.</summary>
    public SqliteCommand For(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }
}
