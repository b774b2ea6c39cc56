using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// El Paso's starting 311 catalog (from the city's own list; see shared/context/el-paso.md), with
/// questions on several services. Staff edit it afterwards; seeding only adds services whose code
/// is missing, so their edits survive a restart.
/// </summary>
internal sealed class CatalogDemoData(CiudadDbContext db, AuditLog audit, TimeProvider clock)
{
    private const string Streets = "streets-and-maintenance";
    private const string Environment = "environmental-services";
    private const string Code = "code-compliance";
    private const string Animals = "animal-services";

    private static readonly (string En, string Es) StreetsGroup = ("Streets and sidewalks", "Calles y banquetas");
    private static readonly (string En, string Es) CleanGroup = ("Trash and cleanliness", "Basura y limpieza");
    private static readonly (string En, string Es) AnimalGroup = ("Animals", "Animales");
    private static readonly (string En, string Es) PropertyGroup = ("Property and vehicles", "Propiedades y vehículos");
    private static readonly (string En, string Es) ParksGroup = ("Parks and transit", "Parques y transporte");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Slug, d => d.Id, cancellationToken);
        var existing = (await db.Services().Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var order = 0;
        var added = new List<string>();
        foreach (var template in Catalog())
        {
            order++;
            if (existing.Contains(template.Service.Code) || !departments.TryGetValue(template.DepartmentSlug, out var departmentId))
            {
                continue;
            }
            var service = template.Service;
            service.DepartmentId = departmentId;
            service.SortOrder = order;
            service.CreatedAt = now;
            service.UpdatedAt = now;
            db.Services().Add(service);
            added.Add(service.Code);
        }
        if (added.Count > 0)
        {
            audit.Record("servicerequests.catalog-seeded", nameof(Service), null, after: new { services = added }, actor: AuditActor.System);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed record Template(string DepartmentSlug, Service Service);

    private static IEnumerable<Template> Catalog()
    {
        yield return new(Streets, NewService("pothole", ("Pothole", "Bache"), StreetsGroup, SlaKind.BusinessDays, 3,
            ("A hole in the pavement of a city street or alley.", "Un hoyo en el pavimento de una calle o callejón de la ciudad."),
            ("pothole, hole, road, street, pavement, asphalt, crater, rut, sunken", "bache, baches, hoyo, pozo, hueco, agujero, calle, pavimento, asfalto, hundimiento"),
            List("size", ("How big is it?", "¿De qué tamaño es?"), true, AttributeDatatype.SingleValueList,
                ("small", "Smaller than a dinner plate", "Más chico que un plato"),
                ("medium", "About the size of a car tire", "Como una llanta de carro"),
                ("large", "Larger than a car tire", "Más grande que una llanta de carro")),
            List("in_lane", ("Is it in a traffic lane?", "¿Está en un carril de circulación?"), false, AttributeDatatype.SingleValueList,
                ("yes", "Yes", "Sí"), ("no", "No, at the edge or in a parking lane", "No, en la orilla o donde se estaciona")),
            Question("depth_inches", ("About how deep is it, in inches?", "¿Más o menos qué tan hondo es, en pulgadas?"), false, AttributeDatatype.Number)));
        yield return new(Streets, NewService("streetlight", ("Streetlight out", "Luz de calle apagada"), StreetsGroup, SlaKind.CalendarDays, 10,
            ("A street light that is out, flickering or on during the day.", "Una luz de calle apagada, que parpadea o que está prendida de día."),
            ("streetlight, street light, street lamp, lamppost, light pole, lamp, dark, light out", "luz, lámpara, farol, farola, foco, luminaria, alumbrado, poste, apagada, fundida, oscuro"),
            List("light_problem", ("What is wrong with the light?", "¿Qué le pasa a la luz?"), true, AttributeDatatype.SingleValueList,
                ("out", "It is out", "Está apagada"), ("flickering", "It flickers", "Parpadea"), ("day", "It is on during the day", "Está prendida de día")),
            Question("pole_number", ("Number on the pole, if you can see one", "Número del poste, si lo ve"), false, AttributeDatatype.String)));
        yield return new(Streets, NewService("traffic-signal", ("Traffic signal malfunction", "Semáforo descompuesto"), StreetsGroup, SlaKind.CalendarDays, 1,
            ("A traffic light that is dark, stuck, flashing or damaged. If it is an emergency, call 911.", "Un semáforo apagado, trabado, intermitente o dañado. Si es una emergencia, llame al 911."),
            ("traffic light, signal, stoplight, intersection", "semáforo, luz de tráfico, crucero, intersección"),
            List("signal_problem", ("What do you see? Choose all that apply.", "¿Qué ve? Elija todo lo que aplique."), true, AttributeDatatype.MultiValueList,
                ("dark", "All lights are dark", "Todas las luces están apagadas"),
                ("flashing", "Flashing red or yellow", "Parpadea en rojo o amarillo"),
                ("stuck", "Stuck on one color", "Se quedó en un solo color"),
                ("damaged", "Pole or head is damaged", "El poste o la cabeza está dañada"),
                ("pedestrian", "Pedestrian button or signal does not work", "El botón o la señal peatonal no funciona"))));
        yield return new(Streets, NewService("sidewalk", ("Damaged sidewalk", "Banqueta dañada"), StreetsGroup, SlaKind.CalendarDays, 30,
            ("A broken, lifted or missing sidewalk or curb ramp.", "Una banqueta o rampa rota, levantada o que falta."),
            ("sidewalk, pavement, curb, ramp, trip hazard, walkway, cracked", "banqueta, acera, rampa, cordón, guarnición, tropiezo, levantada, rota")));
        yield return new(Environment, NewService("graffiti", ("Graffiti", "Grafiti"), CleanGroup, SlaKind.CalendarDays, 7,
            ("Graffiti on public property or visible from the street.", "Grafiti en propiedad pública o visible desde la calle."),
            ("graffiti, tagging, tag, vandalism, paint, spray paint", "grafiti, graffiti, pintas, rayones, rayado, vandalismo, pintura"),
            List("surface", ("Where is the graffiti?", "¿Dónde está el grafiti?"), true, AttributeDatatype.SingleValueList,
                ("wall", "On a wall", "En una pared"), ("fence", "On a fence", "En una cerca"), ("sign", "On a sign or pole", "En un letrero o poste"),
                ("ground", "On the sidewalk or street", "En la banqueta o la calle"), ("other", "Somewhere else", "En otro lugar")),
            List("offensive", ("Is it offensive or hateful?", "¿Es ofensivo o de odio?"), false, AttributeDatatype.SingleValueList,
                ("yes", "Yes", "Sí"), ("no", "No", "No"))));
        yield return new(Environment, NewService("illegal-dumping", ("Illegal dumping", "Tiradero ilegal"), CleanGroup, SlaKind.CalendarDays, 5,
            ("Trash, furniture, tires or debris left on public land or in an alley.", "Basura, muebles, llantas o escombro tirados en terreno público o en un callejón."),
            ("dumping, dumped, trash, junk, debris, rubble, tires, furniture, mattress", "tiradero, basurero, basura, escombro, escombros, llantas, muebles, colchón, cascajo"),
            List("items", ("What was dumped? Choose all that apply.", "¿Qué tiraron? Elija todo lo que aplique."), true, AttributeDatatype.MultiValueList,
                ("furniture", "Furniture or mattresses", "Muebles o colchones"), ("tires", "Tires", "Llantas"),
                ("appliances", "Appliances", "Aparatos eléctricos"), ("construction", "Construction debris", "Escombro de construcción"),
                ("bags", "Bags of trash", "Bolsas de basura"), ("other", "Something else", "Otra cosa")),
            Question("seen_at", ("If you saw it being dumped, when? (date and time)", "Si vio cuando lo tiraron, ¿cuándo? (fecha y hora)"), false, AttributeDatatype.Datetime)));
        yield return new(Environment, NewService("missed-pickup", ("Missed trash or recycling pickup", "Recolección de basura o reciclaje no realizada"), CleanGroup, SlaKind.CalendarDays, 2,
            ("Your cart was at the curb on collection day and was not emptied.", "Su bote estaba en la orilla el día de recolección y no lo vaciaron."),
            ("missed pickup, trash, garbage, recycling, cart, collection", "recolección, basura, reciclaje, bote, camión"),
            List("cart", ("Which cart was missed?", "¿Qué bote no recogieron?"), true, AttributeDatatype.SingleValueList,
                ("trash", "Trash (gray)", "Basura (gris)"), ("recycling", "Recycling (blue)", "Reciclaje (azul)"), ("yard", "Yard waste (green)", "Desechos de jardín (verde)"))));
        yield return new(Environment, NewService("bulky-item", ("Bulky item pickup", "Recolección de artículos voluminosos"), CleanGroup, SlaKind.None, 0,
            ("Ask for a scheduled pickup of furniture, appliances or other large items.", "Pida que recojan muebles, aparatos u otros artículos grandes en una fecha programada."),
            ("bulky, large item, furniture, appliance, couch, mattress", "voluminoso, mueble, sillón, colchón, aparato, refrigerador"),
            Question("items_description", ("What items should we pick up?", "¿Qué artículos debemos recoger?"), true, AttributeDatatype.Text)));
        yield return new(Environment, NewService("dead-animal", ("Dead animal in street", "Animal muerto en la calle"), AnimalGroup, SlaKind.CalendarDays, 1,
            ("A dead animal on a street, sidewalk or alley.", "Un animal muerto en una calle, banqueta o callejón."),
            ("dead animal, carcass, roadkill", "animal muerto, cadáver, perro muerto, gato muerto"),
            List("animal", ("What kind of animal?", "¿Qué tipo de animal?"), false, AttributeDatatype.SingleValueList,
                ("dog", "Dog", "Perro"), ("cat", "Cat", "Gato"), ("bird", "Bird", "Pájaro"), ("wildlife", "Wild animal", "Animal silvestre"), ("other", "Other", "Otro"))));
        yield return new(Animals, NewService("stray-animal", ("Loose or stray animal", "Animal suelto o callejero"), AnimalGroup, SlaKind.CalendarDays, 1,
            ("A dog or other animal loose in the street. If an animal is attacking someone, call 911.", "Un perro u otro animal suelto en la calle. Si un animal está atacando a alguien, llame al 911."),
            ("stray, loose dog, animal, dog, cat", "callejero, perro suelto, animal, perro, gato"),
            List("animal", ("What kind of animal?", "¿Qué tipo de animal?"), true, AttributeDatatype.SingleValueList,
                ("dog", "Dog", "Perro"), ("cat", "Cat", "Gato"), ("livestock", "Horse, goat or other livestock", "Caballo, chivo u otro animal de granja"), ("other", "Other", "Otro")),
            List("aggressive", ("Is the animal acting aggressively?", "¿El animal está agresivo?"), true, AttributeDatatype.SingleValueList,
                ("yes", "Yes", "Sí"), ("no", "No", "No"))));
        var bite = NewService("animal-bite", ("Animal bite", "Mordedura de animal"), AnimalGroup, SlaKind.CalendarDays, 1,
            ("Report a bite so Animal Services can check the animal for rabies. Get medical care first.", "Reporte una mordedura para que Servicios de Animales revise al animal por rabia. Primero busque atención médica."),
            ("bite, bitten, dog bite, rabies", "mordedura, mordida, me mordió, rabia"),
            Question("bitten_at", ("When did the bite happen? (date and time)", "¿Cuándo ocurrió la mordedura? (fecha y hora)"), true, AttributeDatatype.Datetime),
            Question("animal_description", ("Describe the animal and where it lives, if known", "Describa al animal y dónde vive, si lo sabe"), true, AttributeDatatype.Text));
        bite.Sensitivity = Sensitivity.Hidden;
        yield return new(Animals, bite);
        var weeds = NewService("weeds-vacant-lot", ("Overgrown weeds or vacant lot", "Maleza crecida o lote baldío"), PropertyGroup, SlaKind.CalendarDays, 14,
            ("Weeds over 12 inches, or a vacant lot full of trash.", "Maleza de más de 12 pulgadas, o un lote baldío lleno de basura."),
            ("weeds, overgrown, vacant lot, grass, yard", "maleza, hierba, monte, lote baldío, terreno, yarda"));
        weeds.Sensitivity = Sensitivity.CoarsenedLocation;
        yield return new(Code, weeds);
        var vehicle = NewService("abandoned-vehicle", ("Abandoned or junk vehicle", "Vehículo abandonado"), PropertyGroup, SlaKind.CalendarDays, 14,
            ("A vehicle parked for more than 72 hours, or one that cannot run, on the street or on private property.", "Un vehículo estacionado por más de 72 horas, o que no funciona, en la calle o en propiedad privada."),
            ("abandoned car, junk vehicle, car, truck", "carro abandonado, vehículo, chatarra, troca"),
            Question("license_plate", ("License plate, if visible", "Placas, si se ven"), false, AttributeDatatype.String),
            Question("days_parked", ("About how many days has it been there?", "¿Más o menos cuántos días lleva ahí?"), false, AttributeDatatype.Number));
        vehicle.Sensitivity = Sensitivity.CoarsenedLocation;
        yield return new(Code, vehicle);
        yield return new("parks-and-recreation", NewService("park-maintenance", ("Park maintenance", "Mantenimiento de parque"), ParksGroup, SlaKind.CalendarDays, 7,
            ("Broken equipment, irrigation, lights or trash in a city park.", "Juegos, riego, luces dañadas o basura en un parque de la ciudad."),
            ("park, playground, irrigation, sprinkler, bench", "parque, juegos, riego, aspersor, banca")));
        yield return new("sun-metro", NewService("bus-stop", ("Bus stop problem", "Problema en parada de autobús"), ParksGroup, SlaKind.CalendarDays, 7,
            ("A damaged shelter, bench, sign or trash can at a Sun Metro stop.", "Un techo, banca, letrero o bote de basura dañado en una parada de Sun Metro."),
            ("bus stop, shelter, sun metro, bench, sign", "parada, camión, autobús, sun metro, techo, banca")));
    }

    private static Service NewService(string code, (string En, string Es) name, (string En, string Es) group, SlaKind sla, int days,
        (string En, string Es) description, (string En, string Es) keywords, params ServiceAttribute[] attributes)
    {
        for (var i = 0; i < attributes.Length; i++)
        {
            attributes[i].Order = i + 1;
        }
        return new Service
        {
            Code = code,
            Name = LocalizedText.Of(name.En, name.Es),
            Group = LocalizedText.Of(group.En, group.Es),
            Description = LocalizedText.Of(description.En, description.Es),
            Keywords = LocalizedText.Of(keywords.En, keywords.Es),
            SlaKind = sla,
            SlaDays = days,
            Attributes = [.. attributes],
        };
    }

    private static ServiceAttribute Question(string code, (string En, string Es) question, bool required, AttributeDatatype datatype) => new()
    {
        Code = code,
        Description = LocalizedText.Of(question.En, question.Es),
        IsRequired = required,
        Datatype = datatype,
    };

    private static ServiceAttribute List(string code, (string En, string Es) question, bool required, AttributeDatatype datatype,
        params (string Key, string En, string Es)[] values)
    {
        var attribute = Question(code, question, required, datatype);
        attribute.Values = values.Select((v, i) => new AttributeValue { Key = v.Key, Name = LocalizedText.Of(v.En, v.Es), Order = i + 1 }).ToList();
        return attribute;
    }
}
