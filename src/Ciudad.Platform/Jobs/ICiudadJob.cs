namespace Ciudad.Platform.Jobs;

/// <summary>
/// Work that runs on a schedule, once across all app instances per due time (see <see cref="JobRunner"/>).
/// Register with <see cref="JobRegistration.AddCiudadJob{TJob}"/>; the job is resolved from a fresh
/// scope for every run. Throwing records a failure; the job runs again at its next interval.
/// </summary>
public interface ICiudadJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
