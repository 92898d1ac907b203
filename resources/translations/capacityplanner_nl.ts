<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_BE">
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="224" />
        <source>Layer:</source>
        <translation>Laag:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="225" />
        <source>Zoom to selection</source>
        <translation>Zoom naar selectie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="226" />
        <source>Clear selection</source>
        <translation>Selectie wissen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/attribute_table.py" line="301" />
        <source>%1 of %2 selected</source>
        <translation>%1 van %2 geselecteerd</translation>
    </message>
</context>
<context>
    <name>BalanceControls</name>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="140" />
        <location filename="../../capacityplanner/gui/balance_view.py" line="239" />
        <source>school year %1</source>
        <extracomment>Name of the balance layer in the map model. How many wijken the worst list shows.</extracomment>
        <translation>schooljaar %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="160" />
        <source>(capacity as of %1)</source>
        <translation>(capaciteit volgens %1)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="163" />
        <source>&lt;b&gt;%1 places short&lt;/b&gt; citywide</source>
        <translation>&lt;b&gt;%1 plaatsen tekort&lt;/b&gt; in de hele stad</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="167" />
        <source>&lt;b&gt;%1 places spare&lt;/b&gt; citywide</source>
        <translation>&lt;b&gt;%1 plaatsen over&lt;/b&gt; in de hele stad</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="172" />
        <source>demand %1, capacity %2; %3 of %4 wijken short</source>
        <translation>vraag %1, capaciteit %2; %3 van %4 wijken met tekort</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="202" />
        <source>No wijk is short of places.</source>
        <translation>Geen enkele wijk heeft een plaatsentekort.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="204" />
        <source>Wijken with the largest shortfall</source>
        <translation>Wijken met het grootste tekort</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="222" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="223" />
        <source>School year</source>
        <translation>Schooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="224" />
        <source>Births</source>
        <translation>Geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="229" />
        <source>Capacity as of school year</source>
        <translation>Capaciteit volgens schooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="232" />
        <source>Count only the places opened by this school year (e.g. 2021: the expansions realised by then)</source>
        <translation>Tel enkel de plaatsen die tegen dit schooljaar open zijn (bv. 2021: de uitbreidingen die dan gerealiseerd waren)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="236" />
        <source>Wijk</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="236" />
        <source>Short</source>
        <translation>Tekort</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="236" />
        <source>Demand</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="236" />
        <source>Capacity</source>
        <translation>Capaciteit</translation>
    </message>
</context>
<context>
    <name>BalanceView</name>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="281" />
        <source>Balance %1, %2</source>
        <translation>Balans %1, %2</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="312" />
        <source>Capacity minus demand per wijk (demand = residents + the share of pupils from outside Ghent). Red: short of places; green: places to spare.</source>
        <translation>Capaciteit min vraag per wijk (vraag = inwoners + het aandeel leerlingen van buiten Gent). Rood: plaatsentekort; groen: plaatsen over.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/balance_view.py" line="357" />
        <source>Capacity balance</source>
        <translation>Capaciteitsbalans</translation>
    </message>
</context>
<context>
    <name>CandidateSiteForm</name>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="100" />
        <location filename="../../capacityplanner/gui/edit_forms.py" line="101" />
        <location filename="../../capacityplanner/gui/edit_forms.py" line="123" />
        <source>New candidate site</source>
        <translation>Nieuwe kandidaatsite</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="103" />
        <source>Location</source>
        <translation>Ligging</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="104" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="111" />
        <source>Most places: %1</source>
        <translation>Hoogstens plaatsen: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="118" />
        <source>Fixed cost per function</source>
        <translation>Vaste kost per functie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="119" />
        <source>Cost per place</source>
        <translation>Kost per plaats</translation>
    </message>
</context>
<context>
    <name>CapacityChangeForm</name>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="148" />
        <source>Change capacity</source>
        <translation>Capaciteit wijzigen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="155" />
        <source>Capacity change</source>
        <translation>Capaciteitswijziging</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="157" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="158" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="159" />
        <source>Places added (negative: removed)</source>
        <translation>Plaatsen erbij (negatief: eraf)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="160" />
        <source>From school year</source>
        <translation>Vanaf schooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="161" />
        <source>Project</source>
        <translation>Project</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="271" />
        <source>citywide shortfall</source>
        <translation>tekort stad</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="272" />
        <source>wijken short</source>
        <translation>wijken met tekort</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="273" />
        <source>new sites</source>
        <translation>nieuwe sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="274" />
        <source>expanded sites</source>
        <translation>uitgebreide sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="275" />
        <source>brede sites</source>
        <translation>brede sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="276" />
        <source>cost EUR</source>
        <translation>kost EUR</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="277" />
        <source>mean travel m</source>
        <translation>gemiddelde afstand m</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="278" />
        <source>max travel m</source>
        <translation>grootste afstand m</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="289" />
        <source>figure</source>
        <translation>kerncijfer</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="316" />
        <source>School year</source>
        <translation>Schooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="317" />
        <source>Difference on the map</source>
        <translation>Verschil op de kaart</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="320" />
        <source>Compare: %1</source>
        <translation>Vergelijken: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="321" />
        <source>Headline figures</source>
        <translation>Kerncijfers</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="322" />
        <source>Balance per wijk</source>
        <translation>Balans per wijk</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="323" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>DifferenceMap</name>
    <message>
        <location filename="../../capacityplanner/gui/difference_map.py" line="26" />
        <source>Difference %1 - %2, %3 %4-%5</source>
        <translation>Verschil %1 - %2, %3 %4-%5</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/difference_map.py" line="40" />
        <source>Balance of the second scenario minus the first, per wijk: green = more spare places, red = fewer.</source>
        <translation>Balans van het tweede scenario min het eerste, per wijk: groen = meer vrije plaatsen, rood = minder.</translation>
    </message>
