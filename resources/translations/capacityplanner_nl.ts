<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_BE">
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="206" />
        <source>Layer:</source>
        <translation>Laag:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="207" />
        <source>Zoom to selection</source>
        <translation>Zoom naar selectie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="208" />
        <source>Clear selection</source>
        <translation>Selectie wissen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="277" />
        <source>%1 of %2 selected</source>
        <translation>%1 van %2 geselecteerd</translation>
    </message>
</context>
<context>
    <name>FindBox</name>
    <message>
        <location filename="../../capacityplanner/gui/find.py" line="126" />
        <source>Find a street or wijk…</source>
        <extracomment>Searchable (layer, name field) pairs.</extracomment>
        <translation>Zoek een straat of wijk…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/find.py" line="127" />
        <source>Type a street name or a wijk name and press Enter</source>
        <translation>Typ een straatnaam of wijknaam en druk op Enter</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="83" />
        <source>Click a feature on the map with the identify tool.</source>
        <translation>Klik met het identificatiegereedschap op een object op de kaart.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="85" />
        <source>feature</source>
        <translation>object</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="93" />
        <source>What it is</source>
        <translation>Wat het is</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="94" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="94" />
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="96" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="87" />
        <source>Illustrative: generated data, not a real site or capacity</source>
        <translation>Illustratief: gegenereerde gegevens, geen echte locatie of capaciteit</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="89" />
        <source>Open data</source>
        <translation>Open data</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="112" />
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="112" />
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="190" />
        <source>Illustrative data: generated, not real locations or capacities.</source>
        <translation>Illustratieve gegevens: gegenereerd, geen echte locaties of capaciteiten.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="218" />
        <source>Move layer up</source>
        <translation>Laag omhoog</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="219" />
        <source>Move layer down</source>
        <translation>Laag omlaag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="220" />
        <location filename="../../capacityplanner/gui/layer_tree.py" line="260" />
        <source>Style…</source>
        <translation>Stijl…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="221" />
        <source>Change the style of the selected layer</source>
        <translation>De stijl van de geselecteerde laag wijzigen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="259" />
        <source>Zoom to layer</source>
        <translation>Zoom naar laag</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="33" />
        <source>Plan</source>
        <extracomment>Group keys to English titles (context "Layers").</extracomment>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="34" />
        <source>Facilities (illustrative)</source>
        <translation>Voorzieningen (illustratief)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="35" />
        <source>Demography</source>
        <translation>Demografie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="36" />
        <source>Base map</source>
        <translation>Achtergrond</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="41" />
        <source>Municipal boundary</source>
        <extracomment>Layer names to English titles (context "Layers").</extracomment>
        <translation>Gemeentegrens</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="42" />
        <source>Districts (wijken)</source>
        <translation>Wijken</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="43" />
        <source>Statistical sectors</source>
        <translation>Statistische sectoren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="44" />
        <source>Streets</source>
        <translation>Straten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="45" />
        <source>Parks</source>
        <translation>Parken</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="46" />
        <source>Playgrounds</source>
        <translation>Speelterreinen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="47" />
        <source>Primary schools (basis)</source>
        <translation>Basisscholen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="48" />
        <source>Secondary schools</source>
        <translation>Secundaire scholen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="49" />
        <source>Childcare</source>
        <translation>Kinderopvang</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="50" />
        <source>Youth infrastructure</source>
        <translation>Jeugdinfrastructuur</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="51" />
        <source>Candidate sites</source>
        <translation>Kandidaatsites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="52" />
        <source>Housing projects</source>
        <translation>Woonprojecten</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="56" />
        <source>Motorways and main roads</source>
        <translation>Autosnelwegen en hoofdwegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="57" />
        <source>Secondary roads</source>
        <translation>Secundaire wegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="58" />
        <source>Connecting roads</source>
        <translation>Verbindingswegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="59" />
        <source>Local streets</source>
        <translation>Lokale straten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/defaults.py" line="60" />
        <source>Paths and other</source>
        <translation>Paden en overige</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/render/legend.py" line="42" />
        <source>(illustrative)</source>
        <translation>(illustratief)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../capacityplanner/gui/app.py" line="23" />
        <location filename="../../capacityplanner/gui/main_window.py" line="269" />
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/app.py" line="27" />
        <location filename="../../capacityplanner/gui/main_window.py" line="271" />
        <location filename="../../capacityplanner/gui/main_window.py" line="283" />
        <source>Ghent capacity planner</source>
        <translation>Capaciteitsplanner Gent</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="211" />
        <source>Nothing found for “%1”.</source>
        <translation>Niets gevonden voor “%1”.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="284" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="285" />
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="286" />
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="287" />
        <source>Panels</source>
        <translation>Panelen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="288" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="289" />
        <source>Zoom to full extent</source>
        <translation>Zoom naar volledige kaart</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="290" />
        <source>Zoom to layer</source>
        <translation>Zoom naar laag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="291" />
        <source>Zoom to selection</source>
        <translation>Zoom naar selectie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="292" />
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="293" />
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="295" />
        <source>Pan</source>
        <translation>Verschuiven</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="295" />
        <source>Drag the map; the wheel zooms</source>
        <translation>Sleep de kaart; het muiswiel zoomt</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="296" />
        <source>Zoom box</source>
        <translation>Zoomkader</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="296" />
        <source>Drag a rectangle to zoom in</source>
        <translation>Sleep een rechthoek om in te zoomen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="298" />
        <location filename="../../capacityplanner/gui/main_window.py" line="311" />
        <source>Identify</source>
        <translation>Identificeren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="299" />
        <source>Click a feature to see what it is and where it comes from</source>
        <translation>Klik op een object om te zien wat het is en waar het vandaan komt</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="302" />
        <source>Select</source>
        <translation>Selecteren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="303" />
        <source>Click or drag to select features of the current layer; Shift adds</source>
        <translation>Klik of sleep om objecten van de huidige laag te selecteren; Shift voegt toe</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="309" />
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="310" />
        <source>Attribute table</source>
        <translation>Attributentabel</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="312" />
        <source>Map tools</source>
        <translation>Kaartgereedschap</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="315" />
        <source>⚠ Illustrative data: schools, childcare, youth sites and demographics are generated</source>
        <translation>⚠ Illustratieve gegevens: scholen, opvang, jeugd en demografie zijn gegenereerd</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="320" />
        <source>These layers are generated by a documented script and are not real; import the city's data to replace them.</source>
        <translation>Deze lagen zijn gegenereerd door een gedocumenteerd script en zijn niet echt; importeer de gegevens van de stad om ze te vervangen.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="336" />
        <source>Scale 1:%1</source>
        <translation>Schaal 1:%1</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="77" />
        <source>Style: %1</source>
        <extracomment>Colour ramps offered for graduated styles.</extracomment>
        <translation>Stijl: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="80" />
        <source>Single symbol</source>
        <translation>Enkel symbool</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="81" />
        <source>Categorized</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="82" />
        <source>Graduated</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="94" />
        <source>Quantile (equal count)</source>
        <translation>Kwantielen (gelijk aantal)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="95" />
        <source>Equal interval</source>
        <translation>Gelijke intervallen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="104" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="105" />
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="106" />
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="107" />
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/style_dialog.py" line="108" />
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
</context>
</TS>