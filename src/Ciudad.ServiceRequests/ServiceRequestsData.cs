using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Open311;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests;

/// <summary>The module's tables on the one <see cref="CiudadDbContext"/>; only this module reads them.</summary>
internal static class ServiceRequestsData
{
    public static DbSet<Service> Services(this CiudadDbContext db) => db.Set<Service>();
    public static DbSet<ServiceAttribute> ServiceAttributes(this CiudadDbContext db) => db.Set<ServiceAttribute>();
    public static DbSet<AttributeValue> AttributeValues(this CiudadDbContext db) => db.Set<AttributeValue>();
    public static DbSet<ServiceRequest> Requests(this CiudadDbContext db) => db.Set<ServiceRequest>();
    public static DbSet<RequestAnswer> RequestAnswers(this CiudadDbContext db) => db.Set<RequestAnswer>();
    public static DbSet<RequestPhoto> RequestPhotos(this CiudadDbContext db) => db.Set<RequestPhoto>();
    public static DbSet<RequestEvent> RequestEvents(this CiudadDbContext db) => db.Set<RequestEvent>();
    public static DbSet<RequestFollower> RequestFollowers(this CiudadDbContext db) => db.Set<RequestFollower>();
    public static DbSet<ResponseTemplate> ResponseTemplates(this CiudadDbContext db) => db.Set<ResponseTemplate>();
    public static DbSet<SavedView> SavedViews(this CiudadDbContext db) => db.Set<SavedView>();
    public static DbSet<ApiKey> ApiKeys(this CiudadDbContext db) => db.Set<ApiKey>();
}
