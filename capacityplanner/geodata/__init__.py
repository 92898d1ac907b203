"""capacityplanner.geodata"""
