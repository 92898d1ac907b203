"""Dutch texts of the shipped layers' descriptions (identify panel, layer tooltips).

The descriptions are data (``dataset_info`` of ``resources/ghent.gpkg``, written by
``tools/build_ghent_data.py``) in English; the interface shows them through the
``LayerDescription`` translation context. ``NL = {english: dutch}``; plain data, no logic.
"""

NL = {
    "The 25 districts of Ghent (Stad Gent, stadswijken-gent) with the 2024 population estimate (density x area; an estimate, not a count).": "De 25 wijken van Gent (Stad Gent, stadswijken-gent) met de geschatte bevolking 2024 (dichtheid x oppervlakte; een schatting, geen telling).",
    "The 254 statistical sectors (Stad Gent / Statbel) with their wijk; population_2024 is the wijk estimate spread by residential street length; deprivation_index and its indicator columns are ILLUSTRATIVE (invented values).": "De 254 statistische sectoren (Stad Gent / Statbel) met hun wijk; population_2024 is de wijkschatting, verdeeld volgens de lengte van woonstraten; deprivation_index en zijn indicatorkolommen zijn ILLUSTRATIEF (verzonnen waarden).",
    "Municipal boundary of Ghent, NIS 44021 (Informatie Vlaanderen, reference municipal boundaries 2017).": "Gemeentegrens van Gent, NIS 44021 (Informatie Vlaanderen, referentiebestand gemeentegrenzen 2017).",
    "Street segments of the Flemish road register (Stad Gent, wegsegmenten-gent 2021) with functional road class, direction and main-network flag.": "Wegsegmenten van het Wegenregister (Stad Gent, wegsegmenten-gent 2021) met functionele wegklasse, rijrichting en hoofdwegennet.",
    "Parks of Ghent (Stad Gent, parken-gent).": "Parken van Gent (Stad Gent, parken-gent).",
    "Playgrounds of Ghent (Stad Gent, speelterreinen-gent).": "Speelterreinen van Gent (Stad Gent, speelterreinen-gent).",
    "Basis schools (kleuter + lager) with capacity as of school year 2018. ILLUSTRATIVE: generated, not real sites or capacities.": "Basisscholen (kleuter + lager) met capaciteit volgens schooljaar 2018. ILLUSTRATIEF: gegenereerd, geen echte locaties of capaciteiten.",
    "Secondary schools with capacity as of school year 2018. ILLUSTRATIVE: generated, not real sites or capacities.": "Secundaire scholen met capaciteit volgens schooljaar 2018. ILLUSTRATIEF: gegenereerd, geen echte locaties of capaciteiten.",
    "Childcare sites with places and income-related places as of 2018. ILLUSTRATIVE: generated, not real sites or capacities.": "Kinderopvanglocaties met plaatsen en inkomensgerelateerde plaatsen volgens 2018. ILLUSTRATIEF: gegenereerd, geen echte locaties of capaciteiten.",
    "Youth houses, youth-movement premises and multi-purpose halls. ILLUSTRATIVE: generated, not real sites or capacities.": "Jeugdhuizen, lokalen van jeugdbewegingen en polyvalente zalen. ILLUSTRATIEF: gegenereerd, geen echte locaties of capaciteiten.",
    "Candidate sites for new builds with maximum places per level and costs. ILLUSTRATIVE: generated, not real sites or capacities.": "Kandidaatsites voor nieuwbouw met het maximale aantal plaatsen per niveau en de kosten. ILLUSTRATIEF: gegenereerd, geen echte locaties of capaciteiten.",
    "Planned housing projects with dwellings and completion years. ILLUSTRATIVE: named projects, locations and numbers are assumptions.": "Geplande woonprojecten met woningen en opleveringsjaren. ILLUSTRATIEF: de genoemde projecten, locaties en aantallen zijn aannames.",
}
