using System.Text.Json.Nodes;

namespace TeamsPolicyBot.Tests.Cards;

/// <summary>
/// One construct of the templating language: a template, data, and the card it must give
/// (null when binding must fail). Each case is checked against our binder (CardTemplateTests) and
/// against the official adaptivecards-templating engine (TemplatingOracleTests), so the expected
/// values here are the official engine's behaviour, not our guess at it.
/// </summary>
public sealed record TemplatingCase(string Name, string Template, string Data, string? Expected)
{
    /// <summary>Hostile text a member of staff might type, escaped for a JSON string.</summary>
    public const string UserTextJson = """${secret} \"quoted\" back\\slash\nnew line <at>Head Teacher</at> [click](https://evil.example) **bold**""";

    public JsonNode? TemplateJson => JsonNode.Parse(Template);

    public JsonNode? DataJson => JsonNode.Parse(Data);

    public JsonNode? ExpectedJson => Expected is null ? null : JsonNode.Parse(Expected);

    public static readonly IReadOnlyList<TemplatingCase> All =
    [
        new("MemberAccessAndIndex_ReadsNestedValue",
            """{"a":"${x.y[1].z}"}""",
            """{"x":{"y":[{"z":1},{"z":"found"}]}}""",
            """{"a":"found"}"""),
        new("RootInsideRepeatedItem_ReadsWholeData",
            """{"items":[{"$data":"${people}","text":"${name} at ${$root.school}"}]}""",
            """{"school":"Fierté","people":[{"name":"Ann"},{"name":"Bo"}]}""",
            """{"items":[{"text":"Ann at Fierté"},{"text":"Bo at Fierté"}]}"""),
        new("DataOverArray_RepeatsElementPerItemWithIndex",
            """{"body":[{"$data":"${choices}","title":"${$data}","n":"${$index}"},{"title":"Cancel"}]}""",
            """{"choices":["Under 18","18 or 19"]}""",
            """{"body":[{"title":"Under 18","n":0},{"title":"18 or 19","n":1},{"title":"Cancel"}]}"""),
        new("NestedData_InnerItemsSeeTheirOwnIndexAndRoot",
            """{"rows":[{"$data":"${groups}","i":"${$index}","cells":[{"$data":"${items}","text":"${$index}:${label}/${$root.t}"}]}]}""",
            """{"t":"T","groups":[{"items":[{"label":"a"},{"label":"b"}]},{"items":[{"label":"c"}]}]}""",
            """{"rows":[{"i":0,"cells":[{"text":"0:a/T"},{"text":"1:b/T"}]},{"i":1,"cells":[{"text":"0:c/T"}]}]}"""),
        new("DataOverObject_RescopesPaths",
            """{"link":{"$data":"${document}","title":"Read the ${title}","url":"${link}"}}""",
            """{"document":{"title":"Social Media Protocol","link":"https://www.fierte.example/p.pdf"}}""",
            """{"link":{"title":"Read the Social Media Protocol","url":"https://www.fierte.example/p.pdf"}}"""),
        new("DataOverEmptyArray_DropsElement",
            """{"body":[{"$data":"${clauses}","text":"${quote}"},{"text":"after"}]}""",
            """{"clauses":[]}""",
            """{"body":[{"text":"after"}]}"""),
        new("NullItemInDataArray_ScopesToNull",
            """{"xs":[{"$data":"${xs}","v":"${$data}"}]}""",
            """{"xs":[null,2]}""",
            """{"xs":[{"v":null},{"v":2}]}"""),
        new("WhenFalse_DropsElement",
            """{"body":[{"$when":"${report}","text":"Report"},{"text":"always"}]}""",
            """{"report":false}""",
            """{"body":[{"text":"always"}]}"""),
        new("WhenTrue_KeepsElementWithoutWhenKey",
            """{"body":[{"$when":"${report}","text":"Report"},{"text":"always"}]}""",
            """{"report":true}""",
            """{"body":[{"text":"Report"},{"text":"always"}]}"""),
        new("WhenOnMissingData_DropsElement",
            """{"body":[{"$when":"${report}","text":"Report"},{"text":"always"}]}""",
            """{}""",
            """{"body":[{"text":"always"}]}"""),
        new("WhenNotBoolean_DropsElement",
            """{"body":[{"$when":"${report}","text":"Report"},{"text":"always"}]}""",
            """{"report":"yes"}""",
            """{"body":[{"text":"always"}]}"""),
        new("WhenFalseOnProperty_LeavesNull",
            """{"selectAction":{"$when":"${linked}","type":"Action.OpenUrl"}}""",
            """{"linked":false}""",
            """{"selectAction":null}"""),
        new("WhenWithDataArray_TestsEachItem",
            """{"body":[{"$data":"${xs}","$when":"${shown}","t":"${name}"}]}""",
            """{"xs":[{"shown":true,"name":"a"},{"shown":false,"name":"b"},{"shown":1,"name":"c"}]}""",
            """{"body":[{"t":"a"}]}"""),
        new("WholeExpression_KeepsJsonTypes",
            """{"n":"${n}","f":"${f}","b":"${b}","a":"${a}","o":"${o}","z":"${z}"}""",
            """{"n":3,"f":1.5,"b":true,"a":[1,"two",false],"o":{"k":"v"},"z":null}""",
            """{"n":3,"f":1.5,"b":true,"a":[1,"two",false],"o":{"k":"v"},"z":null}"""),
        new("EmbeddedExpression_WritesValuesAsJavaScriptText",
            """{"t":"${n} / ${f} / ${b} / ${a} / ${o} / ${big} / ${tiny} / ${neg}"}""",
            """{"n":3,"f":0.1,"b":false,"a":[1,"x",[2,3],null],"o":{"k":1},"big":1e21,"tiny":1e-7,"neg":-2.50}""",
            """{"t":"3 / 0.1 / false / 1,x,2,3, / [object Object] / 1e+21 / 1e-7 / -2.5"}"""),
        new("ConstantExpression_BecomesText",
            """{"a":"${true}","b":"${2}","c":"${'x'}"}""",
            """{}""",
            """{"a":"true","b":"2","c":"x"}"""),
        new("MissingPath_LeftAsItsOwnText",
            """{"a":"${missing.x}","b":"Hello ${name}","c":"${$index}"}""",
            """{}""",
            """{"a":"${missing.x}","b":"Hello ${name}","c":"${$index}"}"""),
        new("MissingDataToRescope_ScopesToItsOwnText",
            """{"o":{"$data":"${missing}","t":"${title}"}}""",
            """{"title":"outer"}""",
            """{"o":{"t":"${title}"}}"""),
        new("PropertyNames_MatchIgnoringCase",
            """{"a":"${ReportTo}"}""",
            """{"reportTo":"the DSL"}""",
            """{"a":"the DSL"}"""),
        new("ArrayValueInsideArray_IsSpliced",
            """{"xs":["${xs}","end",["nested"]]}""",
            """{"xs":["a","b"]}""",
            """{"xs":["a","b","end","nested"]}"""),
        new("NullValueInsideArray_IsDropped",
            """{"xs":["${n}","kept"]}""",
            """{"n":null}""",
            """{"xs":["kept"]}"""),
        new("ReservedKeys_LeftOutOfCard",
            """{"$root":"r","$index":1,"$host":{},"$_acTemplateVersion":1,"kept":"${k}"}""",
            """{"k":1}""",
            """{"kept":1}"""),
        new("If_ChoosesBranchByData",
            """{"c":"${if(equals(verdict, 'no'), 'Attention', 'Good')}","d":"${if(missing, 'yes', 'no')}","e":"${if(true, n, 'x')}"}""",
            """{"verdict":"no","n":5}""",
            """{"c":"Attention","d":"no","e":5}"""),
        new("Equals_ComparesNumbersStringsAndObjects",
            """{"a":"${equals(n, 1)}","b":"${equals(s, '1')}","c":"${equals(n, '1')}","d":"${equals(o, p)}","e":"${equals(missing, null)}","f":"${equals(xs, ys)}"}""",
            """{"n":1.0,"s":"1","o":{"x":[1,2],"y":"z"},"p":{"y":"z","x":[1,2]},"xs":[1,"a"],"ys":[1,"a"]}""",
            """{"a":true,"b":true,"c":false,"d":true,"e":true,"f":true}"""),
        new("NotAndEmpty_TreatMissingAsEmpty",
            """{"a":"${not(empty(xs))}","b":"${empty(missing)}","c":"${empty('')}","d":"${empty(o)}","e":"${not(0)}","f":"${empty(5)}","g":"${not(missing)}"}""",
            """{"xs":[1],"o":{}}""",
            """{"a":true,"b":true,"c":true,"d":true,"e":false,"f":false,"g":true}"""),
        new("StringLiteralEscapes_AreRead",
            """{"a":"${if(true, 'it\\'s \"so\"', 'no')}","b":"${if(true, 'tab\\there', 'no')}"}""",
            """{}""",
            """{"a":"it's \"so\"","b":"tab\there"}"""),
        new("IndexOutOfRangeInText_LeftAsItsOwnText",
            """{"a":"first: ${xs[5]}"}""",
            """{"xs":[1]}""",
            """{"a":"first: ${xs[5]}"}"""),
        new("UserTextWithTemplateSyntax_ComesOutLiterally",
            """{"a":"${text}","b":"You asked: ${text}","c":{"$data":"${items}","q":"“${$data}”"}}""",
            $$$"""{"text":"{{{UserTextJson}}}","secret":"leaked","items":["{{{UserTextJson}}}"]}""",
            $$$"""{"a":"{{{UserTextJson}}}","b":"You asked: {{{UserTextJson}}}","c":{"q":"“{{{UserTextJson}}}”"}}"""),
        new("IndexOutOfRangeAsWholeValue_Fails",
            """{"a":"${xs[5]}"}""",
            """{"xs":[1]}""",
            null),
        new("NullInsideText_Fails",
            """{"a":"Tell ${role} now"}""",
            """{"role":null}""",
            null),
    ];

    public static TheoryData<string> Names => [.. All.Select(@case => @case.Name)];

    public static TemplatingCase Named(string name) => All.Single(@case => @case.Name == name);
}
