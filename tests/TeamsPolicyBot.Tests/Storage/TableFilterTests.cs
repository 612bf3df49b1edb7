using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Tests.Storage;

public class TableFilterTests
{
    private enum Decision { Approved }

    [Fact]
    public void Create_StringWithQuotes_DoublesThemInsideOneLiteral()
    {
        var evil = "x' or PartitionKey ne '";

        Assert.Equal("RowKey eq 'x'' or PartitionKey ne '''", TableFilter.Create($"RowKey eq {evil}"));
    }

    [Fact]
    public void Create_TypedValues_WritesODataLiterals()
    {
        var when = new DateTimeOffset(2025, 9, 1, 8, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableFilter.Create($"A eq {42} and B eq {42L} and C eq {true} and D lt {when} and E eq {id} and F eq {2.0} and G eq {Decision.Approved}");

        Assert.Equal(
            "A eq 42 and B eq 42L and C eq true and D lt datetime'2025-09-01T07:30:00.1234567Z' "
            + "and E eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and F eq 2.0 and G eq 'Approved'",
            filter);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(1e300, "1E+300")]
    public void Literal_Double_AlwaysReadsAsDouble(double value, string expected)
    {
        Assert.Equal(expected, TableFilter.Literal(value));
    }

    [Fact]
    public void Literal_UnsupportedOrNullValue_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(null));
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(new object()));
        Assert.Throws<ArgumentException>(() => TableFilter.Literal(double.NaN));
    }
}
