"""capacityplanner.gui"""
