"""Where the shipped resources live."""

from pathlib import Path

#: Repository/installation root that holds ``resources/``.
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
#: The shipped Ghent data set.
GHENT_GPKG = RESOURCES / "ghent.gpkg"
