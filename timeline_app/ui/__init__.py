"""The thin Qt layer: adapters from the core timeline model to Qt models and widgets."""
