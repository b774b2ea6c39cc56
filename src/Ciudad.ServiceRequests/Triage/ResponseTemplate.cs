namespace Ciudad.ServiceRequests.Triage;

/// <summary>A ready-made public update staff pick and edit ("We have scheduled the repair…"), per service.</summary>
internal sealed class ResponseTemplate
{
    public int Id { get; set; }

    /// <summary>Null: offered for every service of the department.</summary>
    public int? ServiceId { get; set; }
    public int DepartmentId { get; set; }
    public required Platform.Localization.LocalizedText Title { get; set; }
    public required Platform.Localization.LocalizedText Body { get; set; }

    /// <summary>The status the template usually goes with; staff may change it.</summary>
    public Requests.RequestStatus? SuggestedStatus { get; set; }
}

/// <summary>A staff member's named queue filter ("My open potholes").</summary>
internal sealed class SavedView
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The queue's query string, without the page number.</summary>
    public required string Query { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