</context>
<context>
    <name>DistrictPanel</name>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="112" />
        <source>— pick a wijk on the map or here —</source>
        <extracomment>Ages shown in the forecast block: the level bands of the brief.</extracomment>
        <translation>— kies een wijk op de kaart of hier —</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="143" />
        <source>No wijk picked.</source>
        <translation>Geen wijk gekozen.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="154" />
        <source>(wijk %1), school year %2, %3</source>
        <translation>(wijk %1), schooljaar %2, %3</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="185" />
        <source>under the Barcelona norm (33%)</source>
        <translation>onder de Barcelonanorm (33%)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="187" />
        <source>under the Flemish norm (52%)</source>
        <translation>onder de Vlaamse norm (52%)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="189" />
        <source>meets the Flemish norm (52%)</source>
        <translation>haalt de Vlaamse norm (52%)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="193" />
        <source>Childcare coverage %1 (places / children aged 0-2: %2 / %3), %4.</source>
        <translation>Dekkingsgraad kinderopvang %1 (plaatsen / kinderen van 0-2 jaar: %2 / %3), %4.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="199" />
        <source>Income-related places: %1.</source>
        <translation>Inkomensgerelateerde plaatsen: %1.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="220" />
        <source>No places of this level in the wijk by %1.</source>
        <translation>Geen plaatsen van dit niveau in de wijk tegen %1.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="225" />
        <source>%1: %2 places at %3 sites</source>
        <translation>%1: %2 plaatsen op %3 locaties</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="226" />
        <source>capacity changes</source>
        <translation>capaciteitswijzigingen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="231" />
        <source>Places opened by school year %1:</source>
        <translation>Plaatsen open tegen schooljaar %1:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="244" />
        <source>Children (1 January)</source>
        <translation>Kinderen (1 januari)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="246" />
        <source>aged %1</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="264" />
        <source>&lt;b&gt;Capacity&lt;/b&gt;: places of the sites in this wijk opened by school year %1, plus the capacity changes counted by then (hover a row for the layers).</source>
        <translation>&lt;b&gt;Capaciteit&lt;/b&gt;: plaatsen van de locaties in deze wijk die tegen schooljaar %1 open zijn, plus de capaciteitswijzigingen tot dan (beweeg over een rij voor de lagen).</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="268" />
        <source>&lt;b&gt;Demand&lt;/b&gt; = residents (forecast children living in the wijk on 1 January %1, by the age rules of each level and its participation rate) + inflow (the share of pupils living outside Ghent: %2, spread over the wijken by their capacity).</source>
        <translation>&lt;b&gt;Vraag&lt;/b&gt; = inwoners (voorspelde kinderen die op 1 januari %1 in de wijk wonen, volgens de leeftijdsregels en de deelnamegraad van elk niveau) + instroom (het aandeel leerlingen dat buiten Gent woont: %2, verdeeld over de wijken volgens hun capaciteit).</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="274" />
        <source>&lt;b&gt;Balance&lt;/b&gt; = capacity − demand; negative means places short.</source>
        <translation>&lt;b&gt;Balans&lt;/b&gt; = capaciteit − vraag; negatief betekent plaatsentekort.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="276" />
        <source>Basis = nursery + primary.</source>
        <translation>Basis = kleuter + lager.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="278" />
        <source>&lt;b&gt;Parameters&lt;/b&gt;: base year %1, births variant %2, walking radius %3 m; migration and children per dwelling as in the scenario's parameters.</source>
        <translation>&lt;b&gt;Parameters&lt;/b&gt;: basisjaar %1, geboortevariant %2, wandelstraal %3 m; migratie en kinderen per woning volgens de parameters van het scenario.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="284" />
        <source>&lt;b&gt;Data&lt;/b&gt;: %1 (version %2), tool version %3. %4</source>
        <translation>&lt;b&gt;Gegevens&lt;/b&gt;: %1 (versie %2), programmaversie %3. %4</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="295" />
        <source>⚠ &lt;b&gt;Illustrative&lt;/b&gt;: %1 are generated, not real; the numbers show how the tool works, not the city's real situation.</source>
        <translation>⚠ &lt;b&gt;Illustratief&lt;/b&gt;: %1 zijn gegenereerd, niet echt; de cijfers tonen hoe het programma werkt, niet de echte toestand in de stad.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="304" />
        <source>Capacity is counted as of school year %1, not the school year shown.</source>
        <translation>De capaciteit is geteld volgens schooljaar %1, niet het getoonde schooljaar.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="321" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="322" />
        <source>Capacity</source>
        <translation>Capaciteit</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="323" />
        <source>Residents</source>
        <translation>Inwoners</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="324" />
        <source>Inflow</source>
        <translation>Instroom</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="325" />
        <source>Demand</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="326" />
        <source>Balance</source>
        <translation>Balans</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="330" />
        <source>Places opened by the capacity year</source>
        <translation>Plaatsen open tegen het capaciteitsjaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="331" />
        <source>Demand of the children living in the wijk</source>
        <translation>Vraag van de kinderen die in de wijk wonen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="332" />
        <source>The wijk's share of the pupils living outside Ghent</source>
        <translation>Het aandeel van de wijk in de leerlingen die buiten Gent wonen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="333" />
        <source>Residents + inflow</source>
        <translation>Inwoners + instroom</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="334" />
        <source>Capacity − demand (negative: short)</source>
        <translation>Capaciteit − vraag (negatief: tekort)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/district_panel.py" line="336" />
        <source>Wijk</source>
        <translation>Wijk</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="164" />
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="166" />
        <source>Add housing project</source>
        <translation>Woonproject toevoegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="167" />
        <source>Click the map where the dwellings will be built</source>
        <translation>Klik op de kaart waar de woningen gebouwd worden</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="168" />
        <source>Add candidate site</source>
        <translation>Kandidaatsite toevoegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="170" />
        <source>Click the map where a new school or brede site could be built</source>
        <translation>Klik op de kaart waar een nieuwe school of brede site kan komen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="172" />
        <source>Change capacity...</source>
        <translation>Capaciteit wijzigen...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="174" />
        <source>Add or remove places at the selected site from a school year on</source>
        <translation>Plaatsen toevoegen of schrappen op de geselecteerde site vanaf een schooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="176" />
        <source>Forecast parameters...</source>
        <translation>Prognoseparameters...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="177" />
        <source>Edit tools</source>
        <translation>Bewerkingsgereedschap</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="183" />
        <location filename="../../capacityplanner/gui/editing.py" line="186" />
        <source>Undo %1</source>
        <translation>Ongedaan maken: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="184" />
        <location filename="../../capacityplanner/gui/editing.py" line="187" />
        <source>Redo %1</source>
        <translation>Opnieuw: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="208" />
        <source>Click the map to place it; Esc stops.</source>
        <translation>Klik op de kaart om het te plaatsen; Esc stopt.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="245" />
        <source>The edit failed: %1</source>
        <translation>De bewerking mislukte: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="297" />
        <source>add housing project %1</source>
        <translation>woonproject %1 toevoegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="318" />
        <source>add candidate site %1</source>
        <translation>kandidaatsite %1 toevoegen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="395" />
        <source>%1 places at %2 from %3</source>
        <translation>%1 plaatsen op %2 vanaf %3</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="416" />
        <source>forecast parameters</source>
        <translation>prognoseparameters</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/editing.py" line="461" />
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="171" />
        <location filename="../../capacityplanner/gui/export_dialog.py" line="214" />
        <location filename="../../capacityplanner/gui/export_dialog.py" line="339" />
        <source>Export</source>
        <extracomment>(kind, view) of each entry of the export list.</extracomment>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="173" />
        <source>Map page (PDF/PNG): the map as shown</source>
        <translation>Kaartpagina (PDF/PNG): de kaart zoals getoond</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="174" />
        <source>Map page (PDF/PNG): capacity balance</source>
        <translation>Kaartpagina (PDF/PNG): capaciteitssaldo</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="175" />
        <source>Map page (PDF/PNG): facilities and places</source>
        <translation>Kaartpagina (PDF/PNG): voorzieningen en plaatsen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="176" />
        <source>District atlas (PDF)</source>
        <translation>Wijkatlas (PDF)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="177" />
        <source>Offline HTML map</source>
        <translation>Offline HTML-kaart</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="178" />
        <source>Tables (XLSX)</source>
        <translation>Tabellen (XLSX)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="179" />
        <source>Styled GeoPackage</source>
        <translation>GeoPackage met opmaak</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="180" />
        <source>Briefing report (PDF)</source>
        <translation>Briefing (PDF)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="191" />
        <source>Landscape</source>
        <translation>Liggend</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="192" />
        <source>Portrait</source>
        <translation>Staand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="198" />
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="199" />
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="200" />
        <source>Level:</source>
        <translation>Niveau:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="201" />
        <source>School year:</source>
        <translation>Schooljaar:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="202" />
        <source>Paper:</source>
        <translation>Papier:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="203" />
        <source>Orientation:</source>
        <translation>Richting:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="204" />
        <source>Resolution:</source>
        <translation>Resolutie:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="205" />
        <source>Language of the export:</source>
        <translation>Taal van de export:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="206" />
        <source>Save as:</source>
        <translation>Opslaan als:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="211" />
        <location filename="../../capacityplanner/gui/export_dialog.py" line="286" />
        <source>Map</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="212" />
        <source>Show the proposed sites of the current plan</source>
        <translation>Toon de voorgestelde sites van het huidige plan</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="213" />
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="215" />
        <location filename="../../capacityplanner/gui/export_dialog.py" line="311" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="215" />
        <location filename="../../capacityplanner/gui/export_dialog.py" line="311" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="250" />
        <source>Save the export as</source>
        <translation>Export opslaan als</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="278" />
        <source>Choose a file to save the export in.</source>
        <translation>Kies een bestand om de export in op te slaan.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="283" />
        <source>current data</source>
        <translation>huidige toestand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="287" />
        <source>Scenario: %1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="296" />
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="304" />
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="322" />
        <source>Export cancelled; no file was written.</source>
        <translation>Export geannuleerd; er is geen bestand geschreven.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="325" />
        <source>Written: %1</source>
        <translation>Geschreven: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="335" />
        <source>The export failed: %1</source>
        <translation>De export is mislukt: %1</translation>
    </message>
