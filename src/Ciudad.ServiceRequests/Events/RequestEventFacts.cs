using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Events;

/// <summary>Builds the public events from a request and its service (loaded by the caller).</summary>
internal static class RequestEventFacts
{
    public static RequestVisibility Visibility(Service service) => service.Sensitivity switch
    {
        Sensitivity.Hidden => RequestVisibility.Hidden,
        Sensitivity.CoarsenedLocation => RequestVisibility.Coarsened,
        _ => RequestVisibility.Public,
    };

    public static RequestFiled Filed(ServiceRequest request, Service service) => new(
        request.Number, service.Code, request.DepartmentId, request.Channel.ToString().ToLowerInvariant(),
        request.Status.DetailedName(), request.RequestedAt, request.ExpectedAt, Visibility(service));

    public static RequestUpdated Updated(ServiceRequest request, Service service, DateTimeOffset at) => new(
        request.Number, service.Code, request.DepartmentId, request.Status.DetailedName(), request.Status.Open311Status(), at, Visibility(service));

    public static RequestClosed Closed(ServiceRequest request, Service service, DateTimeOffset at) => new(
        request.Number, service.Code, request.DepartmentId, request.Status.DetailedName(), at, Visibility(service));

    public static RequestReopened Reopened(ServiceRequest request, Service service, DateTimeOffset at, bool byReporter) => new(
        request.Number, service.Code, request.DepartmentId, request.Status.DetailedName(), at, byReporter, Visibility(service));

    public static RequestMerged Merged(ServiceRequest child, ServiceRequest parent, Service service, DateTimeOffset at) => new(
        child.Number, parent.Number, service.Code, child.DepartmentId, at, Visibility(service));
}
