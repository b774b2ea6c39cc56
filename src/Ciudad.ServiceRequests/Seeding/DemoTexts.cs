using Ciudad.ServiceRequests.Requests;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// What demo residents write and what demo staff answer, in both languages. Written the way
/// El Pasoans write to 311 (short, concrete, a landmark), so the demo reads like a real city.
/// </summary>
internal static class DemoTexts
{
    public sealed record Bilingual(string[] En, string[] Es)
    {
        public string Pick(Random random, string culture)
        {
            var texts = culture == "es" ? Es : En;
            return texts[random.Next(texts.Length)];
        }
    }

    private static readonly Bilingual Generic = new(
        ["Please take a look, it has been like this for a while.", "Reported by a neighbor, see the location."],
        ["Por favor revísenlo, ya tiene tiempo así.", "Lo reporta un vecino, vea la ubicación."]);

    private static readonly Dictionary<string, Bilingual> Descriptions = new(StringComparer.Ordinal)
    {
        ["pothole"] = new(
            ["Deep pothole in the right lane, cars swerve around it.", "Pothole keeps getting bigger after the rain.", "Several potholes in a row near the bus stop.", "Hole at the corner, my tire got a flat here."],
            ["Bache muy hondo en el carril derecho, los carros se tienen que desviar.", "El bache está cada vez más grande desde que llovió.", "Varios baches seguidos cerca de la parada del camión.", "Hoyo en la esquina, aquí se me ponchó una llanta."]),
        ["streetlight"] = new(
            ["The light in front of my house has been out for a week.", "Streetlight flickers all night.", "Whole block is dark, two lights out."],
            ["La luz frente a mi casa lleva una semana apagada.", "La lámpara parpadea toda la noche.", "Toda la cuadra está oscura, hay dos luces apagadas."]),
        ["traffic-signal"] = new(
            ["Signal is flashing red in all directions.", "Left-turn arrow never turns green.", "Pedestrian button does not work."],
            ["El semáforo parpadea en rojo para todos lados.", "La flecha para dar vuelta a la izquierda nunca se pone verde.", "El botón peatonal no funciona."]),
        ["sidewalk"] = new(
            ["Sidewalk lifted by tree roots, people trip here.", "Curb ramp is broken, hard with a wheelchair."],
            ["La banqueta está levantada por las raíces, la gente se tropieza.", "La rampa está rota, es difícil pasar con silla de ruedas."]),
        ["graffiti"] = new(
            ["Graffiti on the wall behind the store.", "Tagging on the fence along the alley.", "Spray paint on the stop sign."],
            ["Grafiti en la pared detrás de la tienda.", "Pintas en la cerca del callejón.", "Pintaron el letrero de alto con aerosol."]),
        ["illegal-dumping"] = new(
            ["Someone dumped a couch and tires in the alley.", "Construction debris left on the vacant lot.", "Bags of trash dumped by the arroyo."],
            ["Alguien tiró un sillón y llantas en el callejón.", "Dejaron escombro de construcción en el lote baldío.", "Tiraron bolsas de basura junto al arroyo."]),
        ["missed-pickup"] = new(
            ["Cart was out by 7 a.m. and the truck skipped our street.", "Recycling was not picked up this week.", "Whole street was missed today."],
            ["El bote estaba afuera desde las 7 y el camión no pasó por nuestra calle.", "No recogieron el reciclaje esta semana.", "Hoy no pasaron por toda la calle."]),
        ["bulky-item"] = new(
            ["Old sofa and a broken refrigerator to pick up.", "Mattress and box spring by the curb."],
            ["Un sillón viejo y un refrigerador descompuesto para recoger.", "Colchón y base junto a la orilla."]),
        ["dead-animal"] = new(
            ["Dead dog in the middle of the street.", "Dead cat on the sidewalk by the school."],
            ["Perro muerto a media calle.", "Gato muerto en la banqueta junto a la escuela."]),
        ["stray-animal"] = new(
            ["Two loose dogs chasing people walking by.", "Small dog wandering near the park, no collar."],
            ["Dos perros sueltos persiguiendo a la gente.", "Perrito sin collar dando vueltas cerca del parque."]),
        ["animal-bite"] = new(
            ["A neighbor's dog bit my son on the leg.", "Bitten by a stray cat while feeding it."],
            ["El perro del vecino mordió a mi hijo en la pierna.", "Me mordió un gato callejero cuando le di de comer."]),
        ["weeds-vacant-lot"] = new(
            ["Weeds taller than the fence on the vacant lot.", "Lot full of weeds and trash, attracting rats."],
            ["La maleza del lote baldío está más alta que la cerca.", "Lote lleno de hierba y basura, hay ratas."]),
        ["abandoned-vehicle"] = new(
            ["Truck with flat tires parked here for weeks.", "Car with broken windows has not moved in a month."],
            ["Una troca con las llantas ponchadas lleva semanas aquí.", "Un carro con los vidrios rotos no se ha movido en un mes."]),
        ["park-maintenance"] = new(
            ["Sprinklers are broken and flooding the field.", "Swing is broken at the playground.", "Trash cans overflowing at the park."],
            ["Los aspersores están rotos y se inunda la cancha.", "El columpio está roto en los juegos.", "Los botes de basura del parque están llenos."]),
        ["bus-stop"] = new(
            ["Bus shelter glass is shattered.", "Bench at the stop is broken.", "Stop sign for the bus is missing."],
            ["El vidrio del techo de la parada está quebrado.", "La banca de la parada está rota.", "Falta el letrero de la parada."]),
    };

