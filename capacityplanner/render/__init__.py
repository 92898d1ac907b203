"""capacityplanner.render"""
