"""Dutch texts of the scenario difference map."""

NL = {
    "Difference on the map": "Verschil op de kaart",
    "Difference %1 - %2, %3 %4-%5": "Verschil %1 - %2, %3 %4-%5",
    "Balance of the second scenario minus the first, per wijk: green = more spare places, red = fewer.": "Balans van het tweede scenario min het eerste, per wijk: groen = meer vrije plaatsen, rood = minder.",
}
