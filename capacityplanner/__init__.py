"""Ghent capacity planner: forecast, balance and location-allocation for schools,
childcare and youth infrastructure."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("capacityplanner")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.1.0"
