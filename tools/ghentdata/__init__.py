"""Building blocks of ``tools/build_ghent_data.py`` (the shipped Ghent data set)."""