</context>
<context>
    <name>FindBox</name>
    <message>
        <location filename="../../capacityplanner/gui/find.py" line="142" />
        <source>Find a street or wijk…</source>
        <extracomment>Searchable (layer, name field) pairs.</extracomment>
        <translation>Zoek een straat of wijk…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/find.py" line="143" />
        <source>Type a street name or a wijk name and press Enter</source>
        <translation>Typ een straatnaam of wijknaam en druk op Enter</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="129" />
        <source>Ghent (city)</source>
        <translation>Gent (stad)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="136" />
        <location filename="../../capacityplanner/gui/forecast_view.py" line="315" />
        <source>All housing projects</source>
        <translation>Alle woonprojecten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="152" />
        <source>Ghent</source>
        <translation>Gent</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="197" />
        <location filename="../../capacityplanner/gui/forecast_view.py" line="312" />
        <source>aged %1</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="202" />
        <source>%1: children by age (1 January), band = low-high births</source>
        <translation>%1: kinderen naar leeftijd (1 januari), band = lage-hoge geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="207" />
        <location filename="../../capacityplanner/gui/forecast_view.py" line="323" />
        <source>year (1 January)</source>
        <translation>jaar (1 januari)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="211" />
        <source>Children aged 0-17: %1 in %2, %3 in %4 (middle births).</source>
        <translation>Kinderen van 0-17 jaar: %1 in %2, %3 in %4 (middelste geboorten).</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="232" />
        <source>demand, low-high births</source>
        <translation>vraag, lage-hoge geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="240" />
        <source>demand, middle births</source>
        <translation>vraag, middelste geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="249" />
        <source>capacity</source>
        <translation>capaciteit</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="267" />
        <source>%1: demand and capacity, %2</source>
        <translation>%1: vraag en capaciteit, %2</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="272" />
        <source>school year</source>
        <translation>schooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="279" />
        <source>School year %1 (%2): demand %3 (range %4 – %5), capacity %6, %7.</source>
        <translation>Schooljaar %1 (%2): vraag %3 (bereik %4 – %5), capaciteit %6, %7.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="288" />
        <source>%1 places short</source>
        <translation>%1 plaatsen tekort</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="290" />
        <source>%1 places spare</source>
        <translation>%1 plaatsen over</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="293" />
        <source>Demand peaks in %1 at %2.</source>
        <translation>De vraag piekt in %1 op %2.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="318" />
        <source>Extra children from %1%2 (1 January)</source>
        <translation>Extra kinderen door %1%2 (1 januari)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="330" />
        <source>%1 +%2 (%3)</source>
        <translation>%1 +%2 (%3)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="337" />
        <source>Extra places needed at the peak: %1.</source>
        <translation>Extra plaatsen nodig op het hoogtepunt: %1.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="340" />
        <source>No housing project adds children here.</source>
        <translation>Geen woonproject voegt hier kinderen toe.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="346" />
        <source>Children by age</source>
        <translation>Kinderen naar leeftijd</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="347" />
        <source>Demand and capacity</source>
        <translation>Vraag en capaciteit</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="348" />
        <source>Housing projects: extra children</source>
        <translation>Woonprojecten: extra kinderen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/forecast_view.py" line="358" />
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
</context>
<context>
    <name>HousingProjectForm</name>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="68" />
        <location filename="../../capacityplanner/gui/edit_forms.py" line="69" />
        <location filename="../../capacityplanner/gui/edit_forms.py" line="87" />
        <source>New housing project</source>
        <translation>Nieuw woonproject</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="77" />
        <source>Location</source>
        <translation>Ligging</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="78" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="79" />
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="80" />
        <source>Dwelling type</source>
        <translation>Woningtype</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="81" />
        <source>First year of completion</source>
        <translation>Eerste jaar van oplevering</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="82" />
        <source>Last year of completion</source>
        <translation>Laatste jaar van oplevering</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="84" />
        <source>Click a feature on the map with the identify tool.</source>
        <translation>Klik met het identificatiegereedschap op een object op de kaart.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="86" />
        <source>feature</source>
        <translation>object</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="94" />
        <source>What it is</source>
        <translation>Wat het is</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="95" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="95" />
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="97" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="88" />
        <source>Illustrative: generated data, not a real site or capacity</source>
        <translation>Illustratief: gegenereerde gegevens, geen echte locatie of capaciteit</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="90" />
        <source>Open data</source>
        <translation>Open data</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="113" />
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/identify.py" line="113" />
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="161" />
        <source>Layer to import</source>
        <translation>Te importeren laag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="167" />
        <source>Table to join</source>
        <translation>Te koppelen tabel</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="177" />
        <location filename="../../capacityplanner/gui/import_dialog.py" line="330" />
        <source>Check the file to see its column mapping.</source>
        <translation>Controleer het bestand om de koppeling van de kolommen te zien.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="203" />
        <source>Choose a file first.</source>
        <translation>Kies eerst een bestand.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="242" />
        <source>Required</source>
        <translation>Verplicht</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="245" />
        <source>— not in the file —</source>
        <translation>— niet in het bestand —</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="252" />
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="260" />
        <source>The mapping changed: check again before importing.</source>
        <translation>De koppeling is gewijzigd: controleer opnieuw voor het importeren.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="273" />
        <source>%1 can be loaded as %2: %3 features.</source>
        <translation>%1 kan geladen worden als %2: %3 objecten.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="280" />
        <source>%1 cannot be loaded: %2 problems (listed below); nothing will change.</source>
        <translation>%1 kan niet geladen worden: %2 problemen (hieronder); er verandert niets.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="287" />
        <source>Joined %1 by %2: %3 features matched, %4 without a row, %5 rows unused.</source>
        <translation>%1 gekoppeld op %2: %3 objecten gevonden, %4 zonder rij, %5 rijen niet gebruikt.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="308" />
        <source>Import the city's data</source>
        <translation>Gegevens van de stad importeren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="309" />
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="310" />
        <location filename="../../capacityplanner/gui/import_dialog.py" line="319" />
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="311" />
        <source>Replaces</source>
        <translation>Vervangt</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="312" />
        <source>(guess from the file)</source>
        <translation>(afleiden uit het bestand)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="315" />
        <source>Layer or sheet</source>
        <translation>Laag of werkblad</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="316" />
        <source>only when the file holds several</source>
        <translation>enkel als het bestand er meerdere bevat</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="317" />
        <source>Join table</source>
        <translation>Te koppelen tabel</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="318" />
        <source>optional: capacities per school (CSV or XLSX)</source>
        <translation>optioneel: capaciteiten per school (CSV of XLSX)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="320" />
        <source>Join key</source>
        <translation>Koppelsleutel</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="321" />
        <source>instellingsnummer (or LAYERCOLUMN=TABLECOLUMN)</source>
        <translation>instellingsnummer (of LAAGKOLOM=TABELKOLOM)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="322" />
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="323" />
        <source>Column mapping (bold fields are required)</source>
        <translation>Koppeling van de kolommen (vetgedrukte velden zijn verplicht)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="325" />
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="325" />
        <source>Column in the file</source>
        <translation>Kolom in het bestand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="325" />
        <source>What it is</source>
        <translation>Wat het is</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="327" />
        <source>Problems and notes</source>
        <translation>Problemen en opmerkingen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="328" />
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="191" />
        <source>Illustrative data: generated, not real locations or capacities.</source>
        <translation>Illustratieve gegevens: gegenereerd, geen echte locaties of capaciteiten.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="219" />
        <source>Move layer up</source>
        <translation>Laag omhoog</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="220" />
        <source>Move layer down</source>
        <translation>Laag omlaag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="221" />
        <location filename="../../capacityplanner/gui/layer_tree.py" line="261" />
        <source>Style…</source>
        <translation>Stijl…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="222" />
        <source>Change the style of the selected layer</source>
        <translation>De stijl van de geselecteerde laag wijzigen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/layer_tree.py" line="260" />
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
        <location filename="../../capacityplanner/gui/app.py" line="24" />
        <location filename="../../capacityplanner/gui/main_window.py" line="326" />
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/app.py" line="28" />
        <location filename="../../capacityplanner/gui/main_window.py" line="328" />
        <location filename="../../capacityplanner/gui/main_window.py" line="344" />
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="139" />
        <source>Ghent capacity planner</source>
        <translation>Capaciteitsplanner Gent</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="236" />
        <source>Nothing found for “%1”.</source>
        <extracomment>Milliseconds the start-up work waits for the first paint of the map; after that it runs anyway (a window opened minimised or off screen is not painted).</extracomment>
        <translation>Niets gevonden voor “%1”.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="345" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="346" />
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="347" />
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="348" />
        <source>Panels</source>
        <translation>Panelen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="349" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="350" />
        <source>Zoom to full extent</source>
        <translation>Zoom naar volledige kaart</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="351" />
        <source>Zoom to layer</source>
        <translation>Zoom naar laag</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="352" />
        <source>Zoom to selection</source>
        <translation>Zoom naar selectie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="353" />
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="354" />
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="356" />
        <source>Pan</source>
        <translation>Verschuiven</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="356" />
        <source>Drag the map; the wheel zooms</source>
        <translation>Sleep de kaart; het muiswiel zoomt</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="357" />
        <source>Zoom box</source>
        <translation>Zoomkader</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="357" />
        <source>Drag a rectangle to zoom in</source>
        <translation>Sleep een rechthoek om in te zoomen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="359" />
        <location filename="../../capacityplanner/gui/main_window.py" line="372" />
        <source>Identify</source>
        <translation>Identificeren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="360" />
        <source>Click a feature to see what it is and where it comes from</source>
        <translation>Klik op een object om te zien wat het is en waar het vandaan komt</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="363" />
        <source>Select</source>
        <translation>Selecteren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="364" />
        <source>Click or drag to select features of the current layer; Shift adds</source>
        <translation>Klik of sleep om objecten van de huidige laag te selecteren; Shift voegt toe</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="370" />
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="371" />
        <source>Attribute table</source>
        <translation>Attributentabel</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="373" />
        <source>Map tools</source>
        <translation>Kaartgereedschap</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="376" />
        <source>⚠ Illustrative data: schools, childcare, youth sites and demographics are generated</source>
        <translation>⚠ Illustratieve gegevens: scholen, opvang, jeugd en demografie zijn gegenereerd</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="381" />
        <source>These layers are generated by a documented script and are not real; import the city's data to replace them.</source>
        <translation>Deze lagen zijn gegenereerd door een gedocumenteerd script en zijn niet echt; importeer de gegevens van de stad om ze te vervangen.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/main_window.py" line="396" />
        <source>Scale 1:%1</source>
        <translation>Schaal 1:%1</translation>
    </message>
