"""capacityplanner.models"""
