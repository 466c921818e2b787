using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Reports, once each, a council the feed names that the council register cannot place: its results still post,
/// but region and nation filters, nation totals and the map cannot include it, and the operator should know.
/// </summary>
public sealed class UnplacedCouncils(ILogger logger)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Check(FeedMessage message)
    {
        IEnumerable<string> names = message switch
        {
            CouncilDeclaration d => [d.Council.Name],
            CouncilNominations n => [n.Council.Name],
            StateOfParties s => s.CouncilsIncluded,
            _ => [],
        };
        foreach (var name in names)
        {
            if (Regions.NationOf(CouncilKey.For(name)) is not null)
            {
                continue;
            }

            lock (_gate)
            {
                if (!_reported.Add(CouncilKey.For(name)))
                {
                    continue;
                }
            }

            logger.LogWarning("The council register does not know \"{Council}\": its results are posted, but region and nation filters and totals leave it out", name);
        }
    }
}
