"""Pipeline stages: fetch → extract → segment → analyze → diff → notify."""
