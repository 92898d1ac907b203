"""What a layer is, in the interface language: identify and the layer tree's tooltips."""

import runpy

import ghent_window as fixtures

from capacityplanner import paths
from capacityplanner.gui.map_canvas import Tool

ghent_dataset = fixtures.ghent_dataset
ghent_window = fixtures.ghent_window
pytestmark = fixtures.needs_ghent

DUTCH = runpy.run_path(str(paths.RESOURCES / "translations" / "nl_layers.py"))["NL"]


def test_every_shipped_layer_description_has_a_dutch_text(ghent_dataset):
    missing = [
        name
        for name in ghent_dataset.layers
        if ghent_dataset.description(name) and ghent_dataset.description(name) not in DUTCH
    ]
    assert missing == []


def test_identify_and_layer_tooltip_describe_the_layer_in_dutch_then_english(ghent_window):
    window = ghent_window
    english = window.workspace.dataset.description("wijken")
    window.set_tool(Tool.IDENTIFY)
    window.identify("wijken", int(window.map_model.layer("wijken").frame.index[0]))
    header = window.identify_panel.header.text()
    assert "De 25 wijken van Gent" in header and "The 25 districts" not in header
    tip = window.layer_tree.layer_item("wijken").toolTip(0)
    assert tip.startswith("De 25 wijken van Gent")

    window.set_language("en")
    assert english.startswith("The 25 districts")
    assert english[:40] in window.identify_panel.header.text()
    assert window.layer_tree.layer_item("wijken").toolTip(0).startswith("The 25 districts")
    tip = window.layer_tree.layer_item("scholen_basis").toolTip(0)
    assert "ILLUSTRATIVE" in tip
