"""Dutch (nl-BE) texts of the planning tools: optimiser, editing, scenarios.

English source string -> Dutch. Read at run time by
``capacityplanner.gui.dict_translator``; ``update_nl.py`` may merge it into
the .ts file. ``%1``, ``%2``... are placeholders and must stay.
"""

NL = {
    # optimiser: progress phrases of the solver
    "building the planning model": "planningsmodel opbouwen",
    "explaining why no plan exists": "uitzoeken waarom er geen plan bestaat",
    "plan ready": "plan klaar",
    "least-cost plan": "plan met de laagste kost",
    "shortest travel": "kortste verplaatsing",
    "most children served": "meeste kinderen bediend",
    "fewest new sites": "minste nieuwe sites",
    "least cost": "laagste kost",
    "placing children": "kinderen plaatsen",
    "searching for a first plan": "eerste plan zoeken",
    "best plan": "beste plan",
    "bound": "grens",
    "gap": "kloof",
    "step": "stap",
    # optimiser dialog
    "Propose sites": "Sites voorstellen",
    "Model": "Model",
    "Levels": "Niveaus",
    "Target school year": "Doelschooljaar",
    "Maximum distance": "Maximale afstand",
    "Distance": "Afstand",
    "Budget (million EUR)": "Budget (miljoen EUR)",
    "New sites": "Nieuwe sites",
    "Brede-site saving": "Besparing brede site",
    "Smallest expansion": "Kleinste uitbreiding",
    "no minimum": "geen minimum",
    "places": "plaatsen",
    "An existing site grows by at least this many places, or not at all": (
        "Een bestaande site groeit met minstens zoveel plaatsen, of helemaal niet"
    ),
    "Candidate sites": "Kandidaatsites",
    "Time limit": "Tijdslimiet",
    "Close the shortfall at least cost": "Het tekort wegwerken tegen de laagste kost",
    "Shortest travel with a fixed number of new sites": (
        "Kortste verplaatsing met een vast aantal nieuwe sites"
    ),
    "Serve the most children within a budget": "Zoveel mogelijk kinderen bedienen binnen een budget",
    "Fewest new sites that close the shortfall": "Zo weinig mogelijk nieuwe sites die het tekort wegwerken",
    "Childcare (kinderopvang)": "Kinderopvang",
    "Nursery (kleuter)": "Kleuteronderwijs",
    "Primary (lager)": "Lager onderwijs",
    "Secondary (secundair)": "Secundair onderwijs",
    "Out-of-school care (bso)": "Buitenschoolse opvang (bso)",
    "Youth work (jeugd)": "Jeugdwerk",
    "Along the streets": "Langs de straten",
    "Straight line x detour factor (fast)": "Hemelsbreed x omwegfactor (snel)",
    "default per level": "standaard per niveau",
    "no limit": "geen limiet",
    "Every new site is a brede site (city standard)": "Elke nieuwe site is een brede site (stedelijke standaard)",
    "Every new basis school gets out-of-school care": "Elke nieuwe basisschool krijgt buitenschoolse opvang",
    "Build no more places than the shortfall needs": "Niet meer plaatsen bouwen dan het tekort vraagt",
    "Shortest travel: places beyond the shortfall are built only where children would otherwise get no place or a new site needs its minimum size": "Kortste afstand: plaatsen boven het tekort komen er enkel waar kinderen anders geen plaats krijgen of een nieuwe site haar minimale omvang nodig heeft",
    "Leave unreachable children unserved instead of failing": (
        "Onbereikbare kinderen onbediend laten in plaats van te falen"
    ),
    "Run": "Uitvoeren",
    "Cancel": "Annuleren",
    "Close": "Sluiten",
    "Cancelling...": "Bezig met annuleren...",
    "&Plan": "&Plan",
    "Propose sites...": "Sites voorstellen...",
    "Let the optimiser propose new and expanded sites that close the shortfall": (
        "Laat de optimalisatie nieuwe en uitgebreide sites voorstellen die het tekort wegwerken"
    ),
    "Clear the plan from the map": "Plan van de kaart halen",
    "Plan": "Plan",
    "Number of new sites": "Aantal nieuwe sites",
    "At most new sites": "Hoogstens nieuwe sites",
    "Cancelled before the solve started.": "Geannuleerd voor de berekening begon.",
    "No plan exists with these settings.": "Met deze instellingen bestaat er geen plan.",
    "Plan ready: proven optimal.": "Plan klaar: bewezen optimaal.",
    "Plan ready: the time limit was reached before the proof.": (
        "Plan klaar: de tijdslimiet was bereikt voor het bewijs."
    ),
    "Cancelled: showing the best plan found so far.": (
        "Geannuleerd: het beste plan tot nu toe wordt getoond."
    ),
    "The solver stopped before it found any plan.": (
        "De rekenmotor stopte voor hij een plan vond."
    ),
    "The optimiser failed: %1": "De optimalisatie mislukte: %1",
    # plan layers and panel
    "Proposed sites": "Voorgestelde sites",
    "Allocation (children to sites)": "Toewijzing (kinderen naar sites)",
    "Unmet demand per wijk": "Onbediende vraag per wijk",
    "Sites the optimiser proposes to open, expand or close.": (
        "Sites die de optimalisatie voorstelt te openen, uit te breiden of te sluiten."
    ),
    "From each demand point to the site its children are placed at.": (
        "Van elk vraagpunt naar de site waar zijn kinderen terechtkomen."
    ),
    "Children the plan cannot place within the maximum distance.": (
        "Kinderen die het plan niet binnen de maximale afstand kan plaatsen."
    ),
    "Run the optimiser (Plan menu) to see a proposal here.": (
        "Voer de optimalisatie uit (menu Plan) om hier een voorstel te zien."
    ),
    "Site": "Site",
    "Action": "Actie",
    "Brede site": "Brede site",
    "Functions": "Functies",
    "Places": "Plaatsen",
    "Cost (EUR)": "Kost (EUR)",
    "Wijk": "Wijk",
    "new": "nieuw",
    "expanded": "uitgebreid",
    "closed": "gesloten",
    "yes": "ja",
    "Closed site": "Gesloten site",
    "Expanded site": "Uitgebreide site",
    "New site": "Nieuwe site",
    "New brede site (shared school, childcare, bso, youth)": (
        "Nieuwe brede site (gedeeld door school, opvang, bso, jeugd)"
    ),
    "Proven optimal: no better plan exists (gap %1, %2 s).": (
        "Bewezen optimaal: er bestaat geen beter plan (kloof %1, %2 s)."
    ),
    "Cancelled: the best plan found so far, not proven optimal.": (
        "Geannuleerd: het beste plan tot nu toe, niet bewezen optimaal."
    ),
    "Cancelled: the best plan found so far, not proven optimal (gap %1).": (
        "Geannuleerd: het beste plan tot nu toe, niet bewezen optimaal (kloof %1)."
    ),
    "Not proven optimal: the best plan within the time limit (gap %1, %2 s).": (
        "Niet bewezen optimaal: het beste plan binnen de tijdslimiet (kloof %1, %2 s)."
    ),
    # editing
    "&Edit": "Be&werken",
    "Undo %1": "Ongedaan maken: %1",
    "Redo %1": "Opnieuw: %1",
    "Add housing project": "Woonproject toevoegen",
    "Click the map where the dwellings will be built": (
        "Klik op de kaart waar de woningen gebouwd worden"
    ),
    "Add candidate site": "Kandidaatsite toevoegen",
    "Click the map where a new school or brede site could be built": (
        "Klik op de kaart waar een nieuwe school of brede site kan komen"
    ),
    "Change capacity...": "Capaciteit wijzigen...",
    "Add or remove places at the selected site from a school year on": (
        "Plaatsen toevoegen of schrappen op de geselecteerde site vanaf een schooljaar"
    ),
    "Forecast parameters...": "Prognoseparameters...",
    "Edit tools": "Bewerkingsgereedschap",
    "add housing project %1": "woonproject %1 toevoegen",
    "add candidate site %1": "kandidaatsite %1 toevoegen",
    "Edit": "Bewerken",
    "Click the map to place it; Esc stops.": "Klik op de kaart om het te plaatsen; Esc stopt.",
    "%1 places at %2 from %3": "%1 plaatsen op %2 vanaf %3",
    "forecast parameters": "prognoseparameters",
    "The edit failed: %1": "De bewerking mislukte: %1",
    # edit forms
    "New housing project": "Nieuw woonproject",
    "Name": "Naam",
    "Dwellings": "Woningen",
    "Dwelling type": "Woningtype",
    "First year of completion": "Eerste jaar van oplevering",
    "Last year of completion": "Laatste jaar van oplevering",
    "New candidate site": "Nieuwe kandidaatsite",
    "Location": "Ligging",
    "Most places: %1": "Hoogstens plaatsen: %1",
    "Fixed cost per function": "Vaste kost per functie",
    "Cost per place": "Kost per plaats",
    "Change capacity": "Capaciteit wijzigen",
    "Capacity change": "Capaciteitswijziging",
    "Level": "Niveau",
    "Places added (negative: removed)": "Plaatsen erbij (negatief: eraf)",
    "From school year": "Vanaf schooljaar",
    "Project": "Project",
    "Forecast parameters": "Prognoseparameters",
    "Births variant": "Variant geboorten",
    "Share of children 0-2 needing childcare": "Aandeel kinderen 0-2 dat opvang nodig heeft",
    "Nursery participation": "Kleuterparticipatie",
    "Share needing out-of-school care": "Aandeel dat buitenschoolse opvang nodig heeft",
    "Youth work participation": "Deelname aan jeugdwerk",
    "Walking radius (m)": "Wandelafstand (m)",
    "Detour factor (street / straight line)": "Omwegfactor (straat / hemelsbreed)",
    # scenario manager
    "Scenarios...": "Scenario's...",
    "Save scenario": "Scenario bewaren",
    "Save as branch...": "Bewaren als aftakking...",
    "Project file or database...": "Projectbestand of databank...",
    "no scenario": "geen scenario",
    "No scenario open": "Geen scenario open",
    "Scenarios": "Scenario's",
    "Scenario name:": "Naam van het scenario:",
    "Project file or database": "Projectbestand of databank",
    "GeoPackage file or postgresql://user@host/database:": (
        "GeoPackage-bestand of postgresql://gebruiker@server/databank:"
    ),
    "Scenario changed by someone else": "Scenario intussen door iemand anders gewijzigd",
    "Save as branch": "Bewaren als aftakking",
    "Recover unsaved work": "Niet-bewaard werk herstellen",
    "Unsaved changes": "Niet-bewaarde wijzigingen",
    "The current scenario has unsaved changes. Save them first?": (
        "Het huidige scenario heeft niet-bewaarde wijzigingen. Eerst bewaren?"
    ),
    "unsaved changes": "niet-bewaarde wijzigingen",
    "Save your version as a new branch?": "Uw versie bewaren als een nieuwe aftakking (branch)?",
    "Delete scenario": "Scenario verwijderen",
    "scenario %1": "scenario %1",
    "Scenario: %1": "Scenario: %1",
    "Delete scenario %1 from the project? This cannot be undone.": (
        "Scenario %1 uit het project verwijderen? Dit kan niet ongedaan gemaakt worden."
    ),
    "The project database could not be used: %1": "De projectdatabank kon niet gebruikt worden: %1",
    "Autosave failed: %1": "Automatisch bewaren mislukte: %1",
    "Unsaved work of scenario %1 from %2 was found. Recover it?": (
        "Er is niet-bewaard werk van scenario %1 van %2 gevonden. Herstellen?"
    ),
    "New scenario from the current state": "Nieuw scenario uit de huidige toestand",
    "Open": "Openen",
    "New from current...": "Nieuw uit huidige...",
    "Branch...": "Aftakken...",
    "Compare": "Vergelijken",
    "Delete": "Verwijderen",
    "Headline figures": "Kerncijfers",
    "Balance per wijk": "Balans per wijk",
    "Select one scenario.": "Selecteer één scenario.",
    "Select two or more scenarios to compare.": "Selecteer twee of meer scenario's om te vergelijken.",
    "Scenario": "Scenario",
    "Branched from": "Afgetakt van",
    "Author": "Auteur",
    "Last saved": "Laatst bewaard",
    "Version": "Versie",
    "Project: %1": "Project: %1",
    "Branch of %1": "Aftakking van %1",
    "Compare: %1": "Vergelijken: %1",
    "School year": "Schooljaar",
    "citywide shortfall": "tekort stad",
    "wijken short": "wijken met tekort",
    "new sites": "nieuwe sites",
    "expanded sites": "uitgebreide sites",
    "brede sites": "brede sites",
    "cost EUR": "kost EUR",
    "mean travel m": "gemiddelde afstand m",
    "max travel m": "grootste afstand m",
    "figure": "kerncijfer",
}
