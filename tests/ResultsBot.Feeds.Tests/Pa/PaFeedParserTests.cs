using System.Globalization;
using System.Text;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.Tests.Pa;

public class PaFeedParserTests
{
    public static TheoryData<string> LocalResultFiles => SharedFeeds.PaFiles("Local_Test_result_*.xml");

    public static TheoryData<string> StateOfPartiesFiles => SharedFeeds.PaFiles("Local_Test_SOP_*.xml");

    public static TheoryData<string> NominationFiles => SharedFeeds.PaFiles("Local_Test_nominations_*.xml");

    public static TheoryData<string> MayoralAndDevolvedFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var pattern in new[] { "Mayoral_Elections_Test_*.xml", "Scottish_Parliament_Test_*.xml", "Welsh_Parliament_Test_*.xml" })
            {
                foreach (var name in SharedFeeds.PaFiles(pattern))
                {
                    data.Add(name);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> SampleFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.GetFiles(SharedFeeds.Sample2024, "*.xml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }
    }

    // ---- Real PA files ----

    [Theory]
    [MemberData(nameof(LocalResultFiles))]
    public void Parse_EveryLocalResultFile_GivesCouncilDeclarationsWithTheFileRevision(string name)
    {
        var outcome = PaFeedParser.Parse(SharedFeeds.PaBytes(name));

        Assert.Null(outcome.Problem);
        Assert.Null(outcome.NotReadYet);
        var declaration = Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages));
        var revision = int.Parse(name[(name.LastIndexOf('_') + 1)..^".xml".Length], CultureInfo.InvariantCulture);
        Assert.Equal(revision, declaration.Revision);
        Assert.Equal(new DateOnly(2026, 5, 7), declaration.ElectionDate);
        Assert.NotNull(declaration.Council.PaId);
        Assert.True(declaration.TotalSeats > 0);
        Assert.NotNull(declaration.Changes);
        Assert.Equal(CouncilKey.For(declaration.Council.Name), CouncilKey.For(name["Local_Test_result_".Length..name.LastIndexOf('_')].Replace("___", " & ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_BoltonRevision1_ReadsEveryFigure()
    {
        var bolton = ParseDeclaration("Local_Test_result_Bolton_1.xml");

        Assert.Equal(1, bolton.Revision);
        Assert.Equal(new Council("Bolton", "4735", "Metro", Proportion.Third), bolton.Council);
        Assert.Equal("council/bolton", bolton.Key);
        Assert.Equal(new DateOnly(2026, 5, 7), bolton.ElectionDate);
        Assert.Equal(PartyCode.NoOverallControl, bolton.Winner);
        Assert.Equal(PartyCode.NoOverallControl, bolton.Sitting);
        Assert.Equal(ControlOutcome.StaysNoOverallControl, bolton.Outcome);
        Assert.False(bolton.BoundaryChange);
        Assert.Equal(ChangeBasis.SeatsLastFought, bolton.ChangeBasis);
        Assert.Null(bolton.DeclaredAt);
        Assert.Equal(Seats(("Lab", 7), ("Ind", 6), ("LD", 4), ("C", 2), ("Green", 1)), bolton.Elected);
        Assert.Equal(Changes(("LD", 2), ("Ind", 2), ("Green", 1), ("C", -5)), bolton.Changes);
        Assert.Equal(Seats(("Lab", 25), ("Ind", 15), ("C", 10), ("LD", 8), ("Green", 2)), bolton.NewCouncil);
        Assert.Equal(60, bolton.TotalSeats);
        Assert.Equal(20, bolton.SeatsUp);
    }

    [Fact]
    public void Parse_BoltonRevision2_ReadsTheCorrectedFigures()
    {
        var first = ParseDeclaration("Local_Test_result_Bolton_1.xml");
        var bolton = ParseDeclaration("Local_Test_result_Bolton_2.xml");

        Assert.Equal(2, bolton.Revision);
        Assert.Equal(first.Key, bolton.Key);
        Assert.Equal(Seats(("Lab", 6), ("Ind", 6), ("LD", 4), ("C", 3), ("Green", 1)), bolton.Elected);
        Assert.Equal(Changes(("LD", 2), ("Ind", 2), ("Green", 1), ("C", -4), ("Lab", -1)), bolton.Changes);
        Assert.Equal(Seats(("Lab", 24), ("Ind", 15), ("C", 11), ("LD", 8), ("Green", 2)), bolton.NewCouncil);
        Assert.False(bolton.SameResultAs(first));
    }

    [Fact]
    public void Parse_Thurrock_IsReformGainFromLabourWithNoElectedCouncillors()
    {
        var thurrock = ParseDeclaration("Local_Test_result_Thurrock_1.xml");

        Assert.Equal(new PartyCode("Reform"), thurrock.Winner);
        Assert.Equal(new PartyCode("Lab"), thurrock.Sitting);
        Assert.Equal(ControlOutcome.Gain, thurrock.Outcome);
        Assert.Equal(Proportion.All, thurrock.Council.Proportion);
        Assert.Null(thurrock.Elected); // all-out: PA leaves ElectedCouncillors out
        Assert.Equal(thurrock.NewCouncil, thurrock.SeatsWon);
        Assert.Equal(Seats(("Reform", 25), ("Ind", 9), ("C", 8), ("Lab", 7)), thurrock.NewCouncil);
        Assert.Equal(Changes(("Reform", 21), ("Ind", 1), ("Lab", -19), ("C", -3)), thurrock.Changes);
    }

    [Fact]
    public void Parse_Barnet_IsLabourLossToNoOverallControl()
    {
        var barnet = ParseDeclaration("Local_Test_result_Barnet_1.xml");

        Assert.Equal(ControlOutcome.LossToNoOverallControl, barnet.Outcome);
        Assert.Equal(new PartyCode("Lab"), barnet.Sitting);
        Assert.Null(barnet.Elected);
    }

    [Fact]
    public void Parse_CheltenhamEmptyChanges_GivesEmptyListNotNull()
    {
        var cheltenham = ParseDeclaration("Local_Test_result_Cheltenham_1.xml");

        Assert.NotNull(cheltenham.Changes);
        Assert.Empty(cheltenham.Changes);
        Assert.Equal(Proportion.Half, cheltenham.Council.Proportion);
        Assert.Equal(ControlOutcome.Hold, cheltenham.Outcome);
    }

    [Theory]
    [InlineData("Local_Test_result_Essex_1.xml")]
    [InlineData("Local_Test_result_Calderdale_1.xml")]
    [InlineData("Local_Test_result_East_Surrey_1.xml")]
    public void Parse_BoundaryChange_GivesNotionalBasis(string name)
    {
        var declaration = ParseDeclaration(name);

        Assert.True(declaration.BoundaryChange);
        Assert.Equal(ChangeBasis.Notional, declaration.ChangeBasis);
    }

    [Fact]
    public void Parse_Essex_ReadsBoundaryChangeCouncil()
    {
        var essex = ParseDeclaration("Local_Test_result_Essex_1.xml");

        Assert.Equal(new Council("Essex", "4814", "England", Proportion.All), essex.Council);
        Assert.Equal(ControlOutcome.Hold, essex.Outcome);
        Assert.Equal(78, essex.TotalSeats);
        Assert.Equal(3, essex.SeatsOf(new PartyCode("R")));
    }

    [Theory]
    [MemberData(nameof(StateOfPartiesFiles))]
    public void Parse_EveryStateOfPartiesFile_CountsItsCouncils(string name)
    {
        var state = ParseSingle<StateOfParties>(name);

        Assert.Equal(state.NumberOfResults, state.CouncilsIncluded.Count);
        Assert.Equal(136, state.TotalNumberOfCouncils);
        Assert.Equal(state.NumberOfResults, state.Revision);
        Assert.Equal(state.NumberOfResults, state.Parties.Sum(p => p.Councils));
    }

    [Fact]
    public void Parse_StateOfParties136_ReadsTotalsAndNocRowWithoutPaId()
    {
        var state = ParseSingle<StateOfParties>("Local_Test_SOP_136.xml");

        Assert.Equal("All", state.Region);
        Assert.Equal("sop/all", state.Key);
        Assert.Equal(136, state.NumberOfResults);
        Assert.Equal(136, state.TotalNumberOfCouncils);
        Assert.Equal(136, state.Revision);
        Assert.Equal(136, state.CouncilsIncluded.Count);
        Assert.Equal(136, state.CouncilsIncluded.Distinct().Count());
        Assert.Contains("Barking & Dagenham", state.CouncilsIncluded);
        Assert.Equal(9, state.Parties.Count);
        Assert.Equal(new PartyTotals(new PartyCode("Lab"), "Labour", 49, -16, 1839, -481), state.Parties[1]);
        Assert.Equal(new PartyTotals(new PartyCode("Reform"), "Reform UK", 1, 1, 404, 321), state.Parties.Single(p => p.Party.Value == "Reform"));
        var noc = state.Parties.Single(p => p.Party.IsNoOverallControl);
        Assert.Equal(new PartyTotals(PartyCode.NoOverallControl, "No Overall Control", 56, 14, 0, 0), noc);
    }

    [Fact]
    public void Parse_StateOfPartiesEngland98_KeepsItsRegion()
    {
        var state = ParseSingle<StateOfParties>("Local_Test_SOP_England_98.xml");

        Assert.Equal("England", state.Region);
        Assert.Equal("sop/england", state.Key);
        Assert.Equal(98, state.NumberOfResults);
    }

    [Theory]
    [MemberData(nameof(NominationFiles))]
    public void Parse_EveryNominationsFile_GivesCouncilNominations(string name)
    {
        var nominations = ParseSingle<CouncilNominations>(name);

        Assert.Equal(1, nominations.Revision);
        Assert.Equal(new DateOnly(2026, 5, 7), nominations.ElectionDate);
        Assert.NotEmpty(nominations.Parties);
        Assert.StartsWith("nominations/", nominations.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BoltonNominations_ReadsAbbreviationsAndCounts()
    {
        var bolton = ParseSingle<CouncilNominations>("Local_Test_nominations_Bolton.xml");

        Assert.Equal(new Council("Bolton", "4735", "Metro", Proportion.Third), bolton.Council);
        Assert.Equal("nominations/bolton", bolton.Key);
        Assert.Equal(
            [
                new PartyNomination(new PartyCode("Green"), "Green Party", 1, 0, 0, 0),
                new PartyNomination(new PartyCode("Ind"), "Independent/Other", 13, 4, 0, 0),
                new PartyNomination(new PartyCode("C"), "Conservative", 15, 7, 0, 0),
                new PartyNomination(new PartyCode("Lab"), "Labour", 25, 7, 0, 0),
                new PartyNomination(new PartyCode("LD"), "Liberal Democrat", 6, 2, 0, 0),
            ],
            bolton.Parties);
    }

    [Theory]
    [MemberData(nameof(MayoralAndDevolvedFiles))]
    public void Parse_MayoralOrDevolvedFile_IsRead(string name)
    {
        var outcome = PaFeedParser.Parse(SharedFeeds.PaBytes(name));

        Assert.False(outcome.IsBad, outcome.Problem);
        Assert.Null(outcome.NotReadYet);
        Assert.NotEmpty(outcome.Messages);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Parse_Sample2024File_HasNoPaIdAndCompositionBasis(string name)
    {
        var outcome = PaFeedParser.Parse(File.ReadAllBytes(Path.Combine(SharedFeeds.Sample2024, name)));

        Assert.Null(outcome.Problem);
        var declaration = Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages));
        Assert.Null(declaration.Council.PaId);
        Assert.Equal(new DateOnly(2024, 5, 2), declaration.ElectionDate);
        Assert.NotNull(declaration.CouncilBefore);
        Assert.Equal(declaration.BoundaryChange ? ChangeBasis.Notional : ChangeBasis.SeatsLastFought, declaration.ChangeBasis);
    }

    [Fact]
    public void Parse_Sample2024Bolton_HasTheCouncilBeforeThePollAndNoChangesWhereTheDataHasNone()
    {
        var outcome = PaFeedParser.Parse(File.ReadAllBytes(Path.Combine(SharedFeeds.Sample2024, "005_Local_2024_result_Bolton_1.xml")));

        var bolton = Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages));
        Assert.Equal(new Council("Bolton", null, "Metro", Proportion.Third), bolton.Council);
        Assert.Null(bolton.Changes);
        Assert.Equal([new(new PartyCode("Lab"), 25), new(new PartyCode("C"), 17), new(new PartyCode("Ind"), 12), new(new PartyCode("LD"), 6)], bolton.CouncilBefore!);
    }

    [Fact]
    public void Parse_Sample2024Basildon_ChangesGivenForSomePartiesOnlyAreMarkedPartial()
    {
        var outcome = PaFeedParser.Parse(File.ReadAllBytes(Path.Combine(SharedFeeds.Sample2024, "081_Local_2024_result_Basildon_1.xml")));

        var basildon = Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages));
        Assert.True(basildon.ChangesPartial);
        Assert.Equal(-12, basildon.ChangeOf(new PartyCode("C")));
        Assert.Null(basildon.ChangeOf(new PartyCode("Lab")));
        Assert.Equal(ChangeBasis.Notional, basildon.ChangeBasis);
    }

    [Fact]
    public void Parse_CompositionChanges_BecomeTheCouncilBeforeThePollNotSeatChanges()
    {
        var xml = ValidResult.Replace("<Changes>", "<Changes basis='composition'>", StringComparison.Ordinal);

        var declaration = ParseDeclarationText(xml);

        Assert.Null(declaration.Changes);
        Assert.Equal([new(new PartyCode("Lab"), 28), new(new PartyCode("C"), 17)], declaration.CouncilBefore!);
    }

    // ---- Text variations ----

    [Theory]
    [InlineData('\'', "\n")]
    [InlineData('\'', "\r\n")]
    [InlineData('"', "\n")]
    [InlineData('"', "\r\n")]
    public void Parse_EitherQuoteStyleAndLineEnd_ReadsTheSameDeclaration(char quote, string lineEnd)
    {
        var xml = ValidResult.Replace('\'', quote).Replace("\n", lineEnd, StringComparison.Ordinal);

        var declaration = ParseDeclarationText(xml);

        AssertIsTestham(declaration);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsAccepted()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidResult.Replace("\n", "\r\n", StringComparison.Ordinal))];

        var outcome = PaFeedParser.Parse(content);

        Assert.Null(outcome.Problem);
        AssertIsTestham(Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages)));
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_IsAccepted()
    {
        var xml = ValidResult.Replace("encoding='UTF-8'", "encoding='UTF-16'", StringComparison.Ordinal);
        byte[] content = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)];

        var outcome = PaFeedParser.Parse(content);

        Assert.Null(outcome.Problem);
        AssertIsTestham(Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages)));
    }

    [Fact]
    public void Parse_NoXmlDeclarationOrRevision_ReadsRevisionOne()
    {
        var xml = Mutate(Mutate(ValidResult, "<?xml version='1.0' encoding='UTF-8'?>\n", ""), " revision='1'", "");

        var declaration = ParseDeclarationText(xml);

        Assert.Equal(1, declaration.Revision);
    }

    [Fact]
    public void Parse_WhitespaceInsideTagsAndValues_IsIgnored()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>

            <LocalElectionResult	revision = ' 1 '   declarationTime='2026-05-08T02:15:00+01:00'  >
              <!-- a comment PA never sends -->
              <Election date='2026-05-07'
                        paId='252'>
                <Council
                    name='  Testham  '
                    paId='9001' type='Metro'	proportion=' THIRD '
                    winningParty=' Lab ' gainOrHold='no change' sittingParty='Lab'>


                  <ElectedCouncillors>
                    <Party name=' Lab ' seats=' 10 ' />
                    <Party	name='C'	seats='5'/>
                  </ElectedCouncillors>
                  <Changes>
                    <Party name='Lab' change=' +2'/>
                    <Party name='C' change='-2 '/>
                  </Changes>
                  <NewCouncil>
                    <Party name='Lab' seats='30'></Party>
                    <Party name='C' seats='15'>
                    </Party>
                  </NewCouncil>
                </Council>
              </Election>
            </LocalElectionResult>

            """;

        var declaration = ParseDeclarationText(xml);

        AssertIsTestham(declaration);
    }

    // ---- Bad inputs: each refused with a reason a person can act on ----

    [Fact]
    public void Parse_EmptyFile_IsBadBecauseEmpty()
    {
        var outcome = PaFeedParser.Parse([]);

        AssertBad(outcome, "the file is empty");
    }

    [Fact]
    public void Parse_WhitespaceOnlyFile_IsBad()
    {
        var outcome = PaFeedParser.Parse("  \r\n\t\n"u8.ToArray());

        AssertBad(outcome, "not well-formed XML");
    }

    [Fact]
    public void Parse_RealFileCutInHalf_IsBadAndSaysWhere()
    {
        var whole = SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml");

        var outcome = PaFeedParser.Parse(whole[..(whole.Length / 2)]);

        AssertBad(outcome, "not well-formed XML (line ");
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D })] // a PNG
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03 })] // gzip
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x31, 0x7D })] // {"a":1}
    [InlineData(new byte[] { 0x00 })]
    public void Parse_NonXmlBytes_IsBadAsNotWellFormed(byte[] content)
    {
        var outcome = PaFeedParser.Parse(content);

        AssertBad(outcome, "not well-formed XML");
    }

    [Fact]
    public void Parse_UnknownRootElement_IsBadAndNamesIt()
    {
        var outcome = PaFeedParser.Parse("<?xml version='1.0'?><CountyElectionResult revision='1'/>"u8.ToArray());

        AssertBad(outcome, "unknown message type <CountyElectionResult>");
    }

    [Fact]
    public void Parse_HtmlPage_IsBadAsUnknownType()
    {
        var outcome = PaFeedParser.Parse("<html><body><p>502 Bad Gateway</p></body></html>"u8.ToArray());

        AssertBad(outcome, "unknown message type <html>");
    }

    [Fact]
    public void Parse_BillionLaughs_IsRefusedWithoutExpanding()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE LocalElectionResult [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <LocalElectionResult revision="1">
              <Election date="2026-05-07">
                <Council name="&lol9;" winningParty="Lab" sittingParty="Lab">
                  <NewCouncil><Party name="Lab" seats="30"/></NewCouncil>
                </Council>
              </Election>
            </LocalElectionResult>
            """;

        var outcome = PaFeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        AssertBad(outcome, "DTD");
        Assert.DoesNotContain("lollol", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExternalEntityToEtcPasswd_IsRefusedAndNothingIsRead()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE LocalElectionResult [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <LocalElectionResult revision="1">
              <Election date="2026-05-07">
                <Council name="&xxe;" winningParty="Lab" sittingParty="Lab">
                  <NewCouncil><Party name="Lab" seats="30"/></NewCouncil>
                </Council>
              </Election>
            </LocalElectionResult>
            """;

        var outcome = PaFeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        AssertBad(outcome, "DTD");
        Assert.DoesNotContain("root:", outcome.Problem, StringComparison.Ordinal);
        Assert.Empty(outcome.Messages);
    }

    [Fact]
    public void Parse_ExternalEntityToLocalFile_NeverReadsIt()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"resultsbot-secret-{Guid.NewGuid():N}.txt");
        const string marker = "SECRET-MARKER-7f3a";
        File.WriteAllText(secret, marker);
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE LocalElectionResult [ <!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}"> ]>
                <LocalElectionResult revision="1">
                  <Election date="2026-05-07">
                    <Council name="Testham &xxe;" winningParty="Lab" sittingParty="Lab">
                      <NewCouncil><Party name="Lab" seats="30"/></NewCouncil>
                    </Council>
                  </Election>
                </LocalElectionResult>
                """;

            var outcome = PaFeedParser.Parse(Encoding.UTF8.GetBytes(xml));

            AssertBad(outcome, "DTD");
            Assert.DoesNotContain(marker, outcome.Problem, StringComparison.Ordinal);
            Assert.Empty(outcome.Messages);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_NegativeSeats_IsBadAndOutOfRange()
    {
        var outcome = ParseText(Mutate(ValidResult, "<Party name='C' paId='659' seats='15'/>", "<Party name='C' paId='659' seats='-15'/>"));

        AssertBad(outcome, "<Party name='C'> seats='-15' is out of range (0 to 1000)");
    }

    [Fact]
    public void Parse_NonNumericSeats_IsBadAndQuotesTheValue()
    {
        var outcome = ParseText(Mutate(ValidResult, "seats='30'", "seats='thirty'"));

        AssertBad(outcome, "seats='thirty' is not a whole number");
    }

    [Fact]
    public void Parse_MissingSeats_IsBad()
    {
        var outcome = ParseText(Mutate(ValidResult, " seats='30'", ""));

        AssertBad(outcome, "<Party> has no seats");
    }

    [Fact]
    public void Parse_ImplausibleChange_IsBad()
    {
        var outcome = ParseText(Mutate(ValidResult, "change='+2'", "change='+2000'"));

        AssertBad(outcome, "change='+2000' is not a plausible seat change");
    }

    [Fact]
    public void Parse_HugeCouncilName_IsBadAndGivesTheLength()
    {
        var name = new string('x', 200_000);

        var outcome = ParseText(Mutate(ValidResult, "name='Testham'", $"name='{name}'"));

        AssertBad(outcome, $"<Council> name is {200_000.ToString("N0", CultureInfo.CurrentCulture)} characters long (at most 200)");
        Assert.True(outcome.Problem!.Length < 500, "the reason must not repeat the name");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void Parse_RevisionNotPositiveWholeNumber_IsBad(string revision)
    {
        var outcome = ParseText(Mutate(ValidResult, "revision='1'", $"revision='{revision}'"));

        AssertBad(outcome, $"revision='{revision}' is not a positive whole number");
    }

    [Fact]
    public void Parse_GainWithoutSittingParty_IsBadBecauseLoserUnknown()
    {
        var outcome = ParseText(Mutate(ValidResult, "gainOrHold='no change' sittingParty='Lab'", "gainOrHold='gain'"));

        AssertBad(outcome, "Testham: gainOrHold='gain' but no sittingParty");
    }

    [Fact]
    public void Parse_HoldWithoutSittingParty_ReadsWinnerAsSitting()
    {
        var declaration = ParseDeclarationText(Mutate(ValidResult, " sittingParty='Lab'", ""));

        Assert.Equal(new PartyCode("Lab"), declaration.Sitting);
        Assert.Equal(ControlOutcome.Hold, declaration.Outcome);
    }

    [Theory]
    [InlineData("ElectedCouncillors", "<Party name='C' paId='659' seats='5'/>")]
    [InlineData("NewCouncil", "<Party name='C' paId='659' seats='15'/>")]
    [InlineData("Changes", "<Party name='C' paId='659' change='-2'/>")]
    public void Parse_PartyListedTwice_IsBadAndNamesPartyAndList(string list, string line)
    {
        var outcome = ParseText(Mutate(ValidResult, line, line + "\n" + line));

        AssertBad(outcome, $"Testham: C appears twice in <{list}>");
    }

    [Fact]
    public void Parse_MoreElectedThanOnNewCouncil_IsBad()
    {
        var outcome = ParseText(Mutate(ValidResult, "<Party name='C' paId='659' seats='5'/>", "<Party name='C' paId='659' seats='16'/>"));

        AssertBad(outcome, "Testham: C won 16 seats but has 15 on the new council");
    }

    [Fact]
    public void Parse_ElectedPartyMissingFromNewCouncil_IsBad()
    {
        var outcome = ParseText(Mutate(ValidResult, "<Party name='C' paId='659' seats='5'/>", "<Party name='Green' seats='1'/>"));

        AssertBad(outcome, "Testham: Green won 1 seats but has 0 on the new council");
    }

    [Fact]
    public void Parse_NoNewCouncil_IsBad()
    {
        var xml = ValidResult[..ValidResult.IndexOf("      <NewCouncil>", StringComparison.Ordinal)]
            + ValidResult[(ValidResult.IndexOf("</NewCouncil>\n", StringComparison.Ordinal) + "</NewCouncil>\n".Length)..];

        var outcome = ParseText(xml);

        AssertBad(outcome, "Testham: no <NewCouncil>");
    }

    [Fact]
    public void Parse_NoCouncil_IsBad()
    {
        var outcome = ParseText("<LocalElectionResult revision='1'><Election date='2026-05-07'/></LocalElectionResult>");

        AssertBad(outcome, "LocalElectionResult: no <Election><Council> in the message");
    }

    [Fact]
    public void Parse_UnknownProportion_IsBad()
    {
        var outcome = ParseText(Mutate(ValidResult, "proportion='third'", "proportion='quarter'"));

        AssertBad(outcome, "Testham: proportion='quarter' is not all, half or third");
    }

    [Fact]
    public void Parse_StateWithMoreResultsThanCouncils_IsBad()
    {
        var outcome = ParseText("<LocalStateOfParties numberOfResults='137' totalNumberOfCouncils='136'/>");

        AssertBad(outcome, "numberOfResults='137' is more than totalNumberOfCouncils='136'");
    }

    [Fact]
    public void Parse_FileLargerThanCap_IsBadBeforeReading()
    {
        var content = new byte[PaFeedParser.MaxDocumentBytes + 1];
        Encoding.UTF8.GetBytes(ValidResult).CopyTo(content, 0);
        content.AsSpan(ValidResult.Length).Fill((byte)' ');

        var outcome = PaFeedParser.Parse(content);

        AssertBad(outcome, $"the file is larger than {PaFeedParser.MaxDocumentBytes.ToString("N0", CultureInfo.CurrentCulture)} bytes");
    }

    [Fact]
    public void Parse_FileExactlyAtCap_IsRead()
    {
        var content = new byte[PaFeedParser.MaxDocumentBytes];
        var xml = Encoding.UTF8.GetBytes(ValidResult);
        xml.CopyTo(content, 0);
        content.AsSpan(xml.Length).Fill((byte)'\n');

        var outcome = PaFeedParser.Parse(content);

        Assert.Null(outcome.Problem);
        AssertIsTestham(Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages)));
    }

    // ---- Helpers ----

    private const string ValidResult = """
        <?xml version='1.0' encoding='UTF-8'?>
        <LocalElectionResult revision='1' declarationTime='2026-05-08T02:15:00+01:00'>
          <Election date='2026-05-07' paId='252'>
            <Council name='Testham' paId='9001' type='Metro' proportion='third' winningParty='Lab' gainOrHold='no change' sittingParty='Lab'>
              <ElectedCouncillors>
                <Party name='Lab' paId='662' seats='10'/>
                <Party name='C' paId='659' seats='5'/>
              </ElectedCouncillors>
              <Changes>
                <Party name='Lab' paId='662' change='+2'/>
                <Party name='C' paId='659' change='-2'/>
              </Changes>
              <NewCouncil>
                <Party name='Lab' paId='662' seats='30'/>
                <Party name='C' paId='659' seats='15'/>
              </NewCouncil>
            </Council>
          </Election>
        </LocalElectionResult>

        """;

    private static void AssertIsTestham(CouncilDeclaration declaration)
    {
        Assert.Equal(1, declaration.Revision);
        Assert.Equal(new Council("Testham", "9001", "Metro", Proportion.Third), declaration.Council);
        Assert.Equal(new DateOnly(2026, 5, 7), declaration.ElectionDate);
        Assert.Equal(new DateTimeOffset(2026, 5, 8, 2, 15, 0, TimeSpan.FromHours(1)), declaration.DeclaredAt);
        Assert.Equal(new PartyCode("Lab"), declaration.Winner);
        Assert.Equal(ControlOutcome.Hold, declaration.Outcome);
        Assert.Equal(ChangeBasis.SeatsLastFought, declaration.ChangeBasis);
        Assert.Equal(Seats(("Lab", 10), ("C", 5)), declaration.Elected);
        Assert.Equal(Changes(("Lab", 2), ("C", -2)), declaration.Changes);
        Assert.Equal(Seats(("Lab", 30), ("C", 15)), declaration.NewCouncil);
    }

    private static void AssertBad(ParseOutcome outcome, string expectedReason)
    {
        Assert.True(outcome.IsBad, "expected a refusal");
        Assert.Empty(outcome.Messages);
        Assert.Null(outcome.NotReadYet);
        Assert.Contains(expectedReason, outcome.Problem, StringComparison.Ordinal);
    }

    private static string Mutate(string xml, string from, string to)
    {
        Assert.Contains(from, xml, StringComparison.Ordinal); // a typo here must not test the valid document
        return xml.Replace(from, to, StringComparison.Ordinal);
    }

    private static ParseOutcome ParseText(string xml) => PaFeedParser.Parse(Encoding.UTF8.GetBytes(xml));

    private static CouncilDeclaration ParseDeclarationText(string xml)
    {
        var outcome = ParseText(xml);
        Assert.Null(outcome.Problem);
        return Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages));
    }

    private static CouncilDeclaration ParseDeclaration(string name) => ParseSingle<CouncilDeclaration>(name);

    private static T ParseSingle<T>(string name)
        where T : FeedMessage
    {
        var outcome = PaFeedParser.Parse(SharedFeeds.PaBytes(name));
        Assert.Null(outcome.Problem);
        return Assert.IsType<T>(Assert.Single(outcome.Messages));
    }

    private static PartySeats[] Seats(params (string Party, int Seats)[] seats) =>
        [.. seats.Select(s => new PartySeats(new PartyCode(s.Party), s.Seats))];

    private static SeatChange[] Changes(params (string Party, int Change)[] changes) =>
        [.. changes.Select(c => new SeatChange(new PartyCode(c.Party), c.Change))];
}
