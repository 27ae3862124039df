"""timeline_app: turn a folder of news articles into an interactive timeline."""

__version__ = "0.1.0"