</context>
<context>
    <name>OptimiserDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="219" />
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="439" />
        <source>Propose sites</source>
        <extracomment>Phrases of the solver's progress messages, translated in the dialog.</extracomment>
        <translation>Sites voorstellen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="221" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="222" />
        <source>Levels</source>
        <translation>Niveaus</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="223" />
        <source>Target school year</source>
        <translation>Doelschooljaar</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="224" />
        <source>Maximum distance</source>
        <translation>Maximale afstand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="225" />
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="226" />
        <source>Budget (million EUR)</source>
        <translation>Budget (miljoen EUR)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="227" />
        <source>New sites</source>
        <translation>Nieuwe sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="228" />
        <source>Brede-site saving</source>
        <translation>Besparing brede site</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="229" />
        <source>Smallest expansion</source>
        <translation>Kleinste uitbreiding</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="230" />
        <source>Candidate sites</source>
        <translation>Kandidaatsites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="231" />
        <source>Time limit</source>
        <translation>Tijdslimiet</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="236" />
        <source>Close the shortfall at least cost</source>
        <translation>Het tekort wegwerken tegen de laagste kost</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="237" />
        <source>Shortest travel with a fixed number of new sites</source>
        <translation>Kortste verplaatsing met een vast aantal nieuwe sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="238" />
        <source>Serve the most children within a budget</source>
        <translation>Zoveel mogelijk kinderen bedienen binnen een budget</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="239" />
        <source>Fewest new sites that close the shortfall</source>
        <translation>Zo weinig mogelijk nieuwe sites die het tekort wegwerken</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="245" />
        <source>Childcare (kinderopvang)</source>
        <translation>Kinderopvang</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="246" />
        <source>Nursery (kleuter)</source>
        <translation>Kleuteronderwijs</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="247" />
        <source>Primary (lager)</source>
        <translation>Lager onderwijs</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="248" />
        <source>Secondary (secundair)</source>
        <translation>Secundair onderwijs</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="249" />
        <source>Out-of-school care (bso)</source>
        <translation>Buitenschoolse opvang (bso)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="250" />
        <source>Youth work (jeugd)</source>
        <translation>Jeugdwerk</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="254" />
        <source>Along the streets</source>
        <translation>Langs de straten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="255" />
        <source>Straight line x detour factor (fast)</source>
        <translation>Hemelsbreed x omwegfactor (snel)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="256" />
        <source>default per level</source>
        <translation>standaard per niveau</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="257" />
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="258" />
        <source>no limit</source>
        <translation>geen limiet</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="259" />
        <source>no minimum</source>
        <translation>geen minimum</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="260" />
        <source>places</source>
        <translation>plaatsen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="262" />
        <source>An existing site grows by at least this many places, or not at all</source>
        <translation>Een bestaande site groeit met minstens zoveel plaatsen, of helemaal niet</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="264" />
        <source>Every new site is a brede site (city standard)</source>
        <translation>Elke nieuwe site is een brede site (stedelijke standaard)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="265" />
        <source>Every new basis school gets out-of-school care</source>
        <translation>Elke nieuwe basisschool krijgt buitenschoolse opvang</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="266" />
        <source>Leave unreachable children unserved instead of failing</source>
        <translation>Onbereikbare kinderen onbediend laten in plaats van te falen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="267" />
        <source>Build no more places than the shortfall needs</source>
        <translation>Niet meer plaatsen bouwen dan het tekort vraagt</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="270" />
        <source>Shortest travel: places beyond the shortfall are built only where children would otherwise get no place or a new site needs its minimum size</source>
        <translation>Kortste afstand: plaatsen boven het tekort komen er enkel waar kinderen anders geen plaats krijgen of een nieuwe site haar minimale omvang nodig heeft</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="274" />
        <source>Run</source>
        <translation>Uitvoeren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="275" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="276" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="280" />
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="281" />
        <source>Propose sites...</source>
        <translation>Sites voorstellen...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="283" />
        <source>Let the optimiser propose new and expanded sites that close the shortfall</source>
        <translation>Laat de optimalisatie nieuwe en uitgebreide sites voorstellen die het tekort wegwerken</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="285" />
        <source>Clear the plan from the map</source>
        <translation>Plan van de kaart halen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="286" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="293" />
        <source>Number of new sites</source>
        <translation>Aantal nieuwe sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="293" />
        <source>At most new sites</source>
        <translation>Hoogstens nieuwe sites</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="362" />
        <source>Cancelling...</source>
        <translation>Bezig met annuleren...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="406" />
        <source>Cancelled before the solve started.</source>
        <translation>Geannuleerd voor de berekening begon.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="416" />
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="424" />
        <source>No plan exists with these settings.</source>
        <translation>Met deze instellingen bestaat er geen plan.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="421" />
        <source>Plan ready: proven optimal.</source>
        <translation>Plan klaar: bewezen optimaal.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="422" />
        <source>Plan ready: the time limit was reached before the proof.</source>
        <translation>Plan klaar: de tijdslimiet was bereikt voor het bewijs.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="423" />
        <source>Cancelled: showing the best plan found so far.</source>
        <translation>Geannuleerd: het beste plan tot nu toe wordt getoond.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="425" />
        <source>The solver stopped before it found any plan.</source>
        <translation>De rekenmotor stopte voor hij een plan vond.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/optimiser_dialog.py" line="434" />
        <source>The optimiser failed: %1</source>
        <translation>De optimalisatie mislukte: %1</translation>
    </message>
