"""capacityplanner.commands"""
