"""Public helpers for users' own tests: hypothesis strategies for the model."""
