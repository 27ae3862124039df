"""Qt-free core: ingestion, temporal tagging, events, ordering and merging."""
