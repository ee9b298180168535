"""The web dashboard and REST API (`termlens serve`)."""
