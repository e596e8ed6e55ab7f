"""The station's core: domain rules, storage and services. It never imports Qt."""

__version__ = "0.1.0"