    public static Bilingual DescriptionsFor(string serviceCode) => Descriptions.GetValueOrDefault(serviceCode, Generic);

    private static readonly Dictionary<RequestStatus, Bilingual> Notes = new()
    {
        [RequestStatus.InProgress] = new(
            ["A crew has been assigned and is working on it.", "We are working on this request."],
            ["Ya asignamos una cuadrilla y está trabajando en esto.", "Estamos atendiendo su solicitud."]),
        [RequestStatus.ActionScheduled] = new(
            ["Repair is scheduled for later this week.", "This is on the crew's schedule for next week."],
            ["La reparación está programada para esta semana.", "Está en el calendario de la cuadrilla para la próxima semana."]),
        [RequestStatus.Investigating] = new(
            ["An inspector will visit the location.", "We are checking who is responsible for this location."],
            ["Un inspector visitará el lugar.", "Estamos revisando a quién le corresponde este lugar."]),
        [RequestStatus.Reopened] = new(
            ["It is still not fixed.", "The problem came back two days later."],
            ["Todavía no está arreglado.", "El problema regresó a los dos días."]),
        [RequestStatus.Fixed] = new(
            ["Repaired. Thank you for reporting it.", "Crew completed the work today.", "Done. Thank you for helping keep El Paso clean."],
            ["Reparado. Gracias por reportarlo.", "La cuadrilla terminó el trabajo hoy.", "Listo. Gracias por ayudar a mantener limpio El Paso."]),
        [RequestStatus.Duplicate] = new(
            ["This was already reported; we are tracking it under the earlier request."],
            ["Esto ya se había reportado; le damos seguimiento en la solicitud anterior."]),
        [RequestStatus.NotCityResponsibility] = new(
            ["This location belongs to TxDOT; we forwarded your report to them.", "This is private property; the owner is responsible."],
            ["Este lugar le corresponde a TxDOT; les enviamos su reporte.", "Es propiedad privada; le corresponde al dueño."]),
        [RequestStatus.NoFurtherAction] = new(
            ["An inspector visited and found nothing that needs action.", "We could not find the problem at this location."],
            ["Un inspector fue y no encontró nada que atender.", "No encontramos el problema en este lugar."]),
        [RequestStatus.Referred] = new(
            ["Sent to the department that handles this.", "Referred to El Paso Water."],
            ["Lo enviamos al departamento que atiende esto.", "Lo turnamos a El Paso Water."]),
        [RequestStatus.Cancelled] = new(
            ["Cancelled at the reporter's request.", "Cancelled: the report did not include enough information to find the location."],
            ["Cancelado a petición de quien lo reportó.", "Cancelado: el reporte no tenía datos suficientes para encontrar el lugar."]),
    };

    public static string NoteFor(RequestStatus status, Random random, string culture) => Notes[status].Pick(random, culture);

    public static readonly Bilingual BulkyItems = new(
        ["An old couch and a mattress", "A broken washing machine", "Two chairs and a table"],
        ["Un sillón viejo y un colchón", "Una lavadora descompuesta", "Dos sillas y una mesa"]);

    public static readonly Bilingual AnimalDescriptions = new(
        ["Brown medium-sized dog, lives at the house on the corner", "Gray cat, no owner that I know of"],
        ["Perro café mediano, vive en la casa de la esquina", "Gato gris, no sé si tiene dueño"]);

    public static readonly string[] StaffNames = ["Ana Ruiz", "Luis Ortega", "Karen Miller", "David Chávez", "Marisol Acosta"];

    public static readonly string[] SpanishNames = ["María Hernández", "José García", "Guadalupe Martínez", "Juan Rodríguez", "Rosa Pérez", "Jesús Torres", "Verónica Rivera", "Alejandro Gómez", "Sofía Díaz", "Miguel Chávez"];

    public static readonly string[] EnglishNames = ["Linda Johnson", "Michael Smith", "Jennifer Williams", "Robert Brown", "Sarah Davis", "Daniel Flores", "Ana López", "Carlos Sánchez", "Patricia Ramírez", "Luis González"];
}
