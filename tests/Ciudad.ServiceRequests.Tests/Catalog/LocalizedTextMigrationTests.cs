using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ciudad.ServiceRequests.Tests.Catalog;

/// <summary>
/// A city upgrading keeps every name it wrote: rows written in the old name_en/name_es columns read
/// back unchanged through <see cref="Platform.Localization.LocalizedText"/> after the migration.
/// </summary>
public sealed class LocalizedTextMigrationTests
{
    // Quotes, a backslash, accents, an emoji and text that looks like JSON: the copy must escape them all.
    private const string TrickySpanish = "Señal \"alta\" \\ ñandú 🚦 {\"en\":\"no\"}";

    [Theory, BothDatabases]
    public async Task Rows_written_before_the_migration_keep_both_languages(TestDatabase kind)
    {
        await using var database = await ProvisionedDatabase.CreateAsync(kind, Path.Combine(Path.GetTempPath(), "ciudad-mig-" + Guid.NewGuid().ToString("N")));
        var provider = kind == TestDatabase.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

        await using (var old = DatabaseSetup.CreateDesignTimeContext(provider, database.ConnectionString, Ciudad.Web.CiudadModules.Model))
        {
            var migrations = old.Database.GetMigrations().ToList();
            var ours = migrations.FindIndex(m => m.EndsWith("_LocalizedText", StringComparison.Ordinal));
            Assert.True(ours > 0, "the LocalizedText migration exists and is not the first");
            await old.GetService<IMigrator>().MigrateAsync(migrations[ours - 1]);

            object now = kind == TestDatabase.Sqlite ? DateTimeOffset.UtcNow.UtcTicks : DateTimeOffset.UtcNow;
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO platform_departments (id, slug, name_en, name_es, contact_email, is_active, created_at) VALUES (901, 'signals', 'Traffic signals', {0}, 'signals@example.gov', {1}, {2})",
                TrickySpanish, true, now);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO sr_services (id, code, name_en, name_es, description_en, description_es, keywords_en, keywords_es, group_en, group_es, " +
                "department_id, sla_kind, sla_days, sensitivity, is_active, sort_order, created_at, updated_at) " +
                "VALUES (901, 'signal-out', 'Signal out', 'Semáforo apagado', 'A dark signal', '', 'light, signal', 'semáforo, luz', 'Streets', 'Calles', 901, 1, 2, 0, {0}, 5, {1}, {1})",
                true, now);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO sr_service_attributes (id, service_id, code, datatype, is_variable, is_required, description_en, description_es, " +
                "datatype_description_en, datatype_description_es, \"order\") VALUES (901, 901, 'which', 4, {0}, {0}, 'Which light?', '¿Qué luz?', 'Pick one', '', 1)",
                true);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO sr_attribute_values (id, attribute_id, key, name_en, name_es, \"order\") VALUES (901, 901, 'red', 'Red', 'Roja', 1)");
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO sr_response_templates (id, service_id, department_id, title_en, title_es, body_en, body_es, suggested_status) " +
                "VALUES (901, 901, 901, 'Fixed', 'Arreglado', 'We fixed\nthe signal.', {0}, NULL)",
                TrickySpanish);

            await old.Database.MigrateAsync();
        }

        await using var db = DatabaseSetup.CreateDesignTimeContext(provider, database.ConnectionString, Ciudad.Web.CiudadModules.Model);
        var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == 901);
        Assert.Equal(("Traffic signals", TrickySpanish), (department.Name["en"], department.Name["es"]));

        var service = await db.Services().AsNoTracking().Include(s => s.Attributes).ThenInclude(a => a.Values).SingleAsync(s => s.Id == 901);
        Assert.Equal(("Signal out", "Semáforo apagado"), (service.Name["en"], service.Name["es"]));
        Assert.Equal(("A dark signal", ""), (service.Description["en"], service.Description["es"])); // empty Spanish stays empty
        Assert.Equal(("light, signal", "semáforo, luz"), (service.Keywords["en"], service.Keywords["es"]));
        Assert.Equal(("Streets", "Calles"), (service.Group["en"], service.Group["es"]));
        var question = Assert.Single(service.Attributes);
        Assert.Equal(("Which light?", "¿Qué luz?"), (question.Description["en"], question.Description["es"]));
        Assert.Equal(("Pick one", ""), (question.DatatypeDescription["en"], question.DatatypeDescription["es"]));
        var answer = Assert.Single(question.Values);
        Assert.Equal(("Red", "Roja"), (answer.Name["en"], answer.Name["es"]));

        var template = await db.ResponseTemplates().AsNoTracking().SingleAsync(t => t.Id == 901);
        Assert.Equal(("Fixed", "Arreglado"), (template.Title["en"], template.Title["es"]));
        Assert.Equal(("We fixed\nthe signal.", TrickySpanish), (template.Body["en"], template.Body["es"]));

        // The one query that reads a language inside SQL finds the migrated values too.
        var spanish = db.Services().Where(s => LocalizedTextSql.In(s.Name, "es") == "Semáforo apagado").Select(s => s.Id);
        Assert.True(await spanish.ContainsAsync(901), spanish.ToQueryString());
        var french = db.Departments.Where(d => LocalizedTextSql.In(d.Name, "fr") == "Traffic signals").Select(d => d.Id);
        Assert.True(await french.ContainsAsync(901), french.ToQueryString());
    }
}
