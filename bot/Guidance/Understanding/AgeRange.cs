namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>What the message tells us about someone's age now: "19" is 19–19, "Year 10" is 14–15,
/// "left eight years ago" is 18 or over, nothing at all is <see cref="Unknown"/>.</summary>
public readonly record struct AgeRange(int Min, int Max)
{
    public const int Oldest = 150;

    public static AgeRange Unknown => new(0, Oldest);

    public static AgeRange Exactly(int age) => new(age, age);

    /// <summary>The ages both allow; when they contradict, <paramref name="other"/> (the later word, or the answer given) wins.</summary>
    public AgeRange Intersect(AgeRange other)
    {
        var min = Math.Max(Min, other.Min);
        var max = Math.Min(Max, other.Max);
        return min <= max ? new AgeRange(min, max) : other;
    }

    /// <summary>"0-19", "20-": the form a chosen age band travels in.</summary>
    public override string ToString() =>
        Max >= Oldest ? $"{Min}-" : $"{Min}-{Max}";

    public static bool TryParse(string text, out AgeRange range)
    {
        range = Unknown;
        var parts = text.Split('-');
        if (parts.Length == 1 && int.TryParse(parts[0], out var exact))
        {
            range = Exactly(exact);
            return true;
        }
        if (parts.Length != 2 || !int.TryParse(parts[0], out var min)) return false;
        if (parts[1].Length == 0)
        {
            range = new AgeRange(min, Oldest);
            return true;
        }
        if (!int.TryParse(parts[1], out var max) || max < min) return false;
        range = new AgeRange(min, max);
        return true;
    }
}
