using System.Net;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary><c>discovery</c>, <c>services</c>, <c>services/{code}</c> and the rules every call shares.</summary>
public sealed class CatalogEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Discovery_names_the_spec_this_endpoint_and_both_formats(TestDatabase db)
    {
        var app = await fixture.For(db);

        var xml = await app.Open311GetAsync("/discovery.xml");
        var json = await app.Open311GetAsync("/discovery.json");

        Assert.Equal(HttpStatusCode.OK, xml.Status);
        xml.AssertWellFormed("xml");
        var root = xml.Xml.Root!;
        Assert.Equal("discovery", root.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], root.Elements().Select(e => e.Name.LocalName));
        var endpoint = Assert.Single(root.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value, StringComparison.Ordinal);

        json.AssertWellFormed("json");
        var discovery = json.Json;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$", discovery.GetProperty("changeset").GetString());
        Assert.Equal("production", discovery.GetProperty("endpoints")[0].GetProperty("type").GetString());
    }

    [Theory, BothDatabases]
    public async Task Services_list_every_active_service_with_the_specs_fields_in_both_formats(TestDatabase db)
    {
        var app = await fixture.For(db);

        var json = await app.Open311GetAsync("/services.json");
        var xml = await app.Open311GetAsync("/services.xml");

        json.AssertWellFormed("json");
        Open311Schemas.AssertValid("services.json", json.Body);
        var services = json.Json.EnumerateArray().ToList();
        Assert.Contains(services, s => s.GetProperty("service_code").GetString() == "animal-bite"); // reportable, just not browsable
        var pothole = services.Single(s => s.GetProperty("service_code").GetString() == "pothole");
        Assert.Equal("Pothole", pothole.GetProperty("service_name").GetString());
        Assert.True(pothole.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", pothole.GetProperty("type").GetString());
        Assert.Equal("Streets and sidewalks", pothole.GetProperty("group").GetString());
        Assert.Contains("pavement", pothole.GetProperty("keywords").GetString(), StringComparison.Ordinal);
        Assert.False(services.Single(s => s.GetProperty("service_code").GetString() == "sidewalk").GetProperty("metadata").GetBoolean());

        xml.AssertWellFormed("xml");
        Assert.Equal("services", xml.Xml.Root!.Name.LocalName);
        var first = xml.Xml.Root.Elements("service").First();
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group", "groups"], first.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(services.Count, xml.Xml.Root.Elements("service").Count());
    }

    [Theory, BothDatabases]
    public async Task Spanish_is_served_on_request_by_locale_or_accept_language(TestDatabase db)
    {
        var app = await fixture.For(db);

        var byHeader = await app.Open311GetAsync("/services.json", acceptLanguage: "es-MX,es;q=0.9,en;q=0.5");
        var byLocale = await app.Open311GetAsync("/services/pothole.json?locale=es");

        Assert.Contains(byHeader.Json.EnumerateArray(), s => s.GetProperty("service_name").GetString() == "Bache");
        Assert.Equal("¿De qué tamaño es?", byLocale.Json.GetProperty("attributes")[0].GetProperty("description").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_service_definition_lists_its_questions_and_answer_lists_in_both_formats(TestDatabase db)
    {
        var app = await fixture.For(db);

        var json = await app.Open311GetAsync("/services/traffic-signal.json");
        var xml = await app.Open311GetAsync("/services/pothole.xml");

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Open311Schemas.AssertValid("service-definition.json", json.Body);
        var attribute = Assert.Single(json.Json.GetProperty("attributes").EnumerateArray());
        Assert.Equal("multivaluelist", attribute.GetProperty("datatype").GetString());
        Assert.True(attribute.GetProperty("required").GetBoolean());
        Assert.Equal(1, attribute.GetProperty("order").GetInt32());
        Assert.Contains(attribute.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "dark");

        xml.AssertWellFormed("xml");
        var definition = xml.Xml.Root!;
        Assert.Equal("service_definition", definition.Name.LocalName);
        Assert.Equal("pothole", definition.Element("service_code")!.Value);
        var attributes = definition.Element("attributes")!.Elements("attribute").ToList();
        Assert.Equal(["size", "in_lane", "depth_inches"], attributes.Select(a => a.Element("code")!.Value));
        Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"],
            attributes[0].Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["small", "medium", "large"], attributes[0].Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
        Assert.Null(attributes[2].Element("values")); // a number has no answer list
    }

    [Theory, BothDatabases]
    public async Task An_unknown_service_code_is_404_in_the_requested_format(TestDatabase db)
    {
        var app = await fixture.For(db);

        foreach (var format in new[] { "xml", "json" })
        {
            var response = await app.Open311GetAsync($"/services/no-such-service.{format}");
            Assert.Contains("no-such-service", Assert.Single(response.AssertErrors(format, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }
    }

    [Theory, BothDatabases]
    public async Task Jurisdiction_is_optional_the_configured_one_is_accepted_and_any_other_is_404(TestDatabase db)
    {
        var app = await fixture.For(db);

        var empty = await app.Open311GetAsync("/services.json?jurisdiction_id=");
        var ours = await app.Open311GetAsync("/services.xml?jurisdiction_id=elpasotexas.gov");
        var other = await app.Open311GetAsync("/services.xml?jurisdiction_id=chicago.gov");
        var otherJson = await app.Open311GetAsync("/services/pothole.json?jurisdiction_id=chicago.gov");

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal(HttpStatusCode.OK, ours.Status);
        Assert.Contains("chicago.gov", Assert.Single(other.AssertErrors("xml", HttpStatusCode.NotFound)), StringComparison.Ordinal);
        otherJson.AssertErrors("json", HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task Unknown_formats_and_resources_are_404s_never_the_sites_html_pages(TestDatabase db)
    {
        var app = await fixture.For(db);

        var csv = await app.Open311GetAsync("/services.csv");
        var missingSuffix = await app.Open311GetAsync("/services");
        var unknownJson = await app.Open311GetAsync("/widgets.json");
        var unknownVersion = await app.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/open311/v3/services.json"));
        var wrongMethod = await app.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/open311/v2/requests.json"));

        Assert.Contains("csv", Assert.Single(csv.AssertErrors("xml", HttpStatusCode.NotFound)), StringComparison.Ordinal);
        missingSuffix.AssertErrors("xml", HttpStatusCode.NotFound);
        unknownJson.AssertErrors("json", HttpStatusCode.NotFound);
        unknownVersion.AssertErrors("json", HttpStatusCode.NotFound);
        wrongMethod.AssertErrors("json", HttpStatusCode.NotFound);
    }
}
