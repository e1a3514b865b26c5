"""Total-station protocols and file formats decoded into typed observations."""
