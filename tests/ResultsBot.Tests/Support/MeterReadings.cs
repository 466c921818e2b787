using System.Diagnostics.Metrics;

namespace ResultsBot.Tests.Support;

/// <summary>Reads an instrument of one meter the way an exporter would (observable instruments included), summed over its labels (long and int ones).</summary>
internal static class MeterReadings
{
    public static long Sum(Meter meter, string instrument)
    {
        long total = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (published, l) =>
        {
            if (published.Meter == meter && published.Name == instrument)
            {
                l.EnableMeasurementEvents(published);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => total += value);
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => total += value);
        listener.Start();
        listener.RecordObservableInstruments();
        return total;
    }

    /// <summary>Every measurement an exporter would read now from a double-valued instrument (none when it reports nothing).</summary>
    public static IReadOnlyList<double> Doubles(Meter meter, string instrument)
    {
        var values = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (published, l) =>
        {
            if (published.Meter == meter && published.Name == instrument)
            {
                l.EnableMeasurementEvents(published);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => values.Add(value));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
