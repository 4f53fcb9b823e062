"""Blueprint Studio: design, check and export service blueprints."""

__version__ = "0.1.0"
