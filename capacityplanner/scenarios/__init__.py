"""capacityplanner.scenarios"""
