"""Dutch texts of File > Export... (context "ExportDialog").

``NL = {english source string: Dutch}``; merged into ``capacityplanner_nl.ts``/``.qm``
with the other translations. Plain data, no logic.
"""

NL = {
    "&Export…": "&Exporteren…",
    "Export": "Exporteren",
    "Map page (PDF/PNG): the map as shown": "Kaartpagina (PDF/PNG): de kaart zoals getoond",
    "Map page (PDF/PNG): capacity balance": "Kaartpagina (PDF/PNG): capaciteitssaldo",
    "Map page (PDF/PNG): facilities and places": "Kaartpagina (PDF/PNG): voorzieningen en plaatsen",
    "District atlas (PDF)": "Wijkatlas (PDF)",
    "Offline HTML map": "Offline HTML-kaart",
    "Tables (XLSX)": "Tabellen (XLSX)",
    "Styled GeoPackage": "GeoPackage met opmaak",
    "Briefing report (PDF)": "Briefing (PDF)",
    "Landscape": "Liggend",
    "Portrait": "Staand",
    "Export:": "Export:",
    "Title:": "Titel:",
    "Level:": "Niveau:",
    "School year:": "Schooljaar:",
    "Paper:": "Papier:",
    "Orientation:": "Richting:",
    "Resolution:": "Resolutie:",
    "Language of the export:": "Taal van de export:",
    "Save as:": "Opslaan als:",
    "Map": "Kaart",
    "Show the proposed sites of the current plan": "Toon de voorgestelde sites van het huidige plan",
    "Browse…": "Bladeren…",
    "Cancel": "Annuleren",
    "Close": "Sluiten",
    "Save the export as": "Export opslaan als",
    "Choose a file to save the export in.": "Kies een bestand om de export in op te slaan.",
    "current data": "huidige toestand",
    "Scenario: %1": "Scenario: %1",
    "Exporting…": "Bezig met exporteren…",
    "Cancelling…": "Bezig met annuleren…",
    "Export cancelled; no file was written.": "Export geannuleerd; er is geen bestand geschreven.",
    "Written: %1": "Geschreven: %1",
    "The export failed: %1": "De export is mislukt: %1",
}
