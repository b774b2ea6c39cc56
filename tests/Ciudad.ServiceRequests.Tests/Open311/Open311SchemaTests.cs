namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>The schema check itself bites: a list's items really are checked through <c>$ref</c>.</summary>
public sealed class Open311SchemaTests
{
    [Fact]
    public void The_list_schemas_reject_records_that_break_the_referenced_record_schema()
    {
        Assert.ThrowsAny<Exception>(() => Open311Schemas.AssertValid("services.json", """[{"service_code":"x","service_name":"X","metadata":"yes","type":"realtime"}]"""));
        Assert.ThrowsAny<Exception>(() => Open311Schemas.AssertValid("requests.json", """[{"service_request_id":"A","status":"pending","service_code":"x","requested_datetime":"2026-01-05T08:15:30-07:00"}]"""));
        Assert.ThrowsAny<Exception>(() => Open311Schemas.AssertValid("requests.json", """[{"service_request_id":"A","status":"open","service_code":"x","requested_datetime":"yesterday"}]"""));
        Open311Schemas.AssertValid("requests.json", """[{"service_request_id":"A","status":"open","service_code":"x","requested_datetime":"2026-01-05T08:15:30-07:00"}]""");
    }
}