</context>
<context>
    <name>ParametersDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="209" />
        <source>Forecast parameters</source>
        <extracomment>Forecast parameters the dialog edits: (field, decimals, low, high, step).</extracomment>
        <translation>Prognoseparameters</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="215" />
        <source>Births variant</source>
        <translation>Variant geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="217" />
        <source>Share of children 0-2 needing childcare</source>
        <translation>Aandeel kinderen 0-2 dat opvang nodig heeft</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="218" />
        <source>Nursery participation</source>
        <translation>Kleuterparticipatie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="219" />
        <source>Share needing out-of-school care</source>
        <translation>Aandeel dat buitenschoolse opvang nodig heeft</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="220" />
        <source>Youth work participation</source>
        <translation>Deelname aan jeugdwerk</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="221" />
        <source>Walking radius (m)</source>
        <translation>Wandelafstand (m)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/edit_forms.py" line="222" />
        <source>Detour factor (street / straight line)</source>
        <translation>Omwegfactor (straat / hemelsbreed)</translation>
    </message>
</context>
<context>
    <name>PlanResultsPanel</name>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="249" />
        <source>Run the optimiser (Plan menu) to see a proposal here.</source>
        <extracomment>Map layer names of a plan, bottom first.</extracomment>
        <translation>Voer de optimalisatie uit (menu Plan) om hier een voorstel te zien.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="262" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="263" />
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="264" />
        <source>Brede site</source>
        <translation>Brede site</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="265" />
        <source>Functions</source>
        <translation>Functies</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="266" />
        <source>Places</source>
        <translation>Plaatsen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="267" />
        <source>Cost (EUR)</source>
        <translation>Kost (EUR)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="268" />
        <source>Wijk</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="277" />
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="278" />
        <source>expanded</source>
        <translation>uitgebreid</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="279" />
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/plan_view.py" line="291" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>Planning</name>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="42" />
        <source>Childcare</source>
        <translation>Kinderopvang</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="43" />
        <source>Nursery school</source>
        <translation>Kleuteronderwijs</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="44" />
        <source>Primary school</source>
        <translation>Lager onderwijs</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="45" />
        <source>Basis (nursery + primary)</source>
        <translation>Basisonderwijs (kleuter + lager)</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="46" />
        <source>Secondary school</source>
        <translation>Secundair onderwijs</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="47" />
        <source>Out-of-school care</source>
        <translation>Buitenschoolse opvang</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="48" />
        <source>Youth work</source>
        <translation>Jeugdwerk</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="51" />
        <source>low births</source>
        <translation>lage geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="52" />
        <source>middle births</source>
        <translation>middelste geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="53" />
        <source>high births</source>
        <translation>hoge geboorten</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/planning_state.py" line="255" />
        <source>&amp;Planning</source>
        <extracomment>Count capacity opened by this school year (None: the chosen school year).</extracomment>
        <translation>&amp;Planning</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="120" />
        <source>Project: %1</source>
        <translation>Project: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="145" />
        <source>Select one scenario.</source>
        <translation>Selecteer één scenario.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="155" />
        <source>New scenario from the current state</source>
        <translation>Nieuw scenario uit de huidige toestand</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="164" />
        <source>Branch of %1</source>
        <translation>Aftakking van %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="172" />
        <source>Select two or more scenarios to compare.</source>
        <translation>Selecteer twee of meer scenario's om te vergelijken.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="188" />
        <source>Scenarios</source>
        <translation>Scenario's</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="191" />
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="192" />
        <source>Branched from</source>
        <translation>Afgetakt van</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="193" />
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="194" />
        <source>Last saved</source>
        <translation>Laatst bewaard</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="195" />
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="199" />
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="200" />
        <source>New from current...</source>
        <translation>Nieuw uit huidige...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="201" />
        <source>Branch...</source>
        <translation>Aftakken...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="202" />
        <source>Compare</source>
        <translation>Vergelijken</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="203" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_dialogs.py" line="204" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ScenarioManager</name>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="131" />
        <source>Scenarios...</source>
        <extracomment>Name of the recovery copy of work that belongs to no scenario yet.</extracomment>
        <translation>Scenario's...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="132" />
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="344" />
        <source>Save scenario</source>
        <translation>Scenario bewaren</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="133" />
        <source>Save as branch...</source>
        <translation>Bewaren als aftakking...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="134" />
        <source>Project file or database...</source>
        <translation>Projectbestand of databank...</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="141" />
        <source>no scenario</source>
        <translation>geen scenario</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="142" />
        <source>No scenario open</source>
        <translation>Geen scenario open</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="144" />
        <source>scenario %1</source>
        <translation>scenario %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="145" />
        <source>Scenario: %1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="147" />
        <source>unsaved changes</source>
        <translation>niet-bewaarde wijzigingen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="167" />
        <source>Scenarios</source>
        <translation>Scenario's</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="172" />
        <source>Scenario name:</source>
        <translation>Naam van het scenario:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="187" />
        <source>The project database could not be used: %1</source>
        <translation>De projectdatabank kon niet gebruikt worden: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="225" />
        <source>Project file or database</source>
        <translation>Projectbestand of databank</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="226" />
        <source>GeoPackage file or postgresql://user@host/database:</source>
        <translation>GeoPackage-bestand of postgresql://gebruiker@server/databank:</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="363" />
        <source>Scenario changed by someone else</source>
        <translation>Scenario intussen door iemand anders gewijzigd</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="364" />
        <source>Save your version as a new branch?</source>
        <translation>Uw versie bewaren als een nieuwe aftakking (branch)?</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="369" />
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="389" />
        <source>Save as branch</source>
        <translation>Bewaren als aftakking</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="432" />
        <source>Delete scenario</source>
        <translation>Scenario verwijderen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="433" />
        <source>Delete scenario %1 from the project? This cannot be undone.</source>
        <translation>Scenario %1 uit het project verwijderen? Dit kan niet ongedaan gemaakt worden.</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="526" />
        <source>Autosave failed: %1</source>
        <translation>Automatisch bewaren mislukte: %1</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="542" />
        <source>Recover unsaved work</source>
        <translation>Niet-bewaard werk herstellen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="543" />
        <source>Unsaved work of scenario %1 from %2 was found. Recover it?</source>
        <translation>Er is niet-bewaard werk van scenario %1 van %2 gevonden. Herstellen?</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="564" />
        <source>Unsaved changes</source>
        <translation>Niet-bewaarde wijzigingen</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/scenario_manager.py" line="565" />
        <source>The current scenario has unsaved changes. Save them first?</source>
        <translation>Het huidige scenario heeft niet-bewaarde wijzigingen. Eerst bewaren?</translation>
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
<context>
    <name>_ImportAction</name>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="354" />
        <source>Import the city's data…</source>
        <translation>Gegevens van de stad importeren…</translation>
    </message>
    <message>
        <location filename="../../capacityplanner/gui/import_dialog.py" line="356" />
        <source>Replace an illustrative layer by the city's own (schools, childcare …)</source>
        <translation>Vervang een illustratieve laag door die van de stad (scholen, kinderopvang …)</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../capacityplanner/gui/export_dialog.py" line="391" />
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
</context>
</TS>