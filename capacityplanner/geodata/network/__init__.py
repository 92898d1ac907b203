"""Street-network distances for the location-allocation optimiser.

Public API
----------
StreetNetwork
    ``StreetNetwork.from_wegen(wegen, mode)`` and ``.distance_matrix(origins, destinations,
    limit_m=None, limit_min=None, weight="metres")``.
euclidean_matrix
    Straight line x detour factor, same sparse conventions.
sector_demand_points, default_entry_points
    Where demand sits: one point per statistical sector, and where pupils from outside
    Ghent enter the city.
"""

from capacityplanner.geodata.network.demand import default_entry_points, sector_demand_points
from capacityplanner.geodata.network.euclidean import euclidean_matrix
from capacityplanner.geodata.network.modes import (
    BIKE_KMH,
    CAR_SPEEDS_KMH,
    MODES,
    WALK_KMH,
    default_speeds_kmh,
)
from capacityplanner.geodata.network.street_network import WEIGHTS, Snap, StreetNetwork

__all__ = [
    "BIKE_KMH",
    "CAR_SPEEDS_KMH",
    "MODES",
    "WALK_KMH",
    "WEIGHTS",
    "Snap",
    "StreetNetwork",
    "default_entry_points",
    "default_speeds_kmh",
    "euclidean_matrix",
    "sector_demand_points",
]
