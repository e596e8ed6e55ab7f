"""Sync with the city: the protocol (shared), the station's client and the city server."""
