"""capacityplanner.export"""
